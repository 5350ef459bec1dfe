"""Sentence splitting that does not break on abbreviations, times or initials.

pysbd (``language="nl"``) keeps "o.a." and "13.00 uur" inside their sentence, but
splits after an abbreviation followed by a capital ("Dhr. Jansen", "bijv. Elstar");
those pieces are joined again here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pysbd

ABBREVIATIONS = {
    "nl": (
        "dhr",
        "mevr",
        "mw",
        "mr",
        "dr",
        "drs",
        "ir",
        "ing",
        "prof",
        "ds",
        "st",
        "o.a",
        "bijv",
        "bv",
        "b.v",
        "enz",
        "etc",
        "m.b.t",
        "i.p.v",
        "t.a.v",
        "t.o.v",
        "i.v.m",
        "d.w.z",
        "ca",
        "nr",
        "blz",
        "zgn",
        "resp",
        "jl",
        "a.s",
        "e.a",
        "m.u.v",
        "n.a.v",
        "vs",
        "evt",
        "max",
        "min",
        "incl",
        "excl",
        "excl",
        "tel",
        "mln",
        "mld",
    ),
    "en": (
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "no",
        "approx",
        "dept",
        "inc",
        "ltd",
        "jr",
        "sr",
    ),
}


@cache
def _segmenter(lang: str) -> pysbd.Segmenter:
    base = lang.split("-")[0].lower()
    try:
        segmenter = pysbd.Segmenter(language=base, clean=False)
        segmenter.segment("A. B.")  # some languages need a library pysbd does not bring
    except (ValueError, ImportError):
        return pysbd.Segmenter(language="en", clean=False)
    return segmenter


def _ends_with_abbreviation(segment: str, lang: str) -> bool:
    known = ABBREVIATIONS.get(lang.split("-")[0].lower(), ())
    match = re.search(r"(?:^|[\s(])([\w.]+)\.\s*$", segment)
    if not match:
        return False
    word = match.group(1).lower()
    return word in known or bool(re.fullmatch(r"[a-z]", word))  # an initial: "J. de Vries"


def split_sentences(text: str, lang: str = "nl") -> list[str]:
    """The sentences of a text, stripped."""
    return list(_split(text, lang))


@lru_cache(maxsize=8192)
def _split(text: str, lang: str) -> tuple[str, ...]:
    # Cached: pysbd compiles hundreds of patterns per call, and the writing coach splits
    # the same paragraphs again after every save.
    if not text.strip():
        return ()
    pieces = _segmenter(lang).segment(text)
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ends_with_abbreviation(sentences[-1], lang):
            sentences[-1] += piece
        else:
            sentences.append(piece)
    return tuple(s.strip() for s in sentences if s.strip())
