"""Which text each variant shows (source format: ::: plain / ::: standard)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import render_html, write_article

BODY = """Opening.

::: plain
Makkelijke opening.
:::

## Met makkelijke tekst

Moeilijke tekst.

::: plain
Makkelijke tekst.
:::

### Onderdeel zonder makkelijke tekst

Nog meer moeilijke tekst.

## Zonder makkelijke tekst

Blijft in beide.

::: standard
Alleen gewoon.
:::
"""


def texts(tmp_path: Path, variant: str) -> str:
    return render_html(write_article(tmp_path, BODY), variant).body


def test_standard_leaves_plain_blocks_out(tmp_path: Path) -> None:
    body = texts(tmp_path, "standard")
    assert "Opening." in body and "Moeilijke tekst." in body and "Alleen gewoon." in body
    assert "Makkelijke" not in body
    assert "Onderdeel zonder makkelijke tekst" in body


def test_plain_replaces_a_section_that_has_plain_blocks(tmp_path: Path) -> None:
    body = texts(tmp_path, "plain")
    assert "Makkelijke opening." in body and "Opening." not in body.replace(
        "Makkelijke opening", ""
    )
    assert "Met makkelijke tekst</h2>" in body and "Makkelijke tekst." in body
    assert "Moeilijke tekst." not in body
    # a subsection without plain blocks is other content of its parent section
    assert "Onderdeel zonder makkelijke tekst" not in body


def test_plain_keeps_sections_without_plain_blocks_but_not_standard_blocks(tmp_path: Path) -> None:
    body = texts(tmp_path, "plain")
    assert "Blijft in beide." in body
    assert "Alleen gewoon." not in body


def test_plain_variant_drops_soft_hyphens(tmp_path: Path) -> None:
    word = "ge\u00adzond\u00adheids\u00adcentrum"
    body = f"Een {word}.\n\n::: plain\nEen {word}.\n:::\n"
    path = write_article(tmp_path, body)
    assert "\u00ad" in render_html(path, "standard").body
    assert "Een gezondheidscentrum." in render_html(path, "plain").body


def test_easy_level_puts_every_sentence_on_its_own_line(tmp_path: Path) -> None:
    front = "---\ntitle: T\nlang: nl\ndate: 2024-01-01\nplain:\n  level: easy\n---\n"
    body = "Lang verhaal. Nog meer.\n\n::: plain\nIk ga. Jij blijft. Dhr. Jansen komt ook.\n:::\n"
    path = write_article(tmp_path, body, front=front)
    assert (
        "<p>Ik ga.<br />Jij blijft.<br />Dhr. Jansen komt ook.</p>"
        in render_html(path, "plain").body
    )
    assert "<p>Lang verhaal. Nog meer.</p>" in render_html(path, "standard").body


def test_standard_and_plain_point_to_each_other_in_every_format(
    example_build: Path, tmp_path: Path
) -> None:
    """On the site the pages link to each other by file name; everywhere else (embed,
    e-book, handout) only by address, so without one they name no file at all."""
    import subprocess
    import zipfile

    from publisher.build.article import build_article
    from publisher.build.options import BuildOptions, Settings
    from tests.helpers import EXAMPLE, ROOT

    slug = "jongensprostitutie-in-beeld"
    base = "https://publicaties.example.org/artikelen"
    result = build_article(
        EXAMPLE, BuildOptions(out_dir=tmp_path, project_dir=ROOT, settings=Settings(base_url=base))
    )
    assert not result.errors
    addressed = tmp_path / slug

    def pdf_text(pdf: Path) -> str:
        run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        return "".join(run.stdout.split())  # printed addresses break after a slash

    for variant, other, label in (
        ("", ".plain", "Makkelijk lezen"),
        (".plain", "", "Gewone tekst"),
    ):
        address = f"{base}/{slug}/{slug}{other}.html"
        for folder in (example_build, addressed):
            page = (folder / f"{slug}{variant}.html").read_text(encoding="utf-8")
            assert f'href="{slug}{other}.html" class="pub-variant-link">{label}</a>' in page
        embed = (addressed / f"{slug}{variant}.embed.html").read_text(encoding="utf-8")
        assert f'href="{address}">{label}</a>' in embed
        with zipfile.ZipFile(addressed / f"{slug}{variant}.epub") as epub:
            assert f'href="{address}"' in epub.read("EPUB/content.xhtml").decode("utf-8")
        assert address in pdf_text(addressed / f"{slug}{variant}.pdf")

        unaddressed = (example_build / f"{slug}{variant}.embed.html").read_text(encoding="utf-8")
        assert label not in unaddressed and f"{slug}{other}." not in unaddressed
        with zipfile.ZipFile(example_build / f"{slug}{variant}.epub") as epub:
            assert f"{slug}{other}." not in epub.read("EPUB/content.xhtml").decode("utf-8")
        assert f"{slug}{other}." not in pdf_text(example_build / f"{slug}{variant}.pdf")


NESTED = """## Kop

Gewone tekst.

- Punt een.

  ::: plain
  Makkelijk punt.
  :::

- Punt twee.

> Citaat.
>
> ::: plain
> Makkelijk citaat.
> :::

- ::: standard
  Alleen in de gewone versie.
  :::
"""


def test_plain_block_in_a_list_item_replaces_that_item_only(tmp_path: Path) -> None:
    """A variant block belongs to the item or quote it stands in (issue: it used to be
    shown in the standard variant, with no warning)."""
    path = write_article(tmp_path, NESTED)
    standard = render_html(path, "standard").body
    plain = render_html(path, "plain").body
    assert "Makkelijk" not in standard
    assert "Punt een." in standard and "Citaat." in standard
    assert "Alleen in de gewone versie." in standard
    assert "Makkelijk punt." in plain and "Punt een." not in plain
    assert "Makkelijk citaat." in plain and "Citaat." not in plain
    # The rest of the section is untouched: it has no plain block of its own.
    assert "Gewone tekst." in plain and "Punt twee." in plain
    # An item left empty in a variant is left out, not shown as an empty bullet.
    assert "Alleen in de gewone versie." not in plain and "<li></li>" not in plain
    assert plain.count("<li>") == 2


def test_variant_block_in_a_quote_is_closed_without_a_warning(tmp_path: Path) -> None:
    from publisher.reading.reader import read_article

    _article, report = read_article(write_article(tmp_path, NESTED))
    assert report.warnings == []
