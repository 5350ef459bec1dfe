"""`publisher check --format html`: the check report as one standalone, accessible page
(no scripts, no external files) for a colleague who reviews the text: per article and
variant the figures against their targets, then every finding with its source line.
The article's own words are marked with the article's language."""

from __future__ import annotations

import datetime as dt
from html import escape

from publisher import __version__
from publisher.readability.check import GLOSSARY_HINT, ArticleReport, VariantReport
from publisher.readability.metrics import Sentence, WordFinding
from publisher.readability.texts import KIND_NAMES

STYLE = """
:root { color-scheme: light dark; --text: #1b1b1b; --back: #ffffff; --muted: #4a4a4a;
  --line: #8a8a8a; --bad: #8a1c1c; --good: #1d5e20; --accent: #0a4a82; }
@media (prefers-color-scheme: dark) {
  :root { --text: #f0f0f0; --back: #141414; --muted: #c8c8c8; --line: #8a8a8a;
    --bad: #ffb4ab; --good: #9ad89e; --accent: #9ccaff; } }
body { font: 1.0625rem/1.55 system-ui, sans-serif; color: var(--text); background: var(--back);
  margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1, h2, h3, h4 { line-height: 1.25; }
h2 { border-top: 3px solid var(--accent); padding-top: .75rem; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left;
  vertical-align: top; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
.missed { color: var(--bad); font-weight: bold; }
.met { color: var(--good); font-weight: bold; }
.line { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
li { margin: .25rem 0; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
"""


def as_html(reports: list[ArticleReport], today: dt.date | None = None) -> str:
    day = (today or dt.date.today()).isoformat()
    count = len(reports)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Readability report ({count} article{'s' * (count != 1)})</title>",
        f"<style>{STYLE}</style></head>",
        "<body><main>",
        "<h1>Readability report</h1>",
        f"<p>Made by publisher {escape(__version__)} on {day}. Line numbers are lines of "
        "the Markdown source file.</p>",
    ]
    for number, report in enumerate(reports, start=1):
        parts.extend(_article(report, f"a{number}"))
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _article(report: ArticleReport, ident: str) -> list[str]:
    name = escape(report.title or str(report.path))
    out = [f'<section aria-labelledby="{ident}">', f'<h2 id="{ident}">{name}</h2>']
    out.append(f"<p>Source: <code>{escape(str(report.path))}</code></p>")
    if report.errors:
        out.append("<h3>Errors</h3><ul>")
        out.extend(f"<li>{escape(str(p))}</li>" for p in report.errors)
        out.append("</ul>")
        out.append("</section>")
        return out
    if report.warnings:
        out.append("<h3>Source lint</h3><ul>")
        out.extend(f"<li>{_problem(p.line, p.message)}</li>" for p in report.warnings)
        out.append("</ul>")
    for entry in report.variants:
        out.extend(_variant(entry, f"{ident}-{entry.variant}"))
    out.append("</section>")
    return out


def _problem(line: int | None, message: str) -> str:
    where = f'<span class="line">line {line}</span>: ' if line else ""
    return where + escape(message)


def _variant(entry: VariantReport, ident: str) -> list[str]:
    f = entry.figures
    lang = escape(f.lang)
    title = "Plain language" if entry.targets else "Standard text"
    if entry.targets:
        title += f" (target {escape(entry.level)})"
    out = [f'<h3 id="{ident}">{title}</h3>']
    targets = entry.targets
    rows: list[tuple[str, str, str]] = []
    scores = f.scores
    for number, score in enumerate(scores):
        target = ""
        if targets and number == 0 and score.formula.higher_is_easier:
            target = f"at least {targets.min_reading_ease:g}"
        rows.append((score.formula.name, f"{score.value:.1f}", target))
    if not scores:
        rows.append(("Reading ease", str(f.no_formula), ""))
    rows.append(("Sentences", str(len(f.sentences)), ""))
    rows.append(
        (
            "Words per sentence",
            f"{f.words_per_sentence:.1f}",
            f"at most {targets.max_words_per_sentence:g}" if targets else "",
        )
    )
    longest = f.longest
    rows.append(
        (
            "Longest sentence",
            f"{longest.words} words (line {longest.line})" if longest else "none",
            f"at most {targets.max_sentence_words} words" if targets else "",
        )
    )
    rows.append(
        (
            "Difficult words",
            f"{f.difficult_share:.1f}%",
            f"at most {targets.max_difficult_share:g}%" if targets else "",
        )
    )
    out.append("<table><caption>Figures and targets</caption><thead><tr>")
    out.append('<th scope="col">Measure</th><th scope="col">Value</th>')
    out.append('<th scope="col">Target</th></tr></thead><tbody>')
    for name, value, target in rows:
        out.append(
            f'<tr><th scope="row">{escape(name)}</th><td>{escape(value)}</td>'
            f"<td>{escape(target) or '–'}</td></tr>"
        )
    out.append("</tbody></table>")
    if targets:
        if entry.missed:
            out.append('<p class="missed">Targets missed:</p><ul>')
            out.extend(f"<li>{escape(m)}</li>" for m in entry.missed)
            out.append("</ul>")
        else:
            out.append('<p class="met">All targets met that could be checked.</p>')
        if entry.not_checked:
            out.append("<p>Not checked:</p><ul>")
            out.extend(f"<li>{escape(m)}</li>" for m in entry.not_checked)
            out.append("</ul>")
    out.extend(
        _sentences(
            f"Sentences of more than {entry.long_limit} words", entry.long_sentences, lang, True
        )
    )
    if f.passive_checked:
        out.extend(_sentences("Passive voice", f.passive, lang, False))
    else:
        out.append(f"<p>Passive voice is not checked for '{lang}'.</p>")
    if f.difficult:
        out.append("<h4>Difficult words explained nowhere</h4>")
        out.append(f"<p>{escape(GLOSSARY_HINT[0].upper() + GLOSSARY_HINT[1:])}.</p><ul>")
        out.extend(f"<li>{_word(w, lang)}</li>" for w in f.difficult)
        out.append("</ul>")
    if f.jargon:
        out.append("<h4>Jargon</h4><ul>")
        out.extend(
            f'<li>{_word(w, lang)}: write <span lang="{lang}">{escape(w.alternative)}</span></li>'
            for w in f.jargon
        )
        out.append("</ul>")
    return out


def _sentences(title: str, sentences: list[Sentence], lang: str, words: bool) -> list[str]:
    if not sentences:
        return [f"<h4>{escape(title)}</h4><p>None.</p>"]
    out = [f"<h4>{escape(title)}</h4><ul>"]
    for s in sentences:
        where = f"line {s.line}"
        if s.kind != "text":
            where += f", {KIND_NAMES[s.kind]}"
        if words:
            where += f", {s.words} words"
        out.append(
            f'<li><span class="line">{escape(where)}</span>: '
            f'<span lang="{lang}">{escape(s.text)}</span></li>'
        )
    out.append("</ul>")
    return out


def _word(finding: WordFinding, lang: str) -> str:
    label = "line" if len(finding.lines) == 1 else "lines"
    lines = ", ".join(str(n) for n in finding.lines)
    return (
        f'<span lang="{lang}">{escape(finding.word)}</span> '
        f'<span class="line">({label} {lines})</span>'
    )
