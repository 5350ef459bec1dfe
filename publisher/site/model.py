"""What the site pages are made from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin

from publisher.build.records import ArticleRecord
from publisher.catalog import FORMATS, VARIANTS


@dataclass(frozen=True)
class SiteOptions:
    """The site's own settings (``publisher.toml``); they do not reach the articles,
    so changing them rebuilds only the site pages."""

    title: str
    lang: str
    base_url: str = ""
    """https:// address where the output folder is published ('' if not known)."""
    author: str = ""
    """Who publishes the site (the feed's author)."""


@dataclass(frozen=True)
class Site:
    options: SiteOptions
    articles: tuple[ArticleRecord, ...]
    """Newest first."""
    collections: tuple[tuple[ArticleRecord, tuple[str, ...]], ...]
    """Each collection's record and the slugs of its articles, newest first."""
    formats: tuple[str, ...]
    variants: tuple[str, ...]

    @property
    def updated(self) -> dt.date:
        days = [r.day for r in self.articles] + [r.day for r, _ in self.collections]
        return max(days, default=dt.date(2000, 1, 1))

    def href(self, relative: str) -> str:
        """A file of the output folder, as the site's files link to it: absolute
        with ``base_url``, else relative to the output folder."""
        base = self.options.base_url
        return urljoin(base.rstrip("/") + "/", relative) if base else relative


def newest_first(records: list[ArticleRecord]) -> list[ArticleRecord]:
    return sorted(records, key=lambda r: (r.date, r.slug), reverse=True)


def outputs(record: ArticleRecord, folder: str) -> list[tuple[str, str, str, int]]:
    """(variant, format, path from the output folder, size) of every built output."""
    found = []
    for variant in VARIANTS.values():
        for fmt in FORMATS.values():
            name = f"{record.slug}{variant.suffix}{fmt.extension}"
            if name in record.files:
                found.append((variant.name, fmt.name, f"{folder}{name}", record.files[name]))
    return found
