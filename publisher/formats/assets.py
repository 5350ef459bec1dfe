"""Files the HTML outputs share: images, fonts, the theme's logo."""

from __future__ import annotations

from publisher.formats.job import Job
from publisher.outputs import Output
from publisher.stylesheets import font_files


def image_path(name: str) -> str:
    return f"assets/images/{name}"


def shared_assets(job: Job) -> list[Output]:
    """Images of the article, the theme's fonts (with licence) and logo."""
    outputs = [
        Output(image_path(image.name), image.source.read_bytes())
        for image in job.article.images.values()
    ]
    static = job.theme.static_files()
    for relative in font_files(job.theme):
        outputs.append(Output(f"assets/{relative}", job.theme.static(relative).read_bytes()))
        licence = relative.rsplit("/", 1)[0] + "/OFL.txt"
        if licence in static:
            outputs.append(Output(f"assets/{licence}", static[licence].read_bytes()))
    logo = job.theme.options.get("logo")
    if logo:
        outputs.append(Output(f"assets/theme/{logo}", job.theme.static(str(logo)).read_bytes()))
    return outputs


def downloads(job: Job) -> list[dict[str, str]]:
    """Links to the handout and e-book of this variant that this build made."""
    from publisher.formats import FORMATS
    from publisher.formats.job import human_size

    items = []
    for fmt, label_key, label in (
        ("pdf", "download_pdf", "PDF"),
        ("epub", "download_epub", "EPUB"),
    ):
        name = job.filename(fmt)
        if fmt in job.built:
            items.append(
                {
                    "href": name,
                    "label": job.t(label_key),
                    "format": label,
                    "size": human_size(len(job.built[fmt].data)),
                    "media_type": FORMATS[fmt].media_type,
                }
            )
    return items
