"""``index.html`` (a card for every collection and article, newest first) and
``index.json`` (the same for partner sites that show the latest items themselves)."""

from __future__ import annotations

import json
from typing import Any

from publisher.build.article import make_job
from publisher.build.job import Job
from publisher.build.options import BuildOptions
from publisher.build.outputs import Output
from publisher.build.records import ArticleRecord
from publisher.catalog import VARIANTS
from publisher.formats.assets import shared_assets
from publisher.formats.cards import card
from publisher.formats.collection.index import LISTING_CSS
from publisher.formats.context import context, render_content
from publisher.formats.html import stylesheet
from publisher.reading.files import SourceFile
from publisher.reading.model import Article, Meta
from publisher.site.model import Site, outputs
from publisher.theme import load_theme

COLLECTIONS_ID = "pub-collections"
ARTICLES_ID = "pub-all-articles"


def site_job(site: Site, options: BuildOptions) -> Job:
    """The site's index page as a job of the standard variant: an article without
    text whose title is the site's, so it shares every template with the others."""
    source = SourceFile(options.project_dir / "index", "", "", 1)
    meta = Meta(
        title=site.options.title,
        lang=site.options.lang,
        date=site.updated,
        slug="index",
        publisher=site.options.author or options.settings.publisher,
    )
    theme = load_theme(options.theme or "default", options.project_dir)
    return make_job(Article(source, meta, [], {}, {}), VARIANTS["standard"], theme, options)


def index_page(site: Site, options: BuildOptions) -> list[Output]:
    job = site_job(site, options)
    rendered = render_content(job, "html", lambda image: "", "html")
    values = context(job, rendered, "html")
    css = stylesheet(job, "site", LISTING_CSS)
    logo = job.theme.options.get("logo")
    strings, variant = job.strings, job.variant.name
    values.update(
        stylesheet=css.path,
        logo=f"assets/theme/{logo}" if logo else "",
        canonical=site.href("index.html") if site.options.base_url else None,
        feed_href="feed.xml",
        links={"others": [], "downloads": []},
        card_level=3,
        collections_id=COLLECTIONS_ID,
        articles_id=ARTICLES_ID,
        collection_cards=[
            card(record, f"collections/{record.slug}/", strings, variant, site.variants, "c-")
            for record, _slugs in site.collections
        ],
        cards=[
            card(record, f"{record.slug}/", strings, variant, site.variants, "a-")
            for record in site.articles
        ],
    )
    html = job.theme.template("layouts/site.html").render(values)
    return [Output("index.html", html.encode("utf-8")), css, *shared_assets(job)]


def _entry(site: Site, record: ArticleRecord, folder: str) -> dict[str, Any]:
    variants: dict[str, Any] = {}
    for variant, fmt, path, size in outputs(record, folder):
        plain = VARIANTS[variant].plain_language
        if variant not in variants:
            variants[variant] = {
                "title": (record.plain_title if plain else "") or record.title,
                "summary": (" ".join(record.plain_summary) if plain else "") or record.summary,
                "outputs": {},
            }
        variants[variant]["outputs"][fmt] = {"href": site.href(path), "size": size}
    return {
        "slug": record.slug,
        "title": record.title,
        "lang": record.lang,
        "date": record.date,
        "summary": record.summary,
        "keywords": list(record.keywords),
        "authors": list(record.authors),
        "publisher": record.publisher,
        "url": record.url,
        "variants": variants,
    }


def index_json(site: Site) -> bytes:
    data = {
        "version": 1,
        "title": site.options.title,
        "lang": site.options.lang,
        "updated": site.updated.isoformat(),
        "feed": site.href("feed.xml"),
        "collections": [
            {**_entry(site, record, f"collections/{record.slug}/"), "articles": list(slugs)}
            for record, slugs in site.collections
        ],
        "articles": [_entry(site, record, f"{record.slug}/") for record in site.articles],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")
