"""Fine typesetting of the handout's text that CSS alone cannot say:

- A link whose text is an address breaks only after a slash; a phone number's groups
  of digits stay on one line.
- Capitalised words of 7 letters or more (names: "Expertisecentrum", "Zorgcoördinatie
  Slachtoffers Mensenhandel", the organisation's own name) are marked
  ``<span class="pub-name">``, which print.css never hyphenates. A sentence's first
  word is marked too; it rarely needs a hyphen.
- A paragraph's (list item's, definition's, caption's) last two words are joined by a
  no-break space when the last one is short, so a paragraph does not end in one short
  word on a line of its own; a long last word is never hyphenated
  (``<span class="pub-last-word">``), so it does not end in half a word either.

Shorter words are never hyphenated anyway (``hyphenate-limit-chars: 7 3 3``).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from publisher.formats.assets import breakable
from publisher.formats.pdf.bidi import inner_html, isolate_ltr_runs

NAME_RE = re.compile(r"(?<![\w\u00ad-])([A-ZÀ-ÖØ-Þ][\w\u00ad]{6,})", re.UNICODE)
LAST_WORD_RE = re.compile(r"^(.*\S)[ \t\n]+(\S{1,12})([ \t\n]*)$", re.DOTALL)
"""The last spaces of a text before a last word of at most 12 characters (a no-break
space is not matched: \\S covers it)."""
LONG_LAST_WORD_RE = re.compile(r"(?<!\S)(\S{13,})(?=[ \t\n]*$)")
"""A long last word: kept whole (``pub-last-word``, not hyphenated), so a paragraph
never ends in the second half of a word on a line of its own."""
ADDRESS_RE = re.compile(r"^(https?://|www\.)\S+$")
DIGIT_SPACE_RE = re.compile(r"(?<=\d) (?=\d)")
BLOCKS = ("p", "li", "dd", "figcaption", "td", "th")
"""Where a text's last line is joined to the one word before it."""
UNHYPHENATED = {"a", "code", "kbd", "pre", "samp", "span", "h1", "h2", "h3", "h4", "h5", "h6"}
"""Elements whose own text is not searched for names: links, code and headings are
never hyphenated already; a span may be one of ours."""
CODE = {"code", "kbd", "samp"}
NESTED_BLOCKS = {"ul", "ol", "dl", "p", "div", "blockquote", "table", "figure", "pre", "section"}


def typeset(body: str, rtl: bool = False) -> str:
    """``body`` (HTML) with names marked and last words joined; in right-to-left text
    (``rtl``: the article's direction) left-to-right runs kept in reading order."""
    if not body.strip():
        return body
    root = lxml_html.fragment_fromstring(body, create_parent="div")
    _address_breaks(root)
    _join_numbers(root)
    _mark_names(root)
    for block in root.iter(*BLOCKS):
        _join_last_words(block)
    isolate_ltr_runs(root, rtl)
    return inner_html(root)


def _address_breaks(root: Any) -> None:
    """A link whose text is an address breaks only after a slash, never after
    ``https://`` nor at a hyphen of its own (the reader could not tell whether the
    hyphen belongs to it): as the handout's own addresses (``breakable``)."""
    for link in root.iter("a"):
        text = link.text or ""
        if not len(link) and ADDRESS_RE.match(text):
            link.text = breakable(text)


def _join_numbers(root: Any) -> None:
    """Groups of digits stay on one line: ``030 123 45 67``."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag not in CODE | {"pre"} and element.text:
            element.text = DIGIT_SPACE_RE.sub("\u00a0", element.text)
        if element.tail:
            element.tail = DIGIT_SPACE_RE.sub("\u00a0", element.tail)


def _mark_names(root: Any) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag not in UNHYPHENATED:
            _mark_in(element, "text")
        for child in list(element):
            if isinstance(child.tag, str):
                _mark_in(child, "tail")


def _mark_in(
    element: Any, slot: str, pattern: re.Pattern[str] = NAME_RE, css: str = "pub-name"
) -> None:
    """Wrap what ``pattern`` (one group) finds in ``element.text`` (or ``.tail``) in
    spans of class ``css``."""
    text = getattr(element, slot)
    if not text or not pattern.search(text):
        return
    pieces = pattern.split(text)  # text, found, text, found, ..., text
    setattr(element, slot, pieces[0])
    spans = []
    for index in range(1, len(pieces), 2):
        span = lxml_html.Element("span", {"class": css})
        span.text = pieces[index]
        span.tail = pieces[index + 1]
        spans.append(span)
    if slot == "text":
        for position, span in enumerate(spans):
            element.insert(position, span)
    else:
        parent = element.getparent()
        at = parent.index(element) + 1
        for position, span in enumerate(spans):
            parent.insert(at + position, span)


def _text_slots(block: Any) -> list[tuple[Any, str]]:
    """(element, 'text'|'tail'|'code') of the block's own running text, in order:
    nested lists, paragraphs and other blocks are left out (they are joined
    themselves); code counts as text but is never changed."""
    slots: list[tuple[Any, str]] = [(block, "text")]
    for child in block:
        if child.tag in CODE:
            slots.append((child, "code"))
        elif isinstance(child.tag, str) and child.tag not in NESTED_BLOCKS:
            slots += _text_slots(child)
        slots.append((child, "tail"))
    return slots


def _text_of(element: Any, slot: str) -> str:
    if slot == "code":
        return "".join(element.itertext())
    return getattr(element, slot) or ""


def _join_last_words(block: Any) -> None:
    slots = [(e, s) for e, s in _text_slots(block) if _text_of(e, s).strip()]
    if not slots or slots[-1][1] == "code":  # code is never changed
        return
    element, slot = slots[-1]
    text = getattr(element, slot)
    if LONG_LAST_WORD_RE.search(text):
        _mark_in(element, slot, LONG_LAST_WORD_RE, "pub-last-word")
        return
    match = LAST_WORD_RE.match(text)
    if match:
        setattr(element, slot, f"{match.group(1)}\u00a0{match.group(2)}{match.group(3)}")
    elif text[:1] in " \n" and len(text.strip()) <= 12 and len(slots) > 1:
        # " zijn." after an element: join it to the element's last word.
        setattr(element, slot, "\u00a0" + text.lstrip(" \t\n"))
