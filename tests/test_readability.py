"""Readability: the syllable counter, the sentence splitter, the metrics on known
texts, each lint rule, and `publisher check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from publisher.catalog import VARIANTS
from publisher.cli import app
from publisher.content.select import select
from publisher.readability.check import check_article
from publisher.readability.lint import lint
from publisher.readability.metrics import measure
from publisher.reading.reader import read_article
from publisher.text.sentences import split_sentences
from publisher.text.syllables import count_syllables
from tests.helpers import EXAMPLE

runner = CliRunner()

# Counted by hand, syllable by syllable (o-ver, i-dee, ra-di-o, zorg-co-ör-di-na-tie).
DUTCH_SYLLABLES = {
    "over": 2,
    "open": 2,
    "eten": 2,
    "idee": 2,
    "radio": 3,
    "huis": 1,
    "fiets": 1,
    "school": 1,
    "kinderen": 3,
    "mensenhandel": 4,
    "ervaringsdeskundige": 7,
    "zorgcoördinatie": 6,
    "geïnteresseerden": 6,
    "slachtofferschap": 4,
    "uitstapprogramma": 5,
    "prostitutie": 4,
    "museum": 3,
    "januari": 4,
    "beoordelen": 4,
    "ideeën": 3,
    "knieën": 2,
    "zeeën": 2,
    "politie": 3,
    "gemeente": 3,
    "bijeenkomst": 3,
    "vrijwillig": 3,
    "samenwerken": 4,
    "eigen": 2,
    "nieuw": 1,
    "leeuw": 1,
    "draaien": 2,
    "moeite": 2,
    "taboe": 2,
    "homoseksualiteit": 7,
    "duidelijk": 3,
    "ruïne": 3,
    "coördinator": 5,
    "een": 1,
    "de": 1,
    "het": 1,
    "Arnhem": 2,
    "cliënten": 3,
    "patiënt": 3,
    "auto": 2,
    "bioscoop": 3,
    "theater": 3,
    "leefgebieden": 4,
    "maatwerk": 2,
    "relatie": 3,
    "organisatie": 5,
    "kwam": 1,
    "Eindhoven": 3,
    "uitdaging": 3,
    "geweest": 2,
    "ervaring": 3,
    "eenzaam": 2,
    "vrouwen": 2,
    "meeuwen": 2,
    "hulpverlening": 4,
    "overeenstemming": 5,
}


@pytest.mark.parametrize(("word", "expected"), sorted(DUTCH_SYLLABLES.items()))
def test_dutch_syllables(word: str, expected: int) -> None:
    assert count_syllables(word, "nl") == expected


def test_the_list_is_long_enough() -> None:
    assert len(DUTCH_SYLLABLES) >= 40


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1),
        ("reading", 2),
        ("table", 2),
        ("make", 1),
        ("helped", 1),
        ("language", 3),
        ("assessment", 3),
    ],
)
def test_english_syllables(word: str, expected: int) -> None:
    assert count_syllables(word, "en-GB") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dhr. Jansen kwam om 13.00 uur. Hij bleef tot 15.30 uur.",
            ["Dhr. Jansen kwam om 13.00 uur.", "Hij bleef tot 15.30 uur."],
        ),
        (
            "Hij bracht o.a. appels mee, bijv. Elstar. Daarna ging hij weg.",
            ["Hij bracht o.a. appels mee, bijv. Elstar.", "Daarna ging hij weg."],
        ),
        (
            "Mevr. de Vries is er. Zij is blij! Is dat zo? Ja.",
            ["Mevr. de Vries is er.", "Zij is blij!", "Is dat zo?", "Ja."],
        ),
        (
            "J. de Vries werkt bij Lumens. Ze is blij.",
            ["J. de Vries werkt bij Lumens.", "Ze is blij."],
        ),
        ("Zie blz. 4 voor meer. Dat is alles.", ["Zie blz. 4 voor meer.", "Dat is alles."]),
        ("Ik ben er. Jij ook.", ["Ik ben er.", "Jij ook."]),
    ],
)
def test_sentence_splitter_keeps_abbreviations_and_times(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "nl") == expected


def write(tmp_path: Path, body: str, front: str = "") -> Path:
    path = tmp_path / "tekst.md"
    path.write_text(
        f"---\ntitle: T\nlang: nl\ndate: 2024-01-01\n{front}---\n\n{body}", encoding="utf-8"
    )
    return path


def figures(path: Path, variant: str = "standard"):  # type: ignore[no-untyped-def]
    article, _ = read_article(path)
    return measure(
        select(article.tokens, VARIANTS[variant]), article.meta, article.source.body_first_line
    )


def test_metrics_on_a_known_dutch_text(tmp_path: Path) -> None:
    result = figures(write(tmp_path, "De kat zit op de mat. Hij is blij.\n"))
    assert (len(result.sentences), result.word_count, result.syllables) == (2, 9, 9)
    assert result.words_per_sentence == 4.5
    assert result.flesch_douma == pytest.approx(206.84 - 0.93 * 4.5 - 0.77 * 100)
    assert result.leesindex_brouwer == pytest.approx(195 - 2 * 4.5 - 0.67 * 100)
    assert result.longest is not None and result.longest.line == 7


def test_flesch_reading_ease_in_english(tmp_path: Path) -> None:
    path = tmp_path / "en.md"
    path.write_text(
        "---\ntitle: T\nlang: en\ndate: 2024-01-01\n---\n\nThe cat sat on the mat.\n",
        encoding="utf-8",
    )
    result = figures(path)
    assert result.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1)


def test_difficult_words_skip_names_and_explained_words(tmp_path: Path) -> None:
    body = "De ervaringsdeskundige sprak met Jansen over zorgcoördinatie en mensenhandel.\n"
    plain = figures(write(tmp_path, body))
    assert plain.difficult == ["ervaringsdeskundige", "zorgcoördinatie", "mensenhandel"]
    explained = figures(write(tmp_path, body, "glossary:\n  mensenhandel: uitleg\n"))
    assert "mensenhandel" not in explained.difficult
    assert explained.difficult_share == pytest.approx(100 * 2 / 9)


def test_passive_voice_is_flagged_with_its_line(tmp_path: Path) -> None:
    result = figures(
        write(
            tmp_path,
            "Het rapport werd gisteren gepresenteerd.\n\n"
            "Dit is mijn ding geworden.\n\nWij schrijven actief.\n",
        )
    )
    assert [(s.line, s.text) for s in result.passive] == [
        (7, "Het rapport werd gisteren gepresenteerd.")
    ]


@pytest.mark.parametrize(
    ("body", "front", "message"),
    [
        ("Lees [klik hier](https://example.org).\n", "", "vague link text 'klik hier'"),
        ("De WMO en de GGD.\n", "abbr:\n  WMO: Wet\n", "abbreviation 'GGD' has no expansion"),
        (
            "## Kop\n\nTekst zonder makkelijke versie.\n",
            "",
            "section 'Kop' has no '::: plain' block",
        ),
    ],
)
def test_lint_rules(tmp_path: Path, body: str, front: str, message: str) -> None:
    article, _ = read_article(write(tmp_path, body, front))
    messages = [p.message for p in lint(article)]
    assert any(m.startswith(message) for m in messages), messages


def test_check_reports_missing_alt_and_undefined_terms_as_errors(tmp_path: Path) -> None:
    (tmp_path / "foto.png").write_bytes(
        (Path(__file__).parent / "fixtures" / "bad" / "foto.png").read_bytes()
    )
    report = check_article(write(tmp_path, "![](foto.png)\n\nEen [woord]{.term}.\n"))
    messages = [p.message for p in report.errors]
    assert any("has no alt text" in m for m in messages)
    assert any("glossary term 'woord' is not defined" in m for m in messages)


def test_example_plain_variant_meets_b1_and_standard_scores_far_lower() -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE), "--strict", "--format", "json"])
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.output)
    standard, plain = report["variants"]
    assert plain["missed"] == [] and plain["targets"]["min_reading_ease"] == 60
    assert plain["reading_ease"]["value"] >= 60 and plain["words_per_sentence"] <= 12
    assert plain["longest_sentence"]["words"] <= 20 and plain["difficult_share"] <= 4
    assert standard["reading_ease"]["value"] < plain["reading_ease"]["value"] - 15


def test_strict_check_fails_when_the_plain_text_is_not_plain(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Tekst.\n\n::: plain\nNaar aanleiding van het onderzoek hebben "
        "de organisaties gezamenlijk geconstateerd dat de reguliere "
        "hulpverlening onvoldoende aansluit bij de specifieke behoeften "
        "van deze doelgroep in de regio.\n:::\n",
    )
    result = runner.invoke(app, ["check", str(path), "--strict"])
    assert result.exit_code == 1
    assert "MISSED: line 10: sentence of 26 words > 20" in result.output
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0


def test_targets_are_configurable_in_publisher_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "Tekst.\n\n::: plain\nIk ga naar huis en ik eet daar een appel.\n:::\n")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["check", "tekst.md", "--strict"]).exit_code == 0
    (tmp_path / "publisher.toml").write_text(
        "[targets.b1]\nmax_words_per_sentence = 6\n", encoding="utf-8"
    )
    strict = runner.invoke(app, ["check", "tekst.md", "--strict"])
    assert strict.exit_code == 1
    assert "MISSED: average sentence 10.0 words > 6" in strict.output
    (tmp_path / "publisher.toml").write_text("[targets.b1]\nmax_words = 6\n", encoding="utf-8")
    bad = runner.invoke(app, ["check", "tekst.md"])
    assert bad.exit_code == 2
    assert "unknown key 'targets.b1.max_words' (did you mean 'max_sentence_words'?)" in bad.stderr


def test_check_without_articles_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "source").mkdir()
    monkeypatch.chdir(tmp_path)
    empty = runner.invoke(app, ["check"])
    assert empty.exit_code == 1
    assert "source: no articles (*.md or <slug>/index.md) found" in empty.stderr
    missing = runner.invoke(app, ["check", "bestaat-niet.md"])
    assert missing.exit_code == 2 and "bestaat-niet.md: no such file or folder" in missing.stderr


def test_a_skipped_heading_level_is_repaired_with_a_warning(tmp_path: Path) -> None:
    article, report = read_article(write(tmp_path, "## Een\n\n#### Drie\n", ""))
    assert [t.tag for t in article.tokens if t.type == "heading_open"] == ["h2", "h3"]
    assert [(p.line, p.message) for p in report.warnings] == [
        (9, "heading level skipped (h4 after h2): shown one level below the heading before it")
    ]
