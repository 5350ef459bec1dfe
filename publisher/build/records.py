"""What the stages after the article builds know about an article without reading it
again: its metadata, recorded in the manifest when the article is built.

Collections select articles by these records (slug, date, keywords, language), and
the site's index page, feed and JSON index are made from them, so a no-op build of
a thousand articles reads no article and no collection is re-selected from sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from publisher.reading.model import Article


@dataclass(frozen=True)
class ArticleRecord:
    slug: str
    source: str
    """The article's file (absolute), so a collection can read it when it is built."""
    title: str
    lang: str
    date: str
    """ISO date (YYYY-MM-DD)."""
    summary: str = ""
    plain_title: str = ""
    plain_summary: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    url: str = ""
    publisher: str = ""
    authors: tuple[str, ...] = ()
    files: dict[str, int] = field(default_factory=dict)
    """Output path (relative to the article's folder) -> size in bytes."""

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleRecord:
        values = dict(data)
        for name in ("plain_summary", "keywords", "authors"):
            values[name] = tuple(values.get(name, ()))
        return cls(**values)


def record_of(article: Article, files: dict[str, int]) -> ArticleRecord:
    meta = article.meta
    return ArticleRecord(
        slug=article.slug,
        source=str(Path(article.source.path).resolve()),
        title=meta.title,
        lang=meta.lang,
        date=meta.date.isoformat(),
        summary=meta.summary or "",
        plain_title=meta.plain.title or "",
        plain_summary=meta.plain.summary,
        keywords=meta.keywords,
        url=meta.url or "",
        publisher=meta.publisher or "",
        authors=tuple(a.name for a in meta.authors),
        files=dict(sorted(files.items())),
    )
