"""Reader: an article file -> a checked :class:`~publisher.reading.model.Article` (one parse).

Errors stop the article; warnings are reported and the build goes on
(``--strict`` makes them errors).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from markdown_it.token import Token

from publisher.errors import Report
from publisher.reading.files import SourceFile, read_source
from publisher.reading.frontmatter import parse_front_matter
from publisher.reading.images import ImageProblem, resolve_image, unique_names
from publisher.reading.links import article_page_url, resolve, scheme
from publisher.reading.markdown import parse, span_text
from publisher.reading.model import Article, Image, Meta
from publisher.reading.outline import repair

UNPARSED_ATTRS_RE = re.compile(r"\]\{[^{}]*\}")
ALLOWED_HTML = (
    "only br, sup, sub, kbd, abbr, mark, small, s, details and the inline elements Markdown "
    "writes (em, strong, code, ...) are kept as HTML"
)
TAG_NAME_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")


def _tags(content: str) -> str:
    names = list(dict.fromkeys(f"<{m.lower()}>" for m in TAG_NAME_RE.findall(content)))
    return ", ".join(names[:4]) or "markup"


def read_article(
    path: Path, remote_cache: Path | None = None, base_url: str | None = None
) -> tuple[Article, Report]:
    """Read, parse and check one article. Raises PublisherError on errors.
    Remote images are fetched into ``remote_cache`` only when it is given; relative
    links are made absolute against the article's ``url`` or ``base_url``."""
    source = read_source(path)
    report = Report(path)
    for line, char in source.removed[:20]:
        report.warn(
            f"invisible character U+{ord(char):04X} removed (no output format can hold it)", line
        )
    meta = parse_front_matter(source, report)
    body, images, footnotes = read_body(source, report, meta, remote_cache, base_url)
    report.raise_if_errors()
    assert meta is not None
    return Article(source, meta, body, images, footnotes), report


def read_body(
    source: SourceFile,
    report: Report,
    meta: Meta | None,
    remote_cache: Path | None = None,
    base_url: str | None = None,
) -> tuple[list[Token], dict[str, Image], dict[int, list[Token]]]:
    """Parse and check the text after the front matter (an article's, or a
    collection's introduction): its tokens without the footnote block, its images,
    its footnotes. Problems go to ``report``."""
    tokens, env = parse(source.body, meta.abbr if meta is not None else ())
    offset = source.body_first_line
    if meta is not None:
        tokens = repair(tokens, meta.title, report.warn, offset)
    page = article_page_url(meta.url, base_url, meta.slug) if meta is not None else None
    context = _Context(source.folder, remote_cache, page, base_url, _ids(tokens))

    images: dict[str, Image] = {}
    lines = source.body.split("\n")
    _check_tokens(tokens, offset, lines, report, meta, images, context)
    images = unique_names(images)
    footnotes = _footnotes(tokens, env, report)
    return _strip_footnote_block(tokens), images, footnotes


def walk(tokens: list[Token], line: int | None = None) -> Iterator[tuple[Token, int | None]]:
    """Every token with the best-known 0-based source line, children included."""
    for token in tokens:
        here = token.map[0] if token.map else line
        yield token, here
        if token.children:
            yield from walk(token.children, here)
        if token.type in ("softbreak", "hardbreak") and line is not None:
            line += 1  # the inline's next words are on the next line


@dataclass(frozen=True)
class _Context:
    folder: Path
    remote_cache: Path | None
    page_url: str | None
    base_url: str | None
    ids: frozenset[str]
    by_file: dict[Path, Image] = field(default_factory=dict)
    """The images already read, by file: each file is read and checked once."""


def _ids(tokens: list[Token]) -> frozenset[str]:
    """The ids a ``#fragment`` link can go to: headings and spans with an id."""
    return frozenset(
        str(token.attrGet("id"))
        for token, _line in walk(tokens)
        if token.type in ("heading_open", "span_open") and token.attrGet("id")
    )


def _check_tokens(
    tokens: list[Token],
    offset: int,
    lines: list[str],
    report: Report,
    meta: Any,
    images: dict[str, Image],
    context: _Context,
) -> None:
    def at(line: int | None) -> int | None:
        return None if line is None else line + offset

    previous: Token | None = None
    parent_children: list[Token] | None = None
    position: dict[int, int] = {}  # id(child) -> its index in parent_children
    for token, line in walk(tokens):
        kind = token.type
        if kind == "inline":
            parent_children = token.children
            position = {id(child): index for index, child in enumerate(token.children or [])}
        if kind in ("html_block", "html_inline"):
            report.warn(f"HTML {_tags(token.content)} is shown as text: {ALLOWED_HTML}", at(line))
        elif kind.startswith("container_") and kind.endswith("_open") and token.map:
            end = token.map[1]
            closing = lines[end] if end < len(lines) else ""
            closing = re.sub(r"^(\s*>)*", "", closing).strip()  # inside block quotes
            if not re.fullmatch(r":{3,}", closing):
                name = kind.removeprefix("container_").removesuffix("_open")
                report.warn(f"'::: {name}' block is not closed with ':::'", at(line))
        elif kind == "text" and UNPARSED_ATTRS_RE.search(token.content):
            report.warn(
                "'{...}' after a bracketed text was not understood as attributes; "
                'quote values with letters outside a-z, e.g. term="zorgcoördinatie"',
                at(line),
            )
        elif kind == "image":
            _check_image(token, at(line), report, images, context)
        elif kind == "link_close" and previous is not None and previous.type == "link_open":
            report.warn("empty link: it has no text", at(line))
        elif kind == "span_open" and parent_children is not None:
            _check_span(
                token,
                span_text(parent_children, position[id(token)]),
                at(line),
                report,
                meta,
            )
        if kind == "link_open":
            _check_link(token, at(line), report, context)
            if token.meta.get("insecure_attrs"):
                report.warn("link attributes that are not allowed were dropped", at(line))
        previous = token


