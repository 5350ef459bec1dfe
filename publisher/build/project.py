"""Building a whole project: the articles (``batch``), then the collections that
hold them (``collections``), then the site pages (``site``), each stage skipping
what has not changed."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from publisher.build.batch import build_all
from publisher.build.options import ArticleResult, BuildOptions

if TYPE_CHECKING:
    from publisher.site.model import SiteOptions


@dataclass
class ProjectResult:
    articles: list[ArticleResult]
    collections: list[ArticleResult] = field(default_factory=list)
    site: ArticleResult | None = None

    @property
    def failed(self) -> bool:
        results = [*self.articles, *self.collections, *([self.site] if self.site else [])]
        return any(r.errors for r in results)


def build_project(
    articles: list[Path],
    options: BuildOptions,
    *,
    collections: list[Path] | None = None,
    site: SiteOptions | None = None,
    jobs: int = 0,
    force: bool = False,
    progress: Callable[[ArticleResult], None] | None = None,
    cluster: str | None = None,
) -> ProjectResult:
    """Build the articles, then the collections (their articles are chosen from the
    articles' records), then the site pages when ``site`` is given."""
    result = ProjectResult(build_all(articles, options, jobs, force, progress, cluster))
    records = {r.record.slug: r.record for r in result.articles if r.record and not r.errors}
    keys = {r.record.slug: r.key for r in result.articles if r.record and not r.errors}
    if collections:
        from publisher.build.collections import build_collections  # only when there are some

        result.collections = build_collections(
            collections, records, keys, options, jobs or os.cpu_count() or 1, force, progress
        )
    if site is not None:
        from publisher.build.site import build_site

        built = [
            (r.record, tuple(r.members))
            for r in result.collections
            if r.record is not None and not r.errors
        ]
        result.site = build_site(list(records.values()), built, options, site, force)
    return result
