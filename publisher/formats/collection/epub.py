"""The collection as one EPUB 3 (``<slug>.epub``): a title page with the
introduction, each article a chapter in its own language, one word list, a
navigation over every article and its sections, and a page list that follows the
collection's own meeting pack (its handout product)."""

from __future__ import annotations

from typing import Any

from publisher.build.job import HandoutProduct, Needs, Product
from publisher.build.outputs import Output
from publisher.collections.job import Chapter, CollectionJob
from publisher.formats.addresses import file_name
from publisher.formats.collection.chapters import (
    RenderedChapter,
    collection_fonts,
    collection_values,
    merge_glossaries,
    render_chapters,
)
from publisher.formats.context import layout, logo_file, render_content, source_date
from publisher.formats.epub import book as epub
from publisher.formats.epub import nav_entry
from publisher.formats.epub.metadata import accessibility_entries, page_source
from publisher.formats.epub.package import write_epub
from publisher.formats.epub.pagebreaks import insert_page_breaks_in

INTRO = "intro.xhtml"
GLOSSARY = "glossary.xhtml"


def chapter_file(chapter: Chapter) -> str:
    return f"{chapter.slug}.xhtml"


def chapter_image(chapter: Chapter, name: str) -> str:
    return f"images/articles/{chapter.slug}/{name}"


def render(job: CollectionJob, needs: Needs) -> Product:
    intro = job.intro
    theme = job.theme
    meta = intro.article.meta
    logo = logo_file(intro)
    logo_name = f"images/theme-logo{logo[1].suffix}" if logo else ""
    shared = {
        "stylesheet": epub.CSS_NAME,
        "logo": logo_name,
        "versions": [],
    }

    rendered = render_content(
        intro, "xhtml", lambda image: f"images/collection/{image.name}", "epub", 1
    )
    values = collection_values(job, rendered, "epub")
    chapters = render_chapters(
        job,
        "xhtml",
        "epub",
        lambda chapter, image: chapter_image(chapter, image.name),
        title_level=1,
        id_prefix=lambda chapter: "",
    )
    terms = merge_glossaries(
        chapters,
        lambda c: f"{chapter_file(c.chapter)}#{c.title_id}",
        lambda term: f"{GLOSSARY}#{term.anchor}",
    )
    values.update(shared, terms=terms)
    documents: list[tuple[str, Any]] = [
        (INTRO, _document(job, "title page", "epub/collection_intro.xhtml", values))
    ]
    for chapter in chapters:
        chapter.values.update(shared)
        text = layout(chapter.chapter.job, "layouts/epub.xhtml").render(chapter.values)
        documents.append(
            (chapter_file(chapter.chapter), epub.parse_document(theme, "chapter", text))
        )
    if terms:
        documents.append(
            (GLOSSARY, _document(job, "word list", "epub/collection_glossary.xhtml", values))
        )

    handout = needs.get("pdf", HandoutProduct)
    roots = [root for _, root in documents]
    breaks = insert_page_breaks_in(roots, handout.page_starts, job.strings)
    values.update(
        nav_entries=_nav_entries(job, values, chapters),
        body_start=chapter_file(job.chapters[0]) if job.chapters else INTRO,
        page_list=[
            {"href": f"{documents[index][0]}#{page.id}", "label": page.label}
            for index, page in breaks
        ],
    )
    nav = theme.template("epub/nav.xhtml").render(values)
    epub.parse_document(theme, "nav", nav)

    declaration = job.declaration
    name = (meta.url or f"publisher:collection:{job.slug}") + job.variant.suffix
    book = epub.new_book(
        epub.describe(
            meta,
            identifier=epub.identifier(name),
            title=values["display_title"],
            languages=job.languages,
            people=tuple((editor, "edt") for editor in declaration.editors),
            description=values["description"],
        )
    )
    images = _images(job)
    if breaks:
        book.add_metadata("DC", "source", page_source(intro))
    epub.add_metadata(
        book,
        accessibility_entries(
            job.strings,
            has_images=len(images) > 0,
            has_glossary=bool(terms),
            page_source=page_source(intro) if breaks else None,
        ),
    )
    cover = declaration.cover
    cover_image = None
    if cover:
        suffix = cover.image.source.suffix.lower() or ".img"
        cover_image = (
            f"images/cover{suffix}",
            cover.image.media_type,
            cover.image.data,
        )
    cover_items = epub.cover_documents(
        theme, values, meta.publisher, cover_image, cover.alt if cover else None
    )
    fonts = collection_fonts(job, "epub")
    items = [
        epub.stylesheet(theme, job.variant, fonts),
        cover_items[0],
        *images,
        *epub.theme_items(theme, logo_name, fonts),
    ]
    spine = [cover_items[1]]
    for index, (name, root) in enumerate(documents):
        document = epub.item(f"doc{index}", name, epub.XHTML, epub.serialize(root))
        items.append(document)
        spine.append(document)
    nav_doc = epub.item("nav", "nav.xhtml", epub.XHTML, nav.encode("utf-8"), ["nav"])
    for added in (*items, cover_items[1], nav_doc):
        book.add_item(added)
    book.spine = [*spine, (nav_doc, "no")]
    data = write_epub(book, meta.lang, source_date(meta.date))
    return Product((Output(file_name(intro, "epub"), data),))


def _document(job: CollectionJob, what: str, template: str, values: dict[str, Any]) -> Any:
    return epub.parse_document(job.theme, what, job.theme.template(template).render(values))


def _nav_entries(
    job: CollectionJob, values: dict[str, Any], chapters: list[RenderedChapter]
) -> list[dict[str, Any]]:
    t = job.strings
    lang = values["lang"]
    sections = []
    if values["body"]:
        sections.append({"href": f"{INTRO}#{values['intro_id']}", "text": t("introduction")})
    entries = [
        {"href": INTRO, "title": values["display_title"], "lang": lang, "children": sections}
    ]
    entries += [nav_entry(chapter_file(c.chapter), c.values) for c in chapters]
    if values["terms"]:
        title = t("glossary_plain" if values["plain"] else "glossary_standard")
        href = f"{GLOSSARY}#{values['glossary_id']}"
        entries.append({"href": href, "title": title, "lang": lang, "children": []})
    return entries


def _images(job: CollectionJob) -> list[Any]:
    """Every image of the introduction and of the articles."""
    images: list[Any] = []
    for image in job.intro.article.images.values():
        name = f"images/collection/{image.name}"
        images.append(epub.item(f"image{len(images) + 1}", name, image.media_type, image.data))
    for chapter in job.chapters:
        for image in chapter.job.article.images.values():
            name = chapter_image(chapter, image.name)
            images.append(epub.item(f"image{len(images) + 1}", name, image.media_type, image.data))
    return images