def _check_link(token: Token, line: int | None, report: Report, context: _Context) -> None:
    href = str(token.attrGet("href") or "")
    target = resolve(href, context.page_url, context.folder, context.base_url)
    if target.problem:
        report.warn(target.problem, line)
    if target.href is None:
        token.meta["text_only"] = True
    elif target.href.startswith("#") and _known_id(unquote(target.href[1:]), context) is None:
        report.warn(
            f"link to '{href[:60]}' goes nowhere: no heading has that id; the text stays "
            "without a link",
            line,
        )
        token.meta["text_only"] = True
    elif target.href.startswith("#"):  # as the heading's id is written (GitHub lower-cases)
        token.attrSet("href", f"#{_known_id(unquote(target.href[1:]), context)}")
    else:
        token.attrSet("href", target.href)


def _known_id(fragment: str, context: _Context) -> str | None:
    """The article's id a ``#fragment`` points to: exactly, or whatever its case."""
    if fragment in context.ids:
        return fragment
    folded = fragment.casefold()
    return next((ident for ident in sorted(context.ids) if ident.casefold() == folded), None)


def _check_image(
    token: Token, line: int | None, report: Report, images: dict[str, Image], context: _Context
) -> None:
    src = str(token.attrGet("src") or "")
    if scheme(src) in ("http", "https") and context.remote_cache is None:
        token.meta["omit"] = True
        report.warn(
            f"remote image '{src[:80]}' is not included (build with --allow-remote to fetch "
            "it); its alt text is shown instead",
            line,
        )
        return
    alt = "".join(c.content for c in token.children or []).strip()
    classes = str(token.attrGet("class") or "").split()
    if token.meta.get("insecure_attrs"):
        report.warn("image attributes that are not allowed were dropped", line)
    if not alt and "decorative" not in classes:
        report.error(
            f"image '{src}' has no alt text; describe it, or mark it "
            "decorative with ![](...){.decorative}",
            line,
        )
    if alt and "decorative" in classes:
        report.error(f"decorative image '{src}' must have an empty alt text", line)
    if not src:
        report.error("image without a file", line)
        return
    if src in images:
        return
    try:
        images[src] = resolve_image(src, context.folder, context.remote_cache, context.by_file)
    except ImageProblem as problem:
        report.error(str(problem), line)


def _check_span(token: Token, text: str, line: int | None, report: Report, meta: Any) -> None:
    if token.meta.get("insecure_attrs"):
        names = ", ".join(sorted(token.meta["insecure_attrs"]))
        report.warn(f"span attributes not allowed and dropped: {names}", line)
    for name in ("plain-alt", "plain-caption"):
        if token.attrGet(name) is not None:
            report.warn(f"'{name}' belongs on an image; it is ignored here", line)
    lang = token.attrGet("lang")
    if lang is not None:
        import langcodes

        if not langcodes.tag_is_valid(str(lang)):
            report.error(f"'lang={lang}' is not a valid BCP 47 language tag", line)
    direction = token.attrGet("dir")
    if direction is not None and direction not in ("ltr", "rtl", "auto"):
        report.error(f"'dir={direction}' must be ltr, rtl or auto", line)
    classes = str(token.attrGet("class") or "").split()
    key = token.attrGet("term")
    if "term" not in classes and key is None:
        return
    if meta is None:
        return
    word = str(key) if key is not None else text
    if meta.glossary_lookup(word) is None:
        report.error(f"glossary term '{word}' is not defined under 'glossary:'", line)


def _footnotes(
    tokens: list[Token], env: dict[str, object], report: Report
) -> dict[int, list[Token]]:
    notes: dict[int, list[Token]] = {}
    current: int | None = None
    for token in tokens:
        if token.type == "footnote_open":
            current = int(token.meta["id"])
            notes[current] = []
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type != "footnote_anchor":
            notes[current].append(token)
    data = env.get("footnotes")
    if isinstance(data, dict):
        for label, note_id in data.get("refs", {}).items():
            if note_id == -1:
                report.warn(f"footnote [^{label.lstrip(':')}] is never referenced")
    return notes


def _strip_footnote_block(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    inside = False
    for token in tokens:
        if token.type == "footnote_block_open":
            inside = True
        elif token.type == "footnote_block_close":
            inside = False
        elif not inside:
            out.append(token)
    return out
