"""What a format renderer gets: one article, one variant, the theme, the settings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from babel.dates import format_date
from markdown_it.token import Token
from markupsafe import Markup

from publisher import __version__
from publisher.errors import PublisherError
from publisher.model import Article, Image
from publisher.options import Settings
from publisher.outputs import Output
from publisher.render import FigureData, Rendered, RenderOptions, Target, render_body
from publisher.theme import Theme
from publisher.variants import VARIANTS, Variant


@dataclass
class Job:
    article: Article
    variant: Variant
    theme: Theme
    strings: dict[str, str]
    tokens: list[Token]
    settings: Settings
    formats: tuple[str, ...]
    variants: tuple[str, ...]
    built: dict[str, Output] = field(default_factory=dict)
    """Outputs already built for this article (name -> output), e.g. the PDF."""
    extras: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], None]] = field(default_factory=list)
    """Run by ``close`` when every format of this job is done (also after an error)."""

    def close(self) -> None:
        while self.cleanups:
            self.cleanups.pop()()

    # --- names
    def filename(self, fmt: str, variant: Variant | None = None) -> str:
        from publisher.formats import FORMATS

        chosen = variant or self.variant
        return f"{self.article.slug}{chosen.suffix}{FORMATS[fmt].extension}"

    @property
    def other_variant(self) -> Variant:
        return VARIANTS["standard" if self.variant.name == "plain" else "plain"]

    @property
    def links_other_variant(self) -> bool:
        return self.other_variant.name in self.variants

    @property
    def published_url(self) -> str | None:
        """Where the standalone page of this variant is published, if known."""
        url = self.article.meta.url
        if url and self.variant.name != "standard":
            return urljoin(url, self.filename("html"))
        if url:
            return url
        if self.settings.base_url:
            base = self.settings.base_url.rstrip("/") + "/"
            return urljoin(base, f"{self.article.slug}/{self.filename('html')}")
        return None

    def asset_url(self, relative: str) -> str | None:
        """Absolute URL of a published asset, when the article has an address."""
        page = self.published_url
        return urljoin(page, relative) if page else None

    # --- strings
    def t(self, key: str, **values: str | int) -> str:
        try:
            template = self.strings[key]
        except KeyError:
            raise PublisherError.at(
                self.theme.chain[0].path / "i18n",
                f"theme '{self.theme.name}' has no interface string '{key}' for language "
                f"'{self.article.meta.lang}' (add it to i18n/{self.article.meta.base_lang}.toml)",
            ) from None
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise PublisherError.at(
                self.theme.chain[0].path / "i18n",
                f"interface string '{key}' = '{template}' has a placeholder that does not "
                f"fit: {exc}",
            ) from None

    # --- rendering
    def render(
        self,
        target: Target,
        image_url: Callable[[Image], str],
        fmt: str,
        heading_shift: int = 0,
        id_prefix: str = "",
    ) -> Rendered:
        sc = Markup(" />" if target == "xhtml" else ">")
        figure_template = self.theme.template("partials/figure.html")

        def figure(data: FigureData) -> str:
            return figure_template.render(fig=data, fmt=fmt, sc=sc)

        shift = heading_shift + self.body_heading_shift
        plain = self.variant.uses_plain_blocks
        options = RenderOptions(
            target,
            image_url,
            figure,
            shift,
            id_prefix,
            self.t("table", number="{number}"),
            plain=plain,
            sentence_lines=plain and self.article.meta.plain.level == "easy",
        )
        return render_body(self.article, self.tokens, options)

    @property
    def body_heading_shift(self) -> int:
        """Body headings start at h2 under the article's h1 title."""
        levels = [int(t.tag[1]) for t in self.article.tokens if t.type == "heading_open"]
        return max(0, 2 - min(levels)) if levels else 0

    def context(
        self, rendered: Rendered, fmt: str, title_level: int = 1, id_prefix: str = ""
    ) -> dict[str, Any]:
        """The template context shared by every layout."""
        meta = self.article.meta
        plain = self.variant.name == "plain"
        title = (meta.plain.title if plain and meta.plain.title else None) or meta.title
        if plain:
            summary_items = list(meta.plain.summary) or ([meta.summary] if meta.summary else [])
        else:
            summary_items = [meta.summary] if meta.summary else []
        authors = [
            self.t("author_role", name=a.name, role=a.role) if a.role else a.name
            for a in meta.authors
        ]
        top = min((h.level for h in rendered.headings), default=title_level + 1)
        ids = {
            name: f"{id_prefix}pub-{name.replace('_', '-')}"
            for name in (
                "main",
                "title",
                "toc",
                "notes",
                "glossary",
                "in_short",
                "downloads",
                "links",
            )
        }
        return {
            "a": {
                "title": meta.title,
                "subtitle": meta.subtitle,
                "publisher": meta.publisher,
                "date_iso": meta.date.isoformat(),
                "date_text": format_date(meta.date, format="long", locale=_locale(meta.lang)),
                "authors": authors,
                "authors_text": ", ".join(authors),
                "keywords": list(meta.keywords),
                "url": meta.url,
                "license": meta.license,
            },
            "lang": meta.lang,
            "display_title": title,
            "description": " ".join(summary_items) if summary_items else None,
            "summary_items": summary_items,
            "plain": plain,
            "variant": self.variant.name,
            "body": rendered.body,
            "toc": [h for h in rendered.headings if h.level == top],
            "footnotes": rendered.footnotes,
            "glossary": rendered.glossary,
            "fmt": fmt,
            "t": self.t,
            "ids": ids,
            "id_prefix": id_prefix,
            "title_level": title_level,
            "sc": Markup(" />" if fmt == "epub" else ">"),
            "version": __version__,
            "logo": "",
            "pick": self.pick,
        }

    def pick(self, name: str) -> list[str]:
        """A template for this variant first (``x.plain.html``), then the shared one."""
        stem, dot, ext = name.rpartition(".")
        return [f"{stem}{self.variant.suffix}{dot}{ext}", name] if self.variant.suffix else [name]

    def logo_file(self) -> tuple[str, Path] | None:
        """The theme's logo: its static path and file, if the theme has one."""
        logo = self.theme.options.get("logo")
        if not logo:
            return None
        return str(logo), self.theme.static(str(logo))


def _locale(lang: str) -> str:
    return lang.replace("-", "_")


def json_ld(job: Job, context: dict[str, Any]) -> str:
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
    if job.published_url:
        data["url"] = job.published_url
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("</", "<\\/")


def human_size(size: int) -> str:
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1000 / 1000:.1f} MB".replace(".", ",")


def source_date(default: dt.date) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the article's date at noon UTC."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime(default.year, default.month, default.day, 12, tzinfo=dt.UTC)
