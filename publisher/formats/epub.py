"""The EPUB 3 (``<slug>.epub``): our own XHTML and navigation, packaged by ebooklib,
then re-zipped so two builds of the same source give the same bytes."""

from __future__ import annotations

import io
import textwrap
import uuid
import zipfile
from typing import Any

from lxml import etree

from publisher.errors import PublisherError
from publisher.formats.epub_meta import accessibility_metadata, page_source
from publisher.formats.html import _variant_layout
from publisher.formats.job import Job, source_date
from publisher.formats.pagebreaks import PageBreak, insert_page_breaks, page_breaks
from publisher.outputs import Output
from publisher.stylesheets import concatenate, font_faces, font_files, media_type

CONTENT = "content.xhtml"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
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


def render(job: Job) -> list[Output]:
    from ebooklib import epub

    meta = job.article.meta
    rendered = job.render("xhtml", lambda image: f"images/{image.name}", "epub")
    context = job.context(rendered, "epub")
    css_name = "epub.css"
    logo = job.logo_file()
    logo_name = f"images/theme-logo{logo[1].suffix}" if logo else ""
    context.update(
        stylesheet=css_name,
        content_file=CONTENT,
        logo=logo_name,
        links={
            "other": job.links_other_variant,
            "other_file": job.filename("epub", job.other_variant),
        },
    )

    template = job.theme.template(_variant_layout("layouts/epub.xhtml", job), "layouts/epub.xhtml")
    content = template.render(context)
    _check_well_formed(job, "content", content)
    breaks: list[PageBreak] = []
    if "pdf" in job.built:
        breaks = page_breaks(job)
        content = insert_page_breaks(content, breaks, job)
    context["page_list"] = [{"id": b.id, "label": b.label} for b in breaks]
    nav = job.theme.template("epub/nav.xhtml").render(context)
    cover_alt = job.t("cover_alt", title=context["display_title"], publisher=meta.publisher or "")
    cover_alt = cover_alt.rstrip(", ")
    context.update(cover_alt=cover_alt)
    cover_page = job.theme.template("epub/cover.xhtml").render(context)
    cover_svg = job.theme.template("epub/cover.svg").render(
        context,
        colors=job.theme.colors["light"],
        font_family=job.theme.options.get("fonts", {}).get("body", "sans-serif"),
        cover_lines=textwrap.wrap(context["display_title"], 20)[:7],
    )
    for name, text in (
        ("content", content),
        ("nav", nav),
        ("cover", cover_page),
        ("cover image", cover_svg),
    ):
        _check_well_formed(job, name, text)

    book = epub.EpubBook()
    book.set_identifier(identifier(job))
    book.set_title(context["display_title"])
    book.set_language(meta.lang)
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
    if context["description"]:
        book.add_metadata("DC", "description", context["description"])
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

    family = job.theme.options.get("fonts", {}).get("body", "serif")
    css = (
        font_faces(job.theme, lambda relative: f"../{relative}")
        + f':root {{ --pub-font: "{family}"; }}\n'
        + concatenate(job.theme, ("epub.css",))
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
        properties: list[str] = []
        items.append(
            _item(
                f"image{number}",
                f"images/{image.name}",
                image.media_type,
                image.source.read_bytes(),
                properties,
            )
        )
    if logo:
        items.append(_item("theme-logo", logo_name, media_type(logo[1]), logo[1].read_bytes()))
    for number, relative in enumerate(font_files(job.theme), start=1):
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
    content_doc = _item("content", CONTENT, "application/xhtml+xml", content.encode("utf-8"))
    for item in (*items, cover_doc, nav_doc, content_doc):
        book.add_item(item)
    book.spine = [cover_doc, content_doc, nav_doc]
    book.spine[2] = (nav_doc, "no")

    buffer = io.BytesIO()
    writer = epub.EpubWriter(
        buffer,
        book,
        {
            "epub3_pages": False,
            "epub3_landmark": False,
            "epub2_guide": False,
            "mtime": source_date(meta.date),
        },
    )
    writer.process()
    writer.write()
    return [Output(job.filename("epub"), repack(buffer.getvalue(), meta.lang))]


def _item(
    uid: str, name: str, media_type: str, data: bytes, properties: list[str] | None = None
) -> Any:
    from ebooklib import epub

    item = epub.EpubItem(uid=uid, file_name=name, media_type=media_type, content=data)
    item.properties = properties or []
    return item


def _check_well_formed(job: Job, name: str, text: str) -> None:
    try:
        etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise PublisherError.at(
            job.article.source.path,
            f"internal error: the EPUB {name} is not well-formed XML: {exc}",
        ) from None


def repack(data: bytes, lang: str) -> bytes:
    """Fixed order and timestamps, mimetype first and stored; the package document
    gets xml:lang and loses the NCX reference ebooklib adds without an NCX."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        ordered = ["mimetype", "META-INF/container.xml"]
        ordered += sorted(n for n in names if n not in ordered)
        for name in ordered:
            content = source.read(name)
            if name.endswith(".opf"):
                content = _fix_package(content, lang)
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content, compresslevel=9 if name != "mimetype" else None)
    return out.getvalue()


def _fix_package(content: bytes, lang: str) -> bytes:
    root = etree.fromstring(content)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    ns = {"opf": "http://www.idpf.org/2007/opf"}
    for spine in root.findall("opf:spine", ns):
        if spine.get("toc") and not root.findall(
            f"opf:manifest/opf:item[@id='{spine.get('toc')}']", ns
        ):
            del spine.attrib["toc"]
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return result
