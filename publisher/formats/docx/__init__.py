"""The Word document (``<slug>.docx``): for partners who reuse or adapt the text.

Written from the variant's tokens (the same ones every output renders) with
python-docx: heading styles with outline levels, the document's language and the
language of parts, core properties, alt text on every picture (decorative ones
marked decorative), tables with a repeated header row, real Word lists and
footnotes, links, the word list with bookmarks, and styles generated from the theme
(``styles``). ``check`` tests the result against Word's accessibility rules.
"""

from __future__ import annotations

import io
from typing import Any

from publisher.build.job import Job, Needs, Product
from publisher.build.outputs import Output
from publisher.content.render import Rendered
from publisher.formats.addresses import file_name, page_url
from publisher.formats.context import context, source_date
from publisher.formats.docx.body import Writer
from publisher.formats.docx.fonts import FONT_RELATIONSHIP, OBFUSCATED, Embedded, embedded_fonts
from publisher.formats.docx.ooxml import word_language
from publisher.formats.docx.package import (
    footnotes_xml,
    read_zip,
    relationships,
    relationships_xml,
    skeleton,
    write_zip,
)
from publisher.formats.docx.styles import Look, font_table_xml, look, settings_xml


def render(job: Job, needs: Needs) -> Product:
    return Product((Output(file_name(job, "docx"), document(job)),))


def document(job: Job) -> bytes:
    import docx

    meta = job.article.meta
    t = job.strings
    lk = look(job.theme, job.variant.plain_language, word_language(meta.lang))
    doc = docx.Document(io.BytesIO(skeleton(lk, job.settings.paper)))
    values = context(job, Rendered("", [], [], []), "docx")
    writer = Writer(job, doc.part, 0)  # the reader made headings start at h2

    if meta.publisher:
        writer.text_para("Kicker", meta.publisher)
    writer.text_para("Heading1", values["display_title"], "pub-title")
    if meta.subtitle and not job.variant.plain_language:
        writer.text_para("Subtitle", meta.subtitle)
    byline = t("published", date=values["a"]["date_text"])
    if values["a"]["authors"]:
        byline += " · " + t("by", names=values["a"]["authors_text"])
    writer.text_para("Byline", byline)
    summary = values["summary_items"]
    if summary and job.variant.plain_language:
        writer.text_para("Heading2", t("in_short"), "pub-in-short")
        writer.list_of(summary)
    elif summary:
        writer.text_para("Summary", " ".join(summary))

    writer.body(job.tokens)
    notes = writer.footnotes(lambda note_id: job.footnotes.get(note_id, ()))
    writer.glossary(t("glossary_plain" if job.variant.plain_language else "glossary_standard"), 2)
    colophon = []
    if meta.publisher:
        colophon.append(t("publication_of", publisher=meta.publisher) + ".")
    if meta.license:
        colophon.append(t("license", license=meta.license) + ".")
    url = page_url(job)
    if url:
        colophon.append(t("online_at", url=url))
    if colophon:
        writer.text_para("Colophon", " ".join(colophon))

    if writer.blocks and writer.blocks[-1].tag.endswith("}tbl"):
        writer.text_para(None, "")  # Word ends a document with a paragraph, not a table
    body = doc.element.body
    section = body[-1]
    for block in writer.blocks:
        section.addprevious(block)

    page_numbers(doc, t("page_x_of_y", page="\x00PAGE\x00", pages="\x00NUMPAGES\x00"))

    props = doc.core_properties
    props.title = values["display_title"]
    props.language = meta.lang
    props.author = ", ".join(a.name for a in meta.authors) or (meta.publisher or "")
    props.last_modified_by = meta.publisher or ""
    props.comments = _short(values["description"] or "")
    props.subject = _short(values["description"] or "")
    props.keywords = _short(", ".join(meta.keywords))
    props.category = t("plain_label") if job.variant.plain_language else ""
    props.identifier = url or ""
    props.revision = 1
    when = source_date(meta.date).replace(tzinfo=None)
    props.created = props.modified = when

    out = io.BytesIO()
    doc.save(out)
    files = read_zip(out.getvalue())
    files["word/numbering.xml"] = writer.numbering.xml()
    embed_fonts(files, lk, embedded_fonts(job.theme))
    files["word/footnotes.xml"] = footnotes_xml(notes)
    if writer.notes.links:
        files["word/_rels/footnotes.xml.rels"] = relationships_xml(writer.notes.links)
    return write_zip(files)


def _short(text: str, limit: int = 255) -> str:
    """Word's limit for a core property (255 characters), cut at a word."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def embed_fonts(files: dict[str, bytes], lk: Look, fonts: list[Embedded]) -> None:
    """Put the theme's font files into the package and name them in the font table."""
    if not fonts:
        return
    files["word/fontTable.xml"] = font_table_xml(lk, {f.element: (f.rid, f.key) for f in fonts})
    files["word/settings.xml"] = settings_xml(lk, embed_fonts=True)
    files["word/_rels/fontTable.xml.rels"] = relationships(
        {f.rid: (FONT_RELATIONSHIP, f.part.removeprefix("word/")) for f in fonts}
    )
    for font in fonts:
        files[font.part] = font.data
    types = files["[Content_Types].xml"].decode("utf-8")
    if 'Extension="odttf"' not in types:
        default = f'<Default Extension="odttf" ContentType="{OBFUSCATED}"/>'
        types = types.replace("<Default ", default + "<Default ", 1)
    files["[Content_Types].xml"] = types.encode("utf-8")


def page_numbers(doc: Any, pattern: str) -> None:
    """A footer with "page X of Y" (Word fields), in the article's language."""
    from publisher.formats.docx.ooxml import el, q, text_run

    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]._p
    for child in list(paragraph):
        if child.tag != q("w:pPr"):
            paragraph.remove(child)
    for number, part in enumerate(pattern.split("\x00")):
        if number % 2:  # a field: PAGE or NUMPAGES
            field = el("w:fldSimple", {"instr": f" {part} "}, text_run("1"))
            paragraph.append(field)
        elif part:
            paragraph.append(text_run(part))
