"""The printable handout: PDF/UA-1 through WeasyPrint (``<slug>.pdf``).

Besides the file, the handout's product records where each page starts, so the
EPUB's page list follows the paper (:class:`~publisher.build.job.HandoutProduct`).
"""

from __future__ import annotations

import io
from pathlib import Path

from publisher.build.job import HandoutProduct, Job, Needs
from publisher.build.outputs import Output
from publisher.catalog import PAPERS
from publisher.errors import PublisherError
from publisher.formats.addresses import file_name, page_url
from publisher.formats.assets import ebook_file, other_versions
from publisher.formats.context import context, layout, logo_file, render_content
from publisher.formats.fonts import plan
from publisher.formats.pdf.weasyprint_internals import load, page_texts, remove_font_copies
from publisher.reading.model import Image
from publisher.text.matching import letters_and_digits
from publisher.text.scripts import is_rtl
from publisher.theme.stylesheets import colour_properties, concatenate, data_uri, font_faces

PDF_VARIANT = "pdf/ua-1"
PRINT_CSS = ("print.css",)
PAGE_KEY_LENGTH = 24
"""How many letters and digits of each page's start the page list looks for."""


CSS_PLAIN = frozenset(" .,:;!?()-–—·…'’‘%+*=@#$_")
"""Characters a CSS string holds as they are; every other one that is not a letter or
digit is written as a hex escape."""


def css_string(text: str) -> str:
    """A CSS string literal holding any text. Everything but letters, digits and
    :data:`CSS_PLAIN` is a hex escape (``\\3c ``), so no value can end the string,
    the rule, or (written into a ``<style>``) the element: it holds no ``"``, ``\\``,
    newline, ``<`` or ``>``."""
    return (
        '"' + "".join(c if c.isalnum() or c in CSS_PLAIN else f"\\{ord(c):x} " for c in text) + '"'
    )


def footer_rule(job: Job, short_title: str) -> str:
    """The running footer's text: the article's (short) title and publisher. It comes
    from the front matter, so it is never written into the document's ``<style>``:
    WeasyPrint gets it as a stylesheet of its own (user origin; the theme's author
    rules set no ``content`` on this margin box)."""
    publisher = job.article.meta.publisher
    text = css_string(short_title + (f" · {publisher}" if publisher else ""))
    start = "right" if is_rtl(job.article.meta.lang) else "left"  # as in page_rules
    return f"@page {{ @bottom-{start} {{ content: {text}; }} }}\n"


def page_rules(job: Job) -> str:
    """Paper size, margins, page numbers and "see page" texts: from the build settings
    and the theme's strings only."""
    paper = PAPERS[job.settings.paper]
    t = job.strings
    parts = t("page_x_of_y", page="\x00page\x00", pages="\x00pages\x00").split("\x00")
    counter = " ".join(
        "counter(page)" if p == "page" else "counter(pages)" if p == "pages" else css_string(p)
        for p in parts
        if p
    )
    see = t("see_page", page="\x00").split("\x00")
    see_page = " ".join(
        part
        for part in (
            css_string(" (" + see[0]) if see[0] else '" ("',
            "target-counter(attr(href url), page)",
            css_string(see[1] + ")"),
        )
    )
    # The title where the reader starts a line, the page number at the other side.
    start, end = ("right", "left") if is_rtl(job.article.meta.lang) else ("left", "right")
    return f"""
/* Paper cannot be clicked: an internal link says on which page its target is. */
.pub-body a[href^="#"]:not([role])::after {{ content: {see_page}; }}
@page {{
  size: {paper.size};
  margin: {paper.margins};
  @bottom-{start} {{ font-family: var(--pub-font), sans-serif;
    font-size: {paper.footer_size}; color: #3d3d3d; }}
  @bottom-{end} {{ content: {counter}; font-family: var(--pub-font), sans-serif;
    font-size: {paper.footer_size}; color: #3d3d3d; }}
}}
"""


def short_title(title: str, limit: int = 48) -> str:
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"


def print_html(job: Job) -> tuple[str, str]:
    """The handout as one HTML document for WeasyPrint, and the footer's rule."""

    def image_url(image: Image) -> str:
        return image.source.as_uri()

    rendered = render_content(job, "print", image_url, "pdf")
    values = context(job, rendered, "pdf")
    fonts = plan(job, "print")
    css = (
        colour_properties(job.theme, ":root", dark=False, font=fonts.stack)
        + font_faces(
            job.theme, lambda relative: job.theme.static(relative).as_uri(), fonts.families
        )
        + fonts.css()
        + concatenate(job.theme, (*PRINT_CSS, *job.variant.css("print")))
        + page_rules(job)
    )
    qr = None
    url = page_url(job)
    if url:
        qr = {"src": qr_data_uri(url), "alt": job.strings("qr_alt", url=url), "url": url}
    logo = logo_file(job)
    values.update(
        logo=logo[1].as_uri() if logo else "",
        stylesheet_text=css,
        print_links=rendered.link_urls,
        qr=qr,
        links={"epub_file": ebook_file(job), "others": other_versions(job, "pdf")},
    )
    footer = footer_rule(job, short_title(values["display_title"]))
    return layout(job, "layouts/print.html").render(values), footer


def render(job: Job, needs: Needs) -> HandoutProduct:
    weasyprint = load()
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError

    from publisher.formats.pdf.fetcher import ConfinedFetcher

    roots = [t.path for t in job.theme.chain]  # the article's images: from memory
    images = {image.source: (image.data, image.media_type) for image in job.article.images.values()}
    fonts = FontConfiguration()
    fetcher = ConfinedFetcher([Path(r) for r in roots], images)
    html, footer = print_html(job)
    try:
        document = weasyprint.HTML(
            string=html,
            base_url=job.article.source.folder.resolve().as_uri() + "/",
            url_fetcher=fetcher,
        ).render(
            pdf_variant=PDF_VARIANT,
            font_config=fonts,
            stylesheets=[weasyprint.CSS(string=footer, url_fetcher=fetcher)],
        )
        buffer = io.BytesIO()
        document.write_pdf(
            buffer,
            pdf_variant=PDF_VARIANT,
            pdf_identifier=(job.article.slug + job.variant.suffix).encode("utf-8"),
        )
        starts = tuple(letters_and_digits(text)[:PAGE_KEY_LENGTH] for text in page_texts(document))
    except FatalURLFetchingError as error:  # a BaseException: it must not pass as a crash
        raise PublisherError.at(
            job.article.source.path,
            f"PDF: theme '{job.theme.name}' refers to a file the handout may not load "
            f"({error.__cause__ or error})",
        ) from None
    finally:
        remove_font_copies(fonts)
    return HandoutProduct(
        (Output(file_name(job, "pdf"), buffer.getvalue()),),
        page_starts=starts,
        paper=job.settings.paper,
    )


def qr_data_uri(url: str) -> str:
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, title=None
    )
    return data_uri("image/svg+xml", buffer.getvalue())
