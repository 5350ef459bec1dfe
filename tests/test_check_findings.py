"""`publisher check` reads what the reader of each variant reads (title, summary,
headings, body, captions, alt texts, table cells, word-list definitions) and gives
every finding its line; each finding type on real Dutch and English sentences (from
the pages listed in tests/data/passive/), and the formula per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from publisher.cli import app
from publisher.readability.check import as_text, check_article

runner = CliRunner()
PNG = Path(__file__).parent / "fixtures" / "bad" / "foto.png"

# ruff: noqa: E501 (the Markdown has long lines on purpose)
DUTCH = """\
---
title: Het besluit wordt gepubliceerd op de pagina Mededelingen
lang: nl
date: 2024-01-01
summary: De wijkteams worden ook betaald door de gemeente.
plain:
  title: Wie betaalt de wijkteams?
  summary:
    - Dan wordt de vergunning van rechtswege verkregen.
    - De gemeente betaalt de wijkteams.
glossary:
  wijkteam:
    definition: >-
      Een team in de buurt. Deze termijn kan worden verlengd met zes weken.
    forms: [wijkteams]
abbr:
  CJG: Centrum voor Jeugd en Gezin
---

## Hoe wordt hulp en ondersteuning aan gezinnen georganiseerd?

Gemeenten mogen zelf kiezen hoe ze hun hulp en ondersteuningsaanbod organiseren.
Het [wijkteam]{.term} en het CJG helpen. Het wijkteam geeft een beschikking af.

![De wijkteams worden ook betaald door de gemeente.](foto.png "Dit wordt bepaald in verschillende wetten.")

{caption="Waarom het aantal meldingen stijgt, is niet onderzocht."}
| jaar | melding |
| --- | --- |
| 2021 | Bijna 70 procent van de meldingen wordt gedaan door politie of justitie. |

De leges komen middels de post. Leges zijn kosten voor een besluit.
U betaalt de leges na de aanvraag.

::: plain
Het [wijkteam]{.term} helpt. De gemeente betaalt.
:::
"""


def write(tmp_path: Path, text: str, name: str = "artikel.md") -> Path:
    (tmp_path / "foto.png").write_bytes(PNG.read_bytes())
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def variants(path: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {v["variant"]: v for v in json.loads(result.output)[0]["variants"]}


def test_passive_voice_is_found_wherever_the_reader_meets_it(tmp_path: Path) -> None:
    found = variants(write(tmp_path, DUTCH))
    standard = {(p["line"], p["kind"]) for p in found["standard"]["passive"]}
    assert standard == {
        (2, "title"),
        (5, "summary"),
        (20, "heading"),
        (25, "alt"),
        (25, "caption"),
        (27, "caption"),
        (30, "text"),  # a table cell
        (14, "definition"),  # the word list shows 'wijkteam' in this variant
    }
    plain = {(p["line"], p["kind"], p["text"]) for p in found["plain"]["passive"]}
    assert (9, "summary", "Dan wordt de vergunning van rechtswege verkregen.") in plain
    assert not any(kind == "title" for _, kind, _ in plain)  # the plain title is active


def test_difficult_words_name_every_line_and_suggest_the_glossary(tmp_path: Path) -> None:
    found = variants(write(tmp_path, DUTCH))["standard"]
    difficult = {d["word"]: d["lines"] for d in found["difficult_words"]}
    assert difficult["leges"] == [32, 33]
    assert "wijkteam" not in difficult and "wijkteams" not in difficult  # in the glossary
    assert "CJG" not in difficult  # explained under abbr
    assert found["jargon"] == [{"word": "middels", "lines": [32], "alternative": "met"}]
    report = check_article(write(tmp_path, DUTCH))
    text = "\n".join(as_text(report))
    assert "difficult words explained nowhere; add each to the glossary" in text
    assert "      leges (lines 32, 33)" in text
    assert "jargon (line 32): 'middels', write 'met'" in text


def test_the_plain_variant_is_measured_on_its_own_title_summary_and_text(
    tmp_path: Path,
) -> None:
    found = variants(write(tmp_path, DUTCH))["plain"]
    # The section is replaced by its plain block, so the image, the table and the
    # standard text are not read: the summary (2), the plain text (2) and the word
    # list's definition (2); headings and the title are labels, not running text.
    assert found["sentences"] == 6
    assert found["difficult_words"] == [{"word": "rechtswege", "lines": [9]}]


ENGLISH = """\
---
title: Care needs assessments
lang: en-GB
date: 2024-01-01
---

