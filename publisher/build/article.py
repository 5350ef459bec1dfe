"""Building one article: read it once, render every output of every variant in
memory (each format after the formats it reads), then write them all. A failing
article leaves its previous outputs untouched."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError

from publisher.build.job import Job, Needs, Product
from publisher.build.options import ArticleResult, BuildOptions
from publisher.build.outputs import Output, remove_stale_temporaries, safe_join, write_atomic
from publisher.build.records import record_of
from publisher.catalog import FORMATS, VARIANTS, Variant, build_order, formats_for
from publisher.content.select import select, select_footnotes
from publisher.errors import Problem, PublisherError
from publisher.failures import problem_for
from publisher.formats.addresses import lost_links
from publisher.formats.fonts import glyph_warnings
from publisher.reading.model import Article
from publisher.reading.reader import read_article
from publisher.theme import Theme, load_theme


def read(path: Path, options: BuildOptions) -> tuple[Article, list[Problem]]:
    """The article, checked, with the project's defaults; raises PublisherError."""
    remote_cache = options.out_dir / ".remote-images" if options.allow_remote else None
    article, report = read_article(path, remote_cache, options.settings.base_url)
    if article.meta.publisher is None and options.settings.publisher:
        article.meta = dataclasses.replace(article.meta, publisher=options.settings.publisher)
    theme = _theme(article, options)
    warnings = report.warnings + glyph_warnings(article, theme)
    lang = article.meta.lang
    if theme.strings(lang).fallback:
        warnings.append(
            Problem(
                path,
                f"theme '{theme.name}' has no interface strings for '{lang}': English is used "
                f"for labels such as 'Contents'; add them with: publisher new strings {lang}",
                _front_matter_line(article, "lang"),
            )
        )
    if options.strict and warnings:
        raise PublisherError(warnings)
    return article, warnings


def _front_matter_line(article: Article, key: str) -> int | None:
    """The file's line of a top-level front matter key."""
    for number, line in enumerate(article.source.front_matter.split("\n"), start=2):
        if line.startswith(f"{key}:"):
            return number
    return None


def _theme(article: Article, options: BuildOptions) -> Theme:
    try:
        return load_theme(article.meta.theme or options.theme or "default", options.project_dir)
    except PublisherError as error:  # name the article that asked for the theme
        path = article.source.path
        raise PublisherError(
            [Problem(p.path or path, p.message, p.line) for p in error.problems]
        ) from None


def make_job(article: Article, variant: Variant, theme: Theme, options: BuildOptions) -> Job:
    """The immutable input of one variant of an article."""
    return Job(
        article=article,
        variant=variant,
        theme=theme,
        strings=theme.strings(article.meta.lang),
        tokens=tuple(select(article.tokens, variant)),
        footnotes={k: tuple(v) for k, v in select_footnotes(article.footnotes, variant).items()},
        settings=options.settings,
        formats=formats_for(variant, options.formats, options.variants_named),
        variants=options.variants,
        variants_named=options.variants_named,
        all_formats=options.formats,
    )


def render_variant(
    article: Article, variant_name: str, options: BuildOptions
) -> tuple[list[Output], list[Problem]]:
    """The outputs of one variant (every asked format, after what it reads) and what
    the renderers noted for the author."""
    path = article.source.path
    theme = _theme(article, options)
    for name in options.variants:
        theme.check_contrast(VARIANTS[name])
    job = make_job(article, VARIANTS[variant_name], theme, options)
    products: dict[str, Product] = {}
    published = job.formats  # the formats this variant is made in
    for name in build_order(published, published):
        fmt = FORMATS[name]
        needs = Needs({n: products[n] for n in fmt.required(published)})
        with _weasyprint_errors(path) as problems, _template_errors(path, theme.name):
            products[name] = fmt.render_function()(job, needs)
        if problems:
            raise PublisherError(problems)
    outputs: dict[str, Output] = {}
    notes: list[Problem] = []
    for name in published:  # what is only read by another format is not written
        for output in products[name].outputs:
            outputs.setdefault(output.path, output)
        notes += [Problem(path, note) for note in products[name].notes]
    return list(outputs.values()), notes


def render_article(
    article: Article, options: BuildOptions, workers: int = 1
) -> tuple[list[Output], list[Problem]]:
    """Every output of every variant, in memory, and the renderers' warnings; raises
    PublisherError. ``workers`` > 1 renders the variants in parallel processes (they
    are independent)."""
    if workers <= 1 or len(options.variants) <= 1:
        parts = [render_variant(article, name, options) for name in options.variants]
    else:
        parts = _variants_in_parallel(article, options, min(workers, len(options.variants)))
    outputs: dict[str, Output] = {}
    notes: list[Problem] = []
    for produced, noted in parts:
        for output in produced:
            outputs.setdefault(output.path, output)
        notes += [note for note in noted if note not in notes]
    return list(outputs.values()), notes


