"""Hostile content never becomes active: every output of a hostile article is scanned
for scripts, event handlers, dangerous URL schemes and inline styles."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree, html

from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from tests.helpers import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "articles" / "kwaadaardig.md"
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "#")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    result = build_article(HOSTILE, BuildOptions(out_dir=out, project_dir=ROOT))
    assert not result.errors
    return out / "kwaadaardig"


def scan_markup(name: str, root: etree._Element) -> list[str]:
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname.lower()
        if tag == "script" and element.get("type") != "application/ld+json":
            problems.append(f"{name}: <script>")
        if tag in ("iframe", "object", "embed", "frame", "base", "form"):
            problems.append(f"{name}: <{tag}>")
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname.lower() if "}" in attribute else attribute
            if local.startswith("on"):
                problems.append(f"{name}: event handler {local} on <{tag}>")
            if local == "style":
                problems.append(f"{name}: inline style on <{tag}>")
            if local in URL_ATTRIBUTES:
                url = re.sub(r"[\x00-\x20]", "", value).lower()
                ours = (tag == "img" and url.startswith("data:image/")) or (
                    tag == "link"
                    and element.get("rel") == "stylesheet"
                    and url.startswith("data:text/css")
                )
                scheme = url.split(":", 1)[0] + ":" if ":" in url.split("/", 1)[0] else ""
                if scheme and not url.startswith(SAFE_SCHEMES) and not ours:
                    problems.append(f"{name}: {local}={value[:40]!r} on <{tag}>")
    return problems


def test_no_active_content_in_html_embed_and_epub(hostile_build: Path) -> None:
    problems: list[str] = []
    for path in sorted(hostile_build.glob("*.html")):
        problems += scan_markup(path.name, html.fromstring(path.read_bytes()))
    for path in sorted(hostile_build.glob("*.epub")):
        with zipfile.ZipFile(path) as epub:
            for name in epub.namelist():
                if name.endswith((".xhtml", ".svg")):
                    problems += scan_markup(
                        f"{path.name}/{name}", etree.fromstring(epub.read(name))
                    )
    assert problems == []


def test_hostile_text_is_shown_as_text(hostile_build: Path) -> None:
    page = (hostile_build / "kwaadaardig.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page or (
        "&lt;script&gt;alert('x')&lt;/script&gt;" in page
    )
    assert "[js](javascript:alert(1))" in page
    assert '<span lang="en">met stijl</span>' in page


def test_pdf_links_are_only_web_addresses(hostile_build: Path) -> None:
    for path in sorted(hostile_build.glob("*.pdf")):
        with pikepdf.open(path) as pdf:
            assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
            assert "/JavaScript" not in pdf.Root.get("/Names", {})
            for page in pdf.pages:
                for annotation in page.get("/Annots", []):
                    action = annotation.get("/A")
                    if action is None:
                        continue
                    assert action.S in ("/URI", "/GoTo"), f"{path.name}: action {action.S}"
                    if action.S == "/URI":
                        assert str(action.URI).startswith(("http://", "https://", "mailto:"))


def test_scanner_finds_what_it_looks_for() -> None:
    sample = html.fromstring(
        '<div><script>x()</script><a href=" JavaScript:x()">a</a><img src="x" onerror="y()">'
        '<p style="color:red">p</p><iframe src="https://e.example/"></iframe>'
        '<img src="data:image/png;base64,AAAA" alt=""><a href="data:text/html,x">d</a></div>'
    )
    found = scan_markup("sample", sample)
    assert len(found) == 6, found
