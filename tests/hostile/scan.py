"""A scan of everything a build wrote for active content: scripts, event handlers,
dangerous addresses and inline styles in every HTML, XHTML and SVG file (in the
output folder and inside each EPUB), stylesheets that load from elsewhere, PDF
actions other than web links, embedded files, Word documents with macros, objects or
links other than web addresses, and assets whose names a browser would run
(``.html`` images)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from lxml import etree, html

from tests.test_security import scan_markup as _scan_markup

ASSET_TYPES = (".png", ".jpg", ".gif", ".webp", ".svg")
CSS_DANGER_RE = re.compile(
    r"@import|expression\s*\(|javascript:|(?<![\w-])behavior\s*:|-moz-binding", re.IGNORECASE
)
CSS_URL_RE = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
CSS_URL_ALLOWED = ("data:font/", "data:image/", "#", "../fonts/", "fonts/")


EMBEDDED_RASTER_RE = re.compile(r"href='data:image/(png|jpeg|gif|webp);base64,[^']*' on <image>")


def scan_markup(name: str, root: etree._Element) -> list[str]:
    """tests/test_security.py's scan, where an SVG's ``<image>`` may hold an embedded
    raster image (a ``data:image/png`` address, as an HTML ``<img>`` may)."""
    return [p for p in _scan_markup(name, root) if not EMBEDDED_RASTER_RE.search(p)]


def scan_folder(folder: Path) -> list[str]:
    """Every finding in an article's output folder (empty: nothing active)."""
    problems: list[str] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = str(path.relative_to(folder))
        data = path.read_bytes()
        if path.suffix == ".html":
            problems += _scan_html(name, data, embed=name.endswith((".embed.html", ".shadow.html")))
        elif path.suffix == ".svg":
            problems += scan_markup(name, etree.fromstring(data))
        elif path.suffix == ".css":
            problems += _scan_css(name, data.decode("utf-8"))
        elif path.suffix == ".epub":
            problems += _scan_epub(name, path)
        elif path.suffix == ".pdf":
            problems += scan_pdf(name, path)
        elif path.suffix == ".docx":
            problems += scan_docx(name, path)
        if name.startswith("assets/images/") and path.suffix not in ASSET_TYPES:
            problems.append(f"{name}: an image asset with a name a browser would not show")
    return problems


def _scan_html(name: str, data: bytes, embed: bool) -> list[str]:
    root = html.fromstring(data)
    problems = scan_markup(name, root)
    for script in root.iter("script"):
        try:
            json.loads(script.text or "")
        except ValueError:
            problems.append(f"{name}: a JSON-LD block that is not JSON (it was broken out of)")
    if not embed and root.find(".//main") is None:
        problems.append(f"{name}: no <main> (the page was blanked)")
    if embed and not any(True for _ in root.iter("article")):
        problems.append(f"{name}: the fragment lost its article")
    for style in root.iter("style"):
        problems += _scan_css(name, style.text or "")
    for element in root.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute, "")
            if value.startswith("data:text/css"):
                import base64

                css = base64.b64decode(value.split(",", 1)[1]).decode("utf-8")
                problems += _scan_css(f"{name} (stylesheet)", css)
    return problems


def _scan_css(name: str, css: str) -> list[str]:
    found = [f"{name}: CSS {match.group(0)!r}" for match in CSS_DANGER_RE.finditer(css)]
    for match in CSS_URL_RE.finditer(css):
        if not match.group(2).strip().startswith(CSS_URL_ALLOWED):
            found.append(f"{name}: CSS loads {match.group(2)[:60]!r}")
    return found


def _scan_epub(name: str, path: Path) -> list[str]:
    problems = []
    with zipfile.ZipFile(path) as epub:
        for member in epub.namelist():
            data = epub.read(member)
            if member.endswith((".xhtml", ".svg", ".opf")):
                problems += scan_markup(f"{name}/{member}", etree.fromstring(data))
            elif member.endswith(".css"):
                problems += _scan_css(f"{name}/{member}", data.decode("utf-8"))
            elif member.startswith("EPUB/images/") and not member.endswith(ASSET_TYPES):
                problems.append(f"{name}/{member}: an image with a name that is not an image's")
    return problems


DOCX_ACTIVE = ("vbaProject", "oleObject", "altChunk", "attachedTemplate", "activeX", "macro")
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def scan_docx(name: str, path: Path) -> list[str]:
    """A Word document: no macros, embedded objects, imported chunks or templates, and
    every external relationship (a link) to a web or mail address."""
    problems = []
    with zipfile.ZipFile(path) as docx:
        for member in docx.namelist():
            lowered = member.lower()
            if any(word.lower() in lowered for word in DOCX_ACTIVE):
                problems.append(f"{name}/{member}: an active part")
            if member.endswith(".rels"):
                for relation in etree.fromstring(docx.read(member)).iter(RELATIONSHIP):
                    kind = relation.get("Type", "").rsplit("/", 1)[-1]
                    if any(word.lower() in kind.lower() for word in DOCX_ACTIVE):
                        problems.append(f"{name}/{member}: relationship {kind}")
                    target = relation.get("Target", "")
                    if relation.get("TargetMode") == "External" and not target.startswith(
                        ("http://", "https://", "mailto:", "tel:")
                    ):
                        problems.append(f"{name}/{member}: link to {target[:40]!r}")
        types = docx.read("[Content_Types].xml").decode("utf-8").lower()
        if "macroenabled" in types:
            problems.append(f"{name}: macro-enabled content types")
    return problems


def scan_pdf(name: str, path: Path) -> list[str]:
    import pikepdf

    problems = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        for key in ("/OpenAction", "/AA"):
            if key in root:
                problems.append(f"{name}: {key}")
        names = root.get("/Names", {})
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                problems.append(f"{name}: {key}")
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") == "/FileAttachment":
                    problems.append(f"{name}: a file attachment")
                action = annotation.get("/A")
                if action is None:
                    continue
                if action.get("/S") not in ("/URI", "/GoTo"):
                    problems.append(f"{name}: action {action.get('/S')}")
                elif action.get("/S") == "/URI" and not str(action.URI).startswith(
                    ("http://", "https://", "mailto:", "tel:")
                ):
                    problems.append(f"{name}: link to {str(action.URI)[:40]!r}")
    return problems
