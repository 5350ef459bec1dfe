"""The EPUB 3 (``<slug>.epub``): our own XHTML and navigation, a page list that
follows the handout, packaged by ebooklib (``package``)."""

from __future__ import annotations

import textwrap
import uuid
from typing import Any

from lxml import etree

from publisher.build.job import HandoutProduct, Job, Needs, Product
from publisher.build.outputs import Output
from publisher.errors import PublisherError
from publisher.formats.addresses import file_name
from publisher.formats.assets import online_versions
from publisher.formats.context import context, layout, logo_file, render_content, source_date
from publisher.formats.epub.metadata import accessibility_metadata, page_source
from publisher.formats.epub.package import write_epub
from publisher.formats.epub.pagebreaks import insert_page_breaks
from publisher.formats.fonts import plan
from publisher.text.scripts import is_rtl
from publisher.theme.stylesheets import concatenate, font_faces, font_files, media_type

CONTENT = "content.xhtml"
FONT_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}


# Role words authors write (Dutch and English) -> MARC relator codes.
RELATORS = {
    "aut": ("auteur", "author", "schrijver", "tekst", "text", "writer"),
    "edt": ("redactie", "eindredactie", "redacteur", "editor", "editing"),
    "ill": ("illustrator", "illustraties", "illustrations", "tekeningen"),
    "pht": ("fotograaf", "foto", "fotografie", "photographer", "photography"),
    "trl": ("vertaler", "vertaling", "translator", "translation"),
}


def relator(role: str | None) -> str:
    """The MARC relator code of a role ("eindredactie" -> "edt"); "ctb" if unknown."""
    if not role:
        return "aut"
    word = role.strip().casefold()
    return next((code for code, words in RELATORS.items() if word in words), "ctb")


def identifier(job: Job) -> str:
    """A UUID from the article's address (or slug): the same on every build."""
    meta = job.article.meta
    name = (meta.url or f"publisher:{meta.slug}") + job.variant.suffix
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def render(job: Job, needs: Needs) -> Product:
    from ebooklib import epub

    meta = job.article.meta
    t = job.strings
    rendered = render_content(job, "xhtml", lambda image: f"images/{image.name}", "epub")
    values = context(job, rendered, "epub")
    css_name = "epub.css"
    logo = logo_file(job)
    logo_name = f"images/theme-logo{logo[1].suffix}" if logo else ""
    values.update(
        stylesheet=css_name,
        content_file=CONTENT,
        logo=logo_name,
        versions=online_versions(job, "epub"),
    )
    root = _parse(job, "content", layout(job, "layouts/epub.xhtml").render(values))
    handout = needs.get("pdf", HandoutProduct)
    breaks = insert_page_breaks(root, handout.page_starts, t)
    content = etree.tostring(
        root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )
    values["page_list"] = [{"id": b.id, "label": b.label} for b in breaks]
    nav = job.theme.template("epub/nav.xhtml").render(values)
    cover_alt = t("cover_alt", title=values["display_title"], publisher=meta.publisher or "")
    values.update(cover_alt=cover_alt.rstrip(", "))
    cover_page = job.theme.template("epub/cover.xhtml").render(values)
    cover_svg = job.theme.template("epub/cover.svg").render(
        values,
        colors=job.theme.colors["light"],
        font_family=job.theme.options.get("fonts", {}).get("body", "sans-serif"),
        cover_lines=textwrap.wrap(values["display_title"], 20)[:7],
    )
    for name, text in (("nav", nav), ("cover", cover_page), ("cover image", cover_svg)):
        _parse(job, name, text)

    book = epub.EpubBook()
    book.set_identifier(identifier(job))
    book.set_title(values["display_title"])
    book.set_language(meta.lang)
    if is_rtl(meta.lang):
        book.set_direction("rtl")  # the spine's page-progression-direction
    for index, author in enumerate(meta.authors):
        code = relator(author.role)
        uid = f"creator{index}"
        if code == "aut":
            book.add_author(author.name, uid=uid, role=code)
        else:  # an editor, illustrator, ... is a contributor with that role
            book.add_metadata("DC", "contributor", author.name, {"id": uid})
            book.add_metadata(
                None,
                "meta",
                code,
                {"refines": f"#{uid}", "property": "role", "scheme": "marc:relators"},
            )
    if meta.publisher:
        book.add_metadata("DC", "publisher", meta.publisher)
    if values["description"]:
        book.add_metadata("DC", "description", values["description"])
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    if meta.license:
        book.add_metadata("DC", "rights", meta.license)
    book.add_metadata("DC", "date", meta.date.isoformat())
    if breaks:
        # EPUBCheck knows the newer pageBreakSource; DAISY Ace 1.4 looks for dc:source.
        book.add_metadata("DC", "source", page_source(job))
    for value, attributes in accessibility_metadata(job, rendered, bool(breaks)):
        book.add_metadata(None, "meta", value, attributes)

    fonts = plan(job, "epub")
    css = (
        font_faces(job.theme, lambda relative: f"../{relative}", fonts.families)
        + f":root {{ --pub-font: {fonts.stack}; }}\n"
        + fonts.css()
        + concatenate(job.theme, ("epub.css", *job.variant.css("epub")))
    )
    items: list[Any] = [
        _item("style", f"css/{css_name}", "text/css", css.encode("utf-8")),
        _item(
            "cover-image",
            "images/cover.svg",
            "image/svg+xml",
            cover_svg.encode("utf-8"),
            ["cover-image"],
        ),
    ]
    for number, image in enumerate(job.article.images.values(), start=1):
        items.append(
            _item(
                f"image{number}",
                f"images/{image.name}",
                image.media_type,
                image.source.read_bytes(),
            )
        )
    if logo:
        items.append(_item("theme-logo", logo_name, media_type(logo[1]), logo[1].read_bytes()))
    for number, relative in enumerate(font_files(job.theme, fonts.families), start=1):
        suffix = "." + relative.rsplit(".", 1)[-1]
        items.append(
            _item(
                f"font{number}",
                relative,
                FONT_TYPES.get(suffix, "font/ttf"),
                job.theme.static(relative).read_bytes(),
            )
        )
    cover_doc = _item(
        "cover", "cover.xhtml", "application/xhtml+xml", cover_page.encode("utf-8"), ["svg"]
    )
    nav_doc = _item("nav", "nav.xhtml", "application/xhtml+xml", nav.encode("utf-8"), ["nav"])
    content_doc = _item("content", CONTENT, "application/xhtml+xml", content)
    for item in (*items, cover_doc, nav_doc, content_doc):
        book.add_item(item)
    book.spine = [cover_doc, content_doc, (nav_doc, "no")]
    data = write_epub(book, meta.lang, source_date(meta.date))
    notes: tuple[str, ...] = ()
    if not breaks and any(handout.page_starts):
        notes = (
            f"the e-book {file_name(job, 'epub')} has no page list: a page of the handout "
            "could not be found in its text",
        )
    return Product((Output(file_name(job, "epub"), data),), notes=notes)


def _item(
    uid: str, name: str, media_type: str, data: bytes, properties: list[str] | None = None
) -> Any:
    from ebooklib import epub

    item = epub.EpubItem(uid=uid, file_name=name, media_type=media_type, content=data)
    item.properties = properties or []
    return item


def _parse(job: Job, name: str, text: str) -> Any:
    """A document of the EPUB as an XML tree; a theme template that does not give
    well-formed XHTML is the theme's error."""
    try:
        return etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise PublisherError.at(
            job.theme.chain[0].path / "templates",
            f"theme '{job.theme.name}': the EPUB {name} is not well-formed XML: {exc}",
        ) from None
