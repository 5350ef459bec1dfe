"""Abbreviations (front matter ``abbr``) as tokens: every use of an abbreviation in
the running text becomes ``abbr_open`` / ``text`` / ``abbr_close``, which the body
renderer writes as ``<abbr title="...">``.

Working on the token stream (never on rendered HTML) means an expansion is only ever
text in an attribute: it cannot contain markup, another abbreviation or an entity,
and an abbreviation named like an entity (``quot``) or like markup matches only
the reader's words. All abbreviations are found in one pass over each text token,
longest first, so the cost is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

ENV_KEY = "abbreviations"
"""The parser's ``env`` entry that holds the article's (abbreviation, expansion) pairs."""


@lru_cache(maxsize=32)
def _pattern(shorts: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first: "WMO-consulent" before "WMO". A match must not touch a letter,
    # digit or hyphen on either side, so "UN" is not found inside "UNHCR" or "fun".
    alternatives = "|".join(re.escape(s) for s in sorted(shorts, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def split_text(token: Token, pairs: dict[str, str], pattern: re.Pattern[str]) -> list[Token]:
    """One text token as text and abbreviation tokens (the token itself if no match)."""
    content = token.content
    out: list[Token] = []
    position = 0
    for match in pattern.finditer(content):
        if match.start() > position:
            out.append(_text(token, content[position : match.start()]))
        opening = Token("abbr_open", "abbr", 1)
        opening.attrSet("title", pairs[match.group()])
        opening.level = token.level
        out.append(opening)
        out.append(_text(token, match.group()))
        closing = Token("abbr_close", "abbr", -1)
        closing.level = token.level
        out.append(closing)
        position = match.end()
    if not out:
        return [token]
    if position < len(content):
        out.append(_text(token, content[position:]))
    return out


def _text(model: Token, content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    token.level = model.level
    return token


def mark_abbreviations(children: Sequence[Token], pairs: dict[str, str]) -> list[Token]:
    """The inline ``children`` with every abbreviation in their text marked up (not in
    the address an autolink shows)."""
    if not pairs:
        return list(children)
    pattern = _pattern(tuple(pairs))
    out: list[Token] = []
    in_autolink = 0
    for child in children:
        if child.type == "link_open" and child.markup in ("autolink", "linkify"):
            in_autolink += 1
        elif child.type == "link_close" and in_autolink:
            in_autolink -= 1
        if child.type == "text" and not in_autolink and child.content:
            out.extend(split_text(child, pairs, pattern))
        else:
            out.append(child)
    return out


def _core_rule(state: StateCore) -> None:
    pairs = state.env.get(ENV_KEY) if isinstance(state.env, dict) else None
    if not pairs:
        return
    lookup = dict(pairs)
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = mark_abbreviations(token.children, lookup)


def abbreviations_plugin(md: MarkdownIt) -> None:
    """Mark abbreviations after every other inline rule (links, autolinks, attributes)
    has made its tokens; the pairs come from ``env[ENV_KEY]``."""
    md.core.ruler.push("publisher_abbreviations", _core_rule)
