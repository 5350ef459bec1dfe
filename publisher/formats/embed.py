"""The embed fragment for partner sites (``<slug>.embed.html``).

One ``<article>``: no html/head/body, no script. Its stylesheet and images are the
published files (absolute URLs) when the article has an address; without one they
are inlined as data: URLs, so a pasted fragment never shows broken images.
"""

from __future__ import annotations

from publisher.formats.html import _variant_layout, links
from publisher.formats.job import Job
from publisher.model import Image
from publisher.outputs import Output
from publisher.stylesheets import (
    colour_properties,
    concatenate,
    data_uri,
    font_faces,
    media_type,
)

EMBED_CSS = ("embed-reset.css", "article.css", "embed.css")


def stylesheet_text(job: Job, font_url: bool) -> str:
    plain = job.variant.name == "plain"
    files = (*EMBED_CSS, *(("plain.css",) if plain else ()))
    fonts = ""
    if font_url:
        fonts = font_faces(job.theme, lambda relative: f"../{relative}")
    return colour_properties(job.theme, ".pub-embed") + fonts + concatenate(job.theme, files)


def render(job: Job) -> list[Output]:
    published = job.published_url is not None
    css_name = f"assets/css/embed{job.variant.suffix}.css"
    css = stylesheet_text(job, font_url=published)

    def image_url(image: Image) -> str:
        if published:
            return str(job.asset_url(f"assets/images/{image.name}"))
        return data_uri(image.media_type, image.source.read_bytes())

    level = job.settings.embed_heading_level
    prefix = f"{job.article.slug}-"
    rendered = job.render("html", image_url, "embed", heading_shift=level - 1, id_prefix=prefix)
    context = job.context(rendered, "embed", title_level=level, id_prefix=prefix)
    if published:
        stylesheet = str(job.asset_url(css_name))
        base = str(job.asset_url(""))
    else:
        stylesheet = data_uri("text/css", css.encode("utf-8"))
        base = ""
    context.update(stylesheet=stylesheet, links=links(job, base))
    logo = job.logo_file()
    if logo:
        relative, path = logo
        context["logo"] = (
            str(job.asset_url(f"assets/theme/{relative}"))
            if published
            else data_uri(media_type(path), path.read_bytes())
        )
    template = job.theme.template(_variant_layout("layouts/embed.html", job), "layouts/embed.html")
    html = template.render(context)
    outputs = [Output(job.filename("embed"), html.encode("utf-8"))]
    if published:
        outputs.append(Output(css_name, css.encode("utf-8")))
    return outputs
