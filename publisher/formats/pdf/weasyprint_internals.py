"""Every use of WeasyPrint's private internals, in one place, for one version.

publisher needs four things WeasyPrint 70 has no public API for. Each is listed with
the upstream change that would remove it. :func:`load` checks the installed version
and stops with a clear error for any other, so a WeasyPrint upgrade cannot change a
handout silently (the tests in tests/test_pdf.py and veraPDF check each wrapper).

1. A fast import (``ctypes.util.find_library``): WeasyPrint asks for each C library
   under six spellings, and for every miss cffi runs ``ldconfig``, ``gcc`` and ``ld``:
   about fifty subprocesses, a fifth of a second on every build. While WeasyPrint is
   imported, ``find_library`` answers from one reading of the ldconfig cache (where
   ctypes itself looks first); the spelling that exists is still opened by the
   dynamic loader, so nothing is found differently. Removed by: WeasyPrint trying
   the platform's own spelling first (or an environment variable naming the libraries).
2. Language of parts and emoji in the structure tree
   (``weasyprint.pdf.tags._build_box_tree``): WeasyPrint sets /Lang only on the
   document; every structure element made for an element with ``lang`` gets its /Lang
   here, and an emoji span (``pub-emoji``) its /ActualText (the emoji's characters,
   which the glyphs of a ZWJ sequence or a flag do not map back to). Removed by: /Lang
   and /ActualText from ``lang`` and ``aria-label`` upstream.
3. Where each page starts (``Page._page_box``): the text laid out on each page, for the
   EPUB's page list. Removed by: a public box tree or text per page on ``Page``.
4. WeasyPrint's copy of the theme fonts (``FontConfiguration._folder``): removed only
   by the object's finaliser, which never runs in a pool worker (``os._exit``); it is
   removed when the handout is done. Removed by: a ``close()`` on FontConfiguration.
"""

from __future__ import annotations

import ctypes.util
import functools
import importlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from publisher.errors import PublisherError

SUPPORTED = "70."
"""The WeasyPrint release these internals are written for (pyproject pins it)."""


