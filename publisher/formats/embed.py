"""The embed fragments for partner sites: ``<slug>.embed.html`` (one ``<article>``,
isolated by its stylesheet) and ``<slug>.shadow.html`` (the same article inside a
declarative shadow root: total isolation, no in-page links). No script in either.

Their stylesheet and images are the published files (absolute URLs) when the article
has an address; without one they are inlined as data: URLs, so a pasted fragment
never shows broken images. Links to the other versions and downloads are absolute,
and left out without an address (a relative link would break on the partner's site).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from publisher.build.job import Job, Needs, Product
from publisher.build.outputs import Output
from publisher.formats.addresses import article_folder, asset_url, file_name
from publisher.formats.assets import links
from publisher.formats.context import context, layout, logo_file, render_content
from publisher.formats.fonts import plan
from publisher.reading.model import Image
from publisher.theme.stylesheets import (
    concatenate,
    data_uri,
    embed_colour_properties,
    font_faces,
    media_type,
)

EMBED_CSS = ("embed-reset.css", "article.css", "embed.css")


def fragment_id(job: Job) -> str:
    """The id of the fragment's element; its stylesheet's rules start with it."""
    return f"{job.article.slug}{job.variant.suffix.replace('.', '-')}-pub-embed"


def stylesheet_text(job: Job, font_url: bool) -> str:
    """The theme's article CSS with every ``.pub-article`` made ``#<id>.pub-article``:
    the reset and the fragment's rules then outrank host rules with classes or ids
    (embed-reset.css explains the cascade). The fonts the article needs (its script's
    first), and parts in another script in theirs, scoped the same way."""
    fonts = plan(job, "web")
    faces = font_faces(job.theme, lambda relative: f"../{relative}", fonts.families)
    rules = concatenate(job.theme, (*EMBED_CSS, *job.variant.css("web")))
    scope = f"#{fragment_id(job)}.pub-article"
    scoped = re.sub(r"\.pub-article(?![\w-])", scope, rules)
    return (
        embed_colour_properties(job.theme, font=fonts.stack)
        + (faces if font_url else "")
        + scoped
        + fonts.css(scope)
    )


def render(job: Job, needs: Needs) -> Product:
    """The fragment isolated by its stylesheet (``<slug>.embed.html``)."""
    return _render(job, needs, "embed", "layouts/embed.html")


def render_shadow(job: Job, needs: Needs) -> Product:
    """The fragment in a declarative shadow root (``<slug>.shadow.html``)."""
    return _render(job, needs, "embed-shadow", "layouts/embed-shadow.html")


def _render(job: Job, needs: Needs, fmt: str, template: str) -> Product:
    published = article_folder(job) is not None
    css_name = f"assets/css/embed{job.variant.suffix}.css"
    css = stylesheet_text(job, font_url=published)

    def image_url(image: Image) -> str:
        if published:
            return str(asset_url(job, f"assets/images/{image.name}"))
        return data_uri(image.media_type, image.data)

    level = job.settings.embed_heading_level
    prefix = f"{job.article.slug}-"
    rendered = render_content(
        job, "html", image_url, "embed", heading_shift=level - 1, id_prefix=prefix
    )
    values = context(job, rendered, "embed", title_level=level, id_prefix=prefix)
    shadow = fmt == "embed-shadow"
    if shadow:
        # Browsers never follow a #fragment link into a shadow root: in-page links
        # (contents, note references, glossary terms, back links) would be dead.
        values.update(body=without_in_page_links(values["body"]), toc=[], in_page_links=False)
    if published:
        stylesheet = str(asset_url(job, css_name))
    else:
        stylesheet = data_uri("text/css", css.encode("utf-8"))
    # Read on a partner's site: only absolute links work there (none without an address).
    values.update(
        embed_id=fragment_id(job),
        stylesheet=stylesheet,
        font_stylesheet=stylesheet if shadow and published else "",
        links=links(job, needs, absolute=True),
    )
    logo = logo_file(job)
    if logo:
        relative, path = logo
        values["logo"] = (
            str(asset_url(job, f"assets/theme/{relative}"))
            if published
            else data_uri(media_type(path), path.read_bytes())
        )
    html = layout(job, template).render(values)
    outputs = [Output(file_name(job, fmt), html.encode("utf-8"))]
    if published:
        outputs.append(Output(css_name, css.encode("utf-8")))
    return Product(tuple(outputs))


def without_in_page_links(body: str) -> str:
    """``body`` with every ``<a href="#...">`` replaced by its content (in a span that
    keeps its class and id, so a glossary term stays marked)."""
    if 'href="#' not in body:
        return body
    root = lxml_html.fragment_fromstring(body, create_parent="div")
    for link in root.xpath('.//a[starts-with(@href, "#")]'):
        link.tag = "span"
        for name in ("href", "role", "aria-label"):
            link.attrib.pop(name, None)
    inner = (root.text or "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in root
    )
    return inner
