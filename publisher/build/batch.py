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
from publisher.errors import Problem
from publisher.failures import problem_for


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
    built_before: dict[str, Any] = manifest.get("articles", {})
    entries: dict[str, Any] = built_before if not force else {}
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
                results[article] = ArticleResult(
                    article,
                    slug=entry["slug"],
                    files=entry["files"],
                    skipped=True,
                    record=ArticleRecord.from_json(entry["record"]),
                    key=entry["key"],
                )
                continue
        todo.append(article)

    refused = _same_slugs(todo, results, built_before)
    changed = False
    for article in articles:
        if article in refused:
            results[article] = refused[article]
            changed |= entries.pop(str(article.resolve()), None) is not None
        if article in results and progress:
            progress(results[article])
    todo = [article for article in todo if article not in refused]
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


def _same_slugs(
    todo: list[Path], skipped: dict[Path, ArticleResult], built_before: dict[str, Any]
) -> dict[Path, ArticleResult]:
    """Articles of this build whose slug another article also has (in this build, or
    built earlier into this output folder from a file that still exists): they would
    overwrite each other's outputs, so none of them is built or counted as unchanged.
    Each gets an error naming the other files."""
    owners: dict[str, list[Path]] = {}
    if todo:
        from publisher.reading.frontmatter import peek_slug  # YAML: only when building

    ours: set[str] = set()
    for path in todo:
        slug = peek_slug(path)
        if slug is not None:
            owners.setdefault(slug, []).append(path)
            ours.add(str(path.resolve()))
    for path, result in skipped.items():
        if result.slug:
            owners.setdefault(result.slug, []).append(path)
            ours.add(str(path.resolve()))
    for key, entry in built_before.items():
        if key not in ours and entry["slug"] in owners and Path(key).is_file():
            owners[entry["slug"]].append(Path(key))
    refused: dict[Path, ArticleResult] = {}
    for slug, paths in owners.items():
        if len(paths) < 2:
            continue
        for path in paths:
            if str(path.resolve()) not in ours:
                continue  # built earlier, not part of this build: its outputs stay
            names = ", ".join(str(other) for other in paths if other != path)
            message = (
                f"slug '{slug}' is also the slug of {names}; they would overwrite each "
                "other's outputs (give one of them another 'slug:')"
            )
            refused[path] = ArticleResult(path, errors=[Problem(path, message)])
            skipped.pop(path, None)
    return refused


RECYCLE = 50
"""Articles a worker process builds before a fresh one takes its place. WeasyPrint
(Pango, fontconfig) keeps some native memory for every document it lays out, about
0.75 MB per article of the benchmark that no garbage collection frees, so one
process that builds a thousand articles would grow by 750 MB."""


def _run(
    articles: list[Path], options: BuildOptions, jobs: int, cluster: str | None = None
) -> Iterator[ArticleResult]:
    if not articles:
        return
    if cluster:
        from publisher.build.cluster import run_on_cluster

        yield from run_on_cluster(articles, options, cluster)
        return
    # The renderers: only when building.
    from publisher.build.article import build_article, import_renderers

    cores = jobs or os.cpu_count() or 1
    workers = min(cores, len(articles))
    if len(articles) == 1 or (workers <= 1 and len(articles) <= RECYCLE):
        # Too few articles to share out: the variants of each run in parallel instead.
        for article in articles:
            yield build_article(article, options, cores)
        return
    # Fresh worker processes every RECYCLE articles each (forking is cheap).
    import_renderers(options)
    size = RECYCLE * workers
    for start in range(0, len(articles), size):
        yield from _in_pool(articles[start : start + size], options, workers)


def _in_pool(articles: list[Path], options: BuildOptions, workers: int) -> Iterator[ArticleResult]:
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    from publisher.build.article import build_article
    from publisher.build.workers import pool

    unfinished: list[Path] = []
    with pool(workers) as executor:
        futures = {
            executor.submit(build_article, article, options): article for article in articles
        }
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:  # a worker died: every unfinished article fails here
                unfinished.append(futures[future])
            except Exception as error:
                yield ArticleResult(futures[future], errors=problem_for(error, futures[future]))
    # Each again in a process of its own: only the one that kills its process fails.
    for article in sorted(unfinished, key=articles.index):
        with pool(1) as executor:
            try:
                yield executor.submit(build_article, article, options).result()
            except Exception as error:
                yield ArticleResult(article, errors=problem_for(error, article))
