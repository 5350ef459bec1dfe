"""Any language builds, and reads right: right to left where the language runs that
way, in fonts that have its letters, with labels in its language (or English, and a
warning that says how to add them)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from publisher.cli import app
from tests.helpers import ROOT

ARABIC = """---
title: مرحبا بكم
lang: ar
date: 2024-01-01
---
## مقدمة

هذا نص عربي مع كلمة [Nederlands]{lang=nl} في وسطه.
"""


def build(
    tmp_path: Path, text: str, name: str = "tekst", formats: tuple[str, ...] = ("html",)
) -> Path:
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    options = BuildOptions(
        out_dir=tmp_path / "out", formats=formats, variants=("standard",), project_dir=ROOT
    )
    result = build_article(path, options)
    assert not result.errors, result.errors
    return tmp_path / "out" / name


def test_an_arabic_article_runs_right_to_left_in_every_output(tmp_path: Path) -> None:
    folder = build(tmp_path, ARABIC, formats=("html", "embed", "pdf", "epub"))
    page = (folder / "tekst.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert '<span lang="nl" dir="ltr">Nederlands</span>' in page  # a part that runs the other way
    embed = (folder / "tekst.embed.html").read_text(encoding="utf-8")
    assert re.search(r'<article id="[^"]*" class="pub-embed[^"]*" lang="ar" dir="rtl"', embed)
    with zipfile.ZipFile(folder / "tekst.epub") as epub:
        assert '<spine page-progression-direction="rtl"' in epub.read("EPUB/content.opf").decode()
        content = epub.read("EPUB/content.xhtml").decode()
        assert 'xml:lang="ar" dir="rtl"' in content
    with pikepdf.open(folder / "tekst.pdf") as pdf:
        assert str(pdf.Root.Lang) == "ar"


def test_the_font_of_the_articles_script_comes_first_and_only_needed_fonts_ship(
    tmp_path: Path,
) -> None:
    folder = build(tmp_path, ARABIC)
    css = (folder / "assets" / "css" / "page.css").read_text(encoding="utf-8")
    assert '--pub-font: "Noto Sans Arabic", "Atkinson Hyperlegible"' in css
    fonts = sorted(p.name for p in (folder / "assets" / "fonts").rglob("*.ttf"))
    assert "NotoSansArabic-Regular.ttf" in fonts
    assert not any("Hebrew" in name or "Emoji" in name for name in fonts)
    dutch = build(tmp_path, "---\ntitle: T\nlang: nl\ndate: 2024-01-01\n---\nGewoon.\n", "nl")
    assert not (dutch / "assets" / "fonts" / "noto").exists()


def test_any_language_builds_with_english_labels_and_a_warning_that_says_how(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "so.md").write_text(
        "---\ntitle: Soo dhawow\nlang: so\ndate: 2024-01-01\n---\n## Hordhac\n\nQoraal.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["build", "-f", "html"])
    assert first.exit_code == 0
    assert (
        "so.md:3: theme 'default' has no interface strings for 'so': English is used for "
        "labels such as 'Contents'; add them with: publisher new strings so"
    ) in first.stderr
    assert runner.invoke(app, ["new", "strings", "so"]).exit_code == 0
    strings = tmp_path / "i18n" / "so.toml"
    strings.write_text(
        strings.read_text(encoding="utf-8").replace(
            'skip_link = "Skip to content"', 'skip_link = "U gudub qoraalka"'
        ),
        encoding="utf-8",
    )
    second = runner.invoke(app, ["build", "-f", "html"])
    assert second.exit_code == 0 and "interface strings" not in second.stderr
    page = (tmp_path / "build" / "so" / "so.html").read_text(encoding="utf-8")
    assert "U gudub qoraalka" in page and "Skip to content" not in page
    again = runner.invoke(app, ["new", "strings", "so"])
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_a_character_no_font_has_is_a_warning_with_its_line_and_prints_as_its_code(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cjk.md"
    path.write_text(
        "---\ntitle: T\nlang: nl\ndate: 2024-01-01\n---\nEen woord: 日本.\n", encoding="utf-8"
    )
    result = build_article(
        path, BuildOptions(out_dir=tmp_path / "out", formats=("pdf",), project_dir=ROOT)
    )
    messages = [(p.line, p.message) for p in result.warnings]
    assert (
        6,
        "'日' (cjk unified ideograph-65e5) is in no font of the theme: the handout "
        "shows U+65E5 instead; add a font for it to the theme (docs/themes.md)",
    ) in messages
    with pikepdf.open(tmp_path / "out" / "cjk" / "cjk.pdf") as pdf:
        actual = [str(e.ActualText) for e in _elements(pdf) if "/ActualText" in e]
    assert "日本" in actual


def test_emoji_print_and_say_which_emoji_they_are(tmp_path: Path) -> None:
    path = tmp_path / "emoji.md"
    path.write_text(
        "---\ntitle: T\nlang: nl\ndate: 2024-01-01\n---\nSteun 🇺🇦 en 👍🏽.\n", encoding="utf-8"
    )
    result = build_article(
        path, BuildOptions(out_dir=tmp_path / "out", formats=("pdf",), project_dir=ROOT)
    )
    assert result.warnings == []  # the theme's emoji font has them
    with pikepdf.open(tmp_path / "out" / "emoji" / "emoji.pdf") as pdf:
        actual = [str(e.ActualText) for e in _elements(pdf) if "/ActualText" in e]
        fonts = {str(f.BaseFont) for page in pdf.pages for f in page.Resources.Font.values()}
    assert "🇺🇦" in actual and "👍🏽" in actual
    assert any("Noto-Emoji" in font for font in fonts)


def _elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found: list[pikepdf.Dictionary] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append(node)
            if "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot.K)
    return found
