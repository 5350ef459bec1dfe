"""Print page correspondence: the EPUB gets a page-break marker wherever the handout
(the PDF of the same variant) starts a page, found from the PDF's own layout.

For each page, the first words laid out on it are looked up in the EPUB's text
(letters and digits only, so markup, hyphenation and spacing do not matter), after
the previous page's position; the marker goes right before them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from publisher.formats.job import Job

KEY_LENGTH = 24
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@dataclass(frozen=True)
class PageBreak:
    number: int
    key: str
    """The first letters and digits on the page (lower case)."""

    @property
    def id(self) -> str:
        return f"pagina-{self.number}"

    @property
    def label(self) -> str:
        return str(self.number)


def _alnum(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def page_texts(document: Any) -> list[str]:
    """The text of each laid-out page, in box order, without margin boxes."""
    from weasyprint.formatting_structure import boxes

    def walk(box: Any) -> Any:
        if isinstance(box, boxes.MarginBox):
            return
        # Text that only print has: list numbers and bullets (::marker), "(zie pagina
        # 3)" (::after), the "[1]" after a link; the EPUB has none of it.
        if "::" in str(getattr(box, "element_tag", "") or ""):
            return
        element = getattr(box, "element", None)
        if element is not None and "pub-link-note" in (element.get("class") or ""):
            return
        if isinstance(box, boxes.TextBox):
            yield box.text
        for child in getattr(box, "children", []):
            yield from walk(child)

    return ["".join(walk(page._page_box)) for page in document.pages]


def page_breaks(job: Job) -> list[PageBreak]:
    from publisher.formats.pdf import render_document

    texts = page_texts(render_document(job))
    return [
        PageBreak(number, _alnum(text)[:KEY_LENGTH])
        for number, text in enumerate(texts, start=1)
        if _alnum(text)
    ]


SKIPPED = {f"{XHTML}nav"}
"""Not in the handout (its table of contents is hidden in print): never a page start."""


def _text_slots(body: Any) -> list[tuple[Any, str]]:
    """(element, 'text'|'tail') for every text node of body, in document order,
    leaving out the text of elements the handout does not show."""
    slots: list[tuple[Any, str]] = []

    def visit(element: Any) -> None:
        slots.append((element, "text"))
        for child in element:
            if isinstance(child.tag, str) and child.tag not in SKIPPED:
                visit(child)
            slots.append((child, "tail"))

    visit(body)
    return slots


def insert_page_breaks(xhtml: str, breaks: list[PageBreak], job: Job) -> str:
    """Put a doc-pagebreak marker before each page's first text; drop unmatched pages."""
    root = etree.fromstring(xhtml.encode("utf-8"))
    body = root.find(f"{XHTML}body")
    assert body is not None
    slots = _text_slots(body)
    # One string of every letter and digit, and where each came from.
    stream: list[str] = []
    origin: list[tuple[int, int]] = []
    for slot_index, (element, kind) in enumerate(slots):
        text = getattr(element, kind) or ""
        for offset, char in enumerate(text):
            folded = _alnum(char)
            for piece in folded:
                stream.append(piece)
                origin.append((slot_index, offset))
    joined = "".join(stream)
    position = 0
    placed: list[tuple[PageBreak, int]] = []
    for page in breaks:
        found = joined.find(page.key, position)
        if found < 0:
            continue
        placed.append((page, found))
        position = found + 1
    kept = {page.number for page, _ in placed}
    breaks[:] = [b for b in breaks if b.number in kept]
    # Insert from the end so earlier offsets stay valid.
    for page, found in reversed(placed):
        slot_index, offset = origin[found]
        element, kind = slots[slot_index]
        marker = etree.Element(f"{XHTML}span")
        marker.set("id", page.id)
        marker.set("role", "doc-pagebreak")
        marker.set(EPUB_TYPE, "pagebreak")
        marker.set("aria-label", job.t("page_label", page=page.label))
        text = getattr(element, kind) or ""
        marker.tail = text[offset:]
        setattr(element, kind, text[:offset])
        if kind == "text":
            element.insert(0, marker)
        else:
            element.addnext(marker)
    result: bytes = etree.tostring(
        root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )
    return result.decode("utf-8")
