"""`publisher check`: readability per variant, against the plain level's targets,
and source lint, for each article. The report is text (for a person at a terminal),
JSON (for CI) or a standalone HTML page (:mod:`publisher.readability.report_html`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publisher.catalog import VARIANTS
from publisher.errors import Problem, PublisherError
from publisher.readability.lint import lint
from publisher.readability.metrics import Figures, Sentence, WordFinding, measure
from publisher.readability.texts import KIND_NAMES, variant_passages
from publisher.reading.model import Article
from publisher.reading.reader import read_article

GLOSSARY_HINT = "add each to the glossary (front matter 'glossary:') or use an easier word"


@dataclass(frozen=True)
class Targets:
    min_reading_ease: float
    max_words_per_sentence: float
    max_sentence_words: int
    max_difficult_share: float


# Per plain-language level; publisher.toml's [targets.b1] / [targets.easy] change them.
TARGETS: dict[str, Targets] = {
    "b1": Targets(
        min_reading_ease=60,
        max_words_per_sentence=12,
        max_sentence_words=20,
        max_difficult_share=4.0,
    ),
    "easy": Targets(
        min_reading_ease=70,
        max_words_per_sentence=9,
        max_sentence_words=15,
        max_difficult_share=2.0,
    ),
}


@dataclass
class VariantReport:
    variant: str
    figures: Figures
    targets: Targets | None = None
    level: str = ""
    missed: list[str] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)
    """Targets that could not be checked (no formula for the language, ...)."""
    long_limit: int = TARGETS["b1"].max_sentence_words
    """Sentences longer than this are reported (the level's limit, b1's for standard)."""

    @property
    def long_sentences(self) -> list[Sentence]:
        return self.figures.long_sentences(self.long_limit)


@dataclass
class ArticleReport:
    path: Path
    slug: str | None = None
    title: str = ""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    variants: list[VariantReport] = field(default_factory=list)

    @property
    def misses_targets(self) -> bool:
        return any(v.missed for v in self.variants)


def targets_for(level: str, overrides: dict[str, dict[str, float]] | None) -> Targets:
    """The level's targets, with what publisher.toml's [targets.<level>] changes."""
    changes: dict[str, Any] = {
        name: int(value) if name == "max_sentence_words" else float(value)
        for name, value in (overrides or {}).get(level, {}).items()
    }
    return dataclasses.replace(TARGETS[level], **changes)


def check_article(
    path: Path, overrides: dict[str, dict[str, float]] | None = None
) -> ArticleReport:
    report = ArticleReport(path)
    try:
        article, reading = read_article(path)
    except PublisherError as error:
        report.errors = error.problems
        return report
    report.slug = article.slug
    report.title = article.meta.title
    report.warnings = reading.warnings + lint(article)
    measured: set[tuple[str, bool]] = set()
    for name, variant in VARIANTS.items():
        if (variant.blocks, variant.plain_language) in measured:
            continue  # the same text in another form (large print): measured once
        measured.add((variant.blocks, variant.plain_language))
        report.variants.append(check_variant(article, name, overrides))
    return report


def check_variant(
    article: Article, name: str, overrides: dict[str, dict[str, float]] | None = None
) -> VariantReport:
    """The figures and findings of one variant, held to its level's targets."""
    variant = VARIANTS[name]
    figures = measure(variant_passages(article, variant), article.meta)
    entry = VariantReport(name, figures)
    level = article.meta.plain.level
    if variant.plain_language:
        entry.level = level
        entry.targets = targets_for(level, overrides)
        entry.missed, entry.not_checked = _missed(entry, entry.targets)
    entry.long_limit = targets_for(level, overrides).max_sentence_words
    return entry


def _missed(entry: VariantReport, targets: Targets) -> tuple[list[str], list[str]]:
    figures = entry.figures
    missed: list[str] = []
    not_checked: list[str] = []
    primary = figures.primary
    if primary is None:
        not_checked.append(f"reading ease >= {targets.min_reading_ease:g}: {figures.no_formula}")
    elif not primary.formula.higher_is_easier:
        not_checked.append(
            f"reading ease >= {targets.min_reading_ease:g}: {primary.formula.name} is a "
            "grade level, not a reading-ease scale"
        )
    elif primary.value < targets.min_reading_ease:
        missed.append(f"{primary.formula.name} {primary.value:.1f} < {targets.min_reading_ease:g}")
    if figures.words_per_sentence > targets.max_words_per_sentence:
        missed.append(
            f"average sentence {figures.words_per_sentence:.1f} words > "
            f"{targets.max_words_per_sentence:g}"
        )
    for sentence in figures.long_sentences(targets.max_sentence_words):
        missed.append(
            f"line {sentence.line}: {_where(sentence)}of {sentence.words} words > "
            f"{targets.max_sentence_words}"
        )
    if figures.difficult_share > targets.max_difficult_share:
        words = ", ".join(f.word for f in figures.difficult + figures.jargon)
        missed.append(
            f"difficult words {figures.difficult_share:.1f}% > "
            f"{targets.max_difficult_share:g}% ({words})"
        )
    return missed, not_checked


