"""The large-print handout: what a reader with low vision gets on paper, measured on
the PDF itself (UKAAF G003: 16-18 pt text and page numbers, no split words)."""

from __future__ import annotations

import itertools
import re
import statistics
import subprocess
from pathlib import Path

import pytest

from publisher.build.article import build_article
from publisher.build.options import BuildOptions, Settings
from publisher.catalog import VARIANTS, formats_for
from tests.conftest import SLUG
from tests.helpers import EXAMPLE, ROOT

POINTS_PER_BOX = 1.24
"""A word's box in pdftotext -bbox is 1.24 × the font size for this theme's font."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("large")
    options = BuildOptions(
        out_dir=out,
        formats=("html", "pdf", "epub"),
        variants=("standard", "plain", "large"),
        project_dir=ROOT,
    )
    result = build_article(EXAMPLE, options)
    assert not result.errors, result.errors
    return out / SLUG


def words(pdf: Path) -> list[tuple[str, float, int]]:
    """(word, font size in pt, page) for every word on the handout."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = []
    for page, body in enumerate(xml.split("<page ")[1:], start=1):
        for y_min, y_max, word in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
            body,
        ):
            found.append((word, (float(y_max) - float(y_min)) / POINTS_PER_BOX, page))
    return found


def test_large_print_is_made_as_a_handout_only(folder: Path) -> None:
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith(SLUG))
    assert f"{SLUG}.large.pdf" in names
    assert not [n for n in names if ".large." in n and not n.endswith(".pdf")]
    assert formats_for(VARIANTS["large"], ("html", "embed", "pdf", "epub", "docx")) == ("pdf",)


def test_web_page_offers_the_large_print_handout(folder: Path) -> None:
    page = (folder / f"{SLUG}.html").read_text(encoding="utf-8")
    assert (
        f'<a href="{SLUG}.large.pdf" type="application/pdf">'
        "Handout om te printen – Grote letters</a> "
        '<span class="pub-filesize">(PDF)</span>' in page
    )
    assert f"{SLUG}.large.html" not in page  # no web page to switch to


def test_body_text_and_page_numbers_are_18_pt(folder: Path) -> None:
    large = words(folder / f"{SLUG}.large.pdf")
    standard = words(folder / f"{SLUG}.pdf")
    assert statistics.median(size for _, size, _ in large) == pytest.approx(18, abs=0.3)
    assert statistics.median(size for _, size, _ in standard) < 12
    assert min(size for _, size, _ in large) >= 16 - 0.3  # nothing smaller than 16 pt
    pages = {page for _, _, page in large}
    numbers = [(size, page) for word, size, page in large if word == "pagina"]
    assert {page for _, page in numbers} == pages  # a page number on every page
    assert all(size >= 18 - 0.3 for size, _ in numbers)


def test_no_word_is_split_over_two_lines(folder: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(folder / f"{SLUG}.large.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    files = " ".join(p.name for p in folder.iterdir())  # file names break at their hyphens
    source = EXAMPLE.read_text(encoding="utf-8") + " " + files
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line, following in itertools.pairwise(lines):
        if line.endswith("-") and following[:1].islower():
            joined = line.split()[-1] + following.split()[0]
            assert joined.rstrip(".,:;") in source, f"hyphenated: {line!r} / {following!r}"


def test_handout_says_which_ebook_has_the_same_text(tmp_path: Path) -> None:
    """By address (paper cannot open a file): the large-print handout names the
    e-book with its text (the standard one), and the standard handout names the
    large-print handout."""
    base = "https://publicaties.example.org/artikelen"
    options = BuildOptions(
        out_dir=tmp_path,
        formats=("html", "pdf", "epub"),
        variants=("standard", "plain", "large"),
        project_dir=ROOT,
        settings=Settings(base_url=base),
    )
    assert not build_article(EXAMPLE, options).errors
    folder, address = tmp_path / SLUG, f"{base}/{SLUG}/{SLUG}"

    def printed(name: str) -> str:  # addresses break after a slash: compare without spaces
        text = subprocess.run(
            ["pdftotext", str(folder / name), "-"], capture_output=True, text=True, check=True
        ).stdout
        return "".join(text.split())

    large = printed(f"{SLUG}.large.pdf")
    assert f"E-book:{address}.epub" in large and ".large.epub" not in large
    assert f"GroteLetters:{address}.large.pdf".lower() in printed(f"{SLUG}.pdf").lower()
    assert f"{SLUG}.epub" not in printed(f"{SLUG}.large.pdf").replace(address, "")


def test_asking_for_large_print_in_a_format_it_is_not_made_in_is_a_usage_error() -> None:
    from typer.testing import CliRunner

    from publisher.cli import app

    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "--variant", "large", "-f", "epub"])
    assert result.exit_code == 2
    message = " ".join(result.output.replace("│", " ").split())
    assert "no output: epub is not made in large (made: large as pdf)" in message
