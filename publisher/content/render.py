"""One content rendering: the selected tokens of a variant -> body HTML.

The renderer has one method per token type (as markdown-it's own). What differs
per format is data in :class:`RenderOptions` (markup flavour, heading shift,
where images live); the markup of figures comes from the theme's partial.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import unescape
from typing import Any, Literal, cast

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import OptionsDict, OptionsType

from publisher.content.select import VARIANT_BLOCKS
from publisher.reading.abbreviations import ENV_KEY as ABBREVIATIONS
from publisher.reading.markdown import is_safe_link, markdown, span_text
from publisher.reading.model import Article, GlossaryEntry, Image
from publisher.text.emoji import runs as emoji_runs
from publisher.text.scripts import is_rtl

Target = Literal["html", "xhtml", "print"]


@dataclass(frozen=True)
class FigureData:
    image: Image
    src: str
    alt: str
    caption: str
    decorative: bool
    id: str


@dataclass(frozen=True)
class RenderOptions:
    target: Target
    image_url: Callable[[Image], str]
    figure: Callable[[FigureData], str]
    heading_shift: int = 0
    id_prefix: str = ""
    table_label: str = "Table {number}"
    remove_soft_hyphens: bool = False
    """Plain language: soft hyphens are removed (no hyphenation at all)."""
    sentence_lines: bool = False
    """Level "easy": every sentence starts on its own line."""
    number_links: bool = False
    """Paper: every external link is followed by a number ``[1]``; the numbered
    addresses are listed at the end (:attr:`Rendered.link_urls`)."""
    code_columns: int | None = None
    """Paper: code lines longer than this are wrapped, each continuation marked."""
    label: Callable[[str], str] = str
    """The interface string of a key (labels of admonitions: ``note_tip`` -> "Tip")."""
    missing: frozenset[str] = frozenset()
    """Paper: characters no font of the theme has. They print as their code points
    ("[U+65E5]") and stay themselves for screen readers and copied text (/ActualText)."""
    plain_language: bool = False
    """The plain variant: headings, image texts and table captions take their plain
    wording (``{plain="..."}``, ``plain-alt``, ``plain-caption``) where one is given."""


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class Footnote:
    number: int
    id: str
    ref_id: str
    html: str


@dataclass
class Rendered:
    """What one variant of an article looks like in one markup flavour."""

    body: str
    headings: list[Heading]
    footnotes: list[Footnote]
    glossary: list[GlossaryEntry]
    languages: set[str] = field(default_factory=set)
    link_urls: list[str] = field(default_factory=list)
    """The addresses of the numbered links, note 1 first (``number_links``)."""


@dataclass
class _State:
    article: Article
    options: RenderOptions
    glossary_used: dict[str, GlossaryEntry] = field(default_factory=dict)
    note_numbers: dict[int, int] = field(default_factory=dict)
    span_stack: list[str] = field(default_factory=list)
    link_stack: list[str] = field(default_factory=list)
    """Per open link: what closes it ("</a>", "" for a link that stays text, or the
    close plus its printed number)."""
    link_urls: list[str] = field(default_factory=list)
    link_depth: int = 0
    list_item_depth: int = 0
    figures: int = 0
    tables: int = 0
    levels: dict[int, int] = field(default_factory=dict)
    """Heading token (id) -> its level in this variant, never skipping one."""
    languages: set[str] = field(default_factory=set)


class BodyRenderer(RendererHTML):
    """markdown-it's HTML renderer with the source format's semantics."""

    # --- helpers
    @staticmethod
    def _state(env: Any) -> _State:
        state = env["state"]
        assert isinstance(state, _State)
        return state

    def _id(self, env: Any, value: str) -> str:
        return self._state(env).options.id_prefix + value

    def _lang_attrs(self, env: Any, lang: str) -> str:
        state = self._state(env)
        state.languages.add(lang)
        lang = escapeHtml(lang)
        if state.options.target == "xhtml":
            return f' lang="{lang}" xml:lang="{lang}"'
        return f' lang="{lang}"'

    # --- blocks
    def heading_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        token = tokens[idx]
        level = self._level(token, env)
        ident = self._id(env, str(token.attrGet("id")))
        return f'<h{level} id="{escapeHtml(ident)}">'

    def heading_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        return f"</h{self._level(tokens[idx], env)}>\n"

    def _level(self, token: Token, env: Any) -> int:
        state = self._state(env)
        return min(6, state.levels.get(id(token), int(token.tag[1])) + state.options.heading_shift)

    def figure(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        state = self._state(env)
        image_token = (tokens[idx].children or [])[0]
        if image_token.meta.get("omit"):  # a remote image that was not fetched
            alt = self.renderInlineAsText(image_token.children or [], options, env)
            return f'<p class="pub-image-text">{escapeHtml(alt)}</p>\n' if alt else ""
        src = str(image_token.attrGet("src"))
        image = state.article.images[src]
        state.figures += 1
        caption = str(image_token.attrGet("title") or "")
        alt = self.renderInlineAsText(image_token.children or [], options, env)
        if state.options.plain_language:
            caption = str(image_token.attrGet("plain-caption") or caption)
            alt = str(image_token.attrGet("plain-alt") or "") or alt
        data = FigureData(
            image=image,
            src=state.options.image_url(image),
            alt=alt,
            caption=self.renderInline(
                _caption_tokens(caption, state.article.meta.abbr), options, env
            )
            if caption
            else "",
            decorative="decorative" in str(image_token.attrGet("class") or "").split(),
            id=self._id(env, f"figure-{state.figures}"),
        )
        return state.options.figure(data)

    def paragraph_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        state = self._state(env)
        if state.options.target == "print" and state.list_item_depth:
            # PDF/UA: an LI may hold only Lbl and LBody; WeasyPrint tags a <p> in an
            # <li> as P, so list items are written without paragraphs in print.
            return "<br />" if idx and tokens[idx - 1].type == "paragraph_close" else ""
        return self.renderToken(tokens, idx, options, env)

    def paragraph_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        state = self._state(env)
        if state.options.target == "print" and state.list_item_depth:
            return ""
        return self.renderToken(tokens, idx, options, env)

    def list_item_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        self._state(env).list_item_depth += 1
        return "<li>"

    def list_item_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        self._state(env).list_item_depth -= 1
        return "</li>\n"

    def table_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        state = self._state(env)
        state.tables += 1
        caption = str(tokens[idx].attrGet("caption") or "")
        if state.options.plain_language:
            caption = str(tokens[idx].attrGet("plain-caption") or caption)
        ident = self._id(env, f"table-{state.tables}")
        caption_html = f'<caption id="{ident}">{escapeHtml(caption)}</caption>\n' if caption else ""
        if state.options.target != "html":
            return f"<table>\n{caption_html}"
        # A wide table scrolls on its own on a narrow screen; the scrolling region
        # must be reachable by keyboard (axe scrollable-region-focusable).
        label = (
            f'aria-labelledby="{ident}"'
            if caption
            else f'aria-label="{escapeHtml(state.options.table_label.format(number=state.tables))}"'
        )
        return (
            f'<div class="pub-table" role="region" tabindex="0" {label}>\n<table>\n{caption_html}'
        )

    def table_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        if self._state(env).options.target != "html":
            return "</table>\n"
        return "</table>\n</div>\n"

    def th_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return '<th scope="col"' + self._align(tokens[idx]) + ">"

    def td_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return "<td" + self._align(tokens[idx]) + ">"

    @staticmethod
    def _align(token: Token) -> str:
        style = str(token.attrGet("style") or "")
        match = re.search(r"text-align:(left|right|center)", style)
        return f' class="align-{match.group(1)}"' if match else ""

    def admonition_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        token = tokens[idx]
        kind = str(token.meta.get("kind", "note"))
        label = self._state(env).options.label(f"note_{kind}")
        title = str(token.meta.get("title") or "")
        if title and title.casefold().rstrip(":!. ") != label.casefold():
            label = f"{label}: {title}"
        return (
            f'<aside class="pub-note pub-note-{kind}" role="note">\n'
            f'<p class="pub-note-label">{escapeHtml(label)}</p>\n'
        )

    def admonition_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        return "</aside>\n"

    def details_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        summary = escapeHtml(str(tokens[idx].meta.get("summary") or ""))
        # On paper and in e-readers (which may not open it) the text is shown.
        is_open = "" if self._state(env).options.target == "html" else ' open="open"'
        summary = summary or escapeHtml(self._state(env).options.label("details_label"))
        return f'<details class="pub-details"{is_open}>\n<summary>{summary}</summary>\n'

    def details_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        return "</details>\n"

    def html_element_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        token = tokens[idx]
        attrs = "".join(f' {k}="{escapeHtml(str(v))}"' for k, v in (token.attrs or {}).items())
        return f"<{token.tag}{attrs}>"

    def html_element_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        return f"</{tokens[idx].tag}>"

    def fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        token = tokens[idx]
        language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
        return self._code(token.content, language, env)

    def code_block(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return self._code(tokens[idx].content, "", env)

    def _code(self, content: str, language: str, env: Any) -> str:
        state = self._state(env)
        css = f' class="language-{escapeHtml(language)}"' if language else ""
        columns = state.options.code_columns
        if state.options.target == "print" and columns:
            body = "\n".join(
                '\n<span class="pub-code-cont"></span>'.join(
                    self._printable(escapeHtml(piece), env)
                    for piece in wrap_code_line(line, columns)
                )
                for line in content.rstrip("\n").split("\n")
            )
            return f'<pre class="pub-code" dir="ltr"><code{css}>{body}\n</code></pre>\n'
        # On a screen a long line scrolls in its own box, reachable by keyboard; code
        # runs left to right, also in an Arabic article.
        focus = ' tabindex="0"' if state.options.target == "html" else ""
        code = escapeHtml(content)
        return f'<pre class="pub-code" dir="ltr"{focus}><code{css}>{code}</code></pre>\n'

    def html_block(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        shown = self._printable(escapeHtml(_readable(tokens[idx].content.strip())), env)
        return f'<p class="source-html">{shown}</p>\n'

    def html_inline(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return self._printable(escapeHtml(_readable(tokens[idx].content)), env)

    def code_inline(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        token = tokens[idx]
        shown = self._printable(escapeHtml(token.content), env)
        return f"<code{self.renderAttrs(token)}>{shown}</code>"

    def _printable(self, html: str, env: Any) -> str:
        """Paper: emoji and characters no font has, marked (see _mark_emoji)."""
        state = self._state(env)
        if state.options.target != "print":
            return html
        return _mark_emoji(_mark_missing(html, state.options.missing))

    # --- inline
    def text(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        state = self._state(env)
        content = tokens[idx].content
        if state.options.remove_soft_hyphens:
            content = content.replace("\u00ad", "")
        if state.options.sentence_lines:
            from publisher.text.sentences import split_sentences

            escaped = (
                "<br />".join(
                    escapeHtml(s) for s in split_sentences(content, state.article.meta.lang)
                )
                if content.strip()
                else escapeHtml(content)
            )
            if content[:1].isspace():
                escaped = " " + escaped
            if content[-1:].isspace() and content.strip():
                escaped += " "  # before the next inline token (emphasis, abbreviation)
        else:
            escaped = escapeHtml(content)
        escaped = self._printable(escaped, env)
        return escaped

    def abbr_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return f'<abbr title="{escapeHtml(str(tokens[idx].attrGet("title") or ""))}">'

    def abbr_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return "</abbr>"

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        state = self._state(env)
        token = tokens[idx]
        if token.meta.get("omit"):  # a remote image that was not fetched: its alt text
            return escapeHtml(self.renderInlineAsText(token.children or [], options, env))
        alt = self.renderInlineAsText(token.children or [], options, env)
        image = state.article.images.get(str(token.attrGet("src")))
        if image is None:  # in a figure's caption (never read as an image): its text
            return escapeHtml(alt)
        if alt and state.options.plain_language:
            alt = str(token.attrGet("plain-alt") or "") or alt
        if not alt and state.options.target == "print":
            return ""  # a decorative inline image is left out of the handout
        close = " />" if state.options.target == "xhtml" else ">"
        return (
            f'<img class="inline-image" src="{escapeHtml(state.options.image_url(image))}" '
            f'alt="{escapeHtml(alt)}"{close}'
        )

    def link_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        state = self._state(env)
        href = str(tokens[idx].attrGet("href") or "")
        state.link_depth += 1
        if tokens[idx].meta.get("text_only") or not is_safe_link(href):
            state.link_stack.append("")
            return ""
        if href.startswith("#"):
            state.link_stack.append("</a>")
            return f'<a href="#{escapeHtml(state.options.id_prefix + href[1:])}">'
        external = href.lower().startswith(("http:", "https:"))
        close = "</a>"
        if external and state.options.number_links:
            if href not in state.link_urls:
                state.link_urls.append(href)
            number = state.link_urls.index(href) + 1
            close += f'<sup class="pub-link-note">[{number}]</sup>'
        state.link_stack.append(close)
        marker = ' class="external"' if external else ""
        return f'<a href="{escapeHtml(href)}"{marker}>'

    def link_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        state = self._state(env)
        state.link_depth -= 1
        return state.link_stack.pop()

    def span_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        state = self._state(env)
        token = tokens[idx]
        attrs = ""
        lang = token.attrGet("lang")
        if lang:
            attrs += self._lang_attrs(env, str(lang))
        direction = token.attrGet("dir")
        if direction is None and lang:  # a part in a language that runs the other way
            own = "rtl" if is_rtl(str(lang)) else "ltr"
            if own != ("rtl" if is_rtl(state.article.meta.lang) else "ltr"):
                direction = own
        if direction in ("ltr", "rtl", "auto"):
            attrs += f' dir="{direction}"'
        classes = str(token.attrGet("class") or "").split()
        key = token.attrGet("term")
        if "term" in classes or key is not None:
            word = str(key) if key is not None else span_text(tokens, idx)
            entry = state.article.meta.glossary_lookup(word)
            if entry is not None:
                first = entry.key not in state.glossary_used
                state.glossary_used.setdefault(entry.key, entry)
                if first:  # the word list links back to the first use
                    attrs += f' id="{escapeHtml(self._id(env, entry.use_anchor))}"'
                if first and not state.link_depth:
                    state.span_stack.append("a")
                    target = escapeHtml(self._id(env, entry.anchor))
                    epub = ' epub:type="glossref"' if state.options.target == "xhtml" else ""
                    return f'<a class="term" href="#{target}" role="doc-glossref"{epub}{attrs}>'
                attrs += ' class="term"'
        state.span_stack.append("span")
        return f"<span{attrs}>"

    def span_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        kind = self._state(env).span_stack.pop()
        return f"</{kind}>" if kind else ""

    def footnote_ref(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        state = self._state(env)
        note_id = int(tokens[idx].meta["id"])
        number = state.note_numbers.setdefault(note_id, len(state.note_numbers) + 1)
        sub = int(tokens[idx].meta.get("subId", 0))
        ref_id = self._id(env, f"note-ref-{number}" + (f"-{sub}" if sub else ""))
        epub = ' epub:type="noteref"' if state.options.target == "xhtml" else ""
        return (
            f'<sup class="noteref"><a href="#{self._id(env, f"note-{number}")}" id="{ref_id}" '
            f'role="doc-noteref"{epub}>{number}</a></sup>'
        )


def _unselected(self: BodyRenderer, tokens: Sequence[Token], idx: int, *args: Any) -> str:
    raise AssertionError(
        f"{tokens[idx].type}: variant blocks must be selected (content.select) "
        "before rendering; the renderer never drops one silently"
    )


for _name in VARIANT_BLOCKS:
    setattr(BodyRenderer, f"container_{_name}_open", _unselected)
    setattr(BodyRenderer, f"container_{_name}_close", _unselected)


def _readable(markup: str) -> str:
    """HTML shown as text, with its character references as the characters they are
    (a reader sees "envía", not "env&iacute;a"); the tags stay visible."""
    return unescape(markup)


def _mark_missing(html: str, missing: frozenset[str]) -> str:
    if not missing or not any(char in missing for char in html):
        return html
    out: list[str] = []
    run: list[str] = []
    for char in html + "\x00":
        if char in missing:
            run.append(char)
            continue
        if run:
            codes = " ".join(f"U+{ord(c):04X}" for c in run)
            out.append(
                f'<span class="pub-actual pub-missing" data-text="{"".join(run)}">[{codes}]</span>'
            )
            run = []
        out.append(char)
    return "".join(out[:-1])


def _mark_emoji(html: str) -> str:
    """Paper: each run of emoji in a span, so the handout's structure can say which
    emoji it is (/ActualText); a keycap (1️⃣) prints as its digit in a box."""
    out = []
    for kind, piece in emoji_runs(html):
        if kind == "emoji":
            out.append(f'<span class="pub-emoji">{piece}</span>')
        elif kind == "keycap":
            out.append(f'<span class="pub-emoji pub-keycap" data-text="{piece}">{piece[0]}</span>')
        else:
            out.append(piece)
    return "".join(out)


def wrap_code_line(line: str, columns: int) -> list[str]:
    """A code line in pieces of at most ``columns`` characters (tabs as four), each
    continuation after the first; breaks after a space or punctuation where one is near
    the end of a piece, else anywhere. Nothing is left out: the pieces join to the line."""
    line = line.expandtabs(4)
    pieces = []
    width = columns
    while len(line) > width:
        cut = max((line.rfind(c, width // 2, width) for c in " ,;)]}>&|/.=+-"), default=-1)
        cut = cut + 1 if cut > 0 else width
        pieces.append(line[:cut])
        line = line[cut:]
        width = columns - 2  # room for the continuation mark
    pieces.append(line)
    return pieces


def _caption_tokens(caption: str, abbreviations: tuple[tuple[str, str], ...] = ()) -> list[Token]:
    tokens = markdown().parseInline(caption, {ABBREVIATIONS: abbreviations})
    return tokens[0].children or [] if tokens else []


def _heading_text(tokens: list[Token], index: int) -> str:
    inline = tokens[index + 1]
    return "".join(
        c.content for c in inline.children or [] if c.type in ("text", "code_inline")
    ).strip()


def plain_headings(tokens: list[Token]) -> list[Token]:
    """The tokens with every heading that has a plain wording (``{plain="..."}``)
    worded so; the article's own tokens are not changed."""
    out = list(tokens)
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and token.meta.get("plain"):
            inline = tokens[index + 1].copy()
            inline.content = str(token.meta["plain"])
            inline.children = _caption_tokens(inline.content)
            out[index + 1] = inline
    return out


