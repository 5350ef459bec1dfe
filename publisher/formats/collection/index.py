"""A collection's web page (``<slug>.html``): its heading, its meeting pack and
e-book to download, its introduction, and a card for each article with links to
every output of that article."""

from __future__ import annotations

from publisher.build.job import Needs, Product
from publisher.build.outputs import Output
from publisher.collections.job import CollectionJob
from publisher.formats.addresses import file_name, page_url
from publisher.formats.assets import links, shared_assets
from publisher.formats.cards import card
from publisher.formats.collection.chapters import collection_fonts, collection_values
from publisher.formats.context import render_content, template_names
from publisher.formats.html import stylesheet

LISTING_CSS = ("listing.css",)
ARTICLES_ID = "pub-articles"


def render(job: CollectionJob, needs: Needs) -> Product:
    intro = job.intro
    rendered = render_content(intro, "html", lambda image: f"assets/images/{image.name}", "html", 1)
    values = collection_values(job, rendered, "html")
    fonts = collection_fonts(job, "web")
    css = stylesheet(intro, "collection", LISTING_CSS, fonts)
    logo = job.theme.options.get("logo")
    values.update(
        stylesheet=css.path,
        logo=f"assets/theme/{logo}" if logo else "",
        canonical=page_url(intro),
        feed_href="",
        links=links(intro, needs),
        articles_id=ARTICLES_ID,
        card_level=3,
        cards=[
            card(
                chapter.record,
                f"../../{chapter.slug}/",
                job.strings,
                job.variant.name,
                intro.variants,
            )
            for chapter in job.chapters
        ],
    )
    template = job.theme.template(*template_names("layouts/collection_page.html", job.variant))
    page = Output(file_name(intro, "html"), template.render(values).encode("utf-8"))
    return Product((page, css, *shared_assets(intro, fonts)))