It's carried out by your council's social services department. You can get an
assessment regardless of your income or any savings you have.

The local council should consider what support the individual needs right now. Your
medicines have been prescribed for your use only. We will facilitate the assessment.

::: plain
The council looks at what help you need.
:::
"""


def test_english_passives_jargon_and_flesch(tmp_path: Path) -> None:
    found = variants(write(tmp_path, ENGLISH))["standard"]
    assert [(p["line"], p["text"][:20]) for p in found["passive"]] == [
        (7, "It's carried out by "),
        (10, "Your medicines have "),
    ]
    assert found["reading_ease"]["name"] == "Flesch Reading Ease"
    assert found["jargon"] == [
        {"word": "facilitate", "lines": [11], "alternative": "help, make possible"}
    ]


@pytest.mark.parametrize(
    ("lang", "text", "formula"),
    [
        ("de", "Die Gemeinde hilft Familien. Das Team kommt zu Ihnen nach Hause.", "amstad"),
        ("fr", "La commune aide les familles. Une équipe vient chez vous.", "kandel_moles"),
        (
            "es",
            "El ayuntamiento ayuda a las familias. Un equipo viene a su casa.",
            "fernandez_huerta",
        ),
        ("tr", "Belediye ailelere yardım eder. Bir ekip evinize gelir.", "atesman"),
        ("pl", "Gmina pomaga rodzinom. Zespół przychodzi do domu.", "pisarek"),
    ],
)
def test_each_language_gets_its_own_formula(
    tmp_path: Path, lang: str, text: str, formula: str
) -> None:
    path = write(tmp_path, f"---\ntitle: T\nlang: {lang}\ndate: 2024-01-01\n---\n\n{text}\n")
    found = variants(path)["standard"]
    assert found["formulas"][0]["key"] == formula and found["no_formula"] is None
    assert found["passive_checked"] is False


@pytest.mark.parametrize(
    ("lang", "text", "message"),
    [
        (
            "uk",
            "Громада допомагає родинам. Команда приходить додому.",
            "no published readability formula for 'uk' (a formula attributed to "
            "Partiko, Z. V. could not be verified)",
        ),
        (
            "ar",
            "تساعد البلدية العائلات. يأتي الفريق إلى منزلك.",
            "no readability formula applied: OSMAN (El-Haj & Rayson 2016), the published "
            "formula for Arabic, counts syllable weights from vowel-marked text, which "
            "publisher cannot count (this text has no vowel marks)",
        ),
        ("ja", "家族を助けます。チームが来ます。", "no published readability formula for 'ja'"),
    ],
)
def test_a_language_without_a_formula_says_so_instead_of_a_number(
    tmp_path: Path, lang: str, text: str, message: str
) -> None:
    path = write(
        tmp_path,
        f"---\ntitle: T\nlang: {lang}\ndate: 2024-01-01\n---\n\n{text}\n\n::: plain\n{text}\n:::\n",
    )
    found = variants(path)
    for entry in found.values():
        assert entry["reading_ease"] is None and entry["formulas"] == []
        assert entry["no_formula"] == message
    assert found["plain"]["not_checked"] == [f"reading ease >= 60: {message}"]
    strict = runner.invoke(app, ["check", str(path), "--strict"])
    assert strict.exit_code == 0, strict.output
    assert f"    {message}\n" in strict.output
    assert "all targets met that could be checked" in strict.output
