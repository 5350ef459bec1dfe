"""The document's blocks: the variant's token stream as Word paragraphs, lists,
tables and pictures, framed like every other output (masthead, summary, body, word
list, colophon), and its notes as Word footnotes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from publisher.build.job import Job
from publisher.formats.docx.images import EMU_PER_CM, describe, picture
from publisher.formats.docx.inline import Look, Relate, Runs
from publisher.formats.docx.numbering import INDENT, Numbering
from publisher.formats.docx.ooxml import PPR_ORDER, Bookmarks, el, ordered, q, text_run
from publisher.reading.model import GlossaryEntry, Image

CONTENT_WIDTH = 9638
"""twips between the margins of an A4 page with 2 cm margins."""
ALIGN = {"left": "left", "right": "right", "center": "center"}


@dataclass
class Notes:
    """The article's notes, numbered in the order they are referenced."""

    numbers: dict[int, int] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    """External addresses in the notes (``word/_rels/footnotes.xml.rels``)."""

    def reference(self, note_id: int) -> tuple[int, bool]:
        first = note_id not in self.numbers
        number = self.numbers.setdefault(note_id, len(self.numbers) + 1)
        return number, first

    def relate(self, href: str) -> str:
        if href not in self.links:
            self.links.append(href)
        return f"rIdNote{self.links.index(href) + 1}"


def paragraph(style: str | None = None, **extra: Any) -> Any:
    children: dict[str, Any] = dict(extra)
    if style:
        children["pStyle"] = el("w:pStyle", {"val": style})
    p = el("w:p")
    if children:
        p.append(ordered("w:pPr", PPR_ORDER, children))
    return p


