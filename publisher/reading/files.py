"""Reading an article file: bytes -> text -> front matter + body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from publisher.errors import PublisherError
from publisher.reading.limits import MAX_SOURCE_BYTES


@dataclass(frozen=True)
class SourceFile:
    """A Markdown file split into its front matter and its body."""

    path: Path
    front_matter: str
    body: str
    body_first_line: int
    """1-based line number in the file of the body's first line."""
    removed: tuple[tuple[int, str], ...] = ()
    """(line, character) of every invisible character that no output format can hold
    (control characters, non-characters); they were taken out of the text."""

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def default_slug(self) -> str:
        if self.path.name == "index.md":
            return self.path.resolve().parent.name  # "index.md" alone: its folder's name
        return self.path.stem


UNUSABLE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef"
    "\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
"""Characters XML 1.0 (EPUB) does not allow, and that HTML calls errors: control
characters other than tab and newline, surrogates and non-characters."""


def remove_unusable(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """``text`` without :data:`UNUSABLE_RE` characters, and (line, character) of each."""
    found = [
        (text.count("\n", 0, match.start()) + 1, match.group())
        for match in UNUSABLE_RE.finditer(text)
    ]
    return (UNUSABLE_RE.sub("", text), tuple(found)) if found else (text, ())


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
    text, removed = remove_unusable(text)
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
            return SourceFile(path, front, body, index + 2, removed)
    raise PublisherError.at(path, "the front matter is not closed by a line '---'", 1)
