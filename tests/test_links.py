"""Every link goes where its reader can follow it: relative links become addresses,
or text with a warning; no output ever points into the build machine."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from publisher.build.article import build_article
from publisher.build.options import BuildOptions, Settings
from tests.helpers import ROOT

BODY = """
## Verder lezen

Lees [de gids](../gids/index.md), [de kennisbank](/kennisbank/x), [het
reglement](reglement.md#artikel-2) of [de andere kop](#verder-lezen).
"""


def write(folder: Path, front: str) -> Path:
    article = folder / "source" / "hulp"
    article.mkdir(parents=True)
    (article / "index.md").write_text(
        f"---\ntitle: Hulp\nlang: nl\ndate: 2024-01-01\n{front}---\n{BODY}", encoding="utf-8"
    )
    other = folder / "source" / "gids"
    other.mkdir()
    (other / "index.md").write_text(
        "---\ntitle: Gids\nlang: nl\ndate: 2024-01-01\n---\nTekst.\n", encoding="utf-8"
    )
    return article / "index.md"


def links(page: Path) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', page.read_text(encoding="utf-8"))


def test_relative_links_resolve_against_the_articles_address(tmp_path: Path) -> None:
    source = write(tmp_path, "url: https://example.org/nieuws/hulp.html\n")
    options = BuildOptions(out_dir=tmp_path / "out", formats=("html", "pdf"), project_dir=ROOT)
    result = build_article(source, options)
    assert not result.errors and not result.warnings
    found = links(tmp_path / "out" / "hulp" / "hulp.html")
    assert "https://example.org/gids/index.md" in found
    assert "https://example.org/kennisbank/x" in found
    assert "https://example.org/nieuws/reglement.md#artikel-2" in found
    assert "#verder-lezen" in found
    with pikepdf.open(tmp_path / "out" / "hulp" / "hulp.pdf") as pdf:
        targets = [
            str(a.A.URI)
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        ]
    assert targets and all(t.startswith("https://") for t in targets)


def test_with_base_url_a_link_to_another_article_goes_to_its_page(tmp_path: Path) -> None:
    source = write(tmp_path, "")
    options = BuildOptions(
        out_dir=tmp_path / "out",
        formats=("html",),
        project_dir=ROOT,
        settings=Settings(base_url="https://example.org/publicaties"),
    )
    assert not build_article(source, options).errors
    found = links(tmp_path / "out" / "hulp" / "hulp.html")
    assert "https://example.org/publicaties/gids/gids.html" in found


def test_without_an_address_relative_links_stay_text_with_a_warning(tmp_path: Path) -> None:
    source = write(tmp_path, "")
    options = BuildOptions(out_dir=tmp_path / "out", formats=("html", "pdf"), project_dir=ROOT)
    result = build_article(source, options)
    assert [(w.line, w.message.split(":")[0]) for w in result.warnings] == [
        (9, "relative link '../gids/index.md' stays text"),
        (9, "relative link '/kennisbank/x' stays text"),
        (9, "relative link 'reglement.md#artikel-2' stays text"),  # it starts there
    ]
    page = (tmp_path / "out" / "hulp" / "hulp.html").read_text(encoding="utf-8")
    assert "Lees de gids, de kennisbank, het\nreglement of" in page
    data = (tmp_path / "out" / "hulp" / "hulp.pdf").read_bytes()
    assert b"file:" not in data and str(tmp_path).encode() not in data


def test_a_second_hash_in_an_address_is_escaped_so_the_link_stays_valid() -> None:
    # GitHub READMEs link to "…#section#gh-dark-mode-only"; a URL has one fragment.
    from publisher.reading.links import resolve

    github = "https://github.com/o/r#responsive-card-theme#gh-dark-mode-only"
    assert resolve(github, None, Path("."), None).href == (
        "https://github.com/o/r#responsive-card-theme%23gh-dark-mode-only"
    )
    joined = resolve("x.html#a#b", "https://example.org/n/p.html", Path("."), None).href
    assert joined == "https://example.org/n/x.html#a%23b"
    assert resolve("https://example.org/#top", None, Path("."), None).href == (
        "https://example.org/#top"
    )
