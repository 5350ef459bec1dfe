"""Language of parts in the PDF structure tree.

WeasyPrint 70 sets /Lang only on the document. The source format promises that a
``[text]{lang=en}`` span reaches the PDF as /Lang on its structure element, so this
wraps WeasyPrint's tag-tree builder: every structure element made for an HTML
element with a ``lang`` attribute gets that /Lang. The wrapper is checked by the
test suite (tests/test_pdf.py) and veraPDF, so a WeasyPrint change cannot slip by.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_ENABLED = False


def enable_span_languages() -> None:
    global _ENABLED
    if _ENABLED:
        return
    import pydyf
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build_box_tree(box: Any, parent: Any, *args: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        lang = None
        if element is not None and getattr(box, "element_tag", None) not in ("html", "body"):
            lang = element.get("lang")
        for struct in original(box, parent, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    tags._build_box_tree = build_box_tree
    _ENABLED = True
