"""What is read aloud, and where it is in the text: every sentence of the e-book's
content document is wrapped in ``<span id="s12">`` (the Media Overlay points at it),
and each becomes an :class:`Utterance` of pieces in their own language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from publisher.text.sentences import split_sentences

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var",
}  # fmt: skip
SKIPPED = {"nav", "head", "script", "style", "template"}
HEADINGS = {f"h{n}" for n in range(1, 7)}


@dataclass
class Utterance:
    """One sentence (or a picture's text alternative), as it is spoken."""

    ident: str
    pieces: list[tuple[str, str]]
    """(text, language) in reading order."""
    heading: int = 0
    """1-6 when the sentence is (part of) a heading."""
    block_end: bool = False
    """The last sentence of its paragraph, heading, list item, ..."""
    title: str = ""
    """The heading's whole text, for chapter marks."""

    @property
    def text(self) -> str:
        return " ".join(" ".join(text.split()) for text, _ in self.pieces).strip()


@dataclass
class Script:
    utterances: list[Utterance] = field(default_factory=list)
    count: int = 0

    def new_id(self) -> str:
        self.count += 1
        return f"s{self.count}"


def local(element: Any) -> str:
    tag = element.tag
    return tag.split("}")[1] if isinstance(tag, str) and "}" in tag else str(tag)


def language(element: Any, default: str) -> str:
    for node in (element, *element.iterancestors()):
        lang = node.get(XML_LANG) or node.get("lang")
        if lang:
            return str(lang)
    return default


def mark_sentences(root: Any, lang: str, image_text: str) -> Script:
    """Wrap every sentence under ``<body>`` in a span with an id; ``image_text`` is
    the spoken form of a picture ("Afbeelding: {alt}")."""
    script = Script()
    body = root.find(f"{{{XHTML}}}body")
    _block(body, lang, script, image_text)
    return script


def _skipped(element: Any) -> bool:
    if local(element) in SKIPPED or element.get("aria-hidden") == "true":
        return True
    kinds = (element.get(f"{{{EPUB}}}type") or "").split()
    return element.get("role") == "doc-pagebreak" or "pagebreak" in kinds


def _block(element: Any, lang: str, script: Script, image_text: str) -> None:
    if _skipped(element):
        return
    run: list[Any] = []
    start_text = element.text or ""
    anchor: Any = None  # the block child the current run follows (None: the start)
    for child in list(element):
        if not isinstance(child.tag, str):
            continue
        if local(child) in INLINE:
            run.append(child)
            continue
        _run(element, anchor, start_text, run, lang, script, image_text)
        _block(child, lang, script, image_text)
        anchor, start_text, run = child, child.tail or "", []
    _run(element, anchor, start_text, run, lang, script, image_text)


def _run(
    parent: Any,
    anchor: Any,
    text: str,
    elements: list[Any],
    lang: str,
    script: Script,
    image_text: str,
) -> None:
    """Wrap the sentences of one stretch of inline content."""
    spoken = text + "".join(_spoken_text(e) + (e.tail or "") for e in elements)
    if not spoken.strip():
        for element in elements:  # a picture alone (a figure): its alternative is spoken
            if local(element) == "img" and element.get("alt"):
                ident = element.get("id") or script.new_id()
                element.set("id", ident)
                alt = image_text.format(alt=element.get("alt"))
                script.utterances.append(
                    Utterance(ident, [(alt, language(element, lang))], block_end=True)
                )
        return
    atoms: list[tuple[str, Any]] = [("text", text)]
    for element in elements:
        atoms.append(("element", element))
        atoms.append(("text", element.tail or ""))
    # A line break in the source is a space to the reader (pysbd would end a sentence).
    cuts = _cuts(re.sub(r"\s", " ", spoken), language(parent, lang))
    groups: list[list[Any]] = [[]]
    position = 0
    for kind, value in atoms:
        if kind == "element":
            groups[-1].append(value)
            position += len(_spoken_text(value))
            while cuts and cuts[0] <= position:  # a sentence ends inside it: after it
                cuts.pop(0)
                groups.append([])
            continue
        piece = value
        while cuts and cuts[0] <= position + len(piece):
            split = cuts.pop(0) - position
            groups[-1].append(piece[:split])
            groups.append([])
            piece, position = piece[split:], position + split
        groups[-1].append(piece)
        position += len(piece)
    groups = _merge_unspoken(groups)
    # Rebuild the run: each sentence in a span; the whitespace between them as text.
    if anchor is None:
        parent.text = None
        index = 0
    else:
        anchor.tail = None
        index = parent.index(anchor) + 1
    for element in elements:
        element.tail = None
        parent.remove(element)
    heading = int(local(parent)[1]) if local(parent) in HEADINGS else 0
    previous: Any = anchor
    made: list[Utterance] = []
    for group in groups:
        content = "".join(p if isinstance(p, str) else _spoken_text(p) for p in group)
        if not content.strip():
            _append_text(parent, previous, "".join(p for p in group if isinstance(p, str)))
            continue
        lead = (
            group[0][: len(group[0]) - len(group[0].lstrip())] if isinstance(group[0], str) else ""
        )
        if lead:
            _append_text(parent, previous, lead)
            group[0] = group[0][len(lead) :]
        trail = ""
        if isinstance(group[-1], str):
            stripped = group[-1].rstrip()
            trail, group[-1] = group[-1][len(stripped) :], stripped
        span = parent.makeelement(f"{{{XHTML}}}span", {})
        ident = script.new_id()
        span.set("id", ident)
        last: Any = None
        for piece in group:
            if isinstance(piece, str):
                if last is None:
                    span.text = (span.text or "") + piece
                else:
                    last.tail = (last.tail or "") + piece
            else:
                span.append(piece)
                last = piece
        parent.insert(index, span)
        index += 1
        previous = span
        if trail:
            _append_text(parent, previous, trail)
        made.append(Utterance(ident, _pieces(span, language(parent, lang)), heading=heading))
    if made:
        made[-1].block_end = True
        if heading:
            title = " ".join(u.text for u in made)
            for utterance in made:
                utterance.title = title
    script.utterances.extend(made)


def _merge_unspoken(groups: list[list[Any]]) -> list[list[Any]]:
    """A "sentence" without a letter or digit (a closing quote) joins its neighbour."""

    def spoken(group: list[Any]) -> bool:
        text = "".join(p if isinstance(p, str) else _spoken_text(p) for p in group)
        return any(c.isalnum() for c in text)

    merged: list[list[Any]] = []
    for group in groups:
        if (
            merged
            and not spoken(group)
            and "".join(p if isinstance(p, str) else "x" for p in group).strip()
        ):
            merged[-1].extend(group)
        else:
            merged.append(group)
    if (
        len(merged) > 1
        and not spoken(merged[0])
        and "".join(p if isinstance(p, str) else "x" for p in merged[0]).strip()
    ):
        merged[1][:0] = merged.pop(0)
    return merged


def _append_text(parent: Any, previous: Any, text: str) -> None:
    if not text:
        return
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def _cuts(text: str, lang: str) -> list[int]:
    """Where the sentences after the first start, as offsets in ``text``."""
    cuts = []
    position = 0
    for number, sentence in enumerate(split_sentences(text, lang)):
        found = text.find(sentence, position)
        if found < 0:
            continue
        if number:
            cuts.append(found)
        position = found + len(sentence)
    return cuts


def _silent(element: Any) -> bool:
    """Not read aloud: note numbers, back links (a word list's or a note's ↩),
    page-break markers."""
    if _skipped(element):
        return True
    if element.get("role") in ("doc-noteref", "doc-backlink"):
        return True
    return "noteref" in (element.get("class") or "")


def _spoken_text(element: Any) -> str:
    """The text an inline element contributes to its sentence (as laid out)."""
    if _silent(element):
        return "".join(element.itertext())
    if local(element) == "img":
        return ""
    return "".join(element.itertext())


def _pieces(span: Any, default: str) -> list[tuple[str, str]]:
    """The spoken text of a sentence, split where its language changes."""
    pieces: list[tuple[str, str]] = []

    def add(text: str | None, lang: str) -> None:
        if not text:
            return
        if pieces and pieces[-1][1] == lang:
            pieces[-1] = (pieces[-1][0] + text, lang)
        else:
            pieces.append((text, lang))

    def walk(element: Any, lang: str) -> None:
        own = element.get(XML_LANG) or element.get("lang") or lang
        if _silent(element):
            return
        if local(element) == "img":
            add(" " + (element.get("alt") or "") + " ", own)
            return
        add(element.text, own)
        for child in element:
            if isinstance(child.tag, str):
                walk(child, own)
            add(child.tail, own)

    walk(span, default)
    return [(" ".join(text.split()), lang) for text, lang in pieces if text.strip()]
