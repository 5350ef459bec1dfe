"""Building many articles: skip what has not changed (``manifest``), build the rest
in parallel processes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from publisher.build.manifest import MANIFEST, article_key, load_manifest, shared_key, unchanged
from publisher.build.options import ArticleResult, BuildOptions
from publisher.build.outputs import write_atomic
from publisher.failures import problem_for


def build_all(
    articles: list[Path],
    options: BuildOptions,
    jobs: int = 0,
    force: bool = False,
    progress: Callable[[ArticleResult], None] | None = None,
) -> list[ArticleResult]:
    """Build (or skip) every article; results in the order of ``articles``."""
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
            if same:
                result = ArticleResult(
                    article, slug=entry["slug"], files=entry["files"], skipped=True
                )
                results[article] = result
                if progress:
                    progress(result)
                continue
        todo.append(article)

    changed = False
    for result in _run(todo, options, jobs):
        results[result.source] = result
        key = str(result.source.resolve())
        if result.errors:
            changed |= entries.pop(key, None) is not None
        else:
            changed = True
            entries[key] = {
                "slug": result.slug,
                "key": article_key(result.source, result.inputs, options, shared),
                "inputs": result.inputs,
                "files": result.files,
            }
        if progress:
            progress(result)
    if changed:
        data = json.dumps({"version": 1, "articles": entries}, indent=1, sort_keys=True)
        write_atomic(options.out_dir / MANIFEST, data.encode("utf-8"))
    return [results[article] for article in articles]


def _run(articles: list[Path], options: BuildOptions, jobs: int) -> Iterator[ArticleResult]:
    if not articles:
        return
    from concurrent.futures import as_completed

    from publisher.build.article import build_article  # the renderers: only when building
    from publisher.build.workers import pool

    workers = jobs or os.cpu_count() or 1
    if len(articles) == 1 or workers <= 1:
        # Too few articles to share out: the variants of each run in parallel instead.
        for article in articles:
            yield build_article(article, options, workers)
        return
    workers = min(workers, len(articles))
    with pool(workers) as executor:
        futures = {
            executor.submit(build_article, article, options): article for article in articles
        }
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # a worker died (killed, out of memory)
                yield ArticleResult(futures[future], errors=problem_for(error, futures[future]))
