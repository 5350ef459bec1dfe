"""The article's outline, repaired: every output has the article's title as its one
level-1 heading and body headings that go down one level at a time (PDF/UA, WCAG).

- A heading with no text (``##`` used as a separator) is dropped, with a warning.
- A first heading that repeats the title (a README's ``# Title``) is dropped: the title
  is shown already.
- The levels are shifted so the outline's top level (headings outside quotes, lists
  and boxes) is level 2; a heading that skips levels (h2 then h4) is raised to the
  next level down, with a warning naming the line.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.token import Token

Warn = Callable[[str, int | None], None]


def _text(tokens: list[Token], index: int) -> str:
    return " ".join(tokens[index + 1].content.split())


def repair(tokens: list[Token], title: str, warn: Warn, line_offset: int) -> list[Token]:
    """The token stream with its headings repaired (see the module's text)."""

    def line(token: Token) -> int | None:
        return token.map[0] + line_offset if token.map else None

    out: list[Token] = []
    skip = 0
    first_block = True
    for index, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if token.type == "heading_open":
            text = _text(tokens, index)
            if not text:
                warn("empty heading left out", line(token))
                skip = 2
                continue
            if first_block and token.level == 0 and _same(text, title):
                skip = 2
                first_block = False
                continue
        if token.level == 0 and token.nesting >= 0:
            first_block = False
        out.append(token)
    _levels(out, warn, line)
    return out


def _same(a: str, b: str) -> bool:
    def fold(text: str) -> str:
        return "".join(c for c in text.casefold() if c.isalnum())

    return fold(a) == fold(b)


def _levels(tokens: list[Token], warn: Warn, line: Callable[[Token], int | None]) -> None:
    headings = [(i, t) for i, t in enumerate(tokens) if t.type == "heading_open"]
    top = [int(t.tag[1]) for _, t in headings if t.level == 0]
    shift = 2 - min(top) if top else 2 - min((int(t.tag[1]) for _, t in headings), default=2)
    previous, before = 1, 0  # the title; the level written before
    for index, token in headings:
        written = int(token.tag[1])
        wanted = max(2, min(6, written + shift))
        level = min(wanted, previous + 1)
        if level < wanted:
            warn(
                f"heading level skipped (h{written} after h{before}): shown one level "
                "below the heading before it",
                line(token),
            )
        token.tag = tokens[index + 2].tag = f"h{level}"
        previous, before = level, written
