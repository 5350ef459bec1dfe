"""Output formats as data: one entry per format, each a renderer plus templates.

A new format is an entry here, a module with its ``render`` function, and a layout
template in the theme; the reading, the variants and the content rendering are shared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from publisher.formats.job import Job
from publisher.outputs import Output
from publisher.render import Target


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    target: Target
    layout: str
    """Template name; ``layouts/page.html`` is looked up as ``layouts/page.plain.html``
    first for the plain variant."""
    render: Callable[[Job], list[Output]]
    media_type: str


def _lazy(module: str) -> Callable[[Job], list[Output]]:
    """Import a renderer only when it is used (WeasyPrint takes a second to import)."""

    def render(job: Job) -> list[Output]:
        import importlib

        function: Callable[[Job], list[Output]] = importlib.import_module(
            f"publisher.formats.{module}"
        ).render
        return function(job)

    return render


# Order matters: the web page links to the PDF and EPUB with their sizes, and the
# EPUB's page list follows the PDF's pages, so those are built first.
FORMATS: dict[str, Format] = {
    "pdf": Format("pdf", ".pdf", "print", "layouts/print.html", _lazy("pdf"), "application/pdf"),
    "epub": Format(
        "epub", ".epub", "xhtml", "layouts/epub.xhtml", _lazy("epub"), "application/epub+zip"
    ),
    "html": Format("html", ".html", "html", "layouts/page.html", _lazy("html"), "text/html"),
    "embed": Format(
        "embed", ".embed.html", "html", "layouts/embed.html", _lazy("embed"), "text/html"
    ),
}
