"""Plain wording of headings, images and table captions: the plain variant shows it,
the standard variant never does, and ids, numbering and links stay the same."""

from __future__ import annotations

from pathlib import Path

from publisher.reading.reader import read_article
from tests.helpers import FRONT, job_for, render_html, write_article

PNG = Path(__file__).parent / "fixtures" / "bad" / "foto.png"

IMAGE = (
    '![Staafdiagram met toehoorders](foto.png "Presentatie op de kennisbijeenkomst")'
    '{plain-alt="Vier balken op een scherm" plain-caption="Anne vertelt over haar werk"}'
)
BODY = f"""\
Inleiding.

## Zorgcoördinatie Slachtoffers Mensenhandel {{#zorg plain="Hulp voor slachtoffers"}}

De zorgcoördinator onderhoudt het netwerk.

::: plain
Anne helpt slachtoffers.
:::

{IMAGE}

## Cijfers {{plain="Hoeveel mensen?"}}

{{caption="Aantal deelnemers per organisatie" plain-caption="Wie was er?"}}
| organisatie | aantal |
| --- | --- |
| politie | 12 |

## Achtergrond

![Een tekening](foto.png "Alleen in de standaardtekst")

::: plain
Korte uitleg.
:::
"""


def article(tmp_path: Path) -> Path:
    (tmp_path / "foto.png").write_bytes(PNG.read_bytes())
    return write_article(tmp_path, BODY)


def test_headings_take_their_plain_wording_in_the_plain_variant_only(tmp_path: Path) -> None:
    path = article(tmp_path)
    standard, plain = render_html(path, "standard"), render_html(path, "plain")
    assert '<h2 id="zorg">Zorgcoördinatie Slachtoffers Mensenhandel</h2>' in standard.body
    assert '<h2 id="zorg">Hulp voor slachtoffers</h2>' in plain.body
    assert [h.text for h in plain.headings] == [
        "Hulp voor slachtoffers",
        "Hoeveel mensen?",
        "Achtergrond",
    ]
    assert [h.id for h in plain.headings] == [h.id for h in standard.headings]
    assert "Hulp voor slachtoffers" not in standard.body


def test_an_image_with_a_plain_wording_is_shown_in_both_variants(tmp_path: Path) -> None:
    path = article(tmp_path)
    standard, plain = render_html(path, "standard").body, render_html(path, "plain").body
    assert 'alt="Staafdiagram met toehoorders"' in standard
    assert "<figcaption>Presentatie op de kennisbijeenkomst</figcaption>" in standard
    assert "Vier balken" not in standard and "Anne vertelt" not in standard
    # The section is replaced by its plain block, but the image stays, in plain words.
    assert 'alt="Vier balken op een scherm"' in plain
    assert "<figcaption>Anne vertelt over haar werk</figcaption>" in plain
    assert "Staafdiagram" not in plain and "kennisbijeenkomst" not in plain
    assert plain.index("Anne helpt slachtoffers.") < plain.index("Vier balken")
    # An image without a plain wording belongs to the standard text of its section.
    assert "Alleen in de standaardtekst" in standard
    assert "Alleen in de standaardtekst" not in plain


def test_table_captions_take_their_plain_wording(tmp_path: Path) -> None:
    path = article(tmp_path)
    standard, plain = render_html(path, "standard").body, render_html(path, "plain").body
    assert ">Aantal deelnemers per organisatie</caption>" in standard
    assert ">Wie was er?</caption>" in plain and "Aantal deelnemers" not in plain


def test_the_handout_and_the_epub_use_the_plain_wording_too(tmp_path: Path) -> None:
    from publisher.formats.context import render_content

    job = job_for(article(tmp_path), "plain")
    for target in ("print", "xhtml"):
        body = render_content(job, target, lambda image: image.name, "pdf").body
        assert "Hulp voor slachtoffers</h2>" in body and 'alt="Vier balken op een scherm"' in body


def test_plain_image_attributes_elsewhere_are_a_warning(tmp_path: Path) -> None:
    path = write_article(tmp_path, 'Een [woord]{plain-alt="x"} hier.\n', FRONT)
    _article, report = read_article(path)
    assert [(p.line, p.message) for p in report.warnings] == [
        (12, "'plain-alt' belongs on an image; it is ignored here")
    ]


def test_a_quoted_plain_heading_may_hold_any_character(tmp_path: Path) -> None:
    path = write_article(tmp_path, '## Kop {plain="Wat is .net? #1 voor jou"}\n\nTekst.\n')
    plain = render_html(path, "plain")
    assert plain.headings[0].text == "Wat is .net? #1 voor jou"
    assert plain.headings[0].id == "kop"
