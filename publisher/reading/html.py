"""HTML written in the Markdown, made safe: comments are dropped, a small allow-list of
inline elements (``br``, ``sup``, ``sub``, ``kbd``, ``abbr title``, ``mark``,
``small``, ``s``, and what Markdown writes itself: ``em``, ``strong``, ``code``, ...)
and ``details``/``summary`` are rebuilt as tokens of their own
through the nh3 sanitiser; every other tag stays an ``html_*`` token, which the reader
warns about and the renderer shows as text. Nothing of the source's HTML is ever
passed through as markup."""

from __future__ import annotations

import re

import nh3
from lxml import html as lxml_html
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

INLINE = (
    "sup", "sub", "kbd", "abbr", "mark", "small", "s",
    # what Markdown can write too: kept rather than shown as markup
    "em", "strong", "b", "i", "code", "del", "ins", "q", "samp", "var", "cite", "u",
)  # fmt: skip
ATTRIBUTES = {"abbr": {"title"}}
COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
OPEN_RE = re.compile(r"^<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?/?>$", re.DOTALL)
CLOSE_RE = re.compile(r"^</([a-zA-Z][a-zA-Z0-9]*)\s*>$")
DETAILS_RE = re.compile(
    r"^\s*<details(?:\s[^>]*)?>\s*(?:<summary(?:\s[^>]*)?>(.*?)</summary>)?\s*$",
    re.DOTALL | re.IGNORECASE,
)
DETAILS_CLOSE_RE = re.compile(r"^\s*</details>\s*$", re.IGNORECASE)


def is_comment(content: str) -> bool:
    """Only comments (and white space)."""
    return not COMMENT_RE.sub("", content).strip()


def sanitised(tag: str, name: str) -> dict[str, str] | None:
    """The attributes an allowed element keeps, read from what nh3 leaves of it."""
    clean = nh3.clean(f"{tag}x</{name}>", tags={name}, attributes=ATTRIBUTES)
    try:
        element = lxml_html.fragment_fromstring(clean)
    except (ValueError, TypeError):
        return None
    if element.tag != name:
        return None
    return {key: str(value) for key, value in element.attrib.items()}


def summary_text(fragment: str) -> str:
    text = nh3.clean(fragment, tags=set())
    element = lxml_html.fragment_fromstring(f"<p>{text}</p>")
    return " ".join("".join(element.itertext()).split())


def html_rule(state: StateCore) -> None:
    """The core rule: blocks first (comments, details), then each inline's children."""
    out: list[Token] = []
    opened: list[tuple[int, int]] = []  # (index in out, nesting level) of open <details>
    for token in state.tokens:
        if token.type == "html_block":
            if is_comment(token.content):
                continue
            match = DETAILS_RE.match(token.content)
            if match:
                details = Token("details_open", "details", 1, map=token.map, block=True)
                details.meta["summary"] = summary_text(match.group(1) or "")
                details.meta["html"] = token.content
                details.level = token.level
                opened.append((len(out), token.level))
                out.append(details)
                continue
            if DETAILS_CLOSE_RE.match(token.content) and opened and opened[-1][1] == token.level:
                opened.pop()
                out.append(Token("details_close", "details", -1, map=token.map, block=True))
                continue
        elif token.type == "inline" and token.children:
            token.children = _inline(token.children)
        out.append(token)
    for index, _level in opened:  # never closed where it was opened: shown as text
        block = Token("html_block", "", 0, map=out[index].map, block=True)
        block.content = str(out[index].meta["html"])
        out[index] = block
    state.tokens = out


def _inline(children: list[Token]) -> list[Token]:
    out: list[Token] = []
    stack: list[tuple[str, int]] = []  # open element name, index in out
    for child in children:
        if child.type != "html_inline":
            out.append(child)
            continue
        content = child.content
        if content.startswith("<!--"):
            continue
        opening = OPEN_RE.match(content)
        closing = CLOSE_RE.match(content)
        if opening and opening.group(1).lower() == "br":
            out.append(Token("hardbreak", "br", 0))
            continue
        if opening and opening.group(1).lower() in INLINE:
            if content.endswith("/>"):
                continue  # <sup class="badge" />: empty, like <sup></sup> (nothing to show)
            name = opening.group(1).lower()
            attributes = sanitised(content, name)
            if attributes is not None:
                token = Token("html_element_open", name, 1)
                token.meta["html"] = content
                for key, value in attributes.items():
                    token.attrSet(key, value)
                stack.append((name, len(out)))
                out.append(token)
                continue
        if closing and stack and closing.group(1).lower() == stack[-1][0]:
            name, _ = stack.pop()
            token = Token("html_element_close", name, -1)
            token.meta["html"] = content
            out.append(token)
            continue
        out.append(child)
    for _name, index in reversed(stack):  # never closed: back to text
        unclosed = out[index]
        text = Token("html_inline", "", 0)
        text.content = str(unclosed.meta["html"])
        out[index] = text
    return out
