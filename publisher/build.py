"""The build: gather everything first (article, theme, strings), render every output
in memory, then write them all. A failing article leaves its outputs untouched."""

from __future__ import annotations

import dataclasses
import gc
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2

from publisher.errors import Problem, PublisherError
from publisher.formats import FORMATS
from publisher.formats.job import Job
from publisher.model import Article
from publisher.options import ArticleResult, BuildOptions
from publisher.outputs import Output, remove_stale_temporaries, safe_join, write_atomic
from publisher.reader import read_article
from publisher.theme import load_theme
from publisher.variants import VARIANTS, select


def render_article(path: Path, options: BuildOptions) -> tuple[list[Output], list[Problem], str]:
    """Every output of one article, in memory. Raises PublisherError."""
    outputs, warnings, article = _render(path, options)
    return outputs, warnings, article.slug


def _render(
    path: Path, options: BuildOptions, only: tuple[str, ...] | None = None
) -> tuple[list[Output], list[Problem], Article]:
    """Render the variants in ``only`` (default: all of ``options.variants``)."""
    remote_cache = options.out_dir / ".remote-images" if options.allow_remote else None
    article, report = read_article(path, remote_cache)
    if article.meta.publisher is None and options.settings.publisher:
        article.meta = dataclasses.replace(article.meta, publisher=options.settings.publisher)
    if options.strict and report.warnings:
        raise PublisherError(report.warnings)
    try:
        theme = load_theme(article.meta.theme or options.theme or "default", options.project_dir)
    except PublisherError as error:  # name the article that asked for the theme
        raise PublisherError(
            [Problem(p.path or path, p.message, p.line) for p in error.problems]
        ) from None
    for variant_key in options.variants:
        theme.check_contrast(variant_key)
    strings = theme.strings(article.meta.lang)
    wanted = [name for name in FORMATS if name in options.formats]
    outputs: dict[str, Output] = {}
    for variant_key in only or options.variants:
        variant = VARIANTS[variant_key]
        job = Job(
            article=article,
            variant=variant,
            theme=theme,
            strings=strings,
            tokens=select(article.tokens, variant),
            settings=options.settings,
            formats=tuple(wanted),
            variants=options.variants,
        )
        try:
            for name in wanted:
                with _weasyprint_errors(path) as problems, _template_errors(path, theme.name):
                    produced = FORMATS[name].render(job)
                if problems:
                    raise PublisherError(problems)
                job.built[name] = produced[0]
                for output in produced:
                    outputs.setdefault(output.path, output)
        finally:
            job.close()
    return list(outputs.values()), report.warnings, article


def _render_variants_in_parallel(
    path: Path, options: BuildOptions, workers: int
) -> tuple[list[Output], list[Problem], Article]:
    """The variants of one article in parallel processes (they are independent: the
    EPUB and the web page only use the PDF of their own variant)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "pdf" in options.formats:
        import publisher.formats.pdf  # noqa: F401  imported once, inherited by the workers
    context = multiprocessing.get_context("fork")
    with frozen_heap(), ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_render, path, options, (v,)) for v in options.variants]
        parts = [future.result() for future in futures]
    outputs: dict[str, Output] = {}
    for produced, _warnings, _article in parts:
        for output in produced:
            outputs.setdefault(output.path, output)
    return list(outputs.values()), parts[0][1], parts[0][2]


def build_article(path: Path, options: BuildOptions, workers: int = 1) -> ArticleResult:
    """Render every output of one article, then write them all (or nothing).
    ``workers`` > 1 renders the variants in parallel processes."""
    started = time.perf_counter()
    result = ArticleResult(path)
    try:
        if workers > 1 and len(options.variants) > 1:
            outputs, warnings, article = _render_variants_in_parallel(
                path, options, min(workers, len(options.variants))
            )
        else:
            outputs, warnings, article = _render(path, options)
    except PublisherError as error:
        result.errors = error.problems
        result.seconds = time.perf_counter() - started
        return result
    result.slug, result.warnings = article.slug, warnings
    result.inputs = sorted(str(image.source) for image in article.images.values())
    folder = options.out_dir / article.slug
    remove_stale_temporaries(folder)
    for output in outputs:
        write_atomic(safe_join(folder, output.path), output.data)
        result.files[output.path] = len(output.data)
    result.seconds = time.perf_counter() - started
    return result


@contextmanager
def frozen_heap() -> Iterator[None]:
    """While forking workers: what they inherit stays out of their garbage collections
    (and is not copied page by page when a collection would touch it). Unfrozen
    afterwards, so a long-running process (``serve``) still collects its garbage."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _template_errors(path: Path, theme: str) -> Iterator[None]:
    """A broken theme template is the theme author's error: say where it is."""
    try:
        yield
    except jinja2.TemplateSyntaxError as error:
        where = Path(error.filename) if error.filename else path
        raise PublisherError.at(where, f"template error: {error.message}", error.lineno) from None
    except jinja2.TemplateNotFound as error:
        raise PublisherError.at(
            path, f"theme '{theme}': template '{error.name}' not found in the theme's chain"
        ) from None
    except jinja2.UndefinedError as error:
        raise PublisherError.at(path, f"theme '{theme}': template error: {error.message}") from None


@contextmanager
def _weasyprint_errors(path: Path) -> Iterator[list[Problem]]:
    """WeasyPrint reports some problems only as log records; make them errors."""
    problems: list[Problem] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                problems.append(Problem(path, f"PDF: {record.getMessage()}"))

    logger = logging.getLogger("weasyprint")
    handler = Collector()
    logger.addHandler(handler)
    previous = logger.propagate
    logger.propagate = False
    try:
        yield problems
    finally:
        logger.removeHandler(handler)
        logger.propagate = previous
