"""The handout as a PDF reader and a screen reader see it (pikepdf, pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest

from publisher.build.article import build_article
from publisher.build.options import BuildOptions, Settings
from tests.conftest import SLUG
from tests.helpers import ROOT

KITCHEN_SINK = ROOT / "tests" / "fixtures" / "articles" / "alle-onderdelen" / "index.md"


def text_of(pdf: Path) -> str:
    """The PDF's text with white space folded (line ends do not matter)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def struct_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found = []
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append(kid)
                stack.append(kid)
    return found


@pytest.mark.parametrize("variant", ["", ".plain"])
def test_handout_is_tagged_dutch_and_shows_its_title(example_build: Path, variant: str) -> None:
    with pikepdf.open(example_build / f"{SLUG}{variant}.pdf") as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "nl"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
            assert "Jongens" in xmp["dc:title"]
        assert "/StructTreeRoot" in pdf.Root
        fonts = [font for page in pdf.pages for font in page.Resources.get("/Font", {}).values()]
        assert fonts and all(
            "/FontDescriptor" in (f.get("/DescendantFonts", [f])[0]) for f in fonts
        )


def test_handout_text_is_in_reading_order_with_footer(example_build: Path) -> None:
    text = text_of(example_build / f"{SLUG}.pdf")
    order = [
        "MOVIERA",
        "Onderzoek ‘Jongensprostitutie",
        "Gepubliceerd op 4 oktober 2018",
        "In april 2018 verscheen",
        "Er waren meer dan 50",
        "Vervolgens gaf Tamara Visser",
        "Glenn van den Akker",
        "Bouwen aan de relatie",
        "Onder leiding van Tamme",
        "We weten weinig",
        "Al met al kijken wij terug",
        "Begrippen",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "pagina 1 van" in text and "Moviera" in text


def test_plain_handout_has_summary_first_and_word_list(example_build: Path) -> None:
    text = text_of(example_build / f"{SLUG}.plain.pdf")
    assert text.index("In het kort") < text.index("Zorgcoördinatie")
    assert "Moeilijke woorden" in text
    # The example has no address: paper names no file a reader could not open, and
    # no address (tests/test_travel.py has the handout of an article with one).
    assert "Er is ook een versie" not in text and f"{SLUG}.pdf" not in text
    assert "http" not in text


def test_language_spans_get_lang_in_the_structure_tree(tmp_path: Path) -> None:
    build_article(
        KITCHEN_SINK,
        BuildOptions(out_dir=tmp_path, formats=("pdf",), variants=("standard",), project_dir=ROOT),
    )
    with pikepdf.open(tmp_path / "alle-onderdelen" / "alle-onderdelen.pdf") as pdf:
        langs = {str(e.Lang) for e in struct_elements(pdf) if "/Lang" in e}
        assert {"en", "en-GB", "ar"} <= langs
        figures = [e for e in struct_elements(pdf) if e.S == "/Figure"]
        assert figures and all("/Alt" in f for f in figures)


def test_external_links_are_printed_with_their_address(tmp_path: Path) -> None:
    build_article(
        KITCHEN_SINK,
        BuildOptions(out_dir=tmp_path, formats=("pdf",), variants=("standard",), project_dir=ROOT),
    )
    text = text_of(tmp_path / "alle-onderdelen" / "alle-onderdelen.pdf")
    assert "de website van de overheid[1]" in text
    assert "Links in deze tekst" in text and "https://www.rijksoverheid.nl/" in text


def test_a5_handout_has_a5_pages(tmp_path: Path) -> None:
    options = BuildOptions(
        out_dir=tmp_path,
        formats=("pdf",),
        variants=("standard",),
        project_dir=ROOT,
        settings=Settings(paper="A5"),
    )
    build_article(KITCHEN_SINK, options)
    with pikepdf.open(tmp_path / "alle-onderdelen" / "alle-onderdelen.pdf") as pdf:
        box = [float(v) for v in pdf.pages[0].MediaBox]
        assert round(box[2] / 72 * 25.4) == 148 and round(box[3] / 72 * 25.4) == 210


def test_qr_code_and_address_when_the_article_has_a_url(tmp_path: Path) -> None:
    article = ROOT / "tests" / "fixtures" / "articles" / "english-guide.md"
    build_article(
        article,
        BuildOptions(out_dir=tmp_path, formats=("pdf",), variants=("standard",), project_dir=ROOT),
    )
    pdf_path = tmp_path / "english-guide" / "english-guide.pdf"
    text = text_of(pdf_path)
    assert "Read online: https://example.org/articles/help-at-home.html" in text
    assert "page 1 of" in text
    with pikepdf.open(pdf_path) as pdf:
        alts = [str(e.Alt) for e in struct_elements(pdf) if e.S == "/Figure" and "/Alt" in e]
    assert "QR code that leads to https://example.org/articles/help-at-home.html" in alts


def test_standard_handout_fits_two_a4_pages(example_build: Path) -> None:
    with pikepdf.open(example_build / f"{SLUG}.pdf") as pdf:
        assert len(pdf.pages) == 2
        box = [float(v) for v in pdf.pages[0].MediaBox]
        assert round(box[2] / 72 * 25.4) == 210 and round(box[3] / 72 * 25.4) == 297


def test_internal_links_say_on_which_page_their_target_is(tmp_path: Path) -> None:
    build_article(
        KITCHEN_SINK,
        BuildOptions(out_dir=tmp_path, formats=("pdf",), variants=("standard",), project_dir=ROOT),
    )
    assert "Zie ook de tabel (zie pagina 1)." in text_of(
        tmp_path / "alle-onderdelen" / "alle-onderdelen.pdf"
    )
