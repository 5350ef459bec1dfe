"""Text variants as data: which blocks of the one token stream each variant shows.

A variant is an entry in :data:`VARIANTS`; the selection follows the source format:
``::: plain`` blocks replace the rest of their section in the plain variant and are
left out of the standard one; ``::: standard`` blocks are shown in the standard
variant only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

Block = list[Token]


@dataclass(frozen=True)
class Variant:
    name: str
    suffix: str
    """Inserted before the format's extension: ``slug{suffix}.html``."""
    uses_plain_blocks: bool


VARIANTS: dict[str, Variant] = {
    "standard": Variant("standard", "", uses_plain_blocks=False),
    "plain": Variant("plain", ".plain", uses_plain_blocks=True),
}


@dataclass
class _Section:
    level: int
    heading: Block | None
    own: list[Block] = field(default_factory=list)
    children: list[_Section] = field(default_factory=list)

    @property
    def has_plain(self) -> bool:
        return any(_container(block) == "plain" for block in self.own)

    @property
    def subtree_has_plain(self) -> bool:
        return self.has_plain or any(child.subtree_has_plain for child in self.children)


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


def _container(block: Block) -> str | None:
    first = block[0].type
    if first.startswith("container_") and first.endswith("_open"):
        return first.removeprefix("container_").removesuffix("_open")
    return None


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
    """The tokens the variant shows, containers unwrapped."""
    out: list[Token] = []
    _emit(_sections(tokens), variant, out, is_root=True)
    return out


def _emit(section: _Section, variant: Variant, out: list[Token], is_root: bool = False) -> None:
    if section.heading:
        out.extend(section.heading)
    replace = variant.uses_plain_blocks and section.has_plain
    for block in section.own:
        kind = _container(block)
        if kind == "plain":
            if variant.uses_plain_blocks:
                out.extend(block[1:-1])
        elif kind == "standard":
            if not variant.uses_plain_blocks:
                out.extend(block[1:-1])
        elif not replace:
            out.extend(block)
    for child in section.children:
        if replace and not is_root and not child.subtree_has_plain:
            continue
        _emit(child, variant, out)


def sections_without_plain(tokens: list[Token]) -> list[Token]:
    """Heading tokens of sections that have no plain block (for lint)."""
    missing: list[Token] = []

    def visit(section: _Section) -> None:
        has_text = any(_container(b) is None for b in section.own)
        if section.heading and has_text and not section.has_plain:
            missing.append(section.heading[0])
        for child in section.children:
            visit(child)

    visit(_sections(tokens))
    return missing
