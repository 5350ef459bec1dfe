"""What can be built: output formats, text variants and paper sizes, each declared once.

Everything else reads these tables: the command line's choices and help, the
``publisher.toml`` schema and its defaults, the build's order, the file names, the
theme's stylesheets and templates per variant, and the tables in the docs
(``publisher.catalog.markdown_tables``). This module imports nothing heavy: the
command line reads it before anything is rendered.

A new format is a :class:`Format` here (or :func:`register_format`), a module with a
``render(job, needs)`` function, and its layout template in the theme. A new variant
is a :class:`Variant` here (or :func:`register_variant`), its stylesheet and strings.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from publisher.build.job import Job, Needs, Product
    from publisher.collections.job import CollectionJob

Renderer = Callable[["Job", "Needs"], "Product"]
CollectionRenderer = Callable[["CollectionJob", "Needs"], "Product"]
F = TypeVar("F")


def _function(name: str | F) -> F:
    """A renderer given as ``module:function``, imported when it is first used."""
    if not isinstance(name, str):
        return name
    module, _, function = name.partition(":")
    found: F = getattr(importlib.import_module(module), function or "render")
    return found


@dataclass(frozen=True)
class Format:
    """One kind of output file (per article and variant)."""

    name: str
    extension: str
    """Appended to ``<slug><variant suffix>``: ``.html``, ``.embed.html``, ``.pdf``."""
    media_type: str
    help: str
    """What it is for, one line (command line, docs)."""
    renderer: str | Renderer
    """``module:function`` imported only when the format is built, or the function."""
    needs: tuple[str, ...] = ()
    """Formats whose products this one always reads (rendered, not necessarily written)."""
    links_to: tuple[str, ...] = ()
    """Formats this one links to when they are part of the publication (it then reads
    their products too, e.g. the web page shows the handout's size)."""
    download_label: str | None = None
    """Interface string of the link to this format from the web page, if it is offered
    as a download."""
    download_name: str = ""
    """The format's short name in that link ("PDF")."""
    variants: tuple[str, ...] | None = None
    """The variants it is made in when the build does not name its variants (None:
    every variant). A build that names its variants gets it in each of them."""
    available: str | None = None
    """``module:function`` that says why the format cannot be made on this machine
    (a missing program), or None when it can; such a build skips it with one warning."""
    default: bool = True
    """Built when the command line and publisher.toml name no formats; a format that is
    slow or needs an extra program (read-aloud) is made on request."""
    collection: str | CollectionRenderer | None = None
    """``module:function`` that renders a collection of articles in this format
    (``render(collection_job, needs)``), or None when collections have no such file."""

    def render_function(self) -> Renderer:
        return _function(self.renderer)

    def collection_function(self) -> CollectionRenderer:
        assert self.collection is not None, f"{self.name} has no collection renderer"
        return _function(self.collection)

    def required(self, published: tuple[str, ...]) -> tuple[str, ...]:
        """What this format reads when ``published`` formats are built."""
        return self.needs + tuple(f for f in self.links_to if f in published)

    def missing(self) -> str | None:
        """Why this format cannot be made here (None: it can)."""
        if self.available is None:
            return None
        module, _, function = self.available.partition(":")
        check: Callable[[], str | None] = getattr(importlib.import_module(module), function)
        return check()


@dataclass(frozen=True)
class Variant:
    """One version of the text (standard, plain language, ...) with all its rules."""

    name: str
    suffix: str
    """Inserted before the format's extension: ``<slug>{suffix}.html``."""
    help: str
    blocks: str
    """The variant blocks it shows: ``::: <blocks>`` (plain blocks replace the rest of
    their section; the standard variant shows ``::: standard`` blocks)."""
    plain_language: bool
    """Plain-language text: the plain title and summary, no soft hyphens, one sentence
    per line at level "easy", held to the readability targets by ``publisher check``."""
    stylesheets: dict[str, tuple[str, ...]]
    """Theme CSS files (``static/css/<name>``) added on top of a format's own, per
    medium: "web" (page and embed), "print" (handout), "epub"."""
    contrast_minimum: float
    """Least contrast ratio of every theme colour pair (WCAG: 4.5 AA, 7 AAA)."""
    css_class: str
    """Class on the article (and body) so the theme's CSS can tell variants apart."""
    switch_label: str
    """Interface string of a link that leads to this variant from a sibling."""
    templates: tuple[str, ...]
    """Template name suffixes tried before the shared template: ``x.plain.html``."""
    version_page: str | None = None
    """Interface string that names this variant's web page by its address ({url}) in
    a sibling's handout and e-book; without one: "<switch label>: <url>"."""
    formats: tuple[str, ...] | None = None
    """The formats this variant is made in (None: every format)."""

    def css(self, medium: str) -> tuple[str, ...]:
        """The variant's stylesheets for a medium ("web", "print", "epub")."""
        return self.stylesheets.get(medium, ())


@dataclass(frozen=True)
class Paper:
    name: str
    size: str
    """CSS page size."""
    margins: str
    """CSS margins: top right bottom left."""
    footer_size: str
    help: str
    code_columns: int
    """Characters of code that fit on a line of the page (longer lines wrap)."""


FORMATS: dict[str, Format] = {}
VARIANTS: dict[str, Variant] = {}
PAPERS: dict[str, Paper] = {}


def register_format(fmt: Format) -> Format:
    FORMATS[fmt.name] = fmt
    return fmt


def register_variant(variant: Variant) -> Variant:
    VARIANTS[variant.name] = variant
    return variant


register_format(
    Format(
        "html",
        ".html",
        "text/html",
        "web page, for visitors of your own site",
        "publisher.formats.html:render",
        links_to=("pdf", "epub", "docx", "audio"),
        collection="publisher.formats.collection.index:render",
    )
)
register_format(
    Format(
        "embed",
        ".embed.html",
        "text/html",
        "fragment that partner sites paste into their pages",
        "publisher.formats.embed:render",
        links_to=("pdf", "epub", "docx"),
    )
)
register_format(
    Format(
        "embed-shadow",
        ".shadow.html",
        "text/html",
        "the same fragment in a declarative shadow root: no partner CSS reaches it, "
        "but no in-page links (see docs/embedding.md)",
        "publisher.formats.embed:render_shadow",
        links_to=("pdf", "epub", "docx"),
    )
)
register_format(
    Format(
        "pdf",
        ".pdf",
        "application/pdf",
        "printable handout (PDF/UA-1), for people at meetings",
        "publisher.formats.pdf:render",
        download_label="download_pdf",
        download_name="PDF",
        collection="publisher.formats.collection.pdf:render",
    )
)
register_format(
    Format(
        "epub",
        ".epub",
        "application/epub+zip",
        "e-book (EPUB 3) for e-readers; its page list follows the handout",
        "publisher.formats.epub:render",
        needs=("pdf",),
        download_label="download_epub",
        download_name="EPUB",
        collection="publisher.formats.collection.epub:render",
    )
)
register_format(
    Format(
        "docx",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word document, for partners who reuse or adapt the text; checked against "
        "Word's accessibility rules",
        "publisher.formats.docx:render",
        download_label="download_docx",
        download_name="Word",
    )
)
register_format(
    Format(
        "audio",
        ".mp3",
        "audio/mpeg",
        "read aloud by a speech synthesiser, for people who listen: MP3 with chapter "
        "marks, and an e-book (`<slug>.plain.audio.epub`) that highlights each sentence "
        "as it is spoken; plain variant unless --variant names others",
        "publisher.formats.audio:render",
        needs=("epub",),
        variants=("plain",),
        available="publisher.speech:missing",
        default=False,
    )
)

register_variant(
    Variant(
        "standard",
        "",
        "the text as written",
        blocks="standard",
        plain_language=False,
        stylesheets={},
        contrast_minimum=4.5,
        css_class="",
        switch_label="switch_to_standard",
        templates=(),
        version_page="version_standard_page",
    )
)
register_variant(
    Variant(
        "plain",
        ".plain",
        "plain language (B1): '::: plain' blocks, larger type, more contrast",
        blocks="plain",
        plain_language=True,
        stylesheets={"web": ("plain.css",)},
        contrast_minimum=7.0,
        css_class="pub-plain",
        switch_label="switch_to_plain",
        templates=(".plain",),
        version_page="version_plain_page",
    )
)
register_variant(
    Variant(
        "large",
        ".large",
        "large print (standard text): handout in 18 pt sans-serif, 1.5 line spacing, "
        "7:1 contrast; made as PDF only, since screens and e-readers enlarge text themselves",
        blocks="standard",
        plain_language=False,
        stylesheets={"print": ("large-print.css",)},
        contrast_minimum=7.0,
        css_class="pub-large",
        switch_label="switch_to_large",
        templates=(),
        formats=("pdf",),
    )
)

PAPERS.update(
    {
        "A4": Paper("A4", "A4", "14mm 16mm 17mm 16mm", "8.5pt", "210 × 297 mm (default)", 86),
        "A5": Paper("A5", "A5", "14mm 13mm 18mm 13mm", "8pt", "148 × 210 mm, a folded A4", 60),
    }
)
DEFAULT_PAPER = "A4"


def formats_for(
    variant: Variant, wanted: tuple[str, ...], variants_named: bool = False
) -> tuple[str, ...]:
    """Which of the ``wanted`` formats a variant is made in: those the variant exists
    in, and of formats made for some variants only (``Format.variants``), those that
    name it, unless the build named its variants (``variants_named``)."""

    def made(name: str) -> bool:
        if variant.formats is not None and name not in variant.formats:
            return False
        only = FORMATS[name].variants
        return variants_named or only is None or variant.name in only

    return tuple(name for name in wanted if made(name))


def build_order(wanted: tuple[str, ...], published: tuple[str, ...]) -> tuple[str, ...]:
    """``wanted`` and everything they read, each after what it reads."""
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting, name])
            raise ValueError(f"formats need each other in a cycle: {cycle}")
        visiting.append(name)
        for needed in FORMATS[name].required(published):
            visit(needed)
        visiting.pop()
        order.append(name)

    for name in wanted:
        visit(name)
    return tuple(order)


def collection_formats(wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The formats a collection is made in when ``wanted`` are built, each after
    what it reads (a collection's e-book reads its own handout)."""
    chosen = tuple(name for name in wanted if FORMATS[name].collection is not None)
    return tuple(n for n in build_order(chosen, chosen) if FORMATS[n].collection is not None)


def markdown_tables() -> str:
    """The tables of formats, variants and paper sizes, for the docs."""
    lines = ["| format | file | for |", "| --- | --- | --- |"]
    lines += [f"| `{f.name}` | `<slug>{f.extension}` | {f.help} |" for f in FORMATS.values()]
    lines += ["", "| variant | file | what |", "| --- | --- | --- |"]
    lines += [f"| `{v.name}` | `<slug>{v.suffix}.*` | {v.help} |" for v in VARIANTS.values()]
    lines += ["", "| paper | size |", "| --- | --- |"]
    lines += [f"| `{p.name}` | {p.help} |" for p in PAPERS.values()]
    return "\n".join(lines) + "\n"
