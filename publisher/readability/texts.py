"""What the reader of one variant reads, as passages of text with their source lines:
the title, the summary, headings, body text (paragraphs, list items, table cells,
definition lists), image alt texts and captions, table captions, the notes the variant
shows and the word list's definitions. Each passage knows the source line of every
character, so every finding can name its line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import yaml
from markdown_it.token import Token

from publisher.catalog import Variant
from publisher.content.render import plain_headings
from publisher.content.select import select, select_footnotes
from publisher.reading.markdown import span_text
from publisher.reading.model import Article, GlossaryEntry

Kind = Literal["title", "summary", "heading", "text", "alt", "caption", "note", "definition"]
KIND_NAMES: dict[str, str] = {
    "title": "title",
    "summary": "summary",
    "heading": "heading",
    "text": "text",
    "alt": "alt text",
    "caption": "caption",
    "note": "note",
    "definition": "word list",
}
LABELS = ("title", "heading")
"""Passages that are labels, not running text: checked for words and passive voice,
but left out of the readability formulas and sentence averages."""
TEXT_BLOCKS = ("paragraph_open", "list_item_open", "td_open", "th_open", "dd_open", "dt_open")


@dataclass(frozen=True)
class Passage:
    kind: Kind
    text: str
    lines: tuple[int, ...]
    """The source line of each character of ``text``."""

    @property
    def line(self) -> int:
        return self.lines[0] if self.lines else 0

    @property
    def counted(self) -> bool:
        """Part of the running text the formulas measure."""
        return self.kind not in LABELS

    def line_at(self, offset: int) -> int:
        if not self.lines:
            return 0
        return self.lines[min(max(offset, 0), len(self.lines) - 1)]


def _uniform(kind: Kind, text: str, line: int) -> Passage:
    return Passage(kind, text, (line,) * len(text))


def variant_passages(article: Article, variant: Variant) -> list[Passage]:
    """Everything the variant's reader reads, in reading order."""
    meta = article.meta
    plain = variant.plain_language
    lines = front_matter_lines(article.source.front_matter)
    out: list[Passage] = []
    if plain and meta.plain.title:
        out.append(_uniform("title", meta.plain.title, lines.get(("plain", "title"), 1)))
    else:
        out.append(_uniform("title", meta.title, lines.get(("title",), 1)))
    if plain and meta.plain.summary:
        for number, item in enumerate(meta.plain.summary):
            line = lines.get(("plain", "summary", number), lines.get(("plain", "summary"), 1))
            out.append(_uniform("summary", item, line))
    elif meta.summary:
        out.append(_uniform("summary", meta.summary, lines.get(("summary",), 1)))
    tokens = select(article.tokens, variant)
    if plain:
        tokens = plain_headings(tokens)
    first = article.source.body_first_line
    out.extend(body_passages(tokens, first, plain))
    notes = select_footnotes(article.footnotes, variant)
    for note_id in _referenced_notes(tokens):
        out.extend(
            Passage("note", p.text, p.lines)
            for p in body_passages(notes.get(note_id, []), first, plain)
        )
    for entry in used_glossary(article, tokens, notes):
        line = lines.get(("glossary", entry.key), 1)
        out.append(_uniform("definition", entry.definition, line))
    return out


def body_passages(tokens: list[Token], first_line: int, plain: bool) -> Iterator[Passage]:
    """The passages of a token stream (a variant's body, or one note)."""
    inside = 0
    for index, token in enumerate(tokens):
        if token.type in TEXT_BLOCKS:
            inside += 1
        elif token.nesting == -1 and token.type.replace("_close", "_open") in TEXT_BLOCKS:
            inside -= 1
        line = token.map[0] + first_line if token.map else None
        if token.type == "figure" and token.children and line is not None:
            yield from _image_passages(token.children[0], line, plain, figure=True)
        elif token.type == "table_open" and line is not None:
            caption = str(token.attrGet("caption") or "")
            if plain:
                caption = str(token.attrGet("plain-caption") or caption)
            if caption:
                yield _uniform("caption", caption, max(first_line, line - 1))
        elif token.type == "inline" and line is not None:
            heading = index > 0 and tokens[index - 1].type == "heading_open"
            if heading or inside:
                yield from _inline_passages(token, line, "heading" if heading else "text", plain)


def _inline_passages(token: Token, line: int, kind: Kind, plain: bool) -> Iterator[Passage]:
    text: list[str] = []
    lines: list[int] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            text.append(" ")
            lines.append(line)
            line += 1
        elif child.type in ("text", "code_inline"):
            text.append(child.content)
            lines.extend([line] * len(child.content))
        elif child.type == "image":
            yield from _image_passages(child, line, plain, figure=False)
    joined = "".join(text)
    if joined.strip():
        yield Passage(kind, joined, tuple(lines))


def _image_passages(image: Token, line: int, plain: bool, figure: bool) -> Iterator[Passage]:
    alt = "".join(c.content for c in image.children or [] if c.type in ("text", "code_inline"))
    caption = str(image.attrGet("title") or "") if figure else ""
    if plain:
        alt = str(image.attrGet("plain-alt") or "") or alt
        caption = str(image.attrGet("plain-caption") or "") or caption if figure else ""
    if alt.strip():
        yield _uniform("alt", alt.strip(), line)
    if caption.strip():
        yield _uniform("caption", caption.strip(), line)


def _referenced_notes(tokens: list[Token]) -> list[int]:
    found: list[int] = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "footnote_ref" and int(child.meta["id"]) not in found:
                found.append(int(child.meta["id"]))
    return found


def used_glossary(
    article: Article, tokens: list[Token], notes: dict[int, list[Token]]
) -> list[GlossaryEntry]:
    """The glossary entries the variant links (its word list), sorted as it shows them."""
    used: dict[str, GlossaryEntry] = {}
    streams = [tokens, *notes.values()]
    for stream in streams:
        for token in stream:
            children = token.children or []
            for position, child in enumerate(children):
                if child.type != "span_open":
                    continue
                key = child.attrGet("term")
                classes = str(child.attrGet("class") or "").split()
                if key is None and "term" not in classes:
                    continue
                word = str(key) if key is not None else span_text(children, position)
                entry = article.meta.glossary_lookup(word)
                if entry is not None:
                    used.setdefault(entry.key, entry)
    return sorted(used.values(), key=lambda e: e.key.casefold())


def front_matter_lines(text: str, first_line: int = 2) -> dict[tuple[str | int, ...], int]:
    """The source line of every value in the front matter, by its path: ``("title",)``,
    ``("plain", "summary", 0)``, ``("glossary", "taboe")``. A folded or literal block
    (``>-``, ``|``) starts on the line after its key."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    found: dict[tuple[str | int, ...], int] = {}

    def line_of(value: yaml.Node) -> int:
        line = value.start_mark.line + first_line
        if isinstance(value, yaml.ScalarNode) and value.style in (">", "|"):
            line += 1
        return line

    def visit(value: yaml.Node, path: tuple[str | int, ...]) -> None:
        if path:
            found[path] = line_of(value)
        if isinstance(value, yaml.MappingNode):
            for key, item in value.value:
                if isinstance(key, yaml.ScalarNode):
                    child = (*path, str(key.value))
                    visit(item, child)
                    if isinstance(item, yaml.MappingNode) and "definition" in {
                        str(k.value) for k, _ in item.value if isinstance(k, yaml.ScalarNode)
                    }:
                        found[child] = found[(*child, "definition")]
        elif isinstance(value, yaml.SequenceNode):
            for number, item in enumerate(value.value):
                visit(item, (*path, number))

    if node is not None:
        visit(node, ())
    return found