def _ppr(p: Any) -> Any:
    ppr = p.find(q("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    return ppr


def set_ppr(p: Any, name: str, element: Any) -> None:
    """Add or replace one paragraph property, keeping schema order."""
    ppr = _ppr(p)
    children = {c.tag.split("}")[1]: c for c in ppr}
    children[name] = element
    ppr.getparent().replace(ppr, ordered("w:pPr", PPR_ORDER, children))


class Writer:
    """Builds the body of one variant's Word document."""

    def __init__(self, job: Job, part: Any, heading_shift: int) -> None:
        self.job = job
        self.part = part
        self.heading_shift = heading_shift
        self.lang = job.article.meta.lang
        self.plain = job.variant.plain_language
        self.sentence_lines = self.plain and job.article.meta.plain.level == "easy"
        self.blocks: list[Any] = []
        self.bookmarks = Bookmarks()
        self.numbering = Numbering()
        self.notes = Notes()
        self.glossary_used: dict[str, GlossaryEntry] = {}
        self.languages: set[str] = set()
        self.shape_ids = 0
        self.figures = 0
        self.tables = 0

    # --- helpers
    def relate(self, href: str) -> str:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        rid: str = self.part.relate_to(href, RT.HYPERLINK, is_external=True)
        return rid

    def add(self, block: Any) -> Any:
        self.blocks.append(block)
        return block

    def para(self, style: str | None, tokens: Sequence[Token] = (), **extra: Any) -> Any:
        p = paragraph(style, **extra)
        Runs(self, p, self.relate, pictures=True).write(tokens)
        return self.add(p)

    def text_para(self, style: str | None, text: str, ident: str | None = None) -> Any:
        p = paragraph(style)
        p.append(text_run(text))
        if ident:
            self.bookmarks.wrap(p, ident)
        return self.add(p)

    def picture_run(self, image: Image, alt: str, decorative: bool, inline: bool = False) -> Any:
        import io

        from docx.oxml.shape import CT_Inline
        from docx.shared import Emu

        pic = picture(image, inline=inline)
        rid, _ = self.part.get_or_add_image(io.BytesIO(pic.data))
        self.shape_ids += 1
        name = image.name.rsplit(".", 1)[0] + ".png"
        drawing = CT_Inline.new_pic_inline(
            self.shape_ids,
            rid,
            name,
            Emu(round(pic.width_cm * EMU_PER_CM)),
            Emu(round(pic.height_cm * EMU_PER_CM)),
        )
        describe(drawing, alt, decorative)
        return el("w:r", None, el("w:drawing", None, drawing))

    # --- the token stream
    def body(self, tokens: Sequence[Token]) -> None:
        index = 0
        context: list[tuple[str, Any]] = []
        while index < len(tokens):
            index = self.block(tokens, index, context)

    def block(self, tokens: Sequence[Token], index: int, context: list[tuple[str, Any]]) -> int:
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = min(6, int(token.tag[1]) + self.heading_shift)
            p = self.para(f"Heading{level}", tokens[index + 1].children or [])
            self.bookmarks.wrap(p, str(token.attrGet("id")))
            return index + 3
        if kind == "paragraph_open":
            self.paragraph(tokens[index + 1].children or [], context)
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(str(token.attrGet("start") or 1))
            level = sum(1 for name, _ in context if name == "list")
            number = self.numbering.new_list(kind == "ordered_list_open", start)
            context.append(("list", (number, level)))
            return index + 1
        if kind == "list_item_open":
            context.append(("item", {"first": True}))
            return index + 1
        if kind in ("blockquote_open", "dd_open"):
            context.append((kind.removesuffix("_open"), None))
            return index + 1
        if kind == "admonition_open":  # a note or warning box: its label, then its text
            label = self.job.strings(f"note_{token.meta.get('kind', 'note')}")
            title = str(token.meta.get("title") or "")
            if title and title.casefold().rstrip(":!. ") != label.casefold():
                label = f"{label}: {title}"
            self.text_para("Quote", label)
            context.append(("blockquote", None))
            return index + 1
        if kind == "details_open":
            if token.meta.get("summary"):
                self.text_para(self.style_for(context), str(token.meta["summary"]))
            return index + 1
        if kind == "details_close":
            return index + 1
        if kind in (
            "bullet_list_close",
            "ordered_list_close",
            "list_item_close",
            "blockquote_close",
            "admonition_close",
            "dd_close",
        ):
            if context:
                context.pop()
            return index + 1
        if kind == "dt_open":
            self.para("DefinitionTerm", tokens[index + 1].children or [])
            return index + 3
        if kind == "table_open":
            end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            self.table(tokens[index : end + 1])
            return end + 1
        if kind == "figure":
            self.figure(token)
            return index + 1
        if kind in ("fence", "code_block"):
            p = paragraph("SourceCode")
            p.append(text_run(token.content.rstrip("\n"), Look(style="VerbatimChar").rpr()))
            self.add(p)
            return index + 1
        if kind == "html_block":
            self.text_para(self.style_for(context), token.content.strip())
            return index + 1
        if kind == "hr":
            if self.blocks and self.blocks[-1].tag == q("w:p"):
                border = el("w:bottom", {"val": "single", "sz": "6", "space": "8", "color": "auto"})
                set_ppr(self.blocks[-1], "pBdr", el("w:pBdr", None, border))
            return index + 1
        if kind == "inline":
            self.paragraph(token.children or [], context)
            return index + 1
        if token.nesting == 0 and token.content:
            self.text_para(self.style_for(context), token.content.strip())
        return index + 1  # any other wrapper (a theme's or an extension's) is transparent

    def style_for(self, context: list[tuple[str, Any]]) -> str | None:
        for name, _ in reversed(context):
            if name == "blockquote":
                return "Quote"
            if name == "dd":
                return "Definition"
        return None

    def paragraph(self, tokens: Sequence[Token], context: list[tuple[str, Any]]) -> None:
        item = next((value for name, value in reversed(context) if name == "item"), None)
        lists = [value for name, value in context if name == "list"]
        if item is not None and lists:
            number, level = lists[-1]
            if item["first"]:
                item["first"] = False
                numbering = el(
                    "w:numPr",
                    None,
                    el("w:ilvl", {"val": str(level)}),
                    el("w:numId", {"val": str(number)}),
                )
                self.para("ListParagraph", tokens, numPr=numbering)
            else:
                indent = el("w:ind", {"left": str(INDENT * (level + 1))})
                self.para("ListContinue", tokens, ind=indent)
            return
        self.para(self.style_for(context), tokens)

    def figure(self, token: Token) -> None:
        image_token = (token.children or [])[0]
        alt = "".join(c.content for c in image_token.children or [] if c.content).strip()
        image = self.job.article.images.get(str(image_token.attrGet("src")))
        if image is None:  # a remote image that was not fetched: its alt text
            if alt:
                self.text_para(None, alt)
            return
        decorative = "decorative" in str(image_token.attrGet("class") or "").split()
        caption = str(image_token.attrGet("title") or "")
        p = paragraph("Figure", keepNext=el("w:keepNext")) if caption else paragraph("Figure")
        p.append(self.picture_run(image, alt, decorative))
        self.add(p)
        if decorative:
            return
        self.figures += 1
        if caption:
            from publisher.content.render import _caption_tokens

            self.para("Caption", _caption_tokens(caption))

    def table(self, tokens: Sequence[Token]) -> None:
        self.tables += 1
        caption = str(tokens[0].attrGet("caption") or "")
        rows: list[tuple[bool, list[tuple[str | None, Sequence[Token]]]]] = []
        header = False
        for i, token in enumerate(tokens):
            if token.type == "thead_open":
                header = True
            elif token.type == "thead_close":
                header = False
            elif token.type == "tr_open":
                rows.append((header, []))
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrGet("style") or "")
                align = next((ALIGN[a] for a in ALIGN if f"text-align:{a}" in style), None)
                rows[-1][1].append((align, tokens[i + 1].children or []))
        columns = max((len(cells) for _, cells in rows), default=1)
        width = CONTENT_WIDTH // columns
        if caption:
            p = paragraph("Caption", keepNext=el("w:keepNext"))
            p.append(text_run(caption))
            self.add(p)
        look = el(
            "w:tblLook",
            {
                "val": "0420",
                "firstRow": "1",
                "lastRow": "0",
                "firstColumn": "0",
                "lastColumn": "0",
                "noHBand": "1",
                "noVBand": "1",
            },
        )
        tbl_pr = el(
            "w:tblPr",
            None,
            el("w:tblStyle", {"val": "PublisherTable"}),
            el("w:tblW", {"w": "5000", "type": "pct"}),
            look,
        )
        if caption:
            tbl_pr.append(el("w:tblCaption", {"val": caption}))
        grid = el("w:tblGrid", None, *(el("w:gridCol", {"w": str(width)}) for _ in range(columns)))
        table = el("w:tbl", None, tbl_pr, grid)
        for is_header, cells in rows:
            tr_pr = el("w:trPr", None, el("w:cantSplit"))
            if is_header:
                tr_pr.append(el("w:tblHeader"))
            row = el("w:tr", None, tr_pr)
            for align, inline in cells + [(None, [])] * (columns - len(cells)):
                extra = {"jc": el("w:jc", {"val": align})} if align else {}
                p = paragraph(None, **extra)
                Runs(self, p, self.relate, pictures=True).write(inline)
                cell = el(
                    "w:tc",
                    None,
                    el("w:tcPr", None, el("w:tcW", {"w": str(width), "type": "dxa"})),
                    p,
                )
                row.append(cell)
            table.append(row)
        self.add(table)

    # --- the frame around the body
    def glossary(self, title: str, level: int) -> None:
        if not self.glossary_used:
            return
        self.text_para(f"Heading{level}", title, "pub-glossary")
        for entry in sorted(self.glossary_used.values(), key=lambda e: e.key.casefold()):
            self.text_para("DefinitionTerm", entry.key, entry.anchor)
            self.text_para("Definition", entry.definition)

    def list_of(self, items: Sequence[str]) -> None:
        number = self.numbering.new_list(False)
        for item in items:
            numbering = el(
                "w:numPr", None, el("w:ilvl", {"val": "0"}), el("w:numId", {"val": str(number)})
            )
            p = paragraph("ListParagraph", numPr=numbering)
            p.append(text_run(item))
            self.add(p)

    def footnotes(self, notes: Callable[[int], Sequence[Token]]) -> list[Any]:
        """The ``w:footnote`` elements, in the order of their numbers."""
        elements = []
        for note_id, number in sorted(self.notes.numbers.items(), key=lambda item: item[1]):
            note = el("w:footnote", {"id": str(number)})
            paragraphs = _note_paragraphs(notes(note_id))
            for index, inline in enumerate(paragraphs or [[]]):
                p = paragraph("FootnoteText")
                if index == 0:
                    ref = el(
                        "w:r",
                        None,
                        ordered(
                            "w:rPr",
                            ("rStyle",),
                            {"rStyle": el("w:rStyle", {"val": "FootnoteReference"})},
                        ),
                        el("w:footnoteRef"),
                    )
                    p.append(ref)
                    p.append(text_run(" "))
                relate: Relate = self.notes.relate
                Runs(self, p, relate, pictures=False).write(inline)
                note.append(p)
            elements.append(note)
        return elements


def _note_paragraphs(tokens: Sequence[Token]) -> list[Sequence[Token]]:
    return [t.children or [] for t in tokens if t.type == "inline"]
