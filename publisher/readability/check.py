"""`publisher check`: readability per variant, against the plain level's targets,
and source lint, for each article."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publisher.catalog import VARIANTS
from publisher.content.select import select
from publisher.errors import Problem, PublisherError
from publisher.readability.lint import lint
from publisher.readability.metrics import Figures, measure
from publisher.reading.reader import read_article


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

    @property
    def reading_ease_name(self) -> str:
        return "Flesch Reading Ease" if self.figures.lang.startswith("en") else "Flesch-Douma"

    @property
    def reading_ease(self) -> float:
        if self.figures.lang.startswith("en"):
            return self.figures.flesch_reading_ease
        return self.figures.flesch_douma


@dataclass
class ArticleReport:
    path: Path
    slug: str | None = None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    variants: list[VariantReport] = field(default_factory=list)

    @property
    def misses_targets(self) -> bool:
        return any(v.missed for v in self.variants)


def targets_for(level: str, overrides: dict[str, dict[str, float]] | None) -> Targets:
    """The level's targets, with what publisher.toml's [targets.<level>] changes."""
    import dataclasses

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
    report.warnings = reading.warnings + lint(article)
    measured: set[tuple[str, bool]] = set()
    for name, variant in VARIANTS.items():
        if (variant.blocks, variant.plain_language) in measured:
            continue  # the same text in another form (large print): measured once
        measured.add((variant.blocks, variant.plain_language))
        figures = measure(
            select(article.tokens, variant), article.meta, article.source.body_first_line
        )
        entry = VariantReport(name, figures)
        if variant.plain_language:
            entry.level = article.meta.plain.level
            entry.targets = targets_for(entry.level, overrides)
            entry.missed = _missed(entry, entry.targets)
        report.variants.append(entry)
    return report


def _missed(entry: VariantReport, targets: Targets) -> list[str]:
    figures = entry.figures
    missed = []
    if entry.reading_ease < targets.min_reading_ease:
        missed.append(
            f"{entry.reading_ease_name} {entry.reading_ease:.1f} < {targets.min_reading_ease:g}"
        )
    if figures.words_per_sentence > targets.max_words_per_sentence:
        missed.append(
            f"average sentence {figures.words_per_sentence:.1f} words > "
            f"{targets.max_words_per_sentence:g}"
        )
    for sentence in figures.sentences:
        if sentence.words > targets.max_sentence_words:
            missed.append(
                f"line {sentence.line}: sentence of {sentence.words} words > "
                f"{targets.max_sentence_words}"
            )
    if figures.difficult_share > targets.max_difficult_share:
        missed.append(
            f"difficult words {figures.difficult_share:.1f}% > "
            f"{targets.max_difficult_share:g}% ({', '.join(figures.difficult)})"
        )
    return missed


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
            head += f" (target {_level_name(entry)})"
        lines.append(head + ":")
        lines.append(
            f"    {entry.reading_ease_name} {entry.reading_ease:.1f}"
            + (f", Leesindex Brouwer {f.leesindex_brouwer:.1f}" if f.lang.startswith("nl") else "")
            + f"; {len(f.sentences)} sentences, {f.words_per_sentence:.1f} words per sentence"
            + (f", longest {longest.words} (line {longest.line})" if longest else "")
            + f"; difficult words {f.difficult_share:.1f}%"
        )
        if f.difficult:
            lines.append(f"    difficult: {', '.join(f.difficult)}")
        for sentence in f.passive:
            lines.append(f"    passive (line {sentence.line}): {sentence.text}")
        if entry.targets:
            if entry.missed:
                lines.extend(f"    MISSED: {m}" for m in entry.missed)
            else:
                lines.append("    all targets met")
    return lines


def _level_name(entry: VariantReport) -> str:
    return entry.level


def as_json(report: ArticleReport) -> dict[str, Any]:
    return {
        "path": str(report.path),
        "errors": [str(p) for p in report.errors],
        "lint": [str(p) for p in report.warnings],
        "variants": [
            {
                "variant": entry.variant,
                "lang": entry.figures.lang,
                "reading_ease": {
                    "name": entry.reading_ease_name,
                    "value": round(entry.reading_ease, 1),
                },
                "leesindex_brouwer": round(entry.figures.leesindex_brouwer, 1),
                "sentences": len(entry.figures.sentences),
                "words": entry.figures.word_count,
                "words_per_sentence": round(entry.figures.words_per_sentence, 2),
                "longest_sentence": (
                    {"words": entry.figures.longest.words, "line": entry.figures.longest.line}
                    if entry.figures.longest
                    else None
                ),
                "difficult_share": round(entry.figures.difficult_share, 2),
                "difficult_words": entry.figures.difficult,
                "passive": [{"line": s.line, "text": s.text} for s in entry.figures.passive],
                "targets": entry.targets.__dict__ if entry.targets else None,
                "missed": entry.missed,
            }
            for entry in report.variants
        ],
    }
