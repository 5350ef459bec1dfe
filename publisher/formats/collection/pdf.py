"""The collection as a meeting pack (``<slug>.pdf``): a cover, a table of contents
with page numbers, the introduction, each article from a new page with its title as
running head, one word list; PDF/UA-1 with bookmarks, laid out as one document by
the handout's own pieces (``publisher.formats.pdf``)."""

from __future__ import annotations

from publisher.build.job import HandoutProduct, Needs
from publisher.build.outputs import Output
from publisher.collections.job import Chapter, CollectionJob
from publisher.formats.addresses import file_name
from publisher.formats.collection.chapters import (
    collection_fonts,
    collection_values,
    merge_glossaries,
    render_chapters,
)
from publisher.formats.context import logo_file, render_content, template_names
from publisher.formats.pdf import footer_rule, lay_out, print_stylesheet, short_title
from publisher.formats.pdf.bidi import in_reading_order
from publisher.text.scripts import is_rtl

PACK_CSS = ("pack.css",)


def chapter_prefix(chapter: Chapter) -> str:
    return f"{chapter.slug}-"


def pack_html(job: CollectionJob) -> tuple[str, str]:
    """The whole pack as one HTML document for WeasyPrint, and its footer's rule."""
    intro = job.intro
    rendered = render_content(intro, "print", lambda image: image.source.as_uri(), "pdf", 1)
    values = collection_values(job, rendered, "pdf")
    chapters = render_chapters(
        job,
        "print",
        "pdf",
        lambda chapter, image: image.source.as_uri(),
        title_level=2,
        id_prefix=chapter_prefix,
    )
    glossary = merge_glossaries(
        chapters, lambda c: f"#{c.title_id}", lambda term: f"#{term.anchor}"
    )
    template = job.theme.template(*template_names("collection/print_chapter.html", job.variant))
    parts = []
    for chapter in chapters:
        chapter.values.update(print_links=chapter.rendered.link_urls)
        html = template.render(chapter.values)
        parts.append(
            {
                # WeasyPrint orders right-to-left lines box by box (formats/pdf/bidi.py).
                "html": in_reading_order(html) if is_rtl(chapter.chapter.lang) else html,
                "lang": chapter.chapter.lang,
                "title": chapter.title,
                "title_id": chapter.title_id,
            }
        )
    logo = logo_file(intro)
    cover = job.declaration.cover
    values.update(
        stylesheet_text=print_stylesheet(intro, PACK_CSS, collection_fonts(job, "print")),
        logo=logo[1].as_uri() if logo else "",
        cover_image=cover.image.source.as_uri() if cover else "",
        chapters=parts,
        terms=glossary,
    )
    layout = job.theme.template(*template_names("layouts/collection_print.html", job.variant))
    footer = footer_rule(intro, short_title(values["display_title"]))
    return layout.render(values), footer


def render(job: CollectionJob, needs: Needs) -> HandoutProduct:
    declaration = job.declaration
    images = [*declaration.intro.images.values()]
    if declaration.cover:
        images.append(declaration.cover.image)
    for chapter in job.chapters:
        images += chapter.job.article.images.values()
    html, footer = pack_html(job)
    data, starts = lay_out(
        html,
        footer,
        base=declaration.path.parent,
        roots=[t.path for t in job.theme.chain],  # the images: from memory
        images=images,
        identifier=f"collection:{job.slug}{job.variant.suffix}",
        source=job.intro,
    )
    return HandoutProduct(
        (Output(file_name(job.intro, "pdf"), data),),
        page_starts=starts,
        paper=job.settings.paper,
    )
