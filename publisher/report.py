"""What the author sees during and after a build: warnings and errors as they come,
a progress bar for bigger builds, and a short summary."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from rich.console import Console

from publisher.options import ArticleResult

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
        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self.out = out
        self.quiet = quiet
        self.verbose = verbose
        self.started = time.perf_counter()
        self.progress: Progress | None = None
        self.task: Any = None
        if not quiet and articles * outputs_each >= PROGRESS_FROM and self.console.is_terminal:
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
                console=self.console,
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

    def done(self, result: ArticleResult) -> None:
        for warning in result.warnings:
            self.console.print(f"warning: {warning}", markup=False)
        for problem in result.errors:
            self.console.print(f"error: {problem}", markup=False)
        if self.verbose and not result.errors:
            state = "unchanged" if result.skipped else f"built in {result.seconds:.1f} s"
            self.console.print(f"{result.source}: {len(result.files)} files, {state}", markup=False)
        if self.progress and self.task is not None:
            self.progress.advance(self.task)

    def summary(self, results: list[ArticleResult]) -> None:
        failed = [r for r in results if r.errors]
        if self.quiet:
            if failed:
                print(f"{len(failed)} of {len(results)} articles failed", file=sys.stderr)
            return
        from rich.table import Table

        built = [r for r in results if not r.errors and not r.skipped]
        skipped = [r for r in results if r.skipped]
        table = Table(title=None, show_edge=False, box=None, pad_edge=False)
        for column in (
            "articles",
            "built",
            "unchanged",
            "failed",
            "outputs",
            "size",
            "warnings",
            "time",
        ):
            table.add_column(column, justify="right")
        outputs = sum(len(r.files) for r in built)
        size = sum(sum(r.files.values()) for r in built)
        table.add_row(
            str(len(results)),
            str(len(built)),
            str(len(skipped)),
            str(len(failed)),
            str(outputs),
            _size(size),
            str(sum(len(r.warnings) for r in results)),
            f"{time.perf_counter() - self.started:.1f} s",
        )
        self.console.print(table)
        self.console.print(f"output: {self.out}/", markup=False)
        if failed:
            self.console.print(f"{len(failed)} of {len(results)} articles failed", markup=False)


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.0f} kB"
