"""Admonitions ("note", "tip", "warning" boxes) in the spellings authors paste from
documentation sites, all made into one construct (``admonition_open`` with
``meta["kind"]`` and ``meta["title"]``, ``admonition_close``):

- Docusaurus, VitePress and Starlight: ``:::tip Title`` (or ``:::tip[Title]``) … ``:::``
- MkDocs: ``!!! note "Title"`` (or ``???``/``???+``) with the text indented four spaces
- Python-Markdown blocks: ``/// warning | Title`` … ``///``
- GitHub: a block quote that starts with ``[!NOTE]`` (NOTE, TIP, IMPORTANT, WARNING,
  CAUTION)
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

KINDS = {
    "note": "note",
    "info": "info",
    "tip": "tip",
    "hint": "tip",
    "success": "tip",
    "check": "tip",
    "done": "tip",
    "important": "important",
    "warning": "warning",
    "attention": "warning",
    "bug": "warning",
    "caution": "caution",
    "danger": "danger",
    "error": "danger",
    "failure": "danger",
    "fail": "danger",
    "abstract": "note",
    "summary": "note",
    "tldr": "note",
    "example": "note",
    "question": "note",
    "faq": "note",
    "quote": "note",
    "seealso": "note",
    "details": "note",
}
"""Every kind authors use -> the kinds publisher shows (each with its own label)."""
GITHUB_RE = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)")
MKDOCS_RE = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z]+)(?:[ \t]+\"(.*)\")?[ \t]*$")
BLOCKS_RE = re.compile(r"^(/{3,})[ \t]*([A-Za-z]+)(?:[ \t]*\|[ \t]*(.*?))?[ \t]*$")
FENCED_TITLE_RE = re.compile(r"^([A-Za-z]+)(?:\[(.*)\]|\{title=\"(.*)\"\})?\s*(.*)$")


def _fenced_params(params: str) -> tuple[str, str] | None:
    match = FENCED_TITLE_RE.match(params.strip())
    if not match or match.group(1).lower() not in KINDS:
        return None
    title = match.group(2) or match.group(3) or match.group(4) or ""
    return KINDS[match.group(1).lower()], title.strip()


def admonitions_plugin(md: MarkdownIt) -> None:
    container_plugin(
        md, "admonition", validate=lambda params, *args: _fenced_params(params) is not None
    )
    md.block.ruler.before("fence", "admonition_mkdocs", _mkdocs, {"alt": ["paragraph"]})
    md.block.ruler.before("fence", "admonition_blocks", _blocks, {"alt": ["paragraph"]})
    md.core.ruler.push("admonitions", _unify)  # after text_join: one text per run


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _open(state: StateBlock, kind: str, title: str, line: int, markup: str) -> None:
    token = state.push("admonition_open", "aside", 1)
    token.meta = {"kind": KINDS[kind.lower()], "title": title.strip()}
    token.markup = markup
    token.map = [line, line]


def _mkdocs(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    match = MKDOCS_RE.match(_line(state, start))
    if not match or match.group(1).lower() not in KINDS:
        return False
    if silent:
        return True
    _open(state, match.group(1), match.group(2) or "", start, "!!!")
    opening = state.tokens[-1]
    old_indent, old_parent = state.blkIndent, state.parentType
    state.blkIndent = state.sCount[start] + 4
    state.parentType = "admonition"
    state.md.block.tokenize(state, start + 1, end)
    state.blkIndent, state.parentType = old_indent, old_parent
    opening.map = [start, state.line]
    state.push("admonition_close", "aside", -1)
    return True


def _blocks(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    match = BLOCKS_RE.match(_line(state, start))
    if not match or match.group(2).lower() not in KINDS:
        return False
    fence = match.group(1)
    close = start + 1
    while close < end:
        text = _line(state, close).strip()
        if text.startswith(fence) and not text.strip("/"):
            break
        close += 1
    if silent:
        return True
    _open(state, match.group(2), match.group(3) or "", start, fence)
    opening = state.tokens[-1]
    old_max = state.lineMax
    state.lineMax = close
    state.md.block.tokenize(state, start + 1, close)
    state.lineMax = old_max
    opening.map = [start, min(close + 1, end)]
    state.push("admonition_close", "aside", -1)
    state.line = min(close + 1, end)
    return True


def _unify(state: StateCore) -> None:
    """Fenced admonitions and GitHub alerts become ``admonition_open``/``_close``."""
    tokens = state.tokens
    quotes: list[int] = []  # indexes of open block quotes that became admonitions (or -1)
    for index, token in enumerate(tokens):
        if token.type == "container_admonition_open":
            parsed = _fenced_params(token.info) or ("note", "")
            token.type, token.tag = "admonition_open", "aside"
            token.meta = {"kind": parsed[0], "title": parsed[1]}
        elif token.type == "container_admonition_close":
            token.type, token.tag = "admonition_close", "aside"
        elif token.type == "blockquote_open":
            quotes.append(index if _github_alert(tokens, index) else -1)
        elif token.type == "blockquote_close" and quotes and quotes.pop() >= 0:
            token.type, token.tag = "admonition_close", "aside"
    state.tokens = [t for t in tokens if not t.meta.get("drop")]


def _github_alert(tokens: list[Token], index: int) -> bool:
    """Turn the block quote at ``index`` into an admonition if it starts with [!KIND]."""
    if index + 2 >= len(tokens) or tokens[index + 1].type != "paragraph_open":
        return False
    inline = tokens[index + 2]
    match = GITHUB_RE.match(inline.content)
    if inline.type != "inline" or not match:
        return False
    opening = tokens[index]
    opening.type, opening.tag = "admonition_open", "aside"
    opening.meta = {"kind": KINDS[match.group(1).lower()], "title": ""}
    inline.content = inline.content[match.end() :]
    children = inline.children or []
    if children and children[0].type == "text":
        children[0].content = GITHUB_RE.sub("", children[0].content)
        if not children[0].content:
            children.pop(0)
            if children and children[0].type in ("softbreak", "hardbreak"):
                children.pop(0)
    if not inline.content.strip():  # the marker stood alone: drop its paragraph
        for token in tokens[index + 1 : index + 4]:
            token.meta["drop"] = True
    return True
