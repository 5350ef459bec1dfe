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
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build_box_tree(box: Any, parent: Any, *args: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        lang = actual = None
        if element is not None and getattr(box, "element_tag", None) not in ("html", "body"):
            lang = element.get("lang")
            if "pub-emoji" in (element.get("class") or "").split():
                actual = element.get("data-text") or "".join(element.itertext())
        for struct in original(box, parent, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            if actual:  # what an emoji is, for screen readers and copied text
                struct["ActualText"] = pydyf.String(actual)
            yield struct

    tags._build_box_tree = build_box_tree
    _SPAN_LANGUAGES = True


PRINT_ONLY_CLASSES = ("pub-link-note",)
"""Elements whose text only the handout has (a link's number)."""


def page_texts(document: Any) -> list[str]:
    """The text of each laid-out page, in box order, without margin boxes and without
    what only print shows: list numbers and bullets (``::marker``), "(zie pagina 3)"
    (``::after``), the numbers after links."""
    from weasyprint.formatting_structure import boxes

    def walk(box: Any) -> Iterator[str]:
        if isinstance(box, boxes.MarginBox):
            return
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

    return ["".join(walk(page._page_box)) for page in document.pages]


def remove_font_copies(fonts: Any) -> None:
    """Remove WeasyPrint's temporary copy of the theme's @font-face files (4)."""
    folder = getattr(fonts, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        fonts._folder = None
