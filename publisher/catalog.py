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
    version_hint: str
    """Interface string that tells a reader of a sibling this version exists ({file})."""
    templates: tuple[str, ...]
    """Template name suffixes tried before the shared template: ``x.plain.html``."""

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
        links_to=("pdf", "epub"),
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
        links_to=("pdf", "epub"),
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
        version_hint="standard_version_hint",
        templates=(),
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
        version_hint="plain_version_hint",
        templates=(".plain",),
    )
)

PAPERS.update(
    {
        "A4": Paper("A4", "A4", "20mm 20mm 22mm 20mm", "8.5pt", "210 × 297 mm (default)", 86),
        "A5": Paper("A5", "A5", "14mm 13mm 18mm 13mm", "8pt", "148 × 210 mm, a folded A4", 60),
    }
)
DEFAULT_PAPER = "A4"


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
