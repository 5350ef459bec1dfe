"""Building many articles: skip what has not changed (``manifest``), build the rest
in parallel processes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from publisher.build.manifest import (
    article_key,
    load_manifest,
    save_manifest,
    shared_key,
    unchanged,
)
from publisher.build.options import ArticleResult, BuildOptions
from publisher.build.records import ArticleRecord


def build_all(
    articles: list[Path],
    options: BuildOptions,
    jobs: int = 0,
    force: bool = False,
    progress: Callable[[ArticleResult], None] | None = None,
    cluster: str | None = None,
) -> list[ArticleResult]:
    """Build (or skip) every article; results in the order of ``articles``. With
    ``cluster`` (a Dask scheduler's address) the articles are rendered there."""
    manifest = load_manifest(options.out_dir)
    entries: dict[str, Any] = manifest.get("articles", {}) if not force else {}
    shared = shared_key(options)
    results: dict[Path, ArticleResult] = {}
    todo: list[Path] = []
    for article in articles:
        entry = entries.get(str(article.resolve()))
        if entry and unchanged(entry, options.out_dir):
            try:
                same = article_key(article, entry["inputs"], options, shared) == entry["key"]
            except OSError:
                same = False
            if same and "record" in entry:
                result = ArticleResult(
                    article,
                    slug=entry["slug"],
                    files=entry["files"],
                    skipped=True,
                    record=ArticleRecord.from_json(entry["record"]),
                    key=entry["key"],
                )
                results[article] = result
                if progress:
                    progress(result)
                continue
        todo.append(article)

    changed = False
    for result in _run(todo, options, jobs, cluster):
        results[result.source] = result
        key = str(result.source.resolve())
        if result.errors:
            changed |= entries.pop(key, None) is not None
        else:
            changed = True
            result.key = article_key(result.source, result.inputs, options, shared)
            entries[key] = {
                "slug": result.slug,
                "key": result.key,
                "inputs": result.inputs,
                "files": result.files,
                "record": result.record.to_json() if result.record else None,
            }
        if progress:
            progress(result)
    if changed:
        save_manifest(options.out_dir, {**manifest, "articles": entries})
    return [results[article] for article in articles]


def _run(
    articles: list[Path], options: BuildOptions, jobs: int, cluster: str | None = None
) -> Iterator[ArticleResult]:
    if not articles:
        return
    if cluster:
        from publisher.build.cluster import run_on_cluster

        yield from run_on_cluster(articles, options, cluster)
        return
    from publisher.build.article import build_article  # the renderers: only when building

    workers = jobs or os.cpu_count() or 1
    if len(articles) == 1 or workers <= 1:
        # Too few articles to share out: the variants of each run in parallel instead.
        for article in articles:
            yield build_article(article, options, workers)
        return
    from concurrent.futures import as_completed

    from publisher.build.workers import pool

    workers = min(workers, len(articles))
    with pool(workers) as executor:
        futures = [executor.submit(build_article, article, options) for article in articles]
        for future in as_completed(futures):
            yield future.result()
