"""The standalone web page (``<slug>.html``, ``<slug>.plain.html``)."""

from __future__ import annotations

from publisher.build.job import Job, Needs, Product
from publisher.build.outputs import Output
from publisher.formats.addresses import file_name, page_url
from publisher.formats.assets import image_path, links, shared_assets
from publisher.formats.context import context, json_ld, layout, render_content
from publisher.formats.fonts import FontPlan, plan
from publisher.theme.stylesheets import colour_properties, concatenate, font_faces

PAGE_CSS = ("article.css", "page.css")


def stylesheet(
    job: Job, name: str = "page", extra: tuple[str, ...] = (), fonts: FontPlan | None = None
) -> Output:
    """``assets/css/<name><variant suffix>.css``: the theme's colours and the fonts the
    job's text needs (or ``fonts``), the page's stylesheets, ``extra`` ones and the
    variant's."""
    fonts = fonts or plan(job, "web")
    css = (
        colour_properties(job.theme, ":root", font=fonts.stack)
        + font_faces(job.theme, lambda relative: f"../{relative}", fonts.families)
        + fonts.css()
        + concatenate(job.theme, (*PAGE_CSS, *extra, *job.variant.css("web")))
    )
    return Output(f"assets/css/{name}{job.variant.suffix}.css", css.encode("utf-8"))


def render(job: Job, needs: Needs) -> Product:
    rendered = render_content(job, "html", lambda image: image_path(image.name), "html")
    values = context(job, rendered, "html")
    css = stylesheet(job)
    logo = job.theme.options.get("logo")
    values.update(
        stylesheet=css.path,
        logo=f"assets/theme/{logo}" if logo else "",
        canonical=page_url(job),
        og_locale=job.article.meta.lang.replace("-", "_"),
        links=links(job, needs),
    )
    values["json_ld"] = json_ld(job, values)
    html = layout(job, "layouts/page.html").render(values)
    page = Output(file_name(job, "html"), html.encode("utf-8"))
    return Product((page, css, *shared_assets(job)))
