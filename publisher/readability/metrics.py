"""Readability figures and findings of one variant: what its reader reads
(:mod:`publisher.readability.texts`), split into sentences and words, measured with the
language's published formulas (:mod:`publisher.readability.formulas`), with every
difficult word, jargon word and passive sentence and the lines they are on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from publisher.readability import formulas
from publisher.readability.formulas import Counts, Formula
from publisher.readability.passive import LANGUAGES as PASSIVE_LANGUAGES
from publisher.readability.passive import is_passive
from publisher.readability.texts import Kind, Passage
from publisher.reading.model import Meta
from publisher.text.sentences import split_sentences
from publisher.text.syllables import count_syllables, words

ARABIC_MARKS = re.compile("[\u064b-\u0652]")
"""Arabic short vowels, tanween, shadda and sukun (harakat)."""


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    words: int
    kind: Kind = "text"


@dataclass
class WordFinding:
    """A word the reader may not know, with every line where it stands."""

    word: str
    lines: list[int] = field(default_factory=list)
    alternative: str = ""
    """For jargon: the plain word to use instead."""


@dataclass(frozen=True)
class Score:
    formula: Formula
    value: float


@dataclass
class Figures:
    lang: str
    sentences: list[Sentence]
    """The sentences of the running text (what the formulas measure)."""
    counts: Counts
    difficult: list[WordFinding]
    difficult_count: int
    jargon: list[WordFinding] = field(default_factory=list)
    passive: list[Sentence] = field(default_factory=list)
    labels: list[Sentence] = field(default_factory=list)
    """Title and headings, checked for words and passive voice, not measured."""
    arabic_marks: bool = False

    @property
    def word_count(self) -> int:
        return self.counts.words

    @property
    def syllables(self) -> int:
        return self.counts.syllables

    @property
    def words_per_sentence(self) -> float:
        return self.word_count / len(self.sentences) if self.sentences else 0.0

    @property
    def scores(self) -> list[Score]:
        """The language's published formulas applied, the primary one first; empty when
        the language has none (:attr:`no_formula`) or there is no text."""
        out = []
        for formula in formulas.formulas_for(self.lang):
            try:
                out.append(Score(formula, formulas.score(formula, self.counts)))
            except (formulas.NoTextError, formulas.MissingCountsError):
                continue
        return out

    @property
    def primary(self) -> Score | None:
        scores = self.scores
        return scores[0] if scores else None

    @property
    def no_formula(self) -> str | None:
        """Why no readability figure is given, or None when one is."""
        base = formulas.base_language(self.lang)
        if base == "ar":
            marks = "has vowel marks" if self.arabic_marks else "has no vowel marks"
            return (
                "no readability formula applied: OSMAN (El-Haj & Rayson 2016), the published "
                "formula for Arabic, counts syllable weights from vowel-marked text, which "
                f"publisher cannot count (this text {marks})"
            )
        if not formulas.formulas_for(self.lang):
            unverified = formulas.UNVERIFIED_FORMULAS.get(base, ())
            note = ""
            if unverified:
                names = ", ".join(f.citation.split(" (")[0] for f in unverified)
                note = f" (a formula attributed to {names} could not be verified)"
            return f"no published readability formula for '{base}'{note}"
        if self.counts.words == 0 or not self.sentences:
            return "no text to measure"
        return None

    @property
    def passive_checked(self) -> bool:
        return formulas.base_language(self.lang) in PASSIVE_LANGUAGES

    @property
    def longest(self) -> Sentence | None:
        return max(self.sentences, key=lambda s: s.words, default=None)

    @property
    def difficult_share(self) -> float:
        return 100 * self.difficult_count / self.word_count if self.word_count else 0.0

    def long_sentences(self, limit: int) -> list[Sentence]:
        return [s for s in self.sentences + self.labels if s.words > limit]


@cache
def word_list(name: str, lang: str) -> dict[str, str]:
    """A word list of the package (``hard_words_nl.txt``, ``jargon_en.txt``): word ->
    the alternative after a tab (empty when none); {} for a language without one."""
    path = Path(__file__).with_name(f"{name}_{lang.split('-')[0].lower()}.txt")
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, alternative = line.partition("\t")
            found[word.strip().casefold()] = alternative.strip()
    return found


def explained_words(meta: Meta) -> set[str]:
    """Words the article explains: glossary terms and their forms (and the words of a
    term of several words), abbreviations."""
    explained = {e.key.casefold() for e in meta.glossary}
    explained |= {f.casefold() for e in meta.glossary for f in e.forms}
    explained |= {part for key in explained for part in key.split()}
    explained |= {short.casefold() for short, _ in meta.abbr}
    return explained


def measure(passages: list[Passage], meta: Meta, zipf_limit: float = 3.0) -> Figures:
    lang = meta.lang
    base = meta.base_lang
    explained = explained_words(meta)
    hard = word_list("hard_words", lang)
    jargon_words = word_list("jargon", lang)
    capitals_are_names = base != "de"  # German writes every noun with a capital
    split = [(p, _sentences(p, lang)) for p in passages]
    if capitals_are_names:
        # A word written with a capital in the middle of a sentence is a name everywhere.
        for _passage, found in split:
            for _start, sentence in found:
                explained |= {w.casefold() for w in words(sentence)[1:] if w[0].isupper()}
    sentences: list[Sentence] = []
    labels: list[Sentence] = []
    passive: list[Sentence] = []
    difficult: dict[str, WordFinding] = {}
    jargon: dict[str, WordFinding] = {}
    totals = dict.fromkeys(
        ("words", "syllables", "letters", "poly", "hard", "mono", "long", "difficult"), 0
    )
    check_passive = base in PASSIVE_LANGUAGES
    for passage, found in split:
        for start, sentence in found:
            line = passage.line_at(start)
            sentence_words = words(sentence)
            if not sentence_words:
                continue
            record = Sentence(sentence, line, len(sentence_words), passage.kind)
            (sentences if passage.counted else labels).append(record)
            if check_passive and is_passive(sentence, lang):
                passive.append(record)
            cursor = 0
            for position, word in enumerate(sentence_words):
                cursor = sentence.find(word, cursor)
                word_line = passage.line_at(start + max(cursor, 0))
                folded = word.casefold()
                if folded in jargon_words and folded not in explained:
                    finding = jargon.setdefault(
                        folded, WordFinding(word, alternative=jargon_words[folded])
                    )
                    finding.lines.append(word_line)
                    if passage.counted:
                        totals["difficult"] += 1
                elif _is_difficult(word, position, base, explained, hard, zipf_limit):
                    difficult.setdefault(folded, WordFinding(word)).lines.append(word_line)
                    if passage.counted:
                        totals["difficult"] += 1
            if passage.counted:
                _count(sentence_words, position_names=capitals_are_names, lang=lang, totals=totals)
    counts = Counts(
        words=totals["words"],
        sentences=len(sentences),
        syllables=totals["syllables"],
        letters=totals["letters"],
        polysyllables=totals["poly"],
        hard_words=totals["hard"],
        monosyllables=totals["mono"],
        long_words=totals["long"],
    )
    marks = base == "ar" and any(ARABIC_MARKS.search(p.text) for p in passages)
    return Figures(
        lang,
        sentences,
        counts,
        [_sorted_lines(f) for f in difficult.values()],
        totals["difficult"],
        [_sorted_lines(f) for f in jargon.values()],
        passive,
        labels,
        marks,
    )


def _sorted_lines(finding: WordFinding) -> WordFinding:
    finding.lines = sorted(dict.fromkeys(finding.lines))
    return finding


def _sentences(passage: Passage, lang: str) -> list[tuple[int, str]]:
    """The sentences of a passage with the offset each starts at."""
    found = []
    cursor = 0
    for sentence in split_sentences(passage.text, lang):
        start = passage.text.find(sentence, cursor)
        if start < 0:
            start = cursor
        cursor = start + len(sentence)
        found.append((start, sentence))
    return found


def _count(found: list[str], position_names: bool, lang: str, totals: dict[str, int]) -> None:
    for position, word in enumerate(found):
        syllables = count_syllables(word, lang)
        totals["words"] += 1
        totals["syllables"] += syllables
        totals["letters"] += sum(1 for char in word if char.isalpha())
        totals["poly"] += syllables >= 3
        totals["mono"] += syllables == 1
        totals["long"] += sum(1 for char in word if char.isalpha()) > 6
        name = position_names and position > 0 and word[0].isupper()
        totals["hard"] += syllables >= 4 and not name  # Pisarek: names are not hard


def _is_difficult(
    word: str,
    position: int,
    lang: str,
    explained: set[str],
    hard: dict[str, str],
    zipf_limit: float,
) -> bool:
    folded = word.casefold()
    if folded in explained or len(folded) <= 2:
        return False
    if lang != "de" and word[0].isupper() and position > 0:
        return False  # a proper name in the middle of a sentence
    if folded in hard:
        return True
    frequency = _zipf(folded, lang)
    if word[0].isupper() and frequency == 0:
        return False  # a name at the start of a sentence
    return frequency < zipf_limit


def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang))
    except (LookupError, ValueError, ImportError):
        # A language wordfreq does not know, or whose tokeniser is not installed
        # (Japanese needs MeCab): no word is called rare.
        return 99.0
