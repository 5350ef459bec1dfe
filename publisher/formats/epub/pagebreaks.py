"""Print page correspondence: the EPUB gets a page-break marker wherever the handout
(the PDF of the same variant) starts a page.

The handout's product says, per page, the first letters and digits laid out on it.
Each is looked up in the EPUB's text (letters and digits only, so markup,
hyphenation and spacing do not matter), after the previous page's position; the
marker goes right before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from publisher.text.matching import letters_and_digits
from publisher.theme import Strings

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
SKIPPED = {f"{XHTML}nav"}
"""Not in the handout (its table of contents is hidden in print): never a page start."""


@dataclass(frozen=True)
class PageBreak:
    number: int
    key: str
    """The first letters and digits on the page."""

    @property
    def id(self) -> str:
        return f"page-{self.number}"

    @property
    def label(self) -> str:
        return str(self.number)


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


KEY_LENGTHS = (64, 48, 32, 24, 16)
"""Tried in turn: the longest start of a page that is found wins, so a page that
starts with words the summary also has is not placed in the summary."""


def _find_start(text: str, key: str, position: int) -> int:
    for length in KEY_LENGTHS:
        if length > len(key) and length != KEY_LENGTHS[-1]:
            continue
        found = text.find(key[:length], position)
        if found >= 0:
            return found
    return -1


def insert_page_breaks(
    root: Any, page_starts: tuple[str, ...], strings: Strings
) -> list[PageBreak]:
    """Put a doc-pagebreak marker before each page's first text (never inside a word),
    in the content document ``root``; the pages that were placed, in order. When one
    page cannot be found, nothing is placed and the list is empty: the e-book then
    makes no claim to follow the handout's pages."""
    return [page for _, page in insert_page_breaks_in([root], page_starts, strings)]


def insert_page_breaks_in(
    roots: Sequence[Any], page_starts: tuple[str, ...], strings: Strings
) -> list[tuple[int, PageBreak]]:
    """The same over several content documents read one after the other (the
    chapters of a collection): each placed page with the index of its document."""
    wanted = [PageBreak(n, key) for n, key in enumerate(page_starts, start=1) if key]
    slots: list[tuple[int, Any, str]] = []
    for number, root in enumerate(roots):
        body = root.find(f"{XHTML}body")
        assert body is not None
        slots += [(number, element, kind) for element, kind in _text_slots(body)]
    # One string of every letter and digit, and where each came from.
    stream: list[str] = []
    origin: list[tuple[int, int]] = []
    for slot_index, (_, element, kind) in enumerate(slots):
        text = getattr(element, kind) or ""
        for offset, char in enumerate(text):
            for piece in letters_and_digits(char):
                stream.append(piece)
                origin.append((slot_index, offset))
    joined = "".join(stream)
    position = 0
    placed: list[tuple[PageBreak, int]] = []
    for page in wanted:
        found = _find_start(joined, page.key, position)
        if found < 0:
            return []  # one page that cannot be placed: no page list is better than a wrong one
        placed.append((page, found))
        position = found + 1
    # Insert from the end so earlier offsets stay valid.
    for page, found in reversed(placed):
        slot_index, offset = origin[found]
        _, element, kind = slots[slot_index]
        marker = etree.Element(f"{XHTML}span")
        marker.set("id", page.id)
        marker.set("role", "doc-pagebreak")
        marker.set(EPUB_TYPE, "pagebreak")
        marker.set("aria-label", strings("page_label", page=page.label))
        text = getattr(element, kind) or ""
        while offset > 0 and (text[offset - 1].isalnum() or text[offset - 1] == "\u00ad"):
            offset -= 1  # a page that starts inside a word: its marker goes before the word
        marker.tail = text[offset:]
        setattr(element, kind, text[:offset])
        if kind == "text":
            element.insert(0, marker)
        else:
            element.addnext(marker)
    return [(slots[origin[found][0]][0], page) for page, found in placed]
