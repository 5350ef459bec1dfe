"""Finding one text in another whatever the markup, hyphenation and spacing."""

from __future__ import annotations


def letters_and_digits(text: str) -> str:
    """The letters and digits of ``text``, case-folded: what is left of a text in any
    output, so "Jongens-prostitutie in <em>beeld</em>" matches "jongensprostitutie
    in beeld"."""
    return "".join(c for c in text.casefold() if c.isalnum())
