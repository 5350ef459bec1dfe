"""The EPUB as a reading system and an auditor see it: container, package, nav."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from tests.conftest import SLUG
from tests.helpers import EXAMPLE, ROOT

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"


def package(epub: Path) -> etree._Element:
    with zipfile.ZipFile(epub) as archive:
        return etree.fromstring(archive.read("EPUB/content.opf"))


def metas(root: etree._Element, prop: str) -> list[str]:
    return [m.text or "" for m in root.iter(f"{OPF}meta") if m.get("property") == prop]


@pytest.mark.parametrize("variant", ["", ".plain"])
def test_container_mimetype_first_and_stored(example_build: Path, variant: str) -> None:
    with zipfile.ZipFile(example_build / f"{SLUG}{variant}.epub") as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        assert "META-INF/container.xml" in archive.namelist()


def test_package_metadata_is_true_to_the_content(example_build: Path) -> None:
    root = package(example_build / f"{SLUG}.epub")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert root.findtext(f"{OPF}metadata/{DC}language") == "nl"
    assert root.findtext(f"{OPF}metadata/{DC}title", "").startswith("Onderzoek ‘Jongensprostitutie")
    assert root.findtext(f"{OPF}metadata/{DC}publisher") == "Moviera"
    assert re.fullmatch(
        r"urn:uuid:[0-9a-f-]{36}", root.findtext(f"{OPF}metadata/{DC}identifier", "")
    )
    assert metas(root, "dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert sorted(metas(root, "schema:accessMode")) == ["textual", "visual"]  # it has a figure
    features = metas(root, "schema:accessibilityFeature")
    for feature in (
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "alternativeText",
        "pageBreakMarkers",
        "pageNavigation",
    ):
        assert feature in features
    assert metas(root, "schema:accessibilityHazard") == ["none"]
    summary = metas(root, "schema:accessibilitySummary")[0]
    assert "WCAG 2.2" in summary and "woordenlijst" in summary
    assert metas(root, "pageBreakSource") == [f"{SLUG}.pdf (A4)"]
    assert metas(root, "dcterms:modified") == ["2018-10-04T12:00:00Z"]


def test_identifier_is_stable_and_differs_per_variant(example_build: Path) -> None:
    standard = package(example_build / f"{SLUG}.epub").findtext(f"{OPF}metadata/{DC}identifier")
    plain = package(example_build / f"{SLUG}.plain.epub").findtext(f"{OPF}metadata/{DC}identifier")
    assert standard != plain
    assert (
        standard
        == "urn:uuid:"
        + __import__("uuid").uuid5(__import__("uuid").NAMESPACE_URL, f"publisher:{SLUG}").__str__()
    )


def test_nav_has_toc_landmarks_and_page_list_in_dutch(example_build: Path) -> None:
    with zipfile.ZipFile(example_build / f"{SLUG}.epub") as archive:
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    navs = {n.get(f"{EPUB_NS}type"): n for n in nav.iter(f"{XHTML}nav")}
    assert set(navs) == {"toc", "landmarks", "page-list"}
    assert navs["toc"].get("role") == "doc-toc"
    assert navs["page-list"].get("role") == "doc-pagelist"
    assert navs["landmarks"].findtext(f"{XHTML}h2") == "Oriëntatiepunten"
    toc_items = [a.text for a in navs["toc"].iter(f"{XHTML}a")]
    assert "NextStep" in toc_items and "Altijd maatwerk leveren" in toc_items
    pages = [a.text for a in navs["page-list"].iter(f"{XHTML}a")]
    assert pages == [str(n) for n in range(1, len(pages) + 1)] and len(pages) >= 2


def _alnum(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


@pytest.mark.parametrize("variant", ["", ".plain"])
def test_page_breaks_follow_the_printed_handout(example_build: Path, variant: str) -> None:
    """For each page break in the EPUB, the text right after it is the first text on
    that page of the PDF (read back from the PDF with pdftotext)."""
    epub = example_build / f"{SLUG}{variant}.epub"
    pdf = example_build / f"{SLUG}{variant}.pdf"
    with zipfile.ZipFile(epub) as archive:
        content = archive.read("EPUB/content.xhtml").decode("utf-8")
    markers = re.findall(r'<span id="page-(\d+)" role="doc-pagebreak"[^>]*/>', content)
    assert markers, "no page-break markers"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    tree = etree.fromstring(content.encode("utf-8"))
    for marker in tree.iter(f"{XHTML}span"):
        if marker.get("role") == "doc-pagebreak":
            ancestors = {etree.QName(a).localname for a in marker.iterancestors()}
            assert "nav" not in ancestors, f"page {marker.get('id')} is in a navigation list"
    for number in markers:
        after = content.split(f'id="page-{number}"', 1)[1].split("/>", 1)[1]
        text_after = _alnum(re.sub(r"<[^>]+>", "", after))
        first_on_page = _alnum(pages[int(number) - 1])
        assert text_after[:20] == first_on_page[:20], f"page {number}"


def test_two_builds_give_identical_epub_bytes(tmp_path: Path, example_build: Path) -> None:
    build_article(
        EXAMPLE, BuildOptions(out_dir=tmp_path, formats=("pdf", "epub"), project_dir=ROOT)
    )
    again = (tmp_path / SLUG / f"{SLUG}.epub").read_bytes()
    assert again == (example_build / f"{SLUG}.epub").read_bytes()


def test_footnotes_glossary_and_languages_carry_roles(tmp_path: Path) -> None:
    article = ROOT / "tests" / "fixtures" / "articles" / "alle-onderdelen" / "index.md"
    build_article(article, BuildOptions(out_dir=tmp_path, formats=("epub",), project_dir=ROOT))
    with zipfile.ZipFile(tmp_path / "alle-onderdelen" / "alle-onderdelen.epub") as archive:
        content = archive.read("EPUB/content.xhtml").decode("utf-8")
        names = archive.namelist()
    assert 'role="doc-noteref" epub:type="noteref"' in content
    assert 'role="doc-endnotes"' in content and 'epub:type="endnotes"' in content
    assert 'role="doc-glossary"' in content and 'epub:type="glossary"' in content
    assert '<span lang="en" xml:lang="en">Engelse zin</span>' in content
    assert 'lang="ar" xml:lang="ar" dir="rtl"' in content
    assert "EPUB/fonts/AtkinsonHyperlegible-Regular.ttf" in names
    assert "EPUB/images/cover.svg" in names


def test_creators_and_contributors_carry_marc_roles(tmp_path: Path) -> None:
    article = ROOT / "tests" / "fixtures" / "articles" / "alle-onderdelen" / "index.md"
    build_article(
        article,
        BuildOptions(out_dir=tmp_path, formats=("epub",), variants=("standard",), project_dir=ROOT),
    )
    root = package(tmp_path / "alle-onderdelen" / "alle-onderdelen.epub")
    creators = root.findall(f"{OPF}metadata/{DC}creator")
    contributors = root.findall(f"{OPF}metadata/{DC}contributor")
    assert [c.text for c in creators] == ["Sanne de Vries"]
    assert [c.text for c in contributors] == ["Ahmed El Amrani"]
    roles = {
        m.get("refines"): m.text for m in root.iter(f"{OPF}meta") if m.get("property") == "role"
    }
    assert roles == {f"#{creators[0].get('id')}": "aut", f"#{contributors[0].get('id')}": "edt"}


def test_a_page_that_starts_with_a_numbered_list_is_in_the_page_list(tmp_path: Path) -> None:
    """List numbers are printed but are not text in the EPUB; the page must still be found."""
    filler = "\n\n".join(
        f"Alinea {n} met genoeg tekst om de pagina te vullen. " * 6 for n in range(9)
    )
    source = tmp_path / "lijst.md"
    source.write_text(
        "---\ntitle: Lijst\nlang: nl\ndate: 2024-01-01\n---\n\n"
        + filler
        + "\n\n"
        + "\n".join(f"{n}. Stap nummer {n} van de lange lijst." for n in range(1, 40))
        + "\n",
        encoding="utf-8",
    )
    build_article(
        source,
        BuildOptions(
            out_dir=tmp_path, formats=("pdf", "epub"), variants=("standard",), project_dir=ROOT
        ),
    )
    pdf = tmp_path / "lijst" / "lijst.pdf"
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", pages.stdout).group(1))  # type: ignore[union-attr]
    with zipfile.ZipFile(tmp_path / "lijst" / "lijst.epub") as archive:
        content = archive.read("EPUB/content.xhtml").decode("utf-8")
    assert re.findall(r'id="page-(\d+)"', content) == [str(n) for n in range(1, count + 1)]
