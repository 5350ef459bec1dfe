"""What the HTML outputs share: images, fonts, the theme's logo, and the links to
the other versions and the downloads."""

from __future__ import annotations

from typing import Any

from publisher.build.job import AudioProduct, Job, Needs, Product
from publisher.build.outputs import Output
from publisher.catalog import FORMATS
from publisher.formats.addresses import file_name
from publisher.formats.context import human_size
from publisher.formats.fonts import FontPlan, plan
from publisher.theme.stylesheets import font_files


def image_path(name: str) -> str:
    return f"assets/images/{name}"


def shared_assets(job: Job, fonts: FontPlan | None = None) -> list[Output]:
    """Images of the article, the fonts its text needs (or ``fonts``; each with its
    licence) and the theme's logo."""
    outputs = [
        Output(image_path(image.name), image.source.read_bytes())
        for image in job.article.images.values()
    ]
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


def other_versions(job: Job, fmt: str, base: str = "") -> list[dict[str, str]]:
    """The sibling variants of this build that exist in this format: link, label and
    the hint that names them."""
    return [
        {
            "href": base + file_name(job, fmt, variant),
            "label": job.strings(variant.switch_label),
            "hint": variant.version_hint,
            "file": file_name(job, fmt, variant),
        }
        for variant in job.siblings
        if fmt in job.formats_of(variant)
    ]


def sibling_downloads(job: Job, fmt: str, base: str = "") -> list[dict[str, str]]:
    """Downloads of the sibling variants that are not made in this format (the large
    print handout, offered from the web page)."""
    items = []
    for variant in job.siblings:
        made = job.formats_of(variant)
        if fmt in made:
            continue
        for name in made:
            other = FORMATS[name]
            if other.download_label is None:
                continue
            items.append(
                {
                    "href": base + file_name(job, name, variant),
                    "label": f"{job.strings(other.download_label)} – "
                    f"{job.strings(variant.switch_label)}",
                    "format": other.download_name,
                    "size": "",
                    "media_type": other.media_type,
                }
            )
    return items


def downloads(job: Job, needs: Needs, base: str = "") -> list[dict[str, str]]:
    """Links to the downloadable outputs of this variant that the build publishes."""
    items = []
    for fmt in FORMATS.values():
        if fmt.download_label is None or fmt.name not in needs:
            continue
        items.append(
            {
                "href": base + file_name(job, fmt.name),
                "label": job.strings(fmt.download_label),
                "format": fmt.download_name,
                "size": human_size(len(needs.get(fmt.name, Product).main.data)),
                "media_type": fmt.media_type,
            }
        )
    return items


def links(job: Job, needs: Needs, base: str = "") -> dict[str, Any]:
    """The web page's and the fragment's links to the other versions and downloads."""
    return {
        "others": other_versions(job, "html", base),
        "downloads": downloads(job, needs, base) + sibling_downloads(job, "html", base),
        "audio": audio(job, needs, base),
    }


def audio(job: Job, needs: Needs, base: str = "") -> dict[str, str] | None:
    """The read-aloud version of this variant, when the build makes it."""
    if "audio" not in needs:
        return None
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


def ebook_file(job: Job) -> str | None:
    """The e-book with this variant's text: its own, or (for a variant made on paper
    only, such as large print) that of the variant that shows the same blocks."""
    if "epub" in job.formats_of(job.variant) or job.variant.formats is None:
        return file_name(job, "epub")
    from publisher.catalog import VARIANTS

    for variant in VARIANTS.values():
        if variant.blocks == job.variant.blocks and "epub" in job.formats_of(variant):
            return file_name(job, "epub", variant)
    return None
