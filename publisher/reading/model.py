"""The document model: what an article is once it has been read and checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from markdown_it.token import Token

from publisher.reading.files import SourceFile
from publisher.reading.ids import term_id, term_use_id

Level = Literal["b1", "easy"]


@dataclass(frozen=True)
class Author:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    key: str
    definition: str
    forms: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return term_id(self.key)

    @property
    def use_anchor(self) -> str:
        """The id of the term's first use in the text (the word list links back)."""
        return term_use_id(self.key)


@dataclass(frozen=True)
class Contact:
    """Who readers can turn to (front matter ``contact``): on the handout and in the
    colophon of every format."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    web: str | None = None

    @property
    def web_text(self) -> str | None:
        """The web address as shown: without ``https://`` (nor a lone trailing ``/``),
        as people write it on paper."""
        if not self.web:
            return None
        shown = self.web.split("://", 1)[-1]
        return shown[:-1] if shown.endswith("/") and shown.count("/") == 1 else shown

    @property
    def tel(self) -> str | None:
        """The phone number as a ``tel:`` address (digits and a leading +)."""
        if not self.phone:
            return None
        digits = "".join(c for c in self.phone if c.isdigit())
        return "tel:" + ("+" if self.phone.lstrip().startswith("+") else "") + digits


@dataclass(frozen=True)
class PlainMeta:
    title: str | None = None
    summary: tuple[str, ...] = ()
    level: Level = "b1"


@dataclass(frozen=True)
class Meta:
    title: str
    lang: str
    date: dt.date
    slug: str
    subtitle: str | None = None
    authors: tuple[Author, ...] = ()
    publisher: str | None = None
    summary: str | None = None
    keywords: tuple[str, ...] = ()
    url: str | None = None
    license: str | None = None
    theme: str | None = None
    plain: PlainMeta = field(default_factory=PlainMeta)
    glossary: tuple[GlossaryEntry, ...] = ()
    abbr: tuple[tuple[str, str], ...] = ()
    contact: Contact | None = None

    @property
    def base_lang(self) -> str:
        return self.lang.split("-")[0].lower()

    def glossary_lookup(self, word: str) -> GlossaryEntry | None:
        folded = word.casefold()
        for entry in self.glossary:
            if entry.key.casefold() == folded or folded in (f.casefold() for f in entry.forms):
                return entry
        return None


@dataclass(frozen=True)
class Image:
    """An image the article uses, checked: local ones confined to its folder."""

    source: Path
    name: str
    """Its file name in the outputs: a safe stem and the extension of its real type."""
    media_type: str
    data: bytes = field(repr=False)
    """What is published: the file's bytes, or for an SVG the rebuilt, allowed part."""
    width: float | None = None
    height: float | None = None


@dataclass
class Article:
    """One parsed article: metadata and the token stream of its body (one parse)."""

    source: SourceFile
    meta: Meta
    tokens: list[Token]
    images: dict[str, Image]
    """Image path as written in the source -> the checked image."""
    footnotes: dict[int, list[Token]]
    """Footnote id -> the block tokens of its text."""

    @property
    def slug(self) -> str:
        return self.meta.slug


def slugify(text: str) -> str:
    """A readable, ASCII-only file name (slug) from a title."""
    import unicodedata

    normal = unicodedata.normalize("NFKD", text)
    ascii_text = normal.encode("ascii", "ignore").decode("ascii").lower()
    out = []
    for char in ascii_text:
        if char.isalnum():
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")
