"""WordprocessingML by hand: namespaces, elements in the order the schema wants,
bookmark names and language tags as Word expects them."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
"""The Office extension that marks a picture as decorative (Word 365 and LibreOffice 7.x)."""
XML = "http://www.w3.org/XML/1998/namespace"
NS = {"w": W, "r": R, "wp": WP, "a": A, "adec": ADEC}
PREFIXES = {"w": W, "r": R}

RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
)
"""The children of ``w:rPr`` in the order of the schema."""
PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
)


def q(name: str) -> str:
    """``w:p`` -> Clark notation."""
    prefix, _, local = name.partition(":")
    return f"{{{NS[prefix]}}}{local}"


def el(
    name: str, attrs: dict[str, str] | None = None, *children: Any, text: str | None = None
) -> Any:
    """An element ``w:name`` with ``w:``-prefixed attributes (``{"val": "x"}`` or
    ``{"r:id": "rId1"}``) and children."""
    element = etree.Element(q(name), nsmap=PREFIXES)
    for key, value in (attrs or {}).items():
        element.set(q(key if ":" in key else f"w:{key}"), value)
    for child in children:
        if child is not None:
            element.append(child)
    if text is not None:
        element.text = text
    return element


def ordered(name: str, order: tuple[str, ...] | list[str], children: dict[str, Any]) -> Any:
    """``w:rPr``/``w:pPr`` with its children in schema order (Word refuses others)."""
    parent = el(name)
    for key in order:
        child = children.get(key)
        if child is not None:
            parent.append(child)
    return parent


def text_run(text: str, rpr: Any = None) -> Any:
    run = el("w:r")
    if rpr is not None and len(rpr):
        run.append(rpr)
    parts = text.split("\n")
    for index, part in enumerate(parts):
        if index:
            run.append(el("w:br"))
        if part:
            t = el("w:t", text=part)
            t.set(f"{{{XML}}}space", "preserve")
            run.append(t)
    return run


class Bookmarks:
    """Word bookmark names (a letter first, then letters, digits and _, at most 40)
    for the ids of the other outputs, each unique, and their numeric ids."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.next_id = 0

    def name(self, ident: str) -> str:
        if ident in self.names:
            return self.names[ident]
        base = re.sub(r"[^A-Za-z0-9_]", "_", ident) or "b"
        if not base[0].isalpha():
            base = "b_" + base
        base = base[:40]
        name, number = base, 2
        used = set(self.names.values())
        while name in used:
            suffix = f"_{number}"
            name, number = base[: 40 - len(suffix)] + suffix, number + 1
        self.names[ident] = name
        return name

    def wrap(self, paragraph: Any, ident: str) -> None:
        """Put a bookmark named after ``ident`` around the paragraph's content."""
        number = str(self.next_id)
        self.next_id += 1
        start = el("w:bookmarkStart", {"id": number, "name": self.name(ident)})
        ppr = paragraph.find(q("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            paragraph.insert(0, start)
        paragraph.append(el("w:bookmarkEnd", {"id": number}))


def word_language(tag: str) -> str:
    """A language tag as Word names languages: language-REGION (nl -> nl-NL)."""
    import langcodes

    try:
        language = langcodes.Language.get(tag)
    except (ValueError, LookupError):
        return tag
    if language.territory:
        return f"{language.language}-{language.territory}"
    full = language.maximize()
    if full.territory:
        return f"{language.language}-{full.territory}"
    return str(language.language or tag)


def hex_colour(value: str) -> str:
    """``#0a4a82`` -> ``0A4A82``; ``#abc`` -> ``AABBCC``."""
    value = value.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return value.upper()
