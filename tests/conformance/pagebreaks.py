"""The EPUB page-marker check (tools/validators/pagebreak-check.js): each EPUB is
unpacked, and every content document with page markers is opened in one headless
Chromium, as a Chromium-based reading system (Thorium, Readium) shows it."""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from publisher import validators

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "validators" / "pagebreak-check.js"
OPS = "{http://www.idpf.org/2007/ops}type"


@dataclass(frozen=True)
class Marker:
    id: str
    label: str | None
    in_viewport: bool
    """Going to ``#id`` (the page list's "go to page N") scrolled it into view."""
    scroll_y: float
    in_accessibility_tree: bool
    role: str | None
    name: str | None
    """Its role and name in Chromium's accessibility tree."""


@dataclass(frozen=True)
class EpubPages:
    page_list: list[tuple[str, str]]
    """The nav's page-list: (label, href)."""
    markers: list[Marker]


def _page_list(folder: Path) -> list[tuple[str, str]]:
    for nav in folder.rglob("*.xhtml"):
        tree = etree.parse(str(nav))
        for element in tree.iter("{http://www.w3.org/1999/xhtml}nav"):
            if element.get(OPS) == "page-list":
                return [
                    ("".join(a.itertext()).strip(), a.get("href", ""))
                    for a in element.iter("{http://www.w3.org/1999/xhtml}a")
                ]
    return []


def check(epubs: list[Path]) -> dict[Path, EpubPages]:
    """Per EPUB: its page list, and what became of each page marker in Chromium."""
    with tempfile.TemporaryDirectory() as work:
        documents: dict[Path, list[Path]] = {}
        lists = {}
        for number, epub in enumerate(epubs):
            folder = Path(work) / str(number)
            with zipfile.ZipFile(epub) as book:
                book.extractall(folder)
            lists[epub] = _page_list(folder)
            documents[epub] = [
                doc
                for doc in sorted(folder.rglob("*.xhtml"))
                if 'role="doc-pagebreak"' in doc.read_text(encoding="utf-8")
            ]
        out = Path(work) / "pages.json"
        every = [doc for docs in documents.values() for doc in docs]
        result = validators._run(
            ["node", str(SCRIPT), str(out), *map(str, every)],
            env={"NODE_PATH": str(validators.NODE_MODULES), "CHROMIUM_BIN": validators.CHROMIUM},
        )
        if not out.is_file():
            raise RuntimeError(f"pagebreak-check failed: {result.stderr[-2000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return {
        epub: EpubPages(
            lists[epub],
            [
                Marker(
                    m["id"],
                    m["label"],
                    m["inViewport"],
                    m["scrollY"],
                    m["inAccessibilityTree"],
                    m["axRole"],
                    m.get("axName"),
                )
                for doc in documents[epub]
                for m in data[str(doc)]
            ],
        )
        for epub in epubs
    }
