"""The printable handout: PDF/UA-1 through WeasyPrint (``<slug>.pdf``)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from publisher.formats.html import _variant_layout
from publisher.formats.job import Job
from publisher.formats.pdf_tags import enable_span_languages
from publisher.formats.print_links import number_external_links
from publisher.model import Image
from publisher.outputs import Output
from publisher.stylesheets import colour_properties, concatenate, data_uri, font_faces
from publisher.url_fetcher import ConfinedFetcher
from publisher.weasyprint_import import load

PDF_VARIANT = "pdf/ua-1"
PAPER = {
    # name: (size, margins top right bottom left)
    "A4": ("A4", "20mm 20mm 22mm 20mm"),
    "A5": ("A5", "14mm 13mm 18mm 13mm"),
}


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_rules(job: Job, paper: str, short_title: str) -> str:
    size, margins = PAPER[paper]
    parts = job.t("page_x_of_y", page="\x00page\x00", pages="\x00pages\x00").split("\x00")
    counter = " ".join(
        "counter(page)" if p == "page" else "counter(pages)" if p == "pages" else _css_string(p)
        for p in parts
        if p
    )
    publisher = job.article.meta.publisher
    left = _css_string(short_title + (f" · {publisher}" if publisher else ""))
    font_size = "8pt" if paper == "A5" else "8.5pt"
    see = job.t("see_page", page="\x00").split("\x00")
    see_page = " ".join(
        part
        for part in (
            _css_string(" (" + see[0]) if see[0] else '" ("',
            "target-counter(attr(href url), page)",
            _css_string(see[1] + ")"),
        )
    )
    return f"""
/* Paper cannot be clicked: an internal link says on which page its target is. */
.pub-body a[href^="#"]:not([role])::after {{ content: {see_page}; }}
@page {{
  size: {size};
  margin: {margins};
  @bottom-left {{ content: {left}; font-family: var(--pub-font), sans-serif;
    font-size: {font_size}; color: #3d3d3d; }}
  @bottom-right {{ content: {counter}; font-family: var(--pub-font), sans-serif;
    font-size: {font_size}; color: #3d3d3d; }}
}}
"""


def short_title(title: str, limit: int = 48) -> str:
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"


def render(job: Job) -> list[Output]:
    pdf = build_pdf(job)
    return [Output(job.filename("pdf"), pdf)]


def build_pdf(job: Job) -> bytes:
    document = render_document(job)
    meta = job.article.meta
    buffer = io.BytesIO()
    document.write_pdf(
        buffer,
        pdf_variant=PDF_VARIANT,
        pdf_identifier=meta.slug.encode("utf-8") + job.variant.suffix.encode("utf-8"),
    )
    return buffer.getvalue()


def render_document(job: Job) -> Any:
    """Lay out the handout (cached on the job: the EPUB's page list reads it)."""
    if "pdf_document" in job.extras:
        return job.extras["pdf_document"]
    weasyprint = load()
    from weasyprint.text.fonts import FontConfiguration

    enable_span_languages()

    def image_url(image: Image) -> str:
        return image.source.as_uri()

    rendered = job.render("print", image_url, "pdf")
    rendered.body, urls = number_external_links(rendered.body)
    context = job.context(rendered, "pdf")
    css_files = ("print.css",)
    paper = job.settings.paper
    css = (
        colour_properties(job.theme, ":root", dark=False)
        + font_faces(job.theme, lambda relative: job.theme.static(relative).as_uri())
        + concatenate(job.theme, css_files)
        + page_rules(job, paper, short_title(context["display_title"]))
    )
    qr = None
    page_url = job.published_url
    if page_url:
        qr = {"src": qr_data_uri(page_url), "alt": job.t("qr_alt", url=page_url), "url": page_url}
    logo = job.logo_file()
    context.update(
        logo=logo[1].as_uri() if logo else "",
        stylesheet_text=css,
        print_links=urls,
        qr=qr,
        links={
            "epub_file": job.filename("epub"),
            "other": job.links_other_variant,
            "other_pdf_file": job.filename("pdf", job.other_variant),
        },
    )
    template = job.theme.template(_variant_layout("layouts/print.html", job), "layouts/print.html")
    html = template.render(context)
    roots = [
        job.article.source.folder,
        *(t.path for t in job.theme.chain),
        *(image.source for image in job.article.images.values()),  # checked by the reader
    ]
    fetcher = ConfinedFetcher([Path(r) for r in roots])
    fonts = FontConfiguration()
    job.cleanups.append(lambda: remove_font_copies(fonts))
    document = weasyprint.HTML(
        string=html,
        base_url=job.article.source.folder.resolve().as_uri() + "/",
        url_fetcher=fetcher,
    ).render(  # tagging happens at layout; the identifier at writing
        pdf_variant=PDF_VARIANT, font_config=fonts
    )
    job.extras["pdf_document"] = document
    return document


def remove_font_copies(fonts: Any) -> None:
    """WeasyPrint copies the theme's @font-face files into a temporary folder that it
    removes only when the FontConfiguration is garbage-collected, which never happens
    in a pool worker (it ends with ``os._exit``): every handout left 0.2 MB in /tmp.
    The folder is removed here once the job's PDF and EPUB page list are done."""
    folder = getattr(fonts, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        fonts._folder = None


def qr_data_uri(url: str) -> str:
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, title=None
    )
    return data_uri("image/svg+xml", buffer.getvalue())
