"""Syllable counting per language.

Dutch and English: pyphen's hyphenation patterns split a word where a syllable
boundary is certain; each piece then counts its vowel units, which catches the
one-letter syllables the patterns never split off (o-ver, o-pen, i-dee, e-ten).
de, fr, es, it, pt, pl, ru, tr, uk: vowel letters, by each language's rules
(:mod:`publisher.text.vowels`). Other languages: :func:`count_syllables` still gives a
vowel-unit estimate, but no readability formula uses it (:func:`has_counter` is False)."""

from __future__ import annotations

import re
from functools import cache

import pyphen

from publisher.text.vowels import LANGUAGES as VOWEL_LANGUAGES
from publisher.text.vowels import vowel_syllables

VOWELS = "aeiouyáàâäéèêëíìîïóòôöúùûüý"
# Letter groups that are one vowel sound in Dutch (longest first).
DUTCH_UNITS = (
    "aai",
    "ooi",
    "oei",
    "eeu",
    "ieu",
    "uee",
    "aa",
    "ee",
    "oo",
    "uu",
    "ie",
    "oe",
    "eu",
    "ui",
    "ij",
    "ei",
    "au",
    "ou",
    "ay",
    "ey",
    "oy",
)
ENGLISH_UNITS = (
    "eau",
    "ai",
    "ay",
    "ea",
    "ee",
    "ei",
    "ey",
    "ie",
    "oa",
    "oe",
    "oi",
    "oo",
    "ou",
    "oy",
    "ue",
    "ui",
)
DIAERESIS = "äëïöü"
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


@cache
def _hyphenator(lang: str) -> pyphen.Pyphen | None:
    base = lang.split("-")[0].lower()
    for candidate in (lang.replace("-", "_"), f"{base}_{base.upper()}", base):
        if candidate in pyphen.LANGUAGES:
            return pyphen.Pyphen(lang=candidate, left=1, right=1)
    return None


def _vowel_units(piece: str, units: tuple[str, ...]) -> int:
    """How many vowel sounds a piece of a word has."""
    count = 0
    index = 0
    text = piece.lower()
    while index < len(text):
        char = text[index]
        if char not in VOWELS:
            index += 1
            continue
        if char in DIAERESIS and index > 0 and text[index - 1] in VOWELS:
            count += 1  # ë, ï, ö, ü: a new syllable (ideeën, geïnteresseerd)
            index += 1
            continue
        match = next((u for u in units if text.startswith(u, index)), None)
        count += 1
        index += len(match) if match else 1
    return count


def has_counter(lang: str) -> bool:
    """Whether syllables of ``lang`` are counted by rules made for it."""
    base = lang.split("-")[0].lower()
    return base in ("nl", "en") or base in VOWEL_LANGUAGES


def count_syllables(word: str, lang: str = "nl") -> int:
    """Syllables in one word (at least 1 for a word with letters)."""
    base = lang.split("-")[0].lower()
    if base in VOWEL_LANGUAGES:
        return vowel_syllables(word, base)
    letters = "".join(c for c in word if c.isalpha())
    if not letters:
        return 0
    english = base == "en"
    units = ENGLISH_UNITS if english else DUTCH_UNITS
    hyphenator = _hyphenator(lang)
    pieces = hyphenator.inserted(letters).split("-") if hyphenator else [letters]
    total = sum(_vowel_units(piece, units) for piece in pieces)
    if english:
        lower = letters.lower()
        if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and total > 1:
            total -= 1  # silent final e: "make", "site"
        if lower.endswith("ed") and not lower.endswith(("ted", "ded")) and total > 1:
            total -= 1  # "helped"
    return max(1, total)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)
