"""Which blocks of the one token stream a variant shows.

The source format's variant blocks: ``::: plain`` blocks replace the rest of their
scope in a variant that shows them (:attr:`Variant.blocks` == "plain") and are left
out of every other variant; ``::: standard`` blocks are shown only in the variant
whose blocks are "standard", beside the rest.

A block's scope is where it stands:
- at the top level, its section: from its heading to the next heading of the same or
  a higher level (before the first heading: the opening); a section that is replaced
  keeps its heading and the subsections that have variant blocks of their own;
- inside a list item, a block quote or a definition, that item, quote or definition.
The wrapping container never reaches the output: it is unwrapped or dropped.

A figure whose image has a plain wording (``plain-alt`` or ``plain-caption``) belongs to
both variants: it stays, in its place, where a plain block replaces the rest of its
scope, so an image is written once with both wordings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from publisher.catalog import Variant

Block = list[Token]
VARIANT_BLOCKS = ("plain", "standard")
"""The container names the source format knows (``::: plain``, ``::: standard``)."""
REPLACING = "plain"
"""Blocks of this kind replace the rest of their scope."""
SCOPES = ("list_item", "blockquote", "dd")
"""Nested blocks whose content is a scope of its own."""


def top_level_blocks(tokens: list[Token]) -> list[Block]:
    """Group a token stream into its top-level blocks (open ... close)."""
    blocks: list[Block] = []
    current: Block = []
    depth = 0
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth == 0:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def container(block: Block) -> str | None:
    """The name of a variant block (``plain``), or None for any other block."""
    first = block[0].type
    if first.startswith("container_") and first.endswith("_open"):
        return first.removeprefix("container_").removesuffix("_open")
    return None


@dataclass
class _Section:
    level: int
    heading: Block | None
    own: list[Block] = field(default_factory=list)
    children: list[_Section] = field(default_factory=list)

    @property
    def has_replacing(self) -> bool:
        return any(container(block) == REPLACING for block in self.own)

    @property
    def subtree_has_replacing(self) -> bool:
        return self.has_replacing or any(c.subtree_has_replacing for c in self.children)


def _sections(tokens: list[Token]) -> _Section:
    root = _Section(0, None)
    stack = [root]
    for block in top_level_blocks(tokens):
        if block[0].type == "heading_open":
            level = int(block[0].tag[1])
            while stack[-1].level >= level:
                stack.pop()
            section = _Section(level, block)
            stack[-1].children.append(section)
            stack.append(section)
        else:
            stack[-1].own.append(block)
    return root


def select(tokens: list[Token], variant: Variant) -> list[Token]:
    """The tokens the variant shows, variant blocks unwrapped, at any depth."""
    out: list[Token] = []
    _emit(_sections(tokens), variant, out, is_root=True)
    return out


def _emit(section: _Section, variant: Variant, out: list[Token], is_root: bool = False) -> None:
    if section.heading:
        out.extend(section.heading)
    replace = variant.blocks == REPLACING and section.has_replacing
    out.extend(_scope(section.own, variant, replace))
    for child in section.children:
        if replace and not is_root and not child.subtree_has_replacing:
            continue
        _emit(child, variant, out)


def _scope(blocks: list[Block], variant: Variant, replace: bool) -> list[Token]:
    """The blocks of one scope; ``replace``: only its replacing blocks are shown."""
    out: list[Token] = []
    for block in blocks:
        kind = container(block)
        if kind is not None:
            if kind == variant.blocks:
                out.extend(_nested(block[1:-1], variant))
        elif not replace or shared_figure(block):
            out.extend(_block(block, variant))
    return out


def shared_figure(block: Block) -> bool:
    """A figure whose image has a plain wording: shown in every variant."""
    if len(block) != 1 or block[0].type != "figure" or not block[0].children:
        return False
    image = block[0].children[0]
    return bool(image.attrGet("plain-alt") or image.attrGet("plain-caption"))


def _nested(tokens: list[Token], variant: Variant) -> list[Token]:
    """A sequence of sibling blocks inside a scope (or a variant block)."""
    blocks = top_level_blocks(tokens)
    replace = variant.blocks == REPLACING and any(container(b) == REPLACING for b in blocks)
    return _scope(blocks, variant, replace)


def _block(block: Block, variant: Variant) -> list[Token]:
    """One ordinary block, with the variant blocks inside it selected."""
    if len(block) < 3 or not any(t.type.startswith("container_") for t in block[1:-1]):
        return block
    opening, inner, closing = block[0], block[1:-1], block[-1]
    if opening.type.removesuffix("_open") in SCOPES:
        selected = _nested(inner, variant)
        if not any(t.type != "paragraph_open" and t.type != "paragraph_close" for t in selected):
            return []  # an item with nothing left in this variant is left out
        return [opening, *selected, closing]
    children: list[Token] = []
    for child in top_level_blocks(inner):
        children.extend(_block(child, variant))
    if not children and opening.type in ("bullet_list_open", "ordered_list_open", "dl_open"):
        return []
    return [opening, *children, closing]


def sections_without_plain(tokens: list[Token]) -> list[Token]:
    """Heading tokens of sections that have text but no plain block (for lint)."""
    missing: list[Token] = []

    def visit(section: _Section) -> None:
        has_text = any(container(b) is None for b in section.own)
        if section.heading and has_text and not section.has_replacing:
            missing.append(section.heading[0])
        for child in section.children:
            visit(child)

    visit(_sections(tokens))
    return missing


def select_footnotes(notes: dict[int, list[Token]], variant: Variant) -> dict[int, list[Token]]:
    """The footnotes' tokens as the variant shows them (variant blocks inside notes)."""
    return {key: _nested(tokens, variant) for key, tokens in notes.items()}
