"""Random source documents built from the source format's constructs, with hostile
Unicode: right-to-left text, combining marks, emoji, very long words, deep nesting."""

from __future__ import annotations

import random

ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzéëïöü",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "مرحبابالعالمשלוםעולם",  # right-to-left
    "e\u0301a\u0308o\u0302\u0327",  # combining marks
    "😀🙈👩‍👩‍👧🏳️‍🌈",  # emoji, with joiners
    "汉字かなカナ한글",
    " \u00a0\u2009\u200b\u00ad",  # odd spaces, zero width, soft hyphen
    "*_[]()#<>&\"'`\\{}:|!~^=",  # Markdown and HTML punctuation
]
LANGS = ["en", "de", "ar", "he", "fr", "zh-Hans", "nl-BE", "fy"]


def _text(rng: random.Random, length: int) -> str:
    out = []
    for _ in range(length):
        alphabet = rng.choice(ALPHABETS)
        out.append(rng.choice(alphabet))
    if rng.random() < 0.1:
        out.append("x" * rng.randint(100, 400))  # a very long word
    return "".join(out)


def _inline(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.randint(0, 9)
        text = _text(rng, rng.randint(1, 30)).replace("\n", " ")
        if kind == 0:
            parts.append(f"[{text or 'x'}]{{lang={rng.choice(LANGS)}}}")
        elif kind == 1:
            parts.append(f"[{text or 'x'}]{{lang=ar dir=rtl}}")
        elif kind == 2:
            parts.append("[woord]{.term}")
        elif kind == 3:
            parts.append(f"*{text}*")
        elif kind == 4:
            parts.append(f"[{text or 'link'}](https://example.org/{rng.randint(0, 99)})")
        elif kind == 5:
            parts.append("[^n1]")
        else:
            parts.append(text)
    return " ".join(parts)


def _block(rng: random.Random, depth: int) -> str:
    kind = rng.randint(0, 9)
    if kind == 0:
        return "#" * rng.randint(1, 6) + " " + (_inline(rng).replace("\n", " ") or "Kop")
    if kind == 1 and depth < 6:
        inner = "\n".join("  " * depth + "- " + _inline(rng) for _ in range(rng.randint(1, 3)))
        return inner + "\n" + "  " * (depth + 1) + "- " + _inline(rng)
    if kind == 2:
        return "| a | b |\n|---|--:|\n| " + _inline(rng).replace("|", "/") + " | x |"
    if kind == 3 and depth < 4:
        name = rng.choice(["plain", "standard"])
        return f"::: {name}\n{_block(rng, depth + 1)}\n:::"
    if kind == 4:
        return "> " + _inline(rng) + ("\n> > " + _inline(rng) if depth < 5 else "")
    if kind == 5:
        return "Term\n: " + _inline(rng)
    if kind == 6:
        return "```\n" + _text(rng, 40) + "\n```"
    return _inline(rng)


def document(rng: random.Random) -> str:
    blocks = [_block(rng, 0) for _ in range(rng.randint(1, 12))]
    return (
        '---\ntitle: "Fuzz ' + str(rng.randint(0, 10**6)) + '"\nlang: nl\ndate: 2024-01-01\n'
        "glossary:\n  woord: Een uitleg.\n---\n\n" + "\n\n".join(blocks) + "\n\n[^n1]: Een noot.\n"
    )