def import_renderers(options: BuildOptions) -> None:
    """Import the renderers of the asked formats here, before forking: imported once,
    inherited by every worker process."""
    for name in build_order(options.formats, options.formats):
        FORMATS[name].render_function()


def _variants_in_parallel(
    article: Article, options: BuildOptions, workers: int
) -> list[tuple[list[Output], list[Problem]]]:
    from publisher.build.workers import pool

    import_renderers(options)
    with pool(workers) as executor:
        futures = [executor.submit(_in_worker, article, v, options) for v in options.variants]
        return [future.result() for future in futures]


def _in_worker(
    article: Article, variant_name: str, options: BuildOptions
) -> tuple[list[Output], list[Problem]]:
    """:func:`render_variant` in a worker process: an exception becomes the author's
    problem here, where its traceback is (the parent only gets a copy)."""
    try:
        return render_variant(article, variant_name, options)
    except Exception as error:
        raise PublisherError(problem_for(error, article.source.path)) from None


def render_outputs(
    path: Path, options: BuildOptions, workers: int = 1
) -> tuple[ArticleResult, list[Output]]:
    """Read one article and render every output in memory; nothing is written (a
    cluster worker does this and returns the bytes). Never raises for what happens
    to this article: every problem is in ``result.errors`` (:mod:`publisher.failures`)."""
    started = time.perf_counter()
    result = ArticleResult(path)
    try:
        article, warnings = read(path, options)
        outputs, notes = render_article(article, options, workers)
        if options.strict and notes:
            raise PublisherError(notes)
        warnings = warnings + notes
        result.slug, result.warnings = article.slug, warnings
        result.lost_links = lost_links(
            article.meta.url, options.settings, options.formats, options.variants
        )
        result.inputs = sorted(str(image.source) for image in article.images.values())
        result.files = {output.path: len(output.data) for output in outputs}
        result.record = record_of(article, result.files)
    except Exception as error:  # the one error path: publisher.failures
        result.errors = problem_for(error, path)
        result.files = {}
        outputs = []
    result.seconds = time.perf_counter() - started
    return result, outputs


def write_outputs(result: ArticleResult, outputs: list[Output], options: BuildOptions) -> None:
    """Write the outputs of a rendered article into <out>/<slug>/, each atomically; a
    file that cannot be written is the article's error (the ones written before it
    are complete files)."""
    if result.errors or result.slug is None:
        return
    started = time.perf_counter()
    folder = options.out_dir / result.slug
    try:
        remove_stale_temporaries(folder)
        for output in outputs:
            target = safe_join(folder, output.path)
            try:
                write_atomic(target, output.data)
            except OSError as error:
                reason = error.strerror or str(error)
                raise PublisherError.at(result.source, f"cannot write {target}: {reason}") from None
    except Exception as error:  # the one error path: publisher.failures
        result.errors = problem_for(error, result.source)
        result.files = {}
    result.seconds += time.perf_counter() - started


def build_article(path: Path, options: BuildOptions, workers: int = 1) -> ArticleResult:
    """Render every output of one article, then write them all (or nothing).
    ``workers`` > 1 renders the variants in parallel processes. Never raises for
    what happens to this article: every problem is in ``result.errors``
    (:mod:`publisher.failures`), so the other articles of a batch go on."""
    result, outputs = render_outputs(path, options, workers)
    write_outputs(result, outputs, options)
    return result


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
    except SecurityError as error:
        raise PublisherError.at(
            path, f"theme '{theme}': a template did what a theme may not do: {error}"
        ) from None
    except jinja2.TemplateError as error:
        raise PublisherError.at(path, f"theme '{theme}': template error: {error}") from None
    except RecursionError as error:
        if not _in_template(error):
            raise
        raise PublisherError.at(
            path, f"theme '{theme}': a template calls itself without end"
        ) from None
    except (PublisherError, OSError):
        raise
    except Exception as error:  # raised by a template's own code (the sandbox's limits)
        if not _in_template(error):
            raise
        raise PublisherError.at(
            path, f"theme '{theme}': template error: {type(error).__name__}: {error}"
        ) from None


def _in_template(error: BaseException) -> bool:
    """Whether a template's code is among the frames of ``error``."""
    import traceback

    return any(
        frame.filename.endswith((".html", ".xhtml", ".svg"))
        for frame in traceback.extract_tb(error.__traceback__)
    )


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
