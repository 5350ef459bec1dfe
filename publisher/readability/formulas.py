"""Readability formulas per language, with the published coefficients and their sources.

Every formula here is a function of a few text counts (words, sentences, syllables,
letters, ...). The counting itself is the caller's business: :class:`Counts` carries the
numbers, :func:`score` applies a formula to them. A language for which no formula was
published (or none could be verified, see docs/readability.md) gets no formula at all:
:func:`formulas_for` returns an empty tuple and :func:`no_formula_message` says so, so the
tool never prints a number that means nothing (Flesch-Douma on Arabic gave 121, on
Turkish -27).

The counts come from :mod:`publisher.readability.metrics` (syllables per language from
:mod:`publisher.text.syllables`). Sources and the checks made on every coefficient are
in docs/readability.md.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "FORMULAS",
    "UNVERIFIED_FORMULAS",
    "ArabicCounts",
    "Counts",
    "Formula",
    "MissingCountsError",
    "NoTextError",
    "base_language",
    "formula",
    "formulas_for",
    "no_formula_message",
    "score",
]


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class ArabicCounts:
    """The extra counts OSMAN needs (El-Haj & Rayson 2016). They can only be taken from
    vocalised (diacritised) Arabic text: short vowels, tanween and shadda decide the
    syllable weights. This module does not count them (see docs/readability.md, "Arabic").

    long_words: words of more than 5 letters, diacritics not counted (OSMAN's C).
    syllables: short syllables + 2 x (long + stress syllables) (OSMAN's D).
    complex_words: words of more than 5 syllables (OSMAN's G).
    faseeh_words: complex words that contain one of ء ئ ؤ ذ ظ or end in وا / ون (H).
    """

    long_words: int
    syllables: int
    complex_words: int
    faseeh_words: int


@dataclass(frozen=True)
class Counts:
    """Counts of one text.

    words, sentences: as the caller's tokeniser and sentence splitter found them.
    syllables: total syllables of all words.
    letters: letters only (no digits, spaces or punctuation); Gulpease needs them.
    polysyllables: words of 3 or more syllables (Wiener Sachtextformel's MS).
    hard_words: words of 4 or more syllables (Pisarek). Pisarek does not count proper
        names or numbers as hard; leave them out of this count.
    monosyllables: words of exactly 1 syllable (Wiener Sachtextformel's ES).
    long_words: words of more than 6 letters (Wiener Sachtextformel's IW).
    arabic: OSMAN's extra counts, or None when they were not taken.
    """

    words: int
    sentences: int
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0
    hard_words: int = 0
    monosyllables: int = 0
    long_words: int = 0
    arabic: ArabicCounts | None = None

    @property
    def words_per_sentence(self) -> float:
        """ASL: average sentence length in words."""
        return self.words / self.sentences

    @property
    def syllables_per_word(self) -> float:
        """ASW: average word length in syllables."""
        return self.syllables / self.words

    @property
    def syllables_per_100_words(self) -> float:
        return 100 * self.syllables / self.words

    def percent(self, part: int) -> float:
        """``part`` as a percentage of the words."""
        return 100 * part / self.words


class NoTextError(ValueError):
    """The counts have no word or no sentence: no formula is defined for them."""


class MissingCountsError(ValueError):
    """The formula needs a count that was not taken (e.g. OSMAN's Arabic counts)."""


# --------------------------------------------------------------------------- formulas


@dataclass(frozen=True)
class Formula:
    """One published readability formula.

    key: stable identifier ("flesch_douma").
    name: display name.
    language: ISO 639-1 code of the language it was made for.
    citation: author(s), year, title, where published (full list in docs/readability.md).
    higher_is_easier: True for reading-ease scales (Flesch family, Gulpease), False for
        grade-level scales (Wiener Sachtextformel, Pisarek).
    scale: what the number means.
    definition: the formula as text.
    inputs: the Counts fields it needs besides words and sentences.
    note: caveats (corrections, disagreements between sources).
    """

    key: str
    name: str
    language: str
    citation: str
    higher_is_easier: bool
    scale: str
    definition: str
    compute: Callable[[Counts], float] = field(repr=False, compare=False)
    inputs: tuple[str, ...] = ("syllables",)
    note: str = ""


def _flesch_like(base: float, per_sentence: float, per_word: float) -> Callable[[Counts], float]:
    """base - per_sentence x ASL - per_word x ASW (the shape of every Flesch adaptation)."""

    def compute(c: Counts) -> float:
        return base - per_sentence * c.words_per_sentence - per_word * c.syllables_per_word

    return compute


def _douma(c: Counts) -> float:
    return 206.84 - 0.93 * c.words_per_sentence - 0.77 * c.syllables_per_100_words


def _brouwer(c: Counts) -> float:
    return 195 - 2 * c.words_per_sentence - 0.67 * c.syllables_per_100_words


def _fernandez_huerta(c: Counts) -> float:
    # Corrected form (Law 2011): the second term uses words per sentence.
    return 206.84 - 0.60 * c.syllables_per_100_words - 1.02 * c.words_per_sentence


def _szigriszt_pazos(c: Counts) -> float:
    return 206.835 - 62.3 * c.syllables_per_word - c.words_per_sentence


def _franchina_vacca_1986(c: Counts) -> float:
    return 217 - 1.3 * c.words_per_sentence - 0.6 * c.syllables_per_100_words


def _flesch_vacca_1972(c: Counts) -> float:
    return 206 - 0.65 * c.syllables_per_100_words - c.words_per_sentence


def _gulpease(c: Counts) -> float:
    return 89 + (300 * c.sentences - 10 * c.letters) / c.words


def _wiener_sachtextformel(c: Counts) -> float:
    ms = c.percent(c.polysyllables)
    iw = c.percent(c.long_words)
    es = c.percent(c.monosyllables)
    return 0.1935 * ms + 0.1672 * c.words_per_sentence + 0.1297 * iw - 0.0327 * es - 0.875


def _pisarek_nonlinear(c: Counts) -> float:
    return math.hypot(c.words_per_sentence, c.percent(c.hard_words)) / 2


def _pisarek_linear(c: Counts) -> float:
    return c.words_per_sentence / 3 + c.percent(c.hard_words) / 3 + 1


def _osman(c: Counts) -> float:
    a = c.arabic
    if a is None:  # pragma: no cover - score() checks this first
        raise MissingCountsError("OSMAN needs Arabic counts")
    per_word = (a.long_words + a.syllables + a.complex_words + a.faseeh_words) / c.words
    return 200.791 - 1.015 * c.words_per_sentence - 24.181 * per_word


_READING_EASE = "reading ease, about 0 (very hard) to 100 (very easy); can leave that range"

FLESCH = Formula(
    key="flesch_reading_ease",
    name="Flesch Reading Ease",
    language="en",
    citation="Flesch, R. (1948). A new readability yardstick. Journal of Applied "
    "Psychology 32(3), 221-233.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="206.835 - 1.015 x words/sentence - 84.6 x syllables/word",
    compute=_flesch_like(206.835, 1.015, 84.6),
)

FLESCH_DOUMA = Formula(
    key="flesch_douma",
    name="Flesch-Douma",
    language="nl",
    citation="Douma, W. H. (1960). De leesbaarheid van landbouwbladen: een onderzoek naar "
    "en een toepassing van leesbaarheidsformules. Bulletin 17, Afdeling Sociologie en "
    "Sociografie, Landbouwhogeschool Wageningen.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="206.84 - 0.93 x words/sentence - 0.77 x syllables per 100 words",
    compute=_douma,
    note="Some secondary sources write the constant as 206.835 (Flesch's) or 206.8.",
)

BROUWER = Formula(
    key="leesindex_brouwer",
    name="Leesindex Brouwer (Leesindex A)",
    language="nl",
    citation="Brouwer, R. H. M. (1963). Onderzoek naar de leesmoeilijkheid van Nederlands "
    "proza. Paedagogische Studiën 40, 454-464.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="195 - 2 x words/sentence - 0.67 x syllables per 100 words",
    compute=_brouwer,
    note="Wordless uses 2/3 (0.6667) for 0.67; the difference is under 1 point.",
)

AMSTAD = Formula(
    key="amstad",
    name="Flesch-Amstad",
    language="de",
    citation="Amstad, T. (1978). Wie verständlich sind unsere Zeitungen? Dissertation, "
    "Universität Zürich.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="180 - words/sentence - 58.5 x syllables/word",
    compute=_flesch_like(180, 1.0, 58.5),
)

WIENER_SACHTEXTFORMEL = Formula(
    key="wiener_sachtextformel_1",
    name="Wiener Sachtextformel (1. nWS)",
    language="de",
    citation="Bamberger, R. & Vanecek, E. (1984). Lesen - Verstehen - Lernen - Schreiben: "
    "Die Schwierigkeitsstufen von Texten in deutscher Sprache. Wien: Jugend und Volk.",
    higher_is_easier=False,
    scale="school grade, about 4 (very easy) to 15 (very hard)",
    definition="0.1935 x MS + 0.1672 x SL + 0.1297 x IW - 0.0327 x ES - 0.875 "
    "(MS % words >= 3 syllables, SL words/sentence, IW % words > 6 letters, "
    "ES % words of 1 syllable)",
    compute=_wiener_sachtextformel,
    inputs=("polysyllables", "long_words", "monosyllables"),
)

KANDEL_MOLES = Formula(
    key="kandel_moles",
    name="Kandel & Moles",
    language="fr",
    citation="Kandel, L. & Moles, A. (1958). Application de l'indice de Flesch à la langue "
    "française. Cahiers Études de Radio-Télévision 19, 253-274.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="207 - 1.015 x words/sentence - 73.6 x syllables/word",
    compute=_flesch_like(207, 1.015, 73.6),
    note="Wordless cites the venue as 'The Journal of Educational Research 21, 283-287'; "
    "the coefficients agree in every source.",
)

FERNANDEZ_HUERTA = Formula(
    key="fernandez_huerta",
    name="Fernández Huerta (lecturabilidad)",
    language="es",
    citation="Fernández Huerta, J. (1959). Medidas sencillas de lecturabilidad. Consigna "
    "214, 29-32. Correction: Law, G. (2011). Error in the Fernández Huerta readability "
    "formula. LINGUIST List 22.2332.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="206.84 - 0.60 x syllables per 100 words - 1.02 x words/sentence",
    compute=_fernandez_huerta,
    note="Usually printed with F = sentences per 100 words, which makes shorter "
    "sentences score harder; Law (2011) showed the term must be words per sentence, as in "
    "Flesch. This is the corrected form.",
)

SZIGRISZT_PAZOS = Formula(
    key="szigriszt_pazos",
    name="Szigriszt-Pazos (perspicuidad)",
    language="es",
    citation="Szigriszt Pazos, F. (1993). Sistemas predictivos de legibilidad del mensaje "
    "escrito: fórmula de perspicuidad. Tesis doctoral, Universidad Complutense de Madrid.",
    higher_is_easier=True,
    scale="perspicuity, 0 (very hard) to 100 (very easy); INFLESZ reads the same number "
    "on another scale (Barrio Cantalejo 2007)",
    definition="206.835 - 62.3 x syllables/word - words/sentence",
    compute=_szigriszt_pazos,
)

GULPEASE = Formula(
    key="gulpease",
    name="Indice Gulpease",
    language="it",
    citation="Lucisano, P. & Piemontese, M. E. (1988). GULPEASE: una formula per la "
    "predizione della difficoltà dei testi in lingua italiana. Scuola e città 39(3), "
    "110-124.",
    higher_is_easier=True,
    scale="0 (very hard) to 100 (very easy); made for Italian from the start",
    definition="89 + (300 x sentences - 10 x letters) / words",
    compute=_gulpease,
    inputs=("letters",),
)

FRANCHINA_VACCA = Formula(
    key="franchina_vacca",
    name="Flesch-Vacca (Franchina & Vacca 1986)",
    language="it",
    citation="Franchina, V. & Vacca, R. (1986). Adaptation of Flesch readability index on "
    "a bilingual text written by the same author both in Italian and English languages. "
    "Linguaggi 3, 47-49.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="217 - 1.3 x words/sentence - 0.6 x syllables per 100 words",
    compute=_franchina_vacca_1986,
    note="The GULP group found the 1972 Flesch-Vacca formula more reliable than this "
    "1986 revision (it.wikipedia, Formula di Flesch).",
)

FLESCH_VACCA_1972 = Formula(
    key="flesch_vacca_1972",
    name="Flesch-Vacca (1972)",
    language="it",
    citation="Vacca, R. & Franchina, V. (1972), as given in it.wikipedia 'Formula di "
    "Flesch' and Italian style guides (original not seen).",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="206 - 0.65 x syllables per 100 words - words/sentence",
    compute=_flesch_vacca_1972,
    note="One blog gives 0.6 instead of 0.65; three sources give 0.65.",
)

ATESMAN = Formula(
    key="atesman",
    name="Ateşman okunabilirlik formülü",
    language="tr",
    citation="Ateşman, E. (1997). Türkçede okunabilirliğin ölçülmesi. Dil Dergisi 58, "
    "71-74 (Ankara Üniversitesi TÖMER).",
    higher_is_easier=True,
    scale="0 (very hard) to 100 (very easy): 90-100 grade 4, 50-59 grades 11-12",
    definition="198.825 - 40.175 x syllables/word - 2.610 x words/sentence",
    compute=_flesch_like(198.825, 2.610, 40.175),
)

PISAREK_NONLINEAR = Formula(
    key="pisarek",
    name="Pisarek (non-linear)",
    language="pl",
    citation="Pisarek, W. Jak mierzyć zrozumiałość tekstu? Zeszyty Prasoznawcze 4(42), "
    "35-48 (1969); non-linear form as implemented by Jasnopis (SWPS) and Wordless.",
    higher_is_easier=False,
    scale="years of schooling needed (about 1 to 20+)",
    definition="sqrt(ASL^2 + H^2) / 2 (ASL words/sentence, H % words of >= 4 syllables, "
    "proper names and numbers not counted as hard)",
    compute=_pisarek_nonlinear,
    inputs=("hard_words",),
    note="The square-root form is the 'new' formula; its first printing could not be "
    "seen (commonly attributed to Pisarek's later work; Wordless cites 1969).",
)

PISAREK_LINEAR = Formula(
    key="pisarek_linear",
    name="Pisarek (linear, 1969)",
    language="pl",
    citation="Pisarek, W. (1969). Jak mierzyć zrozumiałość tekstu? Zeszyty Prasoznawcze "
    "4(42), 35-48.",
    higher_is_easier=False,
    scale="years of schooling needed",
    definition="ASL/3 + H/3 + 1",
    compute=_pisarek_linear,
    inputs=("hard_words",),
)

FLESCH_MARTINS = Formula(
    key="flesch_martins",
    name="Flesch (Martins et al., Portuguese)",
    language="pt",
    citation="Martins, T. B. F., Ghiraldelo, C. M., Nunes, M. G. V. & Oliveira Jr., O. N. "
    "(1996). Readability formulas applied to textbooks in Brazilian Portuguese. Notas do "
    "ICMC-USP, Série Computação 28.",
    higher_is_easier=True,
    scale="reading ease: 75-100 very easy, 50-75 easy, 25-50 hard, 0-25 very hard",
    definition="248.835 - 1.015 x words/sentence - 84.6 x syllables/word",
    compute=_flesch_like(248.835, 1.015, 84.6),
    note="Made for Brazilian Portuguese textbooks.",
)

OBORNEVA = Formula(
    key="flesch_oborneva",
    name="Flesch (Oborneva, Russian)",
    language="ru",
    citation="Oborneva, I. V. (2006). Avtomatizirovannaya otsenka slozhnosti uchebnykh "
    "tekstov na osnove statisticheskikh parametrov. Kandidat dissertation (autoreferat), "
    "Institute for Strategy of Education Development, Russian Academy of Education, p. 13.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="206.835 - 1.3 x words/sentence - 60.1 x syllables/word",
    compute=_flesch_like(206.835, 1.3, 60.1),
)

OSMAN = Formula(
    key="osman",
    name="OSMAN",
    language="ar",
    citation="El-Haj, M. & Rayson, P. (2016). OSMAN - A novel Arabic readability metric. "
    "Proceedings of LREC 2016, Portorož, 250-255.",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="200.791 - 1.015 x words/sentence - 24.181 x (C + D + G + H) / words "
    "(C long words, D weighted syllables, G complex words, H faseeh words)",
    compute=_osman,
    inputs=("arabic",),
    note="Needs vocalised text (or a diacritiser such as Mishkal, which the authors used). "
    "The two public re-implementations disagree on 'complex word' (> 4 or > 5 syllables).",
)

FORMULAS: dict[str, tuple[Formula, ...]] = {
    "ar": (OSMAN,),
    "de": (AMSTAD, WIENER_SACHTEXTFORMEL),
    "en": (FLESCH,),
    "es": (FERNANDEZ_HUERTA, SZIGRISZT_PAZOS),
    "fr": (KANDEL_MOLES,),
    "it": (GULPEASE, FRANCHINA_VACCA, FLESCH_VACCA_1972),
    "nl": (FLESCH_DOUMA, BROUWER),
    "pl": (PISAREK_NONLINEAR, PISAREK_LINEAR),
    "pt": (FLESCH_MARTINS,),
    "ru": (OBORNEVA,),
    "tr": (ATESMAN,),
}
"""Per language, the primary formula first. A language not listed has none."""

PARTIKO = Formula(
    key="flesch_partiko",
    name="Flesch (Partiko, Ukrainian) - UNVERIFIED",
    language="uk",
    citation="Partiko, Z. V. (2001). Zagal'ne redaguvannja: normativni osnovi. L'viv: "
    "Afisha (as cited by Grzybek 2010 and by Wordless; not seen).",
    higher_is_easier=True,
    scale=_READING_EASE,
    definition="206.84 - 5.93 x words/sentence - 28.3 x syllables/word",
    compute=_flesch_like(206.84, 5.93, 28.3),
    note="Only one secondary chain reports these coefficients; no second independent "
    "source was found, so the tool does not use it.",
)

UNVERIFIED_FORMULAS: dict[str, tuple[Formula, ...]] = {"uk": (PARTIKO,)}
"""Reported in the literature but not verified against two sources: kept for reference,
never returned by :func:`formulas_for`."""


def base_language(lang: str) -> str:
    """'nl-NL', 'pt_BR', 'EN' -> 'nl', 'pt', 'en'."""
    return re.split(r"[-_]", lang.strip(), maxsplit=1)[0].casefold()


def formulas_for(lang: str) -> tuple[Formula, ...]:
    """The published formulas for a language, primary first; () when there is none."""
    return FORMULAS.get(base_language(lang), ())


def formula(key: str) -> Formula:
    """A formula by its key (verified ones only)."""
    for formulas in FORMULAS.values():
        for candidate in formulas:
            if candidate.key == key:
                return candidate
    raise KeyError(key)


def no_formula_message(lang: str) -> str | None:
    """What the tool says instead of a score, or None when the language has a formula."""
    base = base_language(lang)
    if base in FORMULAS:
        return None
    return f"no published formula for {base}"


def score(formula: Formula, counts: Counts) -> float:
    """Apply a formula to counts.

    Raises NoTextError when there is no word or no sentence, MissingCountsError when the
    formula needs counts that were not taken (OSMAN without Arabic counts).
    """
    if counts.words <= 0 or counts.sentences <= 0:
        raise NoTextError(f"{formula.name} needs at least one word and one sentence")
    if "arabic" in formula.inputs and counts.arabic is None:
        raise MissingCountsError(f"{formula.name} needs syllable counts of vocalised Arabic text")
    return formula.compute(counts)
