"""The coach's pages in `publisher serve`: a variant's web page with the coach's panel
(figures against targets, a legend, every finding with its line) and the marks, and the
side-by-side view of the standard and plain text of every section."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from markdown_it.token import Token

from publisher.catalog import VARIANTS
from publisher.coach.analysis import ArticleCoach, Finding, VariantCoach
from publisher.content.render import FigureData, RenderOptions, plain_headings, render_body
from publisher.content.select import sections_without_plain, select
from publisher.formats.assets import image_path
from publisher.reading.model import Article

HERE = Path(__file__).parent
KIND_LABELS = {
    "long": ("L", "long sentence"),
    "passive": ("P", "passive voice"),
    "difficult": ("W", "difficult word, explained nowhere"),
    "jargon": ("J", "jargon"),
}


def _static(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def variant_names(coach: ArticleCoach) -> str:
    links = [
        f'<a href="{escape(v.page_name)}">{escape(_variant_title(v.name))}</a>'
        for v in coach.variants.values()
    ]
    links.append('<a href="compare">Side by side</a>')
    links.append('<a href="/">All outputs</a>')
    return '<nav aria-label="Coach views">' + " ".join(links) + "</nav>"


def _variant_title(name: str) -> str:
    return "Plain text" if VARIANTS[name].plain_language else "Standard text"


def coach_page(coach: ArticleCoach, variant: VariantCoach) -> str:
    """The variant's page with the coach's panel, styles and marking script."""
    data = json.dumps({"findings": [f.as_json() for f in variant.findings]}, ensure_ascii=False)
    data = data.replace("</", "<\\/")
    head = f'<style id="pub-coach-style">{_static("coach.css")}</style>'
    tail = (
        _panel(coach, variant)
        + f'<script type="application/json" id="pub-coach-data">{data}</script>'
        + f"<script>{_static('coach.js')}</script>"
    )
    page = variant.page.replace("</head>", head + "</head>", 1)
    page = page.replace("<title>", "<title>Coach: ", 1)
    return page.replace("</body>", tail + "</body>", 1)


def _panel(coach: ArticleCoach, variant: VariantCoach) -> str:
    report = variant.report
    f = report.figures
    targets = report.targets
    parts = [
        '<aside id="pub-coach" lang="en" aria-labelledby="pub-coach-title">',
        f'<h2 id="pub-coach-title">Writing coach: {escape(_variant_title(variant.name))}</h2>',
        variant_names(coach),
        "<table><caption>Figures"
        + (f" and targets ({escape(report.level)})" if targets else "")
        + '</caption><tr><th scope="col">Measure</th><th scope="col">Now</th>'
        + '<th scope="col">Target</th></tr>',
    ]
    scores = f.scores
    for number, score in enumerate(scores):
        target = ""
        if targets and number == 0 and score.formula.higher_is_easier:
            target = f"≥ {targets.min_reading_ease:g}"
        parts.append(_row(score.formula.name, f"{score.value:.1f}", target))
    if not scores:
        parts.append(_row("Reading ease", str(f.no_formula), ""))
    parts.append(
        _row(
            "Words per sentence",
            f"{f.words_per_sentence:.1f}",
            f"≤ {targets.max_words_per_sentence:g}" if targets else "",
        )
    )
    longest = f.longest.words if f.longest else 0
    parts.append(_row("Longest sentence", str(longest), f"≤ {report.long_limit}"))
    parts.append(
        _row(
            "Difficult words",
            f"{f.difficult_share:.1f}%",
            f"≤ {targets.max_difficult_share:g}%" if targets else "",
        )
    )
    parts.append("</table>")
    if targets:
        if report.missed:
            parts.append(f'<p class="pub-coach-missed">{len(report.missed)} targets missed</p>')
        else:
            parts.append('<p class="pub-coach-met">All targets met that could be checked</p>')
    parts.append('<h3>Legend</h3><ul class="pub-coach-legend">')
    for kind, (tag, label) in KIND_LABELS.items():
        if kind == "long":
            label = f"sentence of more than {report.long_limit} words"
        parts.append(
            f'<li><mark class="pub-coach-mark pub-coach-{kind}">'
            f'<span class="pub-coach-tag">{tag}</span>example</mark> {escape(label)}</li>'
        )
    parts.append("</ul>")
    if not f.passive_checked:
        parts.append(f"<p>Passive voice is not checked for '{escape(f.lang)}'.</p>")
    parts.extend(_findings(variant.findings, f.lang))
    parts.append("</aside>")
    return "".join(parts)


def _row(name: str, now: str, target: str) -> str:
    return (
        f'<tr><th scope="row">{escape(name)}</th><td>{escape(now)}</td>'
        f"<td>{escape(target) or '–'}</td></tr>"
    )


def _findings(findings: list[Finding], lang: str) -> list[str]:
    if not findings:
        return ["<h3>Findings</h3><p>Nothing to mark.</p>"]
    out = [f"<h3>Findings ({len(findings)})</h3><ul>"]
    for number, finding in enumerate(findings):
        tag = KIND_LABELS[finding.kind][0]
        lines = ", ".join(str(n) for n in finding.lines)
        where = f" ({finding.where})" if finding.where and finding.where != "text" else ""
        out.append(
            f'<li data-finding="{number}"><a href="#pub-coach-mark-{number}">'
            f"{tag} line{'s' * (len(finding.lines) > 1)} {lines}</a>{escape(where)}: "
            f'<span lang="{escape(lang)}">{escape(finding.text)}</span> '
            f"<em>{escape(finding.advice)}</em></li>"
        )
    out.append("</ul>")
    return out


def compare_page(coach: ArticleCoach) -> str:
    """Each section of the standard text next to its plain text."""
    article = coach.article
    assert article is not None
    lang = escape(article.meta.lang)
    standard = _sections(article, select(article.tokens, VARIANTS["standard"]), plain=False)
    plain_tokens = plain_headings(select(article.tokens, VARIANTS["plain"]))
    plain = _sections(article, plain_tokens, plain=True)
    missing = {str(t.attrGet("id")) for t in sections_without_plain(article.tokens)}
    meta = article.meta
    rows = [
        _pair(
            "Title and summary",
            "opening-title",
            f"<p><strong>{escape(meta.title)}</strong></p>"
            + (f"<p>{escape(meta.summary)}</p>" if meta.summary else ""),
            f"<p><strong>{escape(meta.plain.title or meta.title)}</strong></p>"
            + "".join(f"<p>{escape(item)}</p>" for item in meta.plain.summary),
            [] if meta.plain.title and meta.plain.summary else ["no plain title or summary"],
            lang,
        )
    ]
    for key, (title, body) in standard.items():
        plain_title, plain_body = plain.get(key, (title, ""))
        flags = []
        if key in missing:
            flags.append("no plain text: the plain variant shows the standard text unchanged")
        elif key and plain_title == title:
            flags.append("the heading has no plain wording")
        label = title if plain_title == title else f"{title} → {plain_title}"
        rows.append(
            _pair(label or "Opening", f"s-{key or 'opening'}", body, plain_body, flags, lang)
        )
    nav = variant_names(coach)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Side by side: {escape(meta.title)}</title>"
        f"<style>{_static('compare.css')}</style></head><body><main>"
        f"<h1>Side by side: standard and plain text</h1>{nav}"
        "<p>Each section of the standard text next to its plain text, to check that no "
        "meaning got lost. Sections without a plain text are flagged.</p>"
        + "".join(rows)
        + "</main><script>new EventSource('/__coach/events').onmessage = "
        "() => location.reload();</script></body></html>"
    )


def _pair(title: str, ident: str, standard: str, plain: str, flags: list[str], lang: str) -> str:
    flag_html = "".join(f'<p class="flag"><strong>Check:</strong> {escape(f)}</p>' for f in flags)
    return (
        f'<section class="pair{" flagged" * bool(flags)}" aria-labelledby="{ident}">'
        f'<h2 id="{ident}">{escape(title)}</h2>{flag_html}<div class="columns">'
        f'<div class="column"><h3>Standard</h3><div lang="{lang}">{standard}</div></div>'
        f'<div class="column"><h3>Plain</h3><div lang="{lang}">'
        f"{plain or '<p><em>(nothing)</em></p>'}</div></div></div></section>"
    )


def _sections(article: Article, tokens: list[Token], plain: bool) -> dict[str, tuple[str, str]]:
    """Heading id ("" for the opening) -> (heading text, rendered body)."""
    parts: dict[str, tuple[str, list[Token]]] = {"": ("", [])}
    key = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            key = str(token.attrGet("id"))
            parts[key] = (tokens[index + 1].content, [])
            index += 3
            continue
        parts[key][1].append(token)
        index += 1

    def figure(data: FigureData) -> str:
        caption = f"<figcaption>{data.caption}</figcaption>" if data.caption else ""
        return (
            f'<figure><img src="{escape(data.src)}" alt="{escape(data.alt)}" '
            f'style="max-width:100%;height:auto">{caption}</figure>'
        )

    options = RenderOptions(
        "html", lambda image: image_path(image.name), figure, heading_shift=2, plain_language=plain
    )
    return {
        key: (title, render_body(article, body, {}, options).body if body else "")
        for key, (title, body) in parts.items()
        if key or body
    }
