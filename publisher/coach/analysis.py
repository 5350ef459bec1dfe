"""What the writing coach knows about one article: per variant, the web page rendered in
memory (never written to the build), the readability figures against the targets, and
every finding (long sentences, passive voice, difficult words with the glossary hint,
jargon) with its source line; and the sections of both variants side by side."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publisher.build.article import make_job, read
from publisher.build.job import Needs
from publisher.build.options import BuildOptions
from publisher.catalog import VARIANTS
from publisher.errors import Problem, PublisherError
from publisher.readability.check import (
    GLOSSARY_HINT,
    VariantReport,
    check_variant,
    figures_line,
)
from publisher.readability.texts import KIND_NAMES
from publisher.reading.model import Article
from publisher.theme import load_theme


@dataclass(frozen=True)
class Finding:
    """One thing the coach marks: ``kind`` is long, passive, difficult or jargon."""

    kind: str
    text: str
    lines: tuple[int, ...]
    where: str
    """What the reader meets it in: text, heading, summary, alt text, ..."""
    advice: str

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class VariantCoach:
    name: str
    report: VariantReport
    findings: list[Finding]
    page: str
    """The variant's web page as the build would write it (before the coach's panel)."""
    page_name: str


@dataclass
class ArticleCoach:
    source: Path
    slug: str | None = None
    article: Article | None = None
    errors: list[Problem] = field(default_factory=list)
    variants: dict[str, VariantCoach] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    """Everything the coach's pages load (CSS, fonts, images), by path in the folder."""


def analyse(
    path: Path, options: BuildOptions, targets: dict[str, dict[str, float]] | None = None
) -> ArticleCoach:
    """Read one article and render and measure both variants, in memory; ``targets``
    are publisher.toml's [targets.<level>]."""
    from publisher.formats.html import render

    coach = ArticleCoach(path)
    try:
        article, _warnings = read(path, dataclasses.replace(options, strict=False))
        theme = load_theme(article.meta.theme or options.theme or "default", options.project_dir)
    except PublisherError as error:
        coach.errors = error.problems
        return coach
    coach.slug, coach.article = article.slug, article
    page_options = dataclasses.replace(options, formats=("html",), variants=tuple(VARIANTS))
    for name, variant in VARIANTS.items():
        job = make_job(article, variant, theme, page_options)
        try:
            product = render(job, Needs({}))  # the page alone: it links to no handout
        except PublisherError as error:
            coach.errors = error.problems
            return coach
        for output in product.outputs[1:]:
            coach.files[output.path] = output.data
        report = check_variant(article, name, targets)
        coach.variants[name] = VariantCoach(
            name,
            report,
            findings(report),
            product.main.data.decode("utf-8"),
            product.main.path,
        )
    return coach


def findings(report: VariantReport) -> list[Finding]:
    f = report.figures
    out: list[Finding] = []
    for sentence in report.long_sentences:
        out.append(
            Finding(
                "long",
                sentence.text,
                (sentence.line,),
                KIND_NAMES[sentence.kind],
                f"{sentence.words} words; at most {report.long_limit}: split it",
            )
        )
    for sentence in f.passive:
        out.append(
            Finding(
                "passive",
                sentence.text,
                (sentence.line,),
                KIND_NAMES[sentence.kind],
                "passive voice: say who does it",
            )
        )
    for word in f.difficult:
        out.append(
            Finding(
                "difficult", word.word, tuple(word.lines), "", f"explained nowhere; {GLOSSARY_HINT}"
            )
        )
    for word in f.jargon:
        out.append(
            Finding("jargon", word.word, tuple(word.lines), "", f"write '{word.alternative}'")
        )
    return out


def summary_line(report: VariantReport) -> str:
    return figures_line(report.figures)
