"""The printable handout: PDF/UA-1 through WeasyPrint (``<slug>.pdf``).

Besides the file, the handout's product records where each page starts, so the
EPUB's page list follows the paper (:class:`~publisher.build.job.HandoutProduct`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup

from publisher.build.job import HandoutProduct, Job, Needs
from publisher.build.outputs import Output
from publisher.catalog import PAPERS
from publisher.errors import PublisherError
from publisher.formats.addresses import file_name
from publisher.formats.assets import breakable, online_versions, published_page
from publisher.formats.context import context, layout, logo_file, render_content
from publisher.formats.fonts import FontPlan, plan
from publisher.formats.pdf.typesetting import typeset
from publisher.formats.pdf.weasyprint_internals import load, page_texts, remove_font_copies
from publisher.reading.model import Image
from publisher.text.matching import letters_and_digits
from publisher.text.scripts import is_rtl
from publisher.theme.stylesheets import colour_properties, concatenate, data_uri, font_faces

PDF_VARIANT = "pdf/ua-1"
PRINT_CSS = ("print.css",)
PAGE_KEY_LENGTH = 64
"""How many letters and digits of each page's start the handout records; the page
list looks for as many of them as it can find (a few words can also stand earlier in
the text, e.g. in the summary)."""


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
    glossary = t(
        "glossary_see_plain" if job.variant.plain_language else "glossary_see", page="\x00"
    )
    before, _, after = glossary.partition("\x00")
    before = before[:-1] + "\u00a0" if before.endswith(" ") else before  # "pagina 2" on one line
    see_glossary = " ".join(
        (
            css_string(" (" + before),
            "target-counter(attr(href url), page)",
            css_string(after + ")"),
        )
    )
    # The title where the reader starts a line, the page number at the other side.
    start, end = ("right", "left") if is_rtl(job.article.meta.lang) else ("left", "right")
    return f"""
/* A glossary word, at its first use: bold (not marked by colour alone), and
   where the word list explains it. */
.pub-body a.term {{ font-weight: 700; color: inherit; }}
.pub-body a.term::after {{ content: {see_glossary}; font-weight: 400; font-size: 0.8em;
  color: #3d3d3d; text-decoration: none; }}
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


def print_stylesheet(job: Job, extra: tuple[str, ...] = (), fonts: FontPlan | None = None) -> str:
    """The handout's CSS: the theme's colours and fonts (and the fonts the article's
    scripts need, or ``fonts``), print.css, the variant's and ``extra`` theme
    stylesheets, and the page rules. The running footer's text is not in it
    (:func:`footer_rule`)."""
    fonts = fonts or plan(job, "print")
    return (
        colour_properties(job.theme, ":root", dark=False, font=fonts.stack)
        + font_faces(
            job.theme, lambda relative: job.theme.static(relative).as_uri(), fonts.families
        )
        + fonts.css()
        + concatenate(job.theme, (*PRINT_CSS, *job.variant.css("print"), *extra))
        + page_rules(job)
    )


def print_html(job: Job) -> tuple[str, str]:
    """The handout as one HTML document for WeasyPrint, and the footer's rule."""

    def image_url(image: Image) -> str:
        return image.source.as_uri()

    rendered = render_content(job, "print", image_url, "pdf")
    values = context(job, rendered, "pdf")
    css = print_stylesheet(job)
    qr = None
    url = published_page(job)
    if url:
        before, _, after = job.strings("online_at", url="\x00").partition("\x00")
        qr = {
            "src": qr_data_uri(url),
            "alt": job.strings("qr_alt", url=url),
            "url": url,
            "shown": breakable(url),
            "before": before,
            "after": after,
        }
    logo = logo_file(job)
    values.update(
        body=Markup(typeset(str(values["body"]), is_rtl(job.article.meta.lang))),
        logo=logo[1].as_uri() if logo else "",
        stylesheet_text=css,
        paper=job.settings.paper,
        print_links=rendered.link_urls,
        qr=qr,
        versions=[v for v in online_versions(job, "pdf") if v["url"] != url],
    )
    footer = footer_rule(job, short_title(values["display_title"]))
    return layout(job, "layouts/print.html").render(values), footer


def render(job: Job, needs: Needs) -> HandoutProduct:
    html, footer = print_html(job)
    data, starts = lay_out(
        html,
        footer,
        base=job.article.source.folder,
        roots=[t.path for t in job.theme.chain],  # the article's images: from memory
        images=job.article.images.values(),
        identifier=job.article.slug + job.variant.suffix,
        source=job,
    )
    return HandoutProduct(
        (Output(file_name(job, "pdf"), data),), page_starts=starts, paper=job.settings.paper
    )


def lay_out(
    html: str,
    footer: str,
    base: Path,
    roots: list[Path],
    images: Iterable[Image],
    identifier: str,
    source: Job,
) -> tuple[bytes, tuple[str, ...]]:
    """A print document as PDF/UA-1 (``footer``: the running footer's rule, as a
    stylesheet of its own), and where each of its pages starts. Only the ``images``
    (from memory) and files under ``roots`` can be loaded (``base``: the folder
    relative links start from); ``source``: the job whose theme and file an error names."""
    weasyprint = load()
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError

    from publisher.formats.pdf.fetcher import ConfinedFetcher

    loaded = {image.source: (image.data, image.media_type) for image in images}
    fonts = FontConfiguration()
    fetcher = ConfinedFetcher([Path(r) for r in roots], loaded)
    try:
        document = weasyprint.HTML(
            string=html,
            base_url=base.resolve().as_uri() + "/",
            url_fetcher=fetcher,
        ).render(
            pdf_variant=PDF_VARIANT,
            font_config=fonts,
            stylesheets=[weasyprint.CSS(string=footer, url_fetcher=fetcher)],
        )
        buffer = io.BytesIO()
        document.write_pdf(
            buffer, pdf_variant=PDF_VARIANT, pdf_identifier=identifier.encode("utf-8")
        )
        starts = tuple(letters_and_digits(text)[:PAGE_KEY_LENGTH] for text in page_texts(document))
    except FatalURLFetchingError as error:  # a BaseException: it must not pass as a crash
        raise PublisherError.at(
            source.article.source.path,
            f"PDF: theme '{source.theme.name}' refers to a file the handout may not load "
            f"({error.__cause__ or error})",
        ) from None
    finally:
        remove_font_copies(fonts)
    return buffer.getvalue(), starts


def qr_data_uri(url: str) -> str:
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, title=None
    )
    return data_uri("image/svg+xml", buffer.getvalue())
