"""Ids of the parts of an article: headings get GitHub's slugs (so links written for
GitHub, MkDocs or Docusaurus pages keep working), in any script; what publisher
generates itself is language-neutral (``figure-1``, ``note-2``, ``term-…``,
``page-3``) and never taken by a heading."""

from __future__ import annotations

import re
import unicodedata

GENERATED_RE = re.compile(r"^(?:pub|figure|table|note|note-ref|term|page|section)-")
"""Ids publisher makes itself; a heading whose slug looks like one gets ``section-``."""
FALLBACK = "section"


def slug(text: str) -> str:
    """GitHub's heading slug: lower case, letters, marks, digits, ``_`` and ``-`` kept
    (in every script), spaces become hyphens, everything else goes."""
    kept = "".join(
        char
        for char in text.strip().lower()
        if char in " -_" or unicodedata.category(char)[0] in "LMN"
    )
    return kept.replace(" ", "-")


def heading_ids(texts: list[tuple[str, str | None]]) -> list[str]:
    """Unique ids for headings (text, the author's own id or None), in order. Like
    GitHub, a repeated slug gets ``-1``, ``-2``; an empty one is ``section``."""
    seen: set[str] = set()
    next_number: dict[str, int] = {}  # per base: counting goes on (linear in headings)
    ids = []
    for text, own in texts:
        base = own or slug(text) or FALLBACK
        if not own and GENERATED_RE.match(base):
            base = f"{FALLBACK}-{base}"
        candidate, number = base, next_number.get(base, 1)
        while candidate in seen:
            candidate = f"{base}-{number}"
            number += 1
        next_number[base] = number
        seen.add(candidate)
        ids.append(candidate)
    return ids


def own_id(text: str) -> str:
    """An id the author gave (``{#Mijn-id}``): kept as written (links to it are
    written the same way), unless it holds what an id cannot."""
    return text if re.fullmatch(r"[^\s\"'<>&#]+", text) else slug(text) or FALLBACK


def term_id(key: str) -> str:
    return f"term-{slug(key) or 'x'}"


def term_use_id(key: str) -> str:
    """The id of a term's first use in the text (the word list links back to it);
    ``pub-`` so that neither a heading nor another term can take it."""
    return f"pub-use-{slug(key) or 'x'}"