def _where(sentence: Sentence) -> str:
    if sentence.kind == "text":
        return "sentence "
    return f"{KIND_NAMES[sentence.kind]} "


def _lines(finding: WordFinding) -> str:
    label = "line" if len(finding.lines) == 1 else "lines"
    return f"{label} {', '.join(str(n) for n in finding.lines)}"


def figures_line(figures: Figures) -> str:
    """The formulas' values, or why there are none."""
    scores = figures.scores
    if not scores:
        return str(figures.no_formula)
    return ", ".join(f"{s.formula.name} {s.value:.1f}" for s in scores)


def as_text(report: ArticleReport) -> list[str]:
    lines = [str(report.path)]
    for problem in report.errors:
        lines.append(f"  error: {problem}")
    for problem in report.warnings:
        lines.append(f"  lint: {problem}")
    for entry in report.variants:
        f = entry.figures
        longest = f.longest
        head = f"  {entry.variant}"
        if entry.targets:
            head += f" (target {entry.level})"
        lines.append(head + ":")
        lines.append(f"    {figures_line(f)}")
        lines.append(
            f"    {len(f.sentences)} sentences, {f.words_per_sentence:.1f} words per sentence"
            + (f", longest {longest.words} (line {longest.line})" if longest else "")
            + f"; difficult words {f.difficult_share:.1f}%"
        )
        if not entry.targets and entry.long_sentences:
            where = ", ".join(f"{s.line} ({s.words})" for s in entry.long_sentences)
            lines.append(f"    sentences over {entry.long_limit} words, line (words): {where}")
        if f.difficult:
            lines.append(f"    difficult words explained nowhere; {GLOSSARY_HINT}:")
            lines.extend(f"      {d.word} ({_lines(d)})" for d in f.difficult)
        for word in f.jargon:
            lines.append(f"    jargon ({_lines(word)}): '{word.word}', write '{word.alternative}'")
        for sentence in f.passive:
            where = "" if sentence.kind == "text" else f", {KIND_NAMES[sentence.kind]}"
            lines.append(f"    passive (line {sentence.line}{where}): {sentence.text}")
        if not f.passive_checked:
            lines.append(f"    passive voice: not checked for '{f.lang}'")
        if entry.targets:
            lines.extend(f"    MISSED: {m}" for m in entry.missed)
            lines.extend(f"    not checked: {m}" for m in entry.not_checked)
            if not entry.missed:
                lines.append(
                    "    all targets met" + (" that could be checked" * bool(entry.not_checked))
                )
    return lines


def as_json(report: ArticleReport) -> dict[str, Any]:
    return {
        "path": str(report.path),
        "errors": [str(p) for p in report.errors],
        "lint": [str(p) for p in report.warnings],
        "variants": [_variant_json(entry) for entry in report.variants],
    }


def _variant_json(entry: VariantReport) -> dict[str, Any]:
    f = entry.figures
    primary = f.primary
    return {
        "variant": entry.variant,
        "lang": f.lang,
        "reading_ease": (
            {"name": primary.formula.name, "value": round(primary.value, 1)} if primary else None
        ),
        "formulas": [
            {
                "key": s.formula.key,
                "name": s.formula.name,
                "value": round(s.value, 1),
                "higher_is_easier": s.formula.higher_is_easier,
                "citation": s.formula.citation,
            }
            for s in f.scores
        ],
        "no_formula": f.no_formula,
        "sentences": len(f.sentences),
        "words": f.word_count,
        "words_per_sentence": round(f.words_per_sentence, 2),
        "longest_sentence": (
            {"words": f.longest.words, "line": f.longest.line} if f.longest else None
        ),
        "long_sentences": [_sentence_json(s) for s in entry.long_sentences],
        "difficult_share": round(f.difficult_share, 2),
        "difficult_words": [{"word": d.word, "lines": d.lines} for d in f.difficult],
        "jargon": [
            {"word": j.word, "lines": j.lines, "alternative": j.alternative} for j in f.jargon
        ],
        "passive_checked": f.passive_checked,
        "passive": [_sentence_json(s) for s in f.passive],
        "targets": dataclasses.asdict(entry.targets) if entry.targets else None,
        "missed": entry.missed,
        "not_checked": entry.not_checked,
    }


def _sentence_json(sentence: Sentence) -> dict[str, Any]:
    return {
        "line": sentence.line,
        "kind": sentence.kind,
        "words": sentence.words,
        "text": sentence.text,
    }
