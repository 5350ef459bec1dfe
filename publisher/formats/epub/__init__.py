"""The EPUB 3 (``<slug>.epub``): our own XHTML and navigation, a page list that
follows the handout, packaged by ebooklib (``package``)."""

from __future__ import annotations

from typing import Any

from publisher.build.job import HandoutProduct, Job, Needs, Product
from publisher.build.outputs import Output
from publisher.formats.addresses import file_name
from publisher.formats.assets import online_versions
from publisher.formats.context import context, layout, logo_file, render_content, source_date
from publisher.formats.epub.book import (
    CSS_NAME,
    XHTML,
    add_metadata,
    cover_documents,
    describe,
    item,
    new_book,
    parse_document,
    serialize,
    stylesheet,
    theme_items,
)
from publisher.formats.epub.book import identifier as book_identifier
from publisher.formats.epub.metadata import accessibility_metadata, page_source
from publisher.formats.epub.package import write_epub
from publisher.formats.epub.pagebreaks import insert_page_breaks
from publisher.formats.fonts import plan

CONTENT = "content.xhtml"


def identifier(job: Job) -> str:
    """A UUID from the article's address (or slug): the same on every build."""
    meta = job.article.meta
    return book_identifier((meta.url or f"publisher:{meta.slug}") + job.variant.suffix)


def nav_entry(document: str, values: dict[str, Any], glossary: bool = False) -> dict[str, Any]:
    """A document in the navigation: its title and its sections (and its word list,
    when ``glossary`` and the article has one)."""
    children = [{"href": f"{document}#{h.id}", "text": h.text} for h in values["toc"]]
    if glossary and values["glossary"]:
        title = "glossary_plain" if values["plain"] else "glossary_standard"
        href = f"{document}#{values['ids']['glossary']}"
        children.append({"href": href, "text": values["t"](title)})
    return {
        "href": document,
        "title": values["display_title"],
        "lang": values["lang"],
        "children": children,
    }


def render(job: Job, needs: Needs) -> Product:
    meta = job.article.meta
    t = job.strings
    rendered = render_content(job, "xhtml", lambda image: f"images/{image.name}", "epub")
    values = context(job, rendered, "epub")
    logo = logo_file(job)
    logo_name = f"images/theme-logo{logo[1].suffix}" if logo else ""
    values.update(
        stylesheet=CSS_NAME,
        content_file=CONTENT,
        logo=logo_name,
        versions=online_versions(job, "epub"),
    )
    root = parse_document(job.theme, "content", layout(job, "layouts/epub.xhtml").render(values))
    handout = needs.get("pdf", HandoutProduct)
    breaks = insert_page_breaks(root, handout.page_starts, t)
    values.update(
        nav_entries=[nav_entry(CONTENT, values, glossary=True)],
        body_start=CONTENT,
        page_list=[{"href": f"{CONTENT}#{b.id}", "label": b.label} for b in breaks],
    )
    nav = job.theme.template("epub/nav.xhtml").render(values)
    parse_document(job.theme, "nav", nav)

    book = new_book(
        describe(
            meta,
            identifier=identifier(job),
            title=values["display_title"],
            languages=(meta.lang,),
            people=tuple((author, "aut") for author in meta.authors),
            description=values["description"],
        )
    )
    if breaks:
        # EPUBCheck knows the newer pageBreakSource; DAISY Ace 1.4 looks for dc:source.
        book.add_metadata("DC", "source", page_source(job))
    add_metadata(book, accessibility_metadata(job, rendered, bool(breaks)))

    fonts = plan(job, "epub")
    cover_image, cover_doc = cover_documents(job.theme, values, meta.publisher)
    items: list[Any] = [stylesheet(job.theme, job.variant, fonts), cover_image]
    for number, image in enumerate(job.article.images.values(), start=1):
        items.append(item(f"image{number}", f"images/{image.name}", image.media_type, image.data))
    items += theme_items(job.theme, logo_name, fonts)
    nav_doc = item("nav", "nav.xhtml", XHTML, nav.encode("utf-8"), ["nav"])
    content_doc = item("content", CONTENT, XHTML, serialize(root))
    for added in (*items, cover_doc, nav_doc, content_doc):
        book.add_item(added)
    book.spine = [cover_doc, content_doc, (nav_doc, "no")]
    data = write_epub(book, meta.lang, source_date(meta.date))
    notes: tuple[str, ...] = ()
    if not breaks and any(handout.page_starts):
        notes = (
            f"the e-book {file_name(job, 'epub')} has no page list: a page of the handout "
            "could not be found in its text",
        )
    return Product((Output(file_name(job, "epub"), data),), notes=notes)
