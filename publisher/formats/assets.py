"""What the HTML outputs share: images, fonts, the theme's logo, and the links to
the other versions and the downloads."""

from __future__ import annotations

import re
from typing import Any

from publisher.build.job import AudioProduct, Job, Needs, Product
from publisher.build.outputs import Output
from publisher.catalog import FORMATS, Variant
from publisher.formats.addresses import article_folder, file_name, output_url, page_url
from publisher.formats.context import human_size
from publisher.formats.fonts import FontPlan, plan
from publisher.theme.stylesheets import font_files


def image_path(name: str) -> str:
    return f"assets/images/{name}"


def shared_assets(job: Job, fonts: FontPlan | None = None) -> list[Output]:
    """Images of the article, the fonts its text needs (or ``fonts``; each with its
    licence) and the theme's logo."""
    outputs = [Output(image_path(image.name), image.data) for image in job.article.images.values()]
    static = job.theme.static_files()
    for relative in font_files(job.theme, (fonts or plan(job, "web")).families):
        outputs.append(Output(f"assets/{relative}", job.theme.static(relative).read_bytes()))
        licence = relative.rsplit("/", 1)[0] + "/OFL.txt"
        if licence in static:
            outputs.append(Output(f"assets/{licence}", static[licence].read_bytes()))
    logo = job.theme.options.get("logo")
    if logo:
        outputs.append(Output(f"assets/theme/{logo}", job.theme.static(str(logo)).read_bytes()))
    return outputs


def _href(job: Job, fmt: str, variant: Variant | None, absolute: bool) -> str | None:
    """A link to one output: its file name (read beside it, on the site) or its
    address (``absolute``: read elsewhere; None without an address)."""
    if absolute:
        return output_url(job, fmt, variant)
    return file_name(job, fmt, variant)


def other_versions(job: Job, fmt: str = "html", absolute: bool = False) -> list[dict[str, str]]:
    """Links to the sibling variants that this build makes in ``fmt`` (their web
    pages, by default): by file name, or by address when ``absolute`` (none without
    one)."""
    items = []
    for variant in job.siblings:
        href = _href(job, fmt, variant, absolute)
        if fmt in job.formats_of(variant) and href is not None:
            items.append({"href": href, "label": job.strings(variant.switch_label)})
    return items


def sibling_downloads(job: Job, fmt: str, absolute: bool = False) -> list[dict[str, str]]:
    """Downloads of the sibling variants that are not made in this format (the large
    print handout, offered from the web page and the embed)."""
    items = []
    for variant in job.siblings:
        made = job.formats_of(variant)
        if fmt in made:
            continue
        for name in made:
            other = FORMATS[name]
            href = _href(job, name, variant, absolute)
            if other.download_label is None or href is None:
                continue
            items.append(
                {
                    "href": href,
                    "label": f"{job.strings(other.download_label)} – "
                    f"{job.strings(variant.switch_label)}",
                    "format": other.download_name,
                    "size": "",
                    "media_type": other.media_type,
                }
            )
    return items


def downloads(job: Job, needs: Needs, absolute: bool = False) -> list[dict[str, str]]:
    """Links to the downloadable outputs of this variant that the build publishes (by
    address when ``absolute``; none without an address)."""
    items = []
    for fmt in FORMATS.values():
        href = _href(job, fmt.name, None, absolute)
        if fmt.download_label is None or fmt.name not in needs or href is None:
            continue
        items.append(
            {
                "href": href,
                "label": job.strings(fmt.download_label),
                "format": fmt.download_name,
                "size": human_size(len(needs.get(fmt.name, Product).main.data)),
                "media_type": fmt.media_type,
            }
        )
    return items


def links(job: Job, needs: Needs, absolute: bool = False) -> dict[str, Any]:
    """The web page's and the fragment's links to the other versions and downloads
    (the fragment's by address: it is read on a partner's site)."""
    return {
        "others": other_versions(job, "html", absolute),
        "downloads": downloads(job, needs, absolute) + sibling_downloads(job, "html", absolute),
        "audio": audio(job, needs, absolute),
    }


