"""What the author sees during and after a build: warnings and errors as they come,
a progress bar for bigger builds (on a terminal), and a short summary."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from publisher.build.options import ArticleResult
from publisher.errors import visible

if TYPE_CHECKING:
    from rich.progress import Progress

PROGRESS_FROM = 8
"""Show a progress bar when at least this many outputs are built."""


class BuildReporter:
    def __init__(
        self,
        articles: int,
        outputs_each: int,
        out: Path,
        quiet: bool = False,
        verbose: bool = False,
    ) -> None:
        self.out = out
        self.quiet = quiet
        self.verbose = verbose
        self.started = time.perf_counter()
        self.progress: Progress | None = None
        self.task: Any = None
        if not quiet and articles * outputs_each >= PROGRESS_FROM and sys.stderr.isatty():
            from rich.console import Console  # only for the progress bar: start-up matters
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.progress = Progress(
                TextColumn("building"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.progress.add_task("build", total=articles)

    def __enter__(self) -> BuildReporter:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.progress:
            self.progress.stop()

    def say(self, line: str) -> None:
        if self.progress:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def done(self, result: ArticleResult) -> None:
        for warning in result.warnings:
            self.say(f"warning: {warning}")
        for problem in result.errors:
            self.say(f"error: {problem}")
        if self.verbose and not result.errors:
            state = "unchanged" if result.skipped else f"built in {result.seconds:.1f} s"
            self.say(f"{visible(str(result.source))}: {len(result.files)} files, {state}")
        if self.progress and self.task is not None:
            self.progress.advance(self.task)

    def summary(
        self,
        results: list[ArticleResult],
        collections: list[ArticleResult] | None = None,
        site: ArticleResult | None = None,
    ) -> None:
        failed = [r for r in results if r.errors]
        unaddressed = unaddressed_warning(results)
        if unaddressed:
            self.say(f"warning: {unaddressed}")
        collections = collections or []
        failed_collections = [r for r in collections if r.errors]
        if self.quiet:
            if failed:
                self.say(f"{len(failed)} of {len(results)} articles failed")
            if failed_collections:
                self.say(f"{len(failed_collections)} of {len(collections)} collections failed")
            if site and site.errors:
                self.say("the site pages failed")
            return
        built = [r for r in results if not r.errors and not r.skipped]
        skipped = [r for r in results if r.skipped]
        columns = {
            "articles": str(len(results)),
            "built": str(len(built)),
            "unchanged": str(len(skipped)),
            "failed": str(len(failed)),
            "outputs": str(sum(len(r.files) for r in built)),
            "size": _size(sum(sum(r.files.values()) for r in built)),
            "warnings": str(sum(len(r.warnings) for r in results) + bool(unaddressed)),
            "time": f"{time.perf_counter() - self.started:.1f} s",
        }
        widths = {k: max(len(k), len(v)) for k, v in columns.items()}
        self.say("  ".join(k.rjust(widths[k]) for k in columns))
        self.say("  ".join(v.rjust(widths[k]) for k, v in columns.items()))
        if collections:
            made = sum(1 for r in collections if not r.errors and not r.skipped)
            kept = sum(1 for r in collections if r.skipped)
            self.say(
                f"collections: {made} built, {kept} unchanged, {len(failed_collections)} failed"
            )
        if site and not site.errors:
            pages = ", ".join(name for name in sorted(site.files) if "/" not in name)
            state = "unchanged" if site.skipped else "built"
            missing = "" if "sitemap.xml" in site.files else " (no sitemap.xml: set base_url)"
            self.say(f"site: {pages} {state}{missing}")
        self.say(f"output: {self.out}/")
        if failed:
            self.say(f"{len(failed)} of {len(results)} articles failed")
        if failed_collections:
            self.say(f"{len(failed_collections)} of {len(collections)} collections failed")
        if site and site.errors:
            for problem in site.errors:
                self.say(f"error: {problem}")


def unaddressed_warning(results: list[ArticleResult]) -> str:
    """One warning for every built article without an address: which outputs lose
    which links, and how to give them one ('' when none lost any)."""
    lost = [r for r in results if r.lost_links and not r.errors and not r.skipped]
    if not lost:
        return ""
    names = ", ".join(str(r.slug) for r in lost[:5]) + (", ..." if len(lost) > 5 else "")
    what: list[str] = []
    for result in lost:
        what += [phrase for phrase in result.lost_links if phrase not in what]
    count = f"{len(lost)} article" + ("s" if len(lost) > 1 else "")
    return (
        f"{count} without an address ({names}): {'; '.join(what)}. Set base_url in "
        "publisher.toml (where build/ is published) or url in the front matter."
    )


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.0f} kB"
