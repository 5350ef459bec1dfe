"""Finding articles and reading their files: bytes -> text -> front matter + body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.errors import PublisherError

MAX_SOURCE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """A Markdown file split into its front matter and its body."""

    path: Path
    front_matter: str
    body: str
    body_first_line: int
    """1-based line number in the file of the body's first line."""

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def default_slug(self) -> str:
        if self.path.name == "index.md":
            return self.path.parent.name
        return self.path.stem


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


def read_source(path: Path) -> SourceFile:
    """Read an article file, checking that it is a UTF-8 text with front matter."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PublisherError.at(path, f"cannot read the file: {exc.strerror}") from None
    if not data.strip():
        raise PublisherError.at(path, "the file is empty; an article needs front matter and text")
    if len(data) > MAX_SOURCE_BYTES:
        raise PublisherError.at(
            path,
            f"the file is {len(data) // 1024 // 1024} MB; the limit is "
            f"{MAX_SOURCE_BYTES // 1024 // 1024} MB",
        )
    if b"\x00" in data:
        raise PublisherError.at(path, "this is a binary file, not a Markdown text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PublisherError.at(
            path, "the file is not UTF-8 text (save it as UTF-8)", line
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise PublisherError.at(
            path,
            "the file must start with front matter: a line '---', the YAML fields "
            "(title, lang, date), and another line '---'",
            1,
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return SourceFile(path, front, body, index + 2)
    raise PublisherError.at(path, "the front matter is not closed by a line '---'", 1)