def render_body(
    article: Article,
    tokens: list[Token],
    footnotes: dict[int, list[Token]],
    options: RenderOptions,
) -> Rendered:
    """Render a variant's tokens and footnotes (see :mod:`publisher.content.select`)."""
    if options.plain_language:
        tokens = plain_headings(tokens)
    renderer = BodyRenderer()
    state = _State(article, options)
    settings = dict(markdown().options.items())
    settings["xhtmlOut"] = options.target == "xhtml"
    md_options = OptionsDict(cast(OptionsType, settings))
    env: dict[str, Any] = {"state": state}
    previous = 1
    for index, token in enumerate(tokens):  # a variant that leaves a section out must
        if token.type == "heading_open":  # not skip a level
            previous = min(int(token.tag[1]), previous + 1)
            state.levels[id(token)] = state.levels[id(tokens[index + 2])] = previous
    body = renderer.render(tokens, md_options, env)

    headings = [
        Heading(
            level=min(6, state.levels[id(t)] + options.heading_shift),
            id=options.id_prefix + str(t.attrGet("id")),
            text=_heading_text(tokens, i),
        )
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    notes = []
    done: set[int] = set()
    while len(done) < len(state.note_numbers):  # a note may refer to a later one
        pending = sorted(
            (number, note_id)
            for note_id, number in state.note_numbers.items()
            if note_id not in done
        )
        for number, note_id in pending:
            done.add(note_id)
            note_tokens = footnotes.get(note_id, [])
            inner = [t for t in note_tokens if t.type not in ("paragraph_open", "paragraph_close")]
            html = renderer.render(inner, md_options, env).strip()
            notes.append(
                Footnote(
                    number=number,
                    id=options.id_prefix + f"note-{number}",
                    ref_id=options.id_prefix + f"note-ref-{number}",
                    html=html,
                )
            )
    notes.sort(key=lambda note: note.number)
    glossary = sorted(state.glossary_used.values(), key=lambda e: e.key.casefold())
    return Rendered(body, headings, notes, glossary, state.languages, state.link_urls)
