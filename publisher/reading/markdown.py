"""The Markdown layer: one MarkdownIt configuration and the core rules that shape
the token stream into the source format's constructs (figures, heading ids)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from publisher.reading.admonitions import admonitions_plugin
from publisher.reading.html import html_rule
from publisher.reading.ids import heading_ids, slug

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
SPAN_ATTRS = ("id", "class", "lang", "dir", "term")
HEADING_ATTRS_RE = re.compile(r"\s*\{([^{}]*)\}\s*$")
VARIANT_CONTAINERS = ("plain", "standard")


def is_safe_link(url: str) -> bool:
    """What may be a link in an output: http(s), mailto, tel, #fragment. (Relative
    links are made absolute, or text, by the reader: publisher.reading.links.)"""
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    return cleaned.startswith(("#", *SAFE_SCHEMES))


def _parseable(url: str) -> bool:
    """What the parser takes as a link or image at all: also relative addresses."""
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    if ":" in cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return cleaned.startswith(SAFE_SCHEMES)
    return True


WWW_RE = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?"
    r"(?:[/?#](?:[^\s<>]*[^\s<>.,:;!?'\")\]])?)?",
    re.IGNORECASE,
)


def _www(self: object, match: Any) -> None:
    match.url = "https://" + match.url


def _validate_link(url: str) -> bool:
    # Images may be relative paths (checked later) or http(s); nothing else.
    return _parseable(url) or url.lower().startswith("data:image/")


@cache
def markdown() -> MarkdownIt:
    """The parser for the source format (built once per process)."""
    md = MarkdownIt("commonmark", {"html": True, "linkify": True, "typographer": False})
    md.enable(["table", "strikethrough", "linkify"])
    # Only what has a scheme (https://, mailto:) or starts with www. becomes a link:
    # names like GOV.UK and README.md stay text.
    linkify = md.linkify
    assert linkify is not None  # linkify-it-py is a dependency
    linkify.set({"fuzzy_link": False, "fuzzy_email": False})
    linkify.add("www.", {"validate": WWW_RE, "normalize": _www})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    footnote_plugin(md, inline=False)
    deflist_plugin(md)
    attrs_plugin(md, spans=True, allowed=SPAN_ATTRS)
    # Extension: `{caption="..."}` on the line before a table gives it a caption.
    attrs_block_plugin(md, allowed=("caption",))
    for name in VARIANT_CONTAINERS:
        container_plugin(md, name)
    admonitions_plugin(md)
    md.core.ruler.after("inline", "publisher_html", html_rule)
    md.core.ruler.push("publisher_heading_attrs", _heading_attrs)
    md.core.ruler.push("publisher_figures", _figures)
    md.core.ruler.push("publisher_heading_ids", _heading_ids)
    return md


def parse(text: str) -> tuple[list[Token], dict[str, object]]:
    env: dict[str, object] = {}
    tokens = markdown().parse(text, env)
    return tokens, env


def span_text(tokens: Sequence[Token], start: int) -> str:
    """The plain text of the bracketed span that opens at ``tokens[start]``."""
    depth, parts = 0, []
    for token in tokens[start:]:
        if token.type == "span_open":
            depth += 1
        elif token.type == "span_close":
            depth -= 1
            if depth == 0:
                break
        elif token.type in ("text", "code_inline"):
            parts.append(token.content)
    return "".join(parts).strip()


def _heading_attrs(state: StateCore) -> None:
    """`## Heading {#id .class}`: move trailing attributes onto the heading."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        if not inline.children:
            continue
        last = inline.children[-1]
        if last.type != "text":
            continue
        match = HEADING_ATTRS_RE.search(last.content)
        if not match:
            continue
        for part in match.group(1).split():
            if part.startswith("#") and len(part) > 1:
                token.attrSet("id", slug(part[1:]) or part[1:])
            elif part.startswith(".") and len(part) > 1:
                token.attrJoin("class", part[1:])
        last.content = last.content[: match.start()]
        inline.content = HEADING_ATTRS_RE.sub("", inline.content)


def _figures(state: StateCore) -> None:
    """An image alone in its paragraph becomes one `figure` token."""
    tokens = state.tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            token.type == "paragraph_open"
            and index + 2 < len(tokens)
            and tokens[index + 2].type == "paragraph_close"
            and not token.hidden
        ):
            inline = tokens[index + 1]
            children = [
                c
                for c in inline.children or []
                if not (c.type == "text" and not c.content.strip()) and c.type != "softbreak"
            ]
            if len(children) == 1 and children[0].type == "image":
                figure = Token("figure", "figure", 0, map=token.map, block=True)
                figure.level = token.level
                figure.children = [children[0]]
                out.append(figure)
                index += 3
                continue
        out.append(token)
        index += 1
    state.tokens = out


def _heading_ids(state: StateCore) -> None:
    """Every heading gets a unique id: the author's own, or GitHub's slug of its text."""
    tokens = state.tokens
    headings = [i for i, t in enumerate(tokens) if t.type == "heading_open"]
    texts = [
        (tokens[i + 1].content, str(tokens[i].attrGet("id")) if tokens[i].attrGet("id") else None)
        for i in headings
    ]
    for index, ident in zip(headings, heading_ids(texts), strict=True):
        tokens[index].attrSet("id", ident)
