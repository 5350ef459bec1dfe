"""What every EPUB of publisher shares, an article's or a collection's: the package
metadata (creators with their MARC roles, accessibility metadata), the stylesheet,
the theme's fonts and logo, the generated cover, and our documents as items."""

from __future__ import annotations

import datetime as dt
import textwrap
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from publisher.catalog import Variant
from publisher.errors import PublisherError
from publisher.formats.fonts import FontPlan
from publisher.reading.model import Author, Meta
from publisher.text.scripts import is_rtl
from publisher.theme import Theme
from publisher.theme.stylesheets import concatenate, font_faces, font_files, media_type

FONT_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}
CSS_NAME = "epub.css"
XHTML = "application/xhtml+xml"

# Role words authors write (Dutch and English) -> MARC relator codes.
RELATORS = {
    "aut": ("auteur", "author", "schrijver", "tekst", "text", "writer"),
    "edt": ("redactie", "eindredactie", "redacteur", "editor", "editing"),
    "ill": ("illustrator", "illustraties", "illustrations", "tekeningen"),
    "pht": ("fotograaf", "foto", "fotografie", "photographer", "photography"),
    "trl": ("vertaler", "vertaling", "translator", "translation"),
}


def relator(role: str | None, default: str = "aut") -> str:
    """The MARC relator code of a role ("eindredactie" -> "edt"); "ctb" if unknown."""
    if not role:
        return default
    word = role.strip().casefold()
    return next((code for code, words in RELATORS.items() if word in words), "ctb")


def identifier(name: str) -> str:
    """A UUID from a stable name (an address, or ``publisher:<slug>``)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


@dataclass(frozen=True)
class Description:
    """The package metadata of one EPUB."""

    identifier: str
    title: str
    languages: tuple[str, ...]
    """The first is the publication's language."""
    people: tuple[tuple[Author, str], ...] = ()
    """Each person with the relator code used when their role is not given."""
    publisher: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    license: str | None = None
    date: dt.date | None = None


def describe(meta: Meta, **fields: Any) -> Description:
    """The description of a book about ``meta`` (an article's or a collection's):
    its publisher, keywords, licence and date, and ``fields``."""
    return Description(
        publisher=meta.publisher,
        keywords=meta.keywords,
        license=meta.license,
        date=meta.date,
        **fields,
    )


def new_book(description: Description) -> Any:
    """An ebooklib book with the package metadata."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(description.identifier)
    book.set_title(description.title)
    first, *others = description.languages
    book.set_language(first)
    if is_rtl(first):
        book.set_direction("rtl")  # the spine's page-progression-direction
    for lang in others:
        book.add_metadata("DC", "language", lang)
    for index, (person, default) in enumerate(description.people):
        code = relator(person.role, default)
        uid = f"creator{index}"
        if code == "aut":
            book.add_author(person.name, uid=uid, role=code)
        else:  # an editor, illustrator, ... is a contributor with that role
            book.add_metadata("DC", "contributor", person.name, {"id": uid})
            book.add_metadata(
                None,
                "meta",
                code,
                {"refines": f"#{uid}", "property": "role", "scheme": "marc:relators"},
            )
    if description.publisher:
        book.add_metadata("DC", "publisher", description.publisher)
    if description.description:
        book.add_metadata("DC", "description", description.description)
    for keyword in description.keywords:
        book.add_metadata("DC", "subject", keyword)
    if description.license:
        book.add_metadata("DC", "rights", description.license)
    if description.date:
        book.add_metadata("DC", "date", description.date.isoformat())
    return book


def add_metadata(book: Any, entries: Iterable[tuple[str, dict[str, str]]]) -> None:
    for value, attributes in entries:
        book.add_metadata(None, "meta", value, attributes)


def item(uid: str, name: str, kind: str, data: bytes, properties: list[str] | None = None) -> Any:
    from ebooklib import epub

    made = epub.EpubItem(uid=uid, file_name=name, media_type=kind, content=data)
    made.properties = properties or []
    return made


def stylesheet(theme: Theme, variant: Variant, fonts: FontPlan) -> Any:
    """The one stylesheet of the book (``css/epub.css``), with the fonts its text needs."""
    css = (
        font_faces(theme, lambda relative: f"../{relative}", fonts.families)
        + f":root {{ --pub-font: {fonts.stack}; }}\n"
        + fonts.css()
        + concatenate(theme, ("epub.css", *variant.css("epub")))
    )
    return item("style", f"css/{CSS_NAME}", "text/css", css.encode("utf-8"))


def theme_items(theme: Theme, logo_name: str, fonts: FontPlan) -> list[Any]:
    """The fonts the book needs, and the theme's logo as ``logo_name`` (if it has one)."""
    items = []
    logo = theme.options.get("logo")
    if logo:
        path = theme.static(str(logo))
        items.append(item("theme-logo", logo_name, media_type(path), path.read_bytes()))
    for number, relative in enumerate(font_files(theme, fonts.families), start=1):
        suffix = "." + relative.rsplit(".", 1)[-1]
        kind = FONT_TYPES.get(suffix, "font/ttf")
        items.append(item(f"font{number}", relative, kind, theme.static(relative).read_bytes()))
    return items


def cover_documents(
    theme: Theme,
    values: dict[str, Any],
    publisher: str | None,
    image: tuple[str, str, bytes] | None = None,
    alt: str | None = None,
) -> list[Any]:
    """The cover image and its page. Without ``image`` (name, media type, bytes) the
    cover is generated: an SVG with the title on the theme's colours. ``values`` is
    the template context of the book (``context.context``)."""
    t = values["t"]
    cover_alt = alt or t("cover_alt", title=values["display_title"], publisher=publisher or "")
    values = {**values, "cover_alt": cover_alt.rstrip(", ")}
    if image is None:
        svg = theme.template("epub/cover.svg").render(
            values,
            colors=theme.colors["light"],
            font_family=theme.options.get("fonts", {}).get("body", "sans-serif"),
            cover_lines=textwrap.wrap(values["display_title"], 20)[:7],
        )
        parse_document(theme, "cover image", svg)
        image = ("images/cover.svg", "image/svg+xml", svg.encode("utf-8"))
    name, kind, data = image
    page = theme.template("epub/cover.xhtml").render(values, cover_src=name)
    parse_document(theme, "cover page", page)
    svg_page = ["svg"] if kind == "image/svg+xml" else []
    return [
        item("cover-image", name, kind, data, ["cover-image"]),
        item("cover", "cover.xhtml", XHTML, page.encode("utf-8"), svg_page),
    ]


def parse_document(theme: Theme, name: str, text: str) -> Any:
    """A document of the EPUB as an XML tree; a theme template that does not give
    well-formed XHTML is the theme's error."""
    try:
        return etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise PublisherError.at(
            theme.chain[0].path / "templates",
            f"theme '{theme.name}': the EPUB {name} is not well-formed XML: {exc}",
        ) from None


def serialize(root: Any) -> bytes:
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )
    return data
