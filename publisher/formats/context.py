"""What every format's templates share: the rendered body of the job's variant and
the template context built around it."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from markupsafe import Markup

from publisher import __version__
from publisher.build.job import Job
from publisher.catalog import PAPERS, Variant
from publisher.content.render import FigureData, Rendered, RenderOptions, Target, render_body
from publisher.formats.addresses import page_url
from publisher.reading.model import Image
from publisher.text.scripts import is_rtl

if TYPE_CHECKING:
    import jinja2

IDS = (
    "main",
    "title",
    "toc",
    "notes",
    "glossary",
    "in_short",
    "downloads",
    "links",
    "versions",
    "listen",
    "body",
)
"""Ids of the parts of the page every layout has (``pub-main``, ...)."""


def render_content(
    job: Job,
    target: Target,
    image_url: Callable[[Image], str],
    fmt: str,
    heading_shift: int = 0,
    id_prefix: str = "",
) -> Rendered:
    """The job's body in one markup flavour: ``html``, ``xhtml`` or ``print``."""
    sc = Markup(" />" if target == "xhtml" else ">")
    figure_template = job.theme.template("partials/figure.html")

    def figure(data: FigureData) -> str:
        return figure_template.render(fig=data, fmt=fmt, sc=sc)

    plain = job.variant.plain_language
    options = RenderOptions(
        target,
        image_url,
        figure,
        heading_shift,
        id_prefix,
        job.strings("table", number="{number}"),
        remove_soft_hyphens=plain,
        sentence_lines=plain and job.article.meta.plain.level == "easy",
        number_links=target == "print",
        code_columns=PAPERS[job.settings.paper].code_columns if target == "print" else None,
        label=job.strings,
        plain_language=plain,
        missing=missing_glyphs(job) if target == "print" else frozenset(),
    )
    footnotes = {key: list(tokens) for key, tokens in job.footnotes.items()}
    return render_body(job.article, list(job.tokens), footnotes, options)


def missing_glyphs(job: Job) -> frozenset[str]:
    """The characters of the article no font of the theme has (for print)."""
    from publisher.formats.fonts import article_text
    from publisher.theme.fonts import coverage

    text = article_text(job.article, list(job.strings.values.values()))
    return frozenset(coverage(job.theme, text, "print").missing)


def template_names(name: str, variant: Variant) -> list[str]:
    """A variant's own template first (``x.plain.html``), then the shared one."""
    stem, dot, ext = name.rpartition(".")
    return [f"{stem}{suffix}{dot}{ext}" for suffix in variant.templates] + [name]


def layout(job: Job, name: str) -> jinja2.Template:
    return job.theme.template(*template_names(name, job.variant))


def context(
    job: Job, rendered: Rendered, fmt: str, title_level: int = 1, id_prefix: str = ""
) -> dict[str, Any]:
    """The template context shared by every layout."""
    meta = job.article.meta
    t = job.strings
    plain = job.variant.plain_language
    title = (meta.plain.title if plain and meta.plain.title else None) or meta.title
    if plain:
        summary_items = list(meta.plain.summary) or ([meta.summary] if meta.summary else [])
    else:
        summary_items = [meta.summary] if meta.summary else []
    authors = [
        t("author_role", name=a.name, role=a.role) if a.role else a.name for a in meta.authors
    ]
    top = min((h.level for h in rendered.headings), default=title_level + 1)
    variant = job.variant
    return {
        "a": {
            "title": meta.title,
            "subtitle": meta.subtitle,
            "publisher": meta.publisher,
            "date_iso": meta.date.isoformat(),
            "date_text": format_date(meta.date, format="long", locale=meta.lang.replace("-", "_")),
            "authors": authors,
            "authors_text": ", ".join(authors),
            "keywords": list(meta.keywords),
            "url": meta.url,
            "license": meta.license,
        },
        "contact": meta.contact,
        "lang": meta.lang,
        "rtl": is_rtl(meta.lang),
        "dir_attr": Markup(' dir="rtl"') if is_rtl(meta.lang) else "",
        "display_title": title,
        "description": " ".join(summary_items) if summary_items else None,
        "summary_items": summary_items,
        "plain": plain,
        "variant": variant.name,
        "variant_class": f" {variant.css_class}" if variant.css_class else "",
        "body": rendered.body,
        "toc": [h for h in rendered.headings if h.level == top],
        "footnotes": rendered.footnotes,
        "glossary": rendered.glossary,
        "fmt": fmt,
        "t": t,
        "ids": {name: f"{id_prefix}pub-{name.replace('_', '-')}" for name in IDS},
        "id_prefix": id_prefix,
        "title_level": title_level,
        "sc": Markup(" />" if fmt == "epub" else ">"),
        "version": __version__,
        "logo": "",
        "in_page_links": True,
        "pick": lambda name: template_names(name, variant),
    }


def logo_file(job: Job) -> tuple[str, Path] | None:
    """The theme's logo: its static path and file, if the theme has one."""
    logo = job.theme.options.get("logo")
    if not logo:
        return None
    return str(logo), job.theme.static(str(logo))


def json_ld(job: Job, context: dict[str, Any]) -> str:
    """schema.org data about the article, safe inside a ``<script>`` element."""
    meta = job.article.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if meta.publisher else "Article",
        "headline": context["display_title"],
        "inLanguage": meta.lang,
        "datePublished": meta.date.isoformat(),
    }
    if context["description"]:
        data["description"] = context["description"]
    if meta.authors:
        data["author"] = [{"@type": "Person", "name": a.name} for a in meta.authors]
    if meta.publisher:
        data["publisher"] = {"@type": "Organization", "name": meta.publisher}
    if meta.keywords:
        data["keywords"] = ", ".join(meta.keywords)
    if meta.license:
        data["license"] = meta.license
    url = page_url(job)
    if url:
        data["url"] = url
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Inside <script> the HTML parser looks for "</script" and "<!--" before JSON is
    # read: "<", ">" and "&" are written as JSON escapes, never as themselves.
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def human_size(size: int) -> str:
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1000 / 1000:.1f} MB".replace(".", ",")


def source_date(default: dt.date) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the article's date at noon UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(default.year, default.month, default.day, 12, tzinfo=dt.UTC)
