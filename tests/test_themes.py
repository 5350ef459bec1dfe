"""Themes: the extends chain, overriding a block, brand colours that cannot break
contrast, and every theme error as one clear line."""

from __future__ import annotations

import base64
import re
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from publisher.cli import app
from publisher.theme import builtin_themes_dir
from publisher.theme.contrast import ratio
from tests.helpers import EXAMPLE, ROOT

SLUG = "jongensprostitutie-in-beeld"
GREEN = "#1d5e3a"
GREEN_PDF = b"0.113725 0.368627 0.227451"
runner = CliRunner()


@pytest.fixture(scope="module")
def partner_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("partner")
    result = build_article(EXAMPLE, BuildOptions(out_dir=out, theme="partner", project_dir=ROOT))
    assert not result.errors, result.errors
    return out / SLUG


def pdf_colours(path: Path) -> bytes:
    with pikepdf.open(path) as pdf:
        return b"".join(
            stream.read_bytes()
            for page in pdf.pages
            for stream in (
                page.Contents if isinstance(page.Contents, pikepdf.Array) else [page.Contents]
            )
        )


def embed_css(fragment: str) -> str:
    match = re.search(r'href="data:text/css;base64,([^"]+)"', fragment)
    assert match
    return base64.b64decode(match.group(1)).decode("utf-8")


@pytest.mark.parametrize("variant", ["", ".plain"])
def test_partner_theme_reaches_all_four_formats(partner_build: Path, variant: str) -> None:
    page = (partner_build / f"{SLUG}{variant}.html").read_text(encoding="utf-8")
    css = (partner_build / "assets" / "css" / f"page{variant}.css").read_text(encoding="utf-8")
    assert f"--pub-accent: {GREEN};" in css
    assert 'src="assets/theme/images/partner-logo.svg"' in page
    assert "Gedeeld via het Partnernetwerk Zorg en Welzijn." in page

    fragment = (partner_build / f"{SLUG}{variant}.embed.html").read_text(encoding="utf-8")
    assert f"--pub-accent: {GREEN};" in embed_css(fragment)
    assert 'class="pub-masthead-logo" src="data:image/svg+xml;base64,' in fragment
    assert "Gedeeld via het Partnernetwerk Zorg en Welzijn." in fragment

    with zipfile.ZipFile(partner_build / f"{SLUG}{variant}.epub") as epub:
        content = epub.read("EPUB/content.xhtml").decode("utf-8")
        cover = epub.read("EPUB/images/cover.svg").decode("utf-8")
        logo = epub.read("EPUB/images/theme-logo.svg").decode("utf-8")
    assert "Gedeeld via het Partnernetwerk Zorg en Welzijn." in content
    assert 'src="images/theme-logo.svg"' in content
    assert f'fill="{GREEN}"' in cover and "circle" in logo

    pdf = partner_build / f"{SLUG}{variant}.pdf"
    assert GREEN_PDF in pdf_colours(pdf)
    printed = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Gedeeld via het Partnernetwerk Zorg en Welzijn." in " ".join(printed.split())


def test_default_theme_has_no_partner_green(example_build: Path) -> None:
    assert GREEN_PDF not in pdf_colours(example_build / f"{SLUG}.pdf")
    assert "Partnernetwerk" not in (example_build / f"{SLUG}.html").read_text(encoding="utf-8")


def make_theme(project: Path, name: str, toml: str, files: dict[str, str] | None = None) -> None:
    folder = project / "themes" / name
    folder.mkdir(parents=True)
    (folder / "theme.toml").write_text(toml, encoding="utf-8")
    for relative, text in (files or {}).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")


def build_with(project: Path, theme: str) -> list[str]:
    result = build_article(
        EXAMPLE,
        BuildOptions(
            out_dir=project / "build", theme=theme, project_dir=project, formats=("html",)
        ),
    )
    return [str(problem) for problem in result.errors]


def test_low_contrast_accent_stops_the_build_naming_colours_and_ratio(tmp_path: Path) -> None:
    make_theme(
        tmp_path,
        "licht",
        'extends = "default"\n[colors.light]\naccent = "#ffeb3b"\non_accent = "#ffffff"\n',
    )
    errors = build_with(tmp_path, "licht")
    value = ratio("#ffffff", "#ffeb3b")
    assert len(errors) == 1
    assert errors[0] == (
        f"{tmp_path / 'themes' / 'licht' / 'theme.toml'}: text on the accent colour (light): "
        f"on_accent #ffffff on accent #ffeb3b has contrast {value:.2f}:1, the standard variant "
        "needs at least 4.5:1"
    )
    assert not (tmp_path / "build").exists()


