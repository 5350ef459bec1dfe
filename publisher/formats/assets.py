"""What the HTML outputs share: images, fonts, the theme's logo, and the links to
the other versions and the downloads."""

from __future__ import annotations

import re
from typing import Any

from publisher.build.job import Job, Needs, Product
from publisher.build.outputs import Output
from publisher.catalog import FORMATS
from publisher.formats.addresses import file_name, output_url, page_url
from publisher.formats.context import human_size
from publisher.formats.fonts import plan
from publisher.theme.stylesheets import font_files


def image_path(name: str) -> str:
    return f"assets/images/{name}"


def shared_assets(job: Job) -> list[Output]:
    """Images of the article, the theme's fonts (with licence) and logo."""
    outputs = [
        Output(image_path(image.name), image.source.read_bytes())
        for image in job.article.images.values()
    ]
    static = job.theme.static_files()
    for relative in font_files(job.theme, plan(job, "web").families):
        outputs.append(Output(f"assets/{relative}", job.theme.static(relative).read_bytes()))
        licence = relative.rsplit("/", 1)[0] + "/OFL.txt"
        if licence in static:
            outputs.append(Output(f"assets/{licence}", static[licence].read_bytes()))
    logo = job.theme.options.get("logo")
    if logo:
        outputs.append(Output(f"assets/theme/{logo}", job.theme.static(str(logo)).read_bytes()))
    return outputs


def other_versions(job: Job, absolute: bool = False) -> list[dict[str, str]]:
    """Links to the web pages of the sibling variants that the build publishes: by
    file name (a page beside them) or by address (``absolute``: read elsewhere;
    none without an address)."""
    items: list[dict[str, str]] = []
    if "html" not in job.formats:
        return items
    for variant in job.siblings:
        href = output_url(job, "html", variant) if absolute else file_name(job, "html", variant)
        if href is None:
            continue
        items.append({"href": href, "label": job.strings(variant.switch_label)})
    return items


def downloads(job: Job, needs: Needs, absolute: bool = False) -> list[dict[str, str]]:
    """Links to the downloadable outputs of this variant that the build publishes (by
    address when ``absolute``; none without an address)."""
    items = []
    for fmt in FORMATS.values():
        if fmt.download_label is None or fmt.name not in needs:
            continue
        href = output_url(job, fmt.name) if absolute else file_name(job, fmt.name)
        if href is None:
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
    """The web page's and the fragment's links to the other versions and downloads."""
    return {
        "others": other_versions(job, absolute),
        "downloads": downloads(job, needs, absolute),
    }


def published_page(job: Job) -> str | None:
    """The address of this variant's web page, if the build publishes it (or the
    article's ``url`` says where the standard page is)."""
    if "html" in job.formats or (job.article.meta.url and not job.variant.suffix):
        return page_url(job)
    return None


def online_versions(job: Job, fmt: str) -> list[dict[str, str]]:
    """For an output read away from the site (handout, e-book): the other outputs the
    build publishes, each by its address, in a sentence that names it ("E-book:
    https://..."): ``before``, ``url``, ``after``. Empty without an address."""
    t = job.strings
    wanted: list[tuple[str, str | None]] = [(t("version_page", url="\x00"), published_page(job))]
    if "html" in job.formats:
        for variant in job.siblings:
            url = output_url(job, "html", variant)
            if variant.version_page:
                text = t(variant.version_page, url="\x00")
            else:
                text = f"{t(variant.switch_label)}: \x00"
            wanted.append((text, url))
    for other, key in (("pdf", "version_pdf"), ("epub", "version_epub")):
        if other != fmt and other in job.formats:
            wanted.append((t(key, url="\x00"), output_url(job, other)))
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
