"""Finding articles: files, bundles (``<slug>/index.md``) and folders of them."""

from __future__ import annotations

from pathlib import Path

from publisher.errors import PublisherError


def find_articles(paths: list[Path]) -> list[Path]:
    """Expand the command line's paths to article files, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif (path / "index.md").is_file():
            found.append(path / "index.md")
        elif path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix == ".md" and not child.name.startswith("."):
                    found.append(child)
                elif child.is_dir() and (child / "index.md").is_file():
                    found.append(child / "index.md")
        else:
            raise PublisherError.at(path, "no such file or folder")
    return found
