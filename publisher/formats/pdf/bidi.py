"""Left-to-right runs in right-to-left text, for WeasyPrint.

WeasyPrint lays out the inline boxes of a right-to-left line in right-to-left order
whatever their content, so in Arabic or Hebrew text ``<em>Composition</em> API``
prints as "API Composition", and ``<strong>Vue</strong> Composition API`` as
"Composition API Vue" (plain text is fine: Pango orders it). Browsers and e-readers
follow the Unicode bidi algorithm. A ``<span dir="ltr">`` around such a run, from its
first to its last left-to-right letter, makes WeasyPrint keep the run's boxes in
reading order; it changes nothing for a reader that follows the algorithm.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from lxml import html as lxml_html

INLINE = {
    "a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
}  # fmt: skip
"""Elements a run may contain; any other (a line break, an image, a block) ends it."""
LEFT, RIGHT, NEUTRAL = "L", "R", "N"


def isolate_ltr_runs(element: Any, rtl: bool) -> None:
    """Wrap the left-to-right runs that span several inline boxes inside every
    right-to-left part of ``element`` (right to left as a whole when ``rtl``)."""
    direction = element.get("dir")
    if direction in ("rtl", "ltr"):
        rtl = direction == "rtl"
    if element.tag in ("pre", "code", "kbd", "samp"):
        return
    if rtl and len(element):
        _wrap_runs(element)
    for child in element:
        if isinstance(child.tag, str):
            isolate_ltr_runs(child, rtl)


def _kind(char: str) -> str:
    bidi = unicodedata.bidirectional(char)
    if bidi == "L":
        return LEFT
    if bidi in ("R", "AL"):
        return RIGHT
    return NEUTRAL


def _kind_of_element(child: Any) -> str:
    if not isinstance(child.tag, str) or child.tag not in INLINE or child.get("dir"):
        return RIGHT  # ends a run: wrapping it in a span would not be valid or wanted
    kinds = {_kind(c) for c in "".join(child.itertext())}
    if RIGHT in kinds:
        return RIGHT
    return LEFT if LEFT in kinds else NEUTRAL


def _wrap_runs(element: Any) -> None:
    # The element's content as units: one per character of its text and tails, one
    # per child element.
    units: list[tuple[str, Any]] = [(_kind(c), c) for c in element.text or ""]
    for child in element:
        units.append((_kind_of_element(child), child))
        units += [(_kind(c), c) for c in child.tail or ""]
    runs: list[tuple[int, int]] = []
    start = last = None
    for index, (kind, _unit) in enumerate(units):
        if kind == RIGHT:
            if start is not None and last is not None:
                runs.append((start, last))
            start = last = None
        elif kind == LEFT:
            start = index if start is None else start
            last = index
    if start is not None and last is not None:
        runs.append((start, last))
    # Only runs of more than one unit with an element in them: text alone, or one
    # element alone, is ordered right already (inside it, the recursion looks again).
    runs = [
        (a, b)
        for a, b in runs
        if b > a and any(not isinstance(u, str) for _, u in units[a : b + 1])
    ]
    if not runs:
        return
    _rebuild(element, units, runs)


def _rebuild(element: Any, units: list[tuple[str, Any]], runs: list[tuple[int, int]]) -> None:
    """Put the units back, each run inside a ``<span dir="ltr">``."""
    for child in list(element):
        child.tail = None
        element.remove(child)
    element.text = None
    starts = {a: b for a, b in runs}
    target = element
    end = -1
    for index, (_, unit) in enumerate(units):
        if index in starts:
            span = lxml_html.Element("span", {"dir": "ltr"})
            element.append(span)
            target, end = span, starts[index]
        _append(target, unit)
        if index == end:
            target = element
            end = -1


def _append(parent: Any, unit: Any) -> None:
    if not isinstance(unit, str):
        parent.append(unit)
    elif len(parent):
        parent[-1].tail = (parent[-1].tail or "") + unit
    else:
        parent.text = (parent.text or "") + unit


def in_reading_order(fragment: str) -> str:
    """``fragment`` (HTML of a right-to-left part) with its left-to-right runs wrapped."""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    isolate_ltr_runs(root, rtl=True)
    return inner_html(root)


def inner_html(root: Any) -> str:
    """The markup inside ``root`` (the parent ``fragment_fromstring`` created)."""
    return (root.text or "") + "".join(lxml_html.tostring(c, encoding="unicode") for c in root)
