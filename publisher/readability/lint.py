"""Source lint: what makes an article harder to use than it needs to be."""

from __future__ import annotations

import re

from markdown_it.token import Token

from publisher.content.select import sections_without_plain
from publisher.errors import Problem
from publisher.reading.model import Article

VAGUE_LINKS = {
    "nl": {
        "klik hier",
        "hier",
        "lees meer",
        "meer",
        "link",
        "deze link",
        "klik",
        "meer info",
        "meer informatie",
        "lees verder",
        "verder",
    },
    "en": {
        "click here",
        "here",
        "read more",
        "more",
        "link",
        "this link",
        "learn more",
        "more info",
        "continue",
    },
}
ABBREVIATION_RE = re.compile(r"\b[A-Z]{2,6}\b")


def lint(article: Article) -> list[Problem]:
    path = article.source.path
    offset = article.source.body_first_line
    problems: list[Problem] = []

    def at(token: Token | None) -> int | None:
        return token.map[0] + offset if token is not None and token.map else None

    vague = VAGUE_LINKS.get(article.meta.base_lang, set())
    expanded = {short for short, _ in article.meta.abbr}
    reported: set[str] = set()
    for token in article.tokens:
        if token.type != "inline":
            continue
        children = token.children or []
        for position, child in enumerate(children):
            if child.type == "link_open":
                text = _link_text(children, position).strip().casefold().rstrip(".:!")
                if text in vague:
                    problems.append(
                        Problem(
                            path, f"vague link text '{text}': say where the link goes", at(token)
                        )
                    )
            elif (
                child.type == "image"
                and not child.children
                and "decorative" not in str(child.attrGet("class") or "")
            ):
                problems.append(Problem(path, "image without alt text", at(token)))
            elif child.type == "text":
                for short in ABBREVIATION_RE.findall(child.content):
                    if short not in expanded and short not in reported:
                        reported.add(short)
                        problems.append(
                            Problem(
                                path,
                                f"abbreviation '{short}' has no expansion under 'abbr:'",
                                at(token),
                            )
                        )
    for heading in sections_without_plain(article.tokens):
        title = _heading_title(article.tokens, heading)
        problems.append(
            Problem(
                path,
                f"section '{title}' has no '::: plain' block; the plain variant shows "
                "its standard text",
                at(heading),
            )
        )
    return problems


def _link_text(children: list[Token], start: int) -> str:
    parts = []
    for child in children[start + 1 :]:
        if child.type == "link_close":
            break
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
    return "".join(parts)


def _heading_title(tokens: list[Token], heading: Token) -> str:
    index = tokens.index(heading)
    return tokens[index + 1].content if index + 1 < len(tokens) else ""
