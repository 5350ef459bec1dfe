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
    last = re.split(r"[\s(]", segment.rstrip()[-80:])[-1]  # its last word only
    match = re.fullmatch(r"([\w.]+)\.", last)
    if not match:
        return False
    word = match.group(1).lower()
    return word in known or bool(re.fullmatch(r"[a-z]", word))  # an initial: "J. de Vries"


PIECE_CHARS = 1500
"""Longer texts are given to pysbd in pieces of about this size: its time grows with
the square of what it gets (a paragraph of 10,000 words without a full stop took
a minute); in pieces, the time grows with the text."""
CANDIDATE_RE = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
"""Where a sentence may end: the only places pysbd splits a running text."""
SURE_END_RE = re.compile(r"(?<=[a-z\u00df-\u024f]{3}[.!?])\s+(?=[A-Z\u00c0-\u00de])")
"""A sentence end no abbreviation makes: a lower-case word of three or more letters,
a full stop (or ! ?), space, a capital."""


def _pieces(text: str) -> list[str]:
    """``text`` cut into pieces of about :data:`PIECE_CHARS`, each cut where a sentence
    may end: where one surely ends if the piece has such a place, else at the place
    that made it long enough."""
    if len(text) <= PIECE_CHARS:
        return [text]
    sure = {match.end() for match in SURE_END_RE.finditer(text)}
    pieces: list[str] = []
    start = 0
    last_sure = 0
    for match in CANDIDATE_RE.finditer(text):
        end = match.end()
        if end in sure:
            last_sure = end
        if end - start >= PIECE_CHARS:
            cut = last_sure if last_sure > start else end
            pieces.append(text[start:cut])
            start = cut
    pieces.append(text[start:])
    return [piece for piece in pieces if piece]


def _segments(text: str, lang: str) -> list[str]:
    segments: list[str] = []
    for piece in _pieces(text):
        if len(piece) > PIECE_CHARS and not CANDIDATE_RE.search(piece.rstrip()):
            segments.append(piece)  # no place where a sentence could end: one sentence
        else:
            segments.extend(_segmenter(lang).segment(piece))
    return segments


def split_sentences(text: str, lang: str = "nl") -> list[str]:
    """The sentences of a text, stripped."""
    return list(_split(text, lang))


@lru_cache(maxsize=8192)
def _split(text: str, lang: str) -> tuple[str, ...]:
    # Cached: pysbd compiles hundreds of patterns per call, and the writing coach splits
    # the same paragraphs again after every save.
    if not text.strip():
        return ()
    sentences: list[list[str]] = []
    for piece in _segments(text, lang):
        if sentences and _ends_with_abbreviation(sentences[-1][-1], lang):
            sentences[-1].append(piece)
        else:
            sentences.append([piece])
    joined = ("".join(parts).strip() for parts in sentences)
    return tuple(sentence for sentence in joined if sentence)
