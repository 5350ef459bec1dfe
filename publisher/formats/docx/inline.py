"""Runs: the inline tokens of a paragraph as Word runs, with their language, links,
glossary links, footnote references and pictures."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markdown_it.token import Token

from publisher.formats.docx.ooxml import RPR_ORDER, el, ordered, text_run, word_language
from publisher.reading.markdown import is_safe_link, span_text

if TYPE_CHECKING:
    from publisher.formats.docx.body import Writer


@dataclass(frozen=True)
class Look:
    """Direct formatting of a run."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    style: str | None = None
    lang: str | None = None
    rtl: bool = False

    def rpr(self) -> Any:
        children: dict[str, Any] = {}
        if self.style:
            children["rStyle"] = el("w:rStyle", {"val": self.style})
        if self.bold:
            children["b"] = el("w:b")
            children["bCs"] = el("w:bCs")
        if self.italic:
            children["i"] = el("w:i")
            children["iCs"] = el("w:iCs")
        if self.strike:
            children["strike"] = el("w:strike")
        if self.rtl:
            children["rtl"] = el("w:rtl")
        if self.lang:
            attrs = {"val": self.lang}
            if self.rtl:
                attrs["bidi"] = self.lang
            children["lang"] = el("w:lang", attrs)
        return ordered("w:rPr", RPR_ORDER, children)


Relate = Callable[[str], str]
"""External address -> relationship id in the part the runs are written to."""


class Runs:
    """Writes one paragraph's inline tokens into a ``w:p``."""

    def __init__(self, writer: Writer, paragraph: Any, relate: Relate, pictures: bool) -> None:
        self.writer = writer
        self.containers = [paragraph]
        self.looks = [Look()]
        self.closers: list[str] = []
        self.relate = relate
        self.pictures = pictures
        self.link_depth = 0

    @property
    def look(self) -> Look:
        return self.looks[-1]

    def push(self, **changes: Any) -> None:
        self.looks.append(dataclasses.replace(self.look, **changes))

    def add(self, element: Any) -> None:
        self.containers[-1].append(element)

    def text(self, content: str) -> None:
        if not content:
            return
        writer = self.writer
        if writer.plain:
            content = content.replace("\u00ad", "")
        if writer.sentence_lines and content.strip():
            from publisher.text.sentences import split_sentences

            lead = " " if content[:1].isspace() else ""
            content = lead + "\n".join(split_sentences(content, writer.lang))
        self.add(text_run(content, self.look.rpr()))

    def write(self, tokens: Sequence[Token]) -> None:
        for index, token in enumerate(tokens):
            handler = getattr(self, f"t_{token.type}", None)
            if handler is not None:
                handler(tokens, index)
            elif token.children:
                self.write(token.children)
            elif token.content:
                self.text(token.content)

    # --- token types
    def t_text(self, tokens: Sequence[Token], index: int) -> None:
        self.text(tokens[index].content)

    def t_softbreak(self, tokens: Sequence[Token], index: int) -> None:
        self.text(" ")

    def t_hardbreak(self, tokens: Sequence[Token], index: int) -> None:
        self.add(text_run("\n", self.look.rpr()))

    def t_em_open(self, tokens: Sequence[Token], index: int) -> None:
        # Plain language: emphasis is bold, never italic (as in the other outputs).
        self.push(**({"bold": True} if self.writer.plain else {"italic": True}))

    def t_strong_open(self, tokens: Sequence[Token], index: int) -> None:
        self.push(bold=True)

    def t_s_open(self, tokens: Sequence[Token], index: int) -> None:
        self.push(strike=True)

    def _pop(self, tokens: Sequence[Token], index: int) -> None:
        if len(self.looks) > 1:
            self.looks.pop()

    t_em_close = t_strong_close = t_s_close = _pop

    def t_code_inline(self, tokens: Sequence[Token], index: int) -> None:
        self.push(style="VerbatimChar")
        self.text(tokens[index].content)
        self.looks.pop()

    def t_html_inline(self, tokens: Sequence[Token], index: int) -> None:
        self.text(tokens[index].content)

    def t_span_open(self, tokens: Sequence[Token], index: int) -> None:
        token = tokens[index]
        changes: dict[str, Any] = {}
        lang = token.attrGet("lang")
        if lang:
            changes["lang"] = word_language(str(lang))
            self.writer.languages.add(str(lang))
        if token.attrGet("dir") == "rtl":
            changes["rtl"] = True
        classes = str(token.attrGet("class") or "").split()
        key = token.attrGet("term")
        closer = "look"
        if "term" in classes or key is not None:
            word = str(key) if key is not None else span_text(tokens, index)
            entry = self.writer.job.article.meta.glossary_lookup(word)
            if entry is not None:
                first = entry.key not in self.writer.glossary_used
                self.writer.glossary_used.setdefault(entry.key, entry)
                if first and not self.link_depth:
                    link = el(
                        "w:hyperlink",
                        {"anchor": self.writer.bookmarks.name(entry.anchor), "history": "1"},
                    )
                    self.add(link)
                    self.containers.append(link)
                    changes["style"] = "GlossaryLink"
                    closer = "link"
        self.push(**changes)
        self.closers.append(closer)

    def t_span_close(self, tokens: Sequence[Token], index: int) -> None:
        closer = self.closers.pop() if self.closers else "look"
        self.looks.pop()
        if closer == "link":
            self.containers.pop()

    def t_link_open(self, tokens: Sequence[Token], index: int) -> None:
        href = str(tokens[index].attrGet("href") or "")
        self.link_depth += 1
        if tokens[index].meta.get("text_only") or not is_safe_link(href):
            self.closers.append("none")
            return
        if href.startswith("#"):
            link = el(
                "w:hyperlink", {"anchor": self.writer.bookmarks.name(href[1:]), "history": "1"}
            )
        else:
            link = el("w:hyperlink", {"r:id": self.relate(href), "history": "1"})
        self.add(link)
        self.containers.append(link)
        self.push(style="Hyperlink")
        self.closers.append("link")

    def t_link_close(self, tokens: Sequence[Token], index: int) -> None:
        self.link_depth -= 1
        if (self.closers.pop() if self.closers else "none") == "link":
            self.containers.pop()
            self.looks.pop()

    def t_image(self, tokens: Sequence[Token], index: int) -> None:
        token = tokens[index]
        alt = "".join(c.content for c in token.children or [] if c.content).strip()
        image = self.writer.job.article.images.get(str(token.attrGet("src")))
        if image is None or not self.pictures:
            if alt:
                self.text(f"[{alt}]")
            return
        self.add(self.writer.picture_run(image, alt, decorative=not alt, inline=True))

    def t_footnote_ref(self, tokens: Sequence[Token], index: int) -> None:
        token = tokens[index]
        note_id = int(token.meta["id"])
        number, first = self.writer.notes.reference(note_id)
        run = el(
            "w:r",
            None,
            ordered("w:rPr", RPR_ORDER, {"rStyle": el("w:rStyle", {"val": "FootnoteReference"})}),
        )
        if first:
            run.append(el("w:footnoteReference", {"id": str(number)}))
            self.add(run)
        else:  # Word has one reference per footnote: a repeated one is its number
            self.add(text_run(str(number), Look(style="FootnoteReference").rpr()))
