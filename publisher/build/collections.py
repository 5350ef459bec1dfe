"""Building collections, after the articles: each collection file is read, its
articles chosen from the article records, and every variant rendered in the
collection formats (``Format.collection``), written into
``<out>/collections/<slug>/``. A collection is rebuilt only when its file, its
articles (their manifest keys), the theme or the options changed; the articles'
own outputs are never rendered again for it."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from publisher.build.article import _template_errors, _weasyprint_errors, make_job, read
from publisher.build.job import Needs, Product
from publisher.build.manifest import load_manifest, save_manifest, shared_key, unchanged
from publisher.build.options import ArticleResult, BuildOptions
from publisher.build.outputs import Output, remove_stale_temporaries, safe_join, write_atomic
from publisher.build.records import ArticleRecord, record_of
from publisher.catalog import FORMATS, VARIANTS, collection_formats, formats_for
from publisher.collections.declaration import read_collection
from publisher.collections.job import Chapter, CollectionJob
from publisher.collections.model import Declaration
from publisher.collections.select import date_the_collection, select_articles
from publisher.errors import PublisherError
from publisher.reading.model import Author
from publisher.theme import load_theme

FOLDER = "collections"
"""Collections are written to <out>/collections/<slug>/ (and read from the project's
collections/ folder)."""


def output_folder(slug: str) -> str:
    return f"{FOLDER}/{slug}"


def collection_job(
    declaration: Declaration,
    chosen: list[ArticleRecord],
    variant_name: str,
    options: BuildOptions,
) -> CollectionJob:
    """The immutable input of one variant of a collection; its articles are read
    again (parsing is cheap), their outputs are not rendered again."""
    intro = declaration.intro
    theme = load_theme(intro.meta.theme or options.theme or "default", options.project_dir)
    for name in options.variants:
        theme.check_contrast(VARIANTS[name])
    variant = VARIANTS[variant_name]
    strings = theme.strings(intro.meta.lang)
    editors = tuple(Author(e.name, e.role or strings("editor")) for e in declaration.editors)
    intro = dataclasses.replace(intro, meta=dataclasses.replace(intro.meta, authors=editors))
    chapters = []
    for number, record in enumerate(chosen, start=1):
        article, _warnings = read(Path(record.source), options)  # reported with the article
        chapters.append(Chapter(make_job(article, variant, theme, options), record, number))
    return CollectionJob(declaration, make_job(intro, variant, theme, options), tuple(chapters))


def render_collection(
    declaration: Declaration, chosen: list[ArticleRecord], variant_name: str, options: BuildOptions
) -> list[Output]:
    """The outputs of one variant of a collection, in memory."""
    job = collection_job(declaration, chosen, variant_name, options)
    made = formats_for(VARIANTS[variant_name], options.formats, options.variants_named)
    wanted = collection_formats(made)
    products: dict[str, Product] = {}
    for name in wanted:
        fmt = FORMATS[name]
        needs = Needs({n: products[n] for n in fmt.required(wanted) if n in products})
        with (
            _weasyprint_errors(declaration.path) as problems,
            _template_errors(declaration.path, job.theme.name),
        ):
            products[name] = fmt.collection_function()(job, needs)
        if problems:
            raise PublisherError(problems)
    outputs: dict[str, Output] = {}
    for name in wanted:
        if name in made:  # what is only read by another format is not written
            for output in products[name].outputs:
                outputs.setdefault(output.path, output)
    return list(outputs.values())


def collection_key(
    declaration: Declaration,
    chosen: list[ArticleRecord],
    keys: Mapping[str, str],
    shared: str,
    options: BuildOptions,
) -> str:
    digest = hashlib.sha256()
    digest.update(shared.encode())
    settings = {
        k: v for k, v in dataclasses.asdict(options).items() if k not in ("out_dir", "project_dir")
    }
    digest.update(repr(settings).encode())
    digest.update(declaration.path.read_bytes())
    images = [image.source for image in declaration.intro.images.values()]
    if declaration.cover:
        images.append(declaration.cover.image.source)
    for image in images:
        digest.update(str(image).encode() + b"\0" + image.read_bytes())
    for record in chosen:
        digest.update(f"{record.slug}\0{keys.get(record.slug, '')}\n".encode())
    return digest.hexdigest()


def build_collections(
    paths: list[Path],
    records: Mapping[str, ArticleRecord],
    keys: Mapping[str, str],
    options: BuildOptions,
    jobs: int = 1,
    force: bool = False,
    progress: Callable[[ArticleResult], None] | None = None,
) -> list[ArticleResult]:
    """Build (or skip) every collection; ``records`` and ``keys`` by article slug."""
    manifest = load_manifest(options.out_dir)
    entries: dict[str, Any] = dict(manifest.get("collections", {})) if not force else {}
    shared = shared_key(options)
    results = []
    changed = False
    for path in paths:
        started = time.perf_counter()
        result = ArticleResult(path)
        key = str(path.resolve())
        try:
            declaration, report = read_collection(path)
            if options.strict and report.warnings:
                raise PublisherError(report.warnings)
            result.warnings = report.warnings
            chosen = select_articles(declaration, records)
            date_the_collection(declaration, chosen)
            result.slug = output_folder(declaration.slug)
            result.key = collection_key(declaration, chosen, keys, shared, options)
            result.members = [r.slug for r in chosen]
            entry = entries.get(key)
            if entry and entry.get("key") == result.key and unchanged(entry, options.out_dir):
                result.files, result.skipped = entry["files"], True
                result.record = ArticleRecord.from_json(entry["record"])
            else:
                outputs = _render(declaration, chosen, options, jobs)
                folder = options.out_dir / result.slug
                remove_stale_temporaries(folder)
                for output in outputs:
                    write_atomic(safe_join(folder, output.path), output.data)
                result.files = {o.path: len(o.data) for o in outputs}
                result.record = dataclasses.replace(
                    record_of(declaration.intro, result.files),
                    authors=tuple(editor.name for editor in declaration.editors),
                )
                entries[key] = {
                    "slug": result.slug,
                    "key": result.key,
                    "files": result.files,
                    "articles": [r.slug for r in chosen],
                    "record": result.record.to_json(),
                }
                changed = True
        except PublisherError as error:
            result.errors = error.problems
            changed |= entries.pop(key, None) is not None
        result.seconds = time.perf_counter() - started
        results.append(result)
        if progress:
            progress(result)
    if changed:
        save_manifest(options.out_dir, {**load_manifest(options.out_dir), "collections": entries})
    return results


def _render(
    declaration: Declaration, chosen: list[ArticleRecord], options: BuildOptions, jobs: int
) -> list[Output]:
    """Every variant, in parallel processes when there are cores for it."""
    if jobs <= 1 or len(options.variants) <= 1:
        parts = [render_collection(declaration, chosen, v, options) for v in options.variants]
    else:
        from publisher.build.workers import pool

        for name in collection_formats(options.formats):
            FORMATS[name].collection_function()  # imported once, inherited by the workers
        with pool(min(jobs, len(options.variants))) as executor:
            futures = [
                executor.submit(render_collection, declaration, chosen, v, options)
                for v in options.variants
            ]
            parts = [future.result() for future in futures]
    outputs: dict[str, Output] = {}
    for produced in parts:
        for output in produced:
            outputs.setdefault(output.path, output)
    return list(outputs.values())