def audio(job: Job, needs: Needs, absolute: bool = False) -> dict[str, str] | None:
    """The read-aloud version of this variant, when the build makes it (and, read
    elsewhere, can say where it is)."""
    if "audio" not in needs:
        return None
    base = ""
    if absolute:
        folder = article_folder(job)
        if folder is None:
            return None
        base = folder
    product = needs.get("audio", AudioProduct)
    mp3, epub = product.outputs[0], product.outputs[1]
    seconds = round(product.seconds)
    return {
        "src": base + mp3.path,
        "size": human_size(len(mp3.data)),
        "duration": f"{seconds // 60}:{seconds % 60:02d}",
        "epub": base + epub.path,
        "epub_size": human_size(len(epub.data)),
    }


def ebook_variant(job: Job) -> Variant | None:
    """The variant whose e-book has this variant's text: its own, or (for a variant
    made on paper only, such as large print) the one that shows the same blocks."""
    if "epub" in job.formats_of(job.variant):
        return job.variant
    from publisher.catalog import VARIANTS

    for variant in VARIANTS.values():
        if variant.blocks == job.variant.blocks and "epub" in job.formats_of(variant):
            return variant
    return None


def published_page(job: Job) -> str | None:
    """The address of this variant's web page, if the build publishes it (or the
    article's ``url`` says where the standard page is)."""
    if "html" in job.formats or (job.article.meta.url and not job.variant.suffix):
        return page_url(job)
    return None


def online_versions(job: Job, fmt: str) -> list[dict[str, str]]:
    """For an output read away from the site (handout, e-book): the other versions
    the build publishes (the web pages of the variants, the handout of a variant on
    paper only such as large print, the handout, the e-book with this text), each by
    its address, in a sentence that names it ("E-book: https://..."): ``before``,
    ``url``, ``after``. Empty without an address. The Word document, for partners
    who reuse the text, is one step away: the web page the QR code leads to offers
    it (an A4 handout of two pages has no room for another line)."""
    t = job.strings
    wanted: list[tuple[str, str | None]] = [(t("version_page", url="\x00"), published_page(job))]
    for variant in job.siblings:
        made = job.formats_of(variant)
        if "html" in made:
            if variant.version_page:
                text = t(variant.version_page, url="\x00")
            else:
                text = f"{t(variant.switch_label)}: \x00"
            wanted.append((text, output_url(job, "html", variant)))
        elif "pdf" in made:  # a variant on paper only (large print): its handout
            wanted.append((f"{t(variant.switch_label)}: \x00", output_url(job, "pdf", variant)))
    if fmt != "pdf" and "pdf" in job.formats_of(job.variant):
        wanted.append((t("version_pdf", url="\x00"), output_url(job, "pdf")))
    ebook = ebook_variant(job)
    if fmt != "epub" and ebook is not None:
        wanted.append((t("version_epub", url="\x00"), output_url(job, "epub", ebook)))
    items = []
    for text, url in wanted:
        if url is None:
            continue
        before, _, after = text.partition("\x00")
        items.append({"before": before, "url": url, "after": after, "shown": breakable(url)})
    return items


URL_PART_RE = re.compile(r"^[A-Za-z][\w+.-]*://[^/]*/?|[^/]*/|[^/]+")
ZERO_WIDTH_SPACE = "\u200b"
WORD_JOINER = "\u2060"


def breakable(url: str) -> str:
    """An address as printed: it may break after a slash, never inside a part (a line
    that ends in a hyphen would leave the reader guessing whether it belongs to it),
    nor between the scheme and the host. Said with invisible characters (a zero-width
    space between parts, a word joiner after a slash or hyphen inside one), not with
    elements: WeasyPrint tags only the first piece of a link with children as the
    link (PDF/UA 7.18.5), and the link's address stays the address."""
    return ZERO_WIDTH_SPACE.join(
        re.sub(r"([/-])(?!$)", "\\1" + WORD_JOINER, part) for part in URL_PART_RE.findall(url)
    )
