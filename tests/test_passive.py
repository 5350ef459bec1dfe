"""Passive voice in Dutch and English: each construction and each trap on real
sentences, and the accuracy on two lists of real sentences with their sources
(tests/data/passive/): the list the rules were written against, and a held-out list."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.readability.passive import is_passive, is_passive_en, is_passive_nl

DATA = Path(__file__).parent / "data" / "passive"
LISTS = ["nl.txt", "nl-heldout.txt", "en.txt", "en-heldout.txt"]


def load(name: str) -> list[tuple[bool, str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, sentence, source = line.split("\t")
            rows.append((label == "P", sentence, source))
    return rows


@pytest.mark.parametrize("name", LISTS)
def test_every_sentence_is_labelled_and_has_its_source(name: str) -> None:
    rows = load(name)
    sentences = [sentence for _, sentence, _ in rows]
    assert len(sentences) == len(set(sentences)), "a sentence is listed twice"
    for _passive, sentence, source in rows:
        assert sentence == sentence.strip() and sentence
        assert source.startswith(("http://", "https://")), source
    assert sum(passive for passive, _, _ in rows) >= 20
    assert sum(not passive for passive, _, _ in rows) >= 20


def test_the_held_out_sentences_are_not_in_the_development_lists() -> None:
    for lang in ("nl", "en"):
        development = {sentence for _, sentence, _ in load(f"{lang}.txt")}
        held_out = {sentence for _, sentence, _ in load(f"{lang}-heldout.txt")}
        assert not development & held_out
        pages = {source for _, _, source in load(f"{lang}.txt")}
        assert not pages & {source for _, _, source in load(f"{lang}-heldout.txt")}


# Accuracy as measured (docs/readability.md): development lists nl 175/179, en 106/108;
# held-out lists, before the rules saw them, nl 90/95 and en 82/87. The floors keep
# what was reached; a change to the rules that costs more fails here.
@pytest.mark.parametrize(
    ("name", "lang", "floor"),
    [
        ("nl.txt", "nl", 0.96),
        ("nl-heldout.txt", "nl", 0.95),
        ("en.txt", "en", 0.96),
        ("en-heldout.txt", "en", 0.95),
    ],
)
def test_accuracy_on_real_sentences(name: str, lang: str, floor: float) -> None:
    rows = load(name)
    wrong = [sentence for passive, sentence, _ in rows if is_passive(sentence, lang) != passive]
    assert 1 - len(wrong) / len(rows) >= floor, wrong


@pytest.mark.parametrize(
    "sentence",
    [
        # worden + participle, ge- and without ge-
        "De aanvragen worden binnen vier weken beoordeeld.",
        "Bijna 70 procent van de meldingen wordt gedaan door politie of justitie.",
        # zijn + participle (the perfect of the passive), "er is ..."
        "In 2017 is besloten de frequentie van dit onderzoek te verlagen.",
        "Waarom het aantal meldingen en adviesverzoeken stijgt, is niet onderzocht.",
        "Nadat de vergunning is verleend start de bezwaartermijn van 6 weken.",
        # zullen / moeten / kunnen worden
        "Dit soort ontwikkelingen zullen op verschillende wijzen worden vormgegeven.",
        "De verlenging moet wel binnen de (eerste) termijn van acht weken worden genomen.",
        "Deze termijn kan worden verlengd met zes weken.",
        # separable and irregular participles, impersonal passive
        "Morgen worden de knopen definitief doorgehakt door de crisiscommissie van het kabinet.",
        "Tot slot werd de oproep gedaan om nog geen plannen te maken.",
        "Het afgelopen jaar werd er 3.091 keer aan de bel getrokken bij Veilig Thuis.",
        # participle before the auxiliary
        "Dat de maatregelen verlengd zouden worden, viel te verwachten.",
        "Standaard dient naam, adres, datum, type vergunning vermeld te worden in de aanvraag.",
    ],
)
def test_dutch_passives(sentence: str) -> None:
    assert is_passive_nl(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the perfect of verbs that take "zijn"
        "Zo ver is het gekomen.",
        "Het aandeel slachtoffers van koopfraude is daarentegen gestegen.",
        "Het aantal adviezen nam toe, maar is in de tweede helft van het jaar weer licht gedaald.",
        "Vaak komen er pas meldingen binnen als de situatie al is geëscaleerd.",
        "Bouwen aan de relatie met jongens is erg belangrijk, is gebleken.",
        # worden as a copula
        "Ik wil namelijk drummer worden.",
        "In 2015 werd de Jeugdwet van kracht.",
        "Als uw zoon of dochter 18 wordt, kijken we hoe de ondersteuning door kan blijven lopen.",
        "Dit is mijn ding geworden, maar wie ben ik?",
        # participles as adjectives, hebben, "door" without a passive
        "Van de Maya's is bekend dat ze rond het jaar 500 al rookten.",
        "Soms zijn kosten verschuldigd, zoals leges bij aanvraag van een omgevingsvergunning.",
        "Sommige gemeenten hebben een loket ingericht waar inwoners terechtkunnen.",
        "Daarnaast krijgen kinderen toegang tot jeugdhulp na verwijzing door de huisarts.",
        "Zonder bezwaren is de vergunning na deze bezwaartermijn definitief.",
    ],
)
def test_dutch_non_passives(sentence: str) -> None:
    assert not is_passive_nl(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Unsuccessful applicants will be notified by writing.",
        "An application can only be submitted with a valid passport.",
        "More than 39,000 vouchers have been issued.",
        "Why is the funding being capped each month?",
        "It's carried out by your council's social services department.",
        "It is sometimes also known as a social care assessment or a care assessment.",
        "Make sure to check your spam inbox in case it gets sent there by mistake.",
        "The information marked with an * is required.",
        "Keep medication in the containers they were supplied in.",
    ],
)
def test_english_passives(sentence: str) -> None:
    assert is_passive_en(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was interested in all these things.",
        "So, my grandparents got married in 1935.",
        "How long is the programme going to run for?",
        "Surely some thought would have gone into inflating gas prices.",
        "Therefore patients should be prepared to spend up to three hours at the hospital.",
        "Even if you are fully meeting all their needs, they are still entitled to an assessment.",
        "You will be able to find contact details by searching the directory of carers' services.",
        "The programme is set to run until 2009.",
    ],
)
def test_english_non_passives(sentence: str) -> None:
    assert not is_passive_en(sentence)


def test_languages_without_a_detector_are_refused() -> None:
    assert is_passive("De aanvragen worden beoordeeld.", "nl-BE")
    assert is_passive("The form was sent.", "en_GB")
    with pytest.raises(ValueError, match="no passive detector for de"):
        is_passive("Der Antrag wird geprüft.", "de")
