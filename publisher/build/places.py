"""Where a build reads and writes may not overlap, and no two articles may share an
output folder: either would silently lose someone's files."""

from __future__ import annotations

from pathlib import Path

from publisher.errors import Problem, UsageError


def check_places(targets: list[Path], out: Path) -> None:
    """Refuse an output folder inside a source folder (or equal to it), and sources
    inside the output folder. A source folder is a folder the command names (a folder
    of articles or a bundle); for an article file it is the folder it is in, which
    may hold the output folder (``article.md`` beside ``build/``) but not be it."""
    out = out.resolve()
    problems = []
    for target in targets:
        source = target.resolve()
        if source.name == "index.md" and source.is_file():  # a bundle: its folder
            source = source.parent
        if source == out or out in source.parents:
            problems.append(
                Problem(
                    target,
                    f"the source is inside the output folder {out}; choose another --out",
                )
            )
            continue
        if source.is_dir() and (out == source or source in out.parents):
            problems.append(
                Problem(
                    target,
                    f"the output folder {out} is inside this source folder; a build would "
                    "write between the articles (choose an --out outside it)",
                )
            )
        elif source.is_file() and out == source.parent:
            problems.append(
                Problem(
                    target,
                    f"the output folder {out} is the article's own folder; choose another --out",
                )
            )
    if problems:
        raise UsageError(problems)
