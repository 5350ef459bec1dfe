"""Syllables by vowel letters for languages without a hyphenation-based counter here:
de, fr, es, it, pt, pl, ru, tr, uk.

Exact by construction for tr, ru and uk (every vowel letter is one syllable nucleus);
an approximation elsewhere, with the known misses pinned in tests/test_formulas.py:

- de: one per vowel group (ei, ie, eu, äu, au, aa ... are one), plus one for the hiatus
  pairs ea eo ia io iu oa oe ua ue (Feu-er, The-a-ter, In-for-ma-ti-on); u after q is a
  consonant. Misses ie as i-e (Fa-mi-li-e counted 3).
- fr: one per vowel group; a new syllable after é/è/ê and at ë/ï/ü (cré-er, na-ïf); a
  final mute -e/-es after a consonant is not counted (table = 1, spoken syllables).
- es, it, pt: every strong vowel (a e o and any accented vowel) is a nucleus, unstressed
  i/u glide (cui-da-do, Ita-lia); a run of weak vowels is one; Portuguese ã/õ + vowel
  is one nasal diphthong (mãe, põe); Spanish y is a vowel only with no vowel beside it.
- pl: every vowel letter (a ą e ę i o ó u y), except i directly before another vowel,
  which only softens the consonant (nie, ziemia, wiadomość).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable

_TR_VOWELS = frozenset("aeıioöuüâîû")
_RU_VOWELS = frozenset("аеёиоуыэюя")
_UK_VOWELS = frozenset("аеєиіїоуюя")
_PL_VOWELS = frozenset("aąeęioóuy")
_DE_VOWELS = frozenset("aeiouyäöü")
_DE_HIATUS = frozenset({"ea", "eo", "ia", "io", "iu", "oa", "oe", "ua", "ue"})
_FR_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæ")
_FR_NEW_NUCLEUS = frozenset("ëïü")  # a diaeresis starts a new syllable: naïf, Noël
_FR_CLOSING = frozenset("éèê")  # créer, réel, théâtre: a vowel after these is a new syllable
_ES_WEAK = frozenset("iuü")
_ES_VOWELS = frozenset("aeiouáéíóúü")
_IT_WEAK = frozenset("iu")
_IT_VOWELS = frozenset("aeiouàèéìíòóùú")
_PT_WEAK = frozenset("iu")
_PT_VOWELS = frozenset("aeiouáàâãéêíóôõú")
_PT_NASAL = frozenset("ãõ")  # ão, ãe, õe: one nasal diphthong


def _vowel_groups(word: str, vowels: frozenset[str]) -> list[str]:
    return re.findall(f"[{''.join(sorted(vowels))}]+", word)


def _romance_nuclei(group: str, weak: frozenset[str], glides_after: frozenset[str]) -> int:
    """Syllable nuclei in one run of vowels. Every strong vowel (a, e, o and any accented
    vowel) is a nucleus of its own, so two strong vowels side by side are two syllables
    (hiatus: le-er, po-e-ma, i-dei-a, pa-u-ra); an unstressed i/u glides into a
    neighbouring strong vowel (diphthong: cui-da-do, Ita-lia); a run of weak vowels
    alone is one nucleus (cui, fui). A strong vowel right after a letter in
    ``glides_after`` is the second half of a nasal diphthong (Portuguese ão, õe, ãe)."""
    nuclei = 0
    for index, char in enumerate(group):
        if char in weak:
            continue
        if index and group[index - 1] in glides_after:
            continue
        nuclei += 1
    return max(1, nuclei)


def _syllables_es(word: str) -> int:
    # 'y' is a vowel only when it is not next to another vowel (y, rey -> diphthong).
    word = re.sub(r"(?<![aeiouáéíóú])y(?![aeiouáéíóú])", "i", word)
    groups = _vowel_groups(word, _ES_VOWELS)
    return sum(_romance_nuclei(g, _ES_WEAK, frozenset()) for g in groups)


def _syllables_it(word: str) -> int:
    groups = _vowel_groups(word, _IT_VOWELS)
    return sum(_romance_nuclei(g, _IT_WEAK, frozenset()) for g in groups)


def _syllables_pt(word: str) -> int:
    groups = _vowel_groups(word, _PT_VOWELS)
    return sum(_romance_nuclei(g, _PT_WEAK, _PT_NASAL) for g in groups)


def _syllables_de(word: str) -> int:
    # One syllable per vowel group (Haus, Straße, Bundesregierung), plus one for each
    # vowel pair that is a hiatus in German (Feu-er, The-a-ter, Na-ti-on, Stu-di-um);
    # the u of qu is a consonant (Quelle).
    word = word.replace("qu", "qv")
    count = 0
    for group in _vowel_groups(word, _DE_VOWELS):
        count += 1 + sum(1 for pair in itertools.pairwise(group) if "".join(pair) in _DE_HIATUS)
    return count


def _syllables_fr(word: str) -> int:
    # A final mute e (table, livres) is not a spoken syllable when another vowel precedes.
    stripped = re.sub(r"(?<=[^aeiouyàâäéèêëîïôöùûü])es?$", "", word)
    if _vowel_groups(stripped, _FR_VOWELS):
        word = stripped
    count = 0
    for group in _vowel_groups(word, _FR_VOWELS):
        count += 1
        for before, after in itertools.pairwise(group):
            if after in _FR_NEW_NUCLEUS or before in _FR_CLOSING:
                count += 1
    return count


def _syllables_pl(word: str) -> int:
    # 'i' before another vowel only softens the consonant (nie, ziemia, wiadomość).
    count = 0
    for index, char in enumerate(word):
        if char not in _PL_VOWELS:
            continue
        if char == "i" and index + 1 < len(word) and word[index + 1] in _PL_VOWELS:
            continue
        count += 1
    return count


def _count_letters(vowels: frozenset[str]) -> Callable[[str], int]:
    def count(word: str) -> int:
        return sum(1 for char in word if char in vowels)

    return count


_SYLLABLE_COUNTERS: dict[str, Callable[[str], int]] = {
    "de": _syllables_de,
    "es": _syllables_es,
    "fr": _syllables_fr,
    "it": _syllables_it,
    "pl": _syllables_pl,
    "pt": _syllables_pt,
    "ru": _count_letters(_RU_VOWELS),
    "tr": _count_letters(_TR_VOWELS),
    "uk": _count_letters(_UK_VOWELS),
}


LANGUAGES = frozenset(_SYLLABLE_COUNTERS)
"""The languages counted here (base language tags)."""


def _fold(word: str, lang: str) -> str:
    word = unicodedata.normalize("NFC", word)
    if lang == "tr":  # Turkish dotted and dotless i: I -> ı, İ -> i
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower()


def vowel_syllables(word: str, lang: str) -> int:
    """Syllables of one word by its vowel letters; ``lang`` is a base tag in
    :data:`LANGUAGES`. A word with letters but no vowel ('w', 'z', an abbreviation)
    counts 1; a token without letters 0. Raises KeyError for another language."""
    counter = _SYLLABLE_COUNTERS[lang]
    folded = _fold(word, lang)
    if not any(char.isalpha() for char in folded):
        return 0
    return max(1, counter(folded))
