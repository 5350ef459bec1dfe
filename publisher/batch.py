"""Building many articles: skip what has not changed, build the rest in parallel.

A manifest in the output folder records, per article, a key over everything an
output depends on (source, its images, theme files, publisher.toml, the package
version, the build options) and the files it wrote. An article whose key and files
are unchanged is not rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from publisher import __version__
from publisher.config import CONFIG_NAME
from publisher.options import ArticleResult, BuildOptions
from publisher.outputs import write_atomic
from publisher.theme import themes_fingerprint

MANIFEST = ".publisher-manifest.json"


def article_key(source: Path, inputs: list[str], options: BuildOptions, shared: str) -> str:
    digest = hashlib.sha256()
    digest.update(shared.encode())
    settings = {k: v for k, v in asdict(options).items() if k not in ("out_dir", "project_dir")}
    digest.update(repr(settings).encode())
    digest.update(source.read_bytes())
    for name in inputs:
        path = Path(name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def _shared_key(options: BuildOptions) -> str:
    config = options.project_dir / CONFIG_NAME
    parts = [__version__, themes_fingerprint(options.project_dir)]
    parts.append(hashlib.sha256(config.read_bytes()).hexdigest() if config.is_file() else "")
    return "|".join(parts)


def load_manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == 1 else {}


def _unchanged(entry: dict[str, Any], out: Path) -> bool:
    folder = out / str(entry.get("slug"))
    files = entry.get("files", {})
    return bool(files) and all(
        (folder / name).is_file() and (folder / name).stat().st_size == size
        for name, size in files.items()
    )


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
    shared = _shared_key(options)
    results: dict[Path, ArticleResult] = {}
    todo: list[Path] = []
    for article in articles:
        entry = entries.get(str(article.resolve()))
        if entry and _unchanged(entry, options.out_dir):
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
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from publisher.build import build_article, frozen_heap  # the renderers: only when building

    workers = jobs or os.cpu_count() or 1
    if len(articles) == 1 or workers <= 1:
        # Too few articles to share out: the variants of each run in parallel instead.
        for article in articles:
            yield build_article(article, options, workers)
        return
    workers = min(workers, len(articles))
    with frozen_heap(), ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(build_article, article, options) for article in articles]
        for future in as_completed(futures):
            yield future.result()