@functools.cache
def _sonames() -> tuple[str, ...]:
    """Library file names in the ldconfig cache (``libpango-1.0.so.0``, ...)."""
    for program in ("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"):
        try:
            listing = subprocess.run(
                [program, "-p"],
                capture_output=True,
                text=True,
                env={"LC_ALL": "C", "LANG": "C"},
                timeout=10,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        return tuple(line.split()[0] for line in listing.splitlines()[1:] if line.startswith("\t"))
    return ()


def find_library(name: str) -> str | None:
    """What ``ctypes.util.find_library`` finds in the ldconfig cache, read once."""
    prefix = f"lib{name}."
    return next((soname for soname in _sonames() if soname.startswith(prefix)), None)


def load() -> ModuleType:
    """``import weasyprint`` (cheap library look-ups on Linux), checked for its version,
    with the structure-tree wrapper (2) in place."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        module = importlib.import_module("weasyprint")
    else:
        original = ctypes.util.find_library
        ctypes.util.find_library = find_library
        try:
            module = importlib.import_module("weasyprint")
        finally:
            ctypes.util.find_library = original
    version = str(getattr(module, "__version__", "?"))
    if not version.startswith(SUPPORTED):
        raise PublisherError.at(
            None,
            f"WeasyPrint {version} is installed, but publisher's handout needs WeasyPrint "
            f"{SUPPORTED}x (see publisher/formats/pdf/weasyprint_internals.py); "
            "reinstall publisher to get it",
        )
    _enable_span_languages()
    return module


_SPAN_LANGUAGES = False


def _enable_span_languages() -> None:
    global _SPAN_LANGUAGES
    if _SPAN_LANGUAGES:
        return
    import pydyf
    import weasyprint.pdf as pdf_module
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build_box_tree(box: Any, parent: Any, *args: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        lang = actual = None
        if element is not None and getattr(box, "element_tag", None) not in ("html", "body"):
            lang = element.get("lang")
            classes = (element.get("class") or "").split()
            if "pub-emoji" in classes or "pub-actual" in classes:
                actual = element.get("data-text") or "".join(element.itertext())
        for struct in original(box, parent, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            if actual:  # what an emoji is, for screen readers and copied text
                struct["ActualText"] = pydyf.String(actual)
            if struct.get("S") == "/TH" and isinstance(struct.get("A"), dict):
                row = element is not None and element.get("scope") == "row"
                struct["A"]["Scope"] = "/Row" if row else "/Column"
            if (
                element is not None
                and element.tag == "aside"
                and "pub-note" in (element.get("class") or "").split()
                and struct.get("S") == "/NonStruct"
            ):  # an admonition: a Note (PDF 1.7 has no Aside), which needs an ID
                struct["S"] = "/Note"
                struct["ID"] = pydyf.String(f"note-box-{struct.number}")
            if getattr(box, "link_annotation", None) and struct.get("S") != "/Link":
                # Bold or code inside a link gets an annotation of its own: tag it Link.
                struct["S"] = "/Link"
            if element is not None and struct.number is not None:
                _SOURCES[struct.number] = element
            yield struct

    tags._build_box_tree = build_box_tree
    original_add_tags = pdf_module.add_tags

    def add_tags(pdf: Any, *args: Any) -> Any:
        _SOURCES.clear()
        result = original_add_tags(pdf, *args)
        repair_structure(pdf)
        _SOURCES.clear()
        return result

    pdf_module.add_tags = add_tags
    _SPAN_LANGUAGES = True


_SOURCES: dict[int, Any] = {}
"""Structure element (object number) -> the HTML element it was made for."""
MERGED = {
    "/Table",
    "/THead",
    "/TBody",
    "/TFoot",
    "/L",
    "/P",
    "/BlockQuote",
    "/Div",
    "/Sect",
    "/Part",
    "/Art",
    "/Code",
    "/NonStruct",
    "/LBody",
}
"""Structure elements that WeasyPrint makes once per page an element is on, and that
are one element again when they follow each other (a table over three pages is one
Table)."""


def repair_structure(pdf: Any) -> None:
    """What WeasyPrint's tags miss for PDF/UA: one element for an element that runs
    over pages (its repeated table header rows left out of the tree, as WeasyPrint does
    with running footers), and list items that hold only Lbl and LBody (a code block or
    quote in a list item goes into its LBody)."""
    import pydyf

    objects = {obj.number: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)}

    def get(reference: Any) -> Any:
        """The structure element a /K entry refers to (None for content or OBJR ids)."""
        if isinstance(reference, bytes) and reference.endswith(b" R"):
            return objects.get(int(reference.split()[0]))
        return None

    def same(first: Any, second: Any) -> bool:
        source = _SOURCES.get(second.number)
        return (
            source is not None
            and source is _SOURCES.get(first.number)
            and first.get("S") == second.get("S") in MERGED
        )

    def cells(element: Any, kind: str) -> list[Any]:
        found = []
        for ref in element.get("K", []):
            kid = get(ref)
            if kid is not None:
                found += [kid] if kid.get("S") == kind else cells(kid, kind)
        return found

    def merge(first: Any, second: Any) -> None:
        head = next((get(r) for r in first["K"] if (get(r) or {}).get("S") == "/THead"), None)
        renamed: dict[str, Any] = {}
        for ref in second["K"]:
            kid = get(ref)
            if kid is not None and kid.get("S") == "/THead" and head is not None:
                # The header rows printed again on this page: out of the tree; the
                # cells below point to the first header rows instead.
                for old, new in zip(cells(kid, "/TH"), cells(head, "/TH"), strict=False):
                    if "ID" in old and "ID" in new:
                        renamed[str(old["ID"])] = new["ID"]
                continue
            if kid is not None:
                kid["P"] = first.reference
            first["K"].append(ref)
        for cell in cells(second, "/TD") if renamed else []:
            headers = cell.get("A", {}).get("Headers")
            if headers is not None:
                headers[:] = [renamed.get(str(h), h) for h in headers]

    def into_body(item: Any) -> None:
        bodies = [get(ref) for ref in item["K"] if (get(ref) or {}).get("S") == "/LBody"]
        if not bodies:  # an item that starts with a block (a code block, a quote)
            if all((get(ref) or {}).get("S") == "/Lbl" for ref in item["K"]):
                return
            body = pydyf.Dictionary({"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array()})
            body["P"] = item.reference
            pdf.add_object(body)
            objects[body.number] = body
            item["K"].append(body.reference)
            bodies = [body]
        kept = []
        for ref in item["K"]:
            kid = get(ref)
            if kid is None or kid.get("S") in ("/Lbl", "/LBody"):
                kept.append(ref)
            else:
                kid["P"] = bodies[-1].reference
                bodies[-1]["K"].append(ref)
        item["K"][:] = kept

    def visit(element: Any) -> None:
        children = element.get("K")
        if not isinstance(children, pydyf.Array):
            return
        merged: list[Any] = []
        for ref in children:
            child, previous = get(ref), get(merged[-1]) if merged else None
            if child is not None and previous is not None and same(previous, child):
                merge(previous, child)
            else:
                merged.append(ref)
        children[:] = merged
        if element.get("S") == "/LI":
            into_body(element)
        for ref in list(children):
            kid = get(ref)
            if kid is not None:
                visit(kid)

    root = get(pdf.catalog.get("StructTreeRoot"))
    for ref in root["K"] if root is not None else []:
        top = get(ref)
        if top is not None:
            visit(top)


PRINT_ONLY_CLASSES = (
    "pub-link-note",
    "pub-print-links",
    "pub-online",
    "pub-pack-toc",
)
"""Elements whose text only the handout has (a link's number, the list of addresses,
the way back online): a page that starts there is no page of the e-book."""


def page_texts(document: Any) -> list[str]:
    """The text of each laid-out page, in box order, without margin boxes and without
    what only print shows: list numbers and bullets (``::marker``), "(zie pagina 3)"
    (``::after``), the numbers after links."""
    from weasyprint.formatting_structure import boxes

    heads: set[Any] = set()  # table headers already laid out on an earlier page
    page_heads: set[Any] = set()

    def walk(box: Any) -> Iterator[str]:
        if isinstance(box, boxes.MarginBox):
            return
        if getattr(box, "element_tag", None) == "thead":
            if box.element in heads:
                return  # the header rows repeated on a later page: not where it starts
            page_heads.add(box.element)
        if "::" in str(getattr(box, "element_tag", "") or ""):
            return
        element = getattr(box, "element", None)
        if element is not None:
            classes = (element.get("class") or "").split()
            if any(name in classes for name in PRINT_ONLY_CLASSES):
                return
        if isinstance(box, boxes.TextBox):
            yield box.text
        for child in getattr(box, "children", []):
            yield from walk(child)

    texts = []
    for page in document.pages:
        texts.append("".join(walk(page._page_box)))
        heads.update(page_heads)
    return texts


def remove_font_copies(fonts: Any) -> None:
    """Remove WeasyPrint's temporary copy of the theme's @font-face files (4)."""
    folder = getattr(fonts, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        fonts._folder = None
