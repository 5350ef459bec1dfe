"""A collection as declared: what it is called and which articles it holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from publisher.reading.model import Article, Author, Image

Order = Literal["listed", "oldest", "newest", "title"]
ORDERS: tuple[Order, ...] = ("listed", "oldest", "newest", "title")


@dataclass(frozen=True)
class Query:
    """Articles chosen by what they are: a date range, keywords (any), languages."""

    start: dt.date | None = None
    end: dt.date | None = None
    keywords: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    limit: int | None = None


@dataclass(frozen=True)
class Listed:
    """An article named in the collection file, and the line that names it."""

    slug: str
    line: int | None


@dataclass(frozen=True)
class Cover:
    image: Image
    alt: str | None
    """Its text alternative; None: the interface string "Cover: {title}"."""


@dataclass(frozen=True)
class Declaration:
    """A checked collection file. ``intro`` is its text as an article: the
    collection's title, language and date are its front matter, the introduction
    its body (with ``::: plain`` blocks like any article)."""

    path: Path
    intro: Article
    editors: tuple[Author, ...]
    cover: Cover | None
    listed: tuple[Listed, ...]
    query: Query | None
    order: Order
    dated: bool
    """The file gives a date; otherwise the date is that of its newest article."""
    lines: dict[str, int]

    @property
    def slug(self) -> str:
        return self.intro.slug
