"""A new format and a new variant are one declaration each, plus their templates, CSS
and strings: shown here with a plain-text format and a large-type variant that exist
only in this file, without touching any module of publisher."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html
from typer.testing import CliRunner

from publisher.build.article import build_article
from publisher.build.job import HandoutProduct, Job, Needs, Product
from publisher.build.options import BuildOptions
from publisher.build.outputs import Output
from publisher.catalog import FORMATS, VARIANTS, Format, Variant
from publisher.cli import app
from publisher.formats.addresses import file_name
from publisher.formats.context import context, layout, render_content
from tests.helpers import EXAMPLE

SLUG = "jongensprostitutie-in-beeld"


# --- the format: one function and one declaration -------------------------------------
def render_text(job: Job, needs: Needs) -> Product:
    """The article as plain text, saying how many pages its handout has."""
    rendered = render_content(job, "html", lambda image: image.name, "txt")
    values = context(job, rendered, "txt")
    values["text"] = html.fromstring(f"<div>{rendered.body}</div>").text_content().strip()
    values["pages"] = len(needs.get("pdf", HandoutProduct).page_starts)
    text = layout(job, "layouts/text.txt").render(values)
    return Product((Output(file_name(job, "txt"), text.encode("utf-8")),))


TEXT = Format("txt", ".txt", "text/plain", "plain text", render_text, needs=("pdf",))

# --- the variant: one declaration --------------------------------------------------------
LARGE = Variant(
    "groot",
    ".groot",
    "large type",
    blocks="standard",
    plain_language=False,
    stylesheets={"web": ("groot.css",), "print": ("groot-print.css",)},
    contrast_minimum=7.0,
    css_class="pub-groot",
    switch_label="switch_to_groot",
    templates=(),
)

# --- and what a theme adds for them ------------------------------------------------------
THEME_FILES = {
    "theme.toml": 'extends = "default"\n',
    "templates/layouts/text.txt": (
        "{% autoescape false %}{{ display_title }}\n\n{{ text }}\n\n"
        "({{ t('printed_pages', pages=pages) }}){% endautoescape %}\n"
    ),
    "static/css/groot.css": ".pub-groot.pub-article { font-size: 1.5em; }\n",
    "static/css/groot-print.css": ".pub-groot.pub-article p { font-size: 18pt; }\n",
    "i18n/nl.toml": (
        'printed_pages = "gedrukt: {pages} pagina\'s"\nswitch_to_groot = "Grote letters"\n'
    ),
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setitem(FORMATS, TEXT.name, TEXT)
    monkeypatch.setitem(VARIANTS, LARGE.name, LARGE)
    for relative, text in THEME_FILES.items():
        path = tmp_path / "themes" / "uitgebreid" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    yield tmp_path


def build(project: Path, formats: tuple[str, ...], variants: tuple[str, ...]) -> Path:
    options = BuildOptions(
        out_dir=project / "build",
        formats=formats,
        variants=variants,
        theme="uitgebreid",
        project_dir=project,
    )
    result = build_article(EXAMPLE, options)
    assert not result.errors, result.errors
    return project / "build" / SLUG


def test_a_new_format_is_built_after_what_it_needs_and_only_it_is_written(
    project: Path,
) -> None:
    folder = build(project, ("txt",), ("standard",))
    assert sorted(p.name for p in folder.iterdir()) == [f"{SLUG}.txt"]  # the PDF is not written
    text = (folder / f"{SLUG}.txt").read_text(encoding="utf-8")
    assert text.startswith("Onderzoek ‘Jongensprostitutie in beeld’")
    assert "In april 2018 verscheen het onderzoek" in text
    assert "(gedrukt: 2 pagina's)" in text  # the handout's page count, through its product
    assert "<" not in text


def test_the_command_line_offers_the_new_format_and_variant(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "source").mkdir()
    result = CliRunner().invoke(
        app,
        ["build", str(EXAMPLE.parent), "-f", "txt", "--variant", "groot", "--theme", "uitgebreid"],
    )
    assert result.exit_code == 0, result.output
    assert (project / "build" / SLUG / f"{SLUG}.groot.txt").is_file()
    wrong = CliRunner().invoke(app, ["build", "-f", "rtf"])
    assert wrong.exit_code == 2
    message = " ".join(wrong.output.replace("│", " ").split())
    assert "'rtf' is not one of html, embed, embed-shadow, pdf, epub, docx, audio, txt" in message


def test_a_new_variant_has_its_files_styles_links_and_contrast(project: Path) -> None:
    folder = build(project, ("html", "pdf"), ("standard", "groot"))
    page = (folder / f"{SLUG}.groot.html").read_text(encoding="utf-8")
    assert 'class="pub-article pub-groot"' in page
    assert "font-size: 1.5em" in (folder / "assets" / "css" / "page.groot.css").read_text()
    standard = (folder / f"{SLUG}.html").read_text(encoding="utf-8")
    assert f'<a href="{SLUG}.groot.html" class="pub-variant-link">Grote letters</a>' in standard
    assert f'<a href="{SLUG}.html" class="pub-variant-link">Gewone tekst</a>' in page
    assert (folder / f"{SLUG}.groot.pdf").is_file()
    # Its contrast minimum applies to the theme's colours.
    (project / "themes" / "uitgebreid" / "theme.toml").write_text(
        'extends = "default"\n[colors.light]\nmuted = "#6b6b6b"\n', encoding="utf-8"
    )
    options = BuildOptions(
        out_dir=project / "other", variants=("groot",), theme="uitgebreid", project_dir=project
    )
    [error] = build_article(EXAMPLE, options).errors
    assert "the groot variant needs at least 7.0:1" in error.message