def test_plain_variant_needs_seven_to_one(tmp_path: Path) -> None:
    make_theme(tmp_path, "grijs", 'extends = "default"\n[colors.light]\nmuted = "#6b6b6b"\n')
    errors = build_with(tmp_path, "grijs")
    assert len(errors) == 1 and "the plain variant needs at least 7.0:1" in errors[0]
    assert "muted #6b6b6b on background #ffffff" in errors[0]


def test_unknown_theme_names_search_path_and_available(tmp_path: Path) -> None:
    errors = build_with(tmp_path, "bestaat-niet")
    assert errors == [
        f"{EXAMPLE}: unknown theme 'bestaat-niet'; searched {builtin_themes_dir()}; "
        "available: default"
    ]


def test_cycle_in_extends(tmp_path: Path) -> None:
    make_theme(tmp_path, "a", 'extends = "b"\n')
    make_theme(tmp_path, "b", 'extends = "a"\n')
    assert build_with(tmp_path, "a") == [
        f"{EXAMPLE}: themes extend each other in a cycle: a -> b -> a"
    ]


def test_bad_theme_key_names_the_closest(tmp_path: Path) -> None:
    make_theme(tmp_path, "typo", 'extend = "default"\n[colors.light]\naccnt = "#000000"\n')
    errors = build_with(tmp_path, "typo")
    assert errors == [
        f"{tmp_path / 'themes' / 'typo' / 'theme.toml'}: unknown key 'extend' (did you mean "
        "'extends'?); unknown colour 'colors.light.accnt' (did you mean 'accent'?)"
    ]


def test_missing_template_names_it(tmp_path: Path) -> None:
    make_theme(
        tmp_path,
        "kapot",
        'extends = "default"\n',
        {
            "templates/partials/colophon.html": '{% include "partials/bestaat-niet.html" %}\n',
        },
    )
    assert build_with(tmp_path, "kapot") == [
        f"{EXAMPLE}: theme 'kapot': template 'partials/bestaat-niet.html' not found in the "
        "theme's chain"
    ]


def test_missing_interface_string_is_a_clear_error(tmp_path: Path) -> None:
    make_theme(
        tmp_path,
        "tekst",
        'extends = "default"\n',
        {
            "templates/partials/colophon.html": '<p>{{ t("bestaat_niet") }}</p>\n',
        },
    )
    errors = build_with(tmp_path, "tekst")
    assert len(errors) == 1
    assert "theme 'tekst' has no interface string 'bestaat_niet' for language 'nl'" in errors[0]


def test_template_syntax_error_points_at_the_line(tmp_path: Path) -> None:
    make_theme(
        tmp_path,
        "syntax",
        'extends = "default"\n',
        {
            "templates/partials/colophon.html": "<p>\n{% if %}\n</p>\n",
        },
    )
    errors = build_with(tmp_path, "syntax")
    assert len(errors) == 1
    assert errors[0].startswith(
        f"{tmp_path / 'themes' / 'syntax' / 'templates' / 'partials' / 'colophon.html'}:2: "
        "template error:"
    )


def test_new_theme_scaffold_builds_and_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "theme", "huisstijl", "--extends", "default"])
    assert result.exit_code == 0, result.output
    toml = (tmp_path / "themes" / "huisstijl" / "theme.toml").read_text(encoding="utf-8")
    assert 'extends = "default"' in toml and "# Brand colours." in toml
    listing = runner.invoke(app, ["themes"])
    assert re.search(r"^huisstijl\s+project\s+huisstijl -> default", listing.output, re.M)
    assert re.search(r"^default\s+built-in\s+default", listing.output, re.M)
    assert build_with(tmp_path, "huisstijl") == []
    again = runner.invoke(app, ["new", "theme", "huisstijl"])
    assert again.exit_code == 1 and "already exists" in again.stderr
    bad = runner.invoke(app, ["new", "theme", "x", "--extends", "bestaat-niet"])
    assert bad.exit_code == 2 and "cannot extend unknown theme 'bestaat-niet'" in bad.stderr


def test_a_theme_and_its_environment_are_built_once_until_a_file_changes(tmp_path: Path) -> None:
    from publisher.theme import load_theme

    make_theme(tmp_path, "eenmaal", 'extends = "default"\n')
    first = load_theme("eenmaal", tmp_path)
    assert load_theme("eenmaal", tmp_path) is first
    assert first.env is first.env
    toml = tmp_path / "themes" / "eenmaal" / "theme.toml"
    toml.write_text('extends = "default"\n[colors.light]\naccent = "#123456"\n', encoding="utf-8")
    changed = load_theme("eenmaal", tmp_path)
    assert changed is not first and changed.colors["light"]["accent"] == "#123456"
