"""The embed fragment for partner sites (``<slug>.embed.html``).

One ``<article>``: no html/head/body, no script. Its stylesheet and images are the
published files (absolute URLs) when the article has an address; without one they
are inlined as data: URLs, so a pasted fragment never shows broken images.
"""

from __future__ import annotations

from publisher.build.job import Job, Needs, Product
from publisher.build.outputs import Output
from publisher.formats.addresses import asset_url, file_name, page_url
from publisher.formats.assets import links
from publisher.formats.context import context, layout, logo_file, render_content
from publisher.formats.fonts import plan
from publisher.reading.model import Image
from publisher.theme.stylesheets import (
    colour_properties,
    concatenate,
    data_uri,
    font_faces,
    media_type,
)

EMBED_CSS = ("embed-reset.css", "article.css", "embed.css")


def stylesheet_text(job: Job, font_url: bool) -> str:
    fonts = plan(job, "web")
    faces = font_faces(job.theme, lambda relative: f"../{relative}", fonts.families)
    return (
        colour_properties(job.theme, ".pub-embed", font=fonts.stack)
        + (faces if font_url else "")
        + fonts.css(".pub-embed")
        + concatenate(job.theme, (*EMBED_CSS, *job.variant.css("web")))
    )


def render(job: Job, needs: Needs) -> Product:
    published = page_url(job) is not None
    css_name = f"assets/css/embed{job.variant.suffix}.css"
    css = stylesheet_text(job, font_url=published)

    def image_url(image: Image) -> str:
        if published:
            return str(asset_url(job, f"assets/images/{image.name}"))
        return data_uri(image.media_type, image.source.read_bytes())

    level = job.settings.embed_heading_level
    prefix = f"{job.article.slug}-"
    rendered = render_content(
        job, "html", image_url, "embed", heading_shift=level - 1, id_prefix=prefix
    )
    values = context(job, rendered, "embed", title_level=level, id_prefix=prefix)
    if published:
        stylesheet = str(asset_url(job, css_name))
        base = str(asset_url(job, ""))
    else:
        stylesheet = data_uri("text/css", css.encode("utf-8"))
        base = ""
    values.update(stylesheet=stylesheet, links=links(job, needs, base))
    logo = logo_file(job)
    if logo:
        relative, path = logo
        values["logo"] = (
            str(asset_url(job, f"assets/theme/{relative}"))
            if published
            else data_uri(media_type(path), path.read_bytes())
        )
    html = layout(job, "layouts/embed.html").render(values)
    outputs = [Output(file_name(job, "embed"), html.encode("utf-8"))]
    if published:
        outputs.append(Output(css_name, css.encode("utf-8")))
    return Product(tuple(outputs))
