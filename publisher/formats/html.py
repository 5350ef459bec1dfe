"""The standalone web page (``<slug>.html``, ``<slug>.plain.html``)."""

from __future__ import annotations

from publisher.formats.assets import downloads, image_path, shared_assets
from publisher.formats.job import Job, json_ld
from publisher.outputs import Output
from publisher.stylesheets import colour_properties, concatenate, font_faces


def stylesheet(job: Job) -> Output:
    plain = job.variant.name == "plain"
    files = ("article.css", "page.css", *(("plain.css",) if plain else ()))
    css = (
        colour_properties(job.theme, ":root")
        + font_faces(job.theme, lambda relative: f"../{relative}")
        + concatenate(job.theme, files)
    )
    return Output(f"assets/css/page{job.variant.suffix}.css", css.encode("utf-8"))


def render(job: Job) -> list[Output]:
    rendered = job.render("html", lambda image: image_path(image.name), "html")
    context = job.context(rendered, "html")
    css = stylesheet(job)
    logo = job.theme.options.get("logo")
    context.update(
        stylesheet=css.path,
        logo=f"assets/theme/{logo}" if logo else "",
        canonical=job.published_url,
        og_locale=job.article.meta.lang.replace("-", "_"),
        links=links(job),
    )
    context["json_ld"] = json_ld(job, context)
    template = job.theme.template(_variant_layout("layouts/page.html", job), "layouts/page.html")
    html = template.render(context)
    return [Output(job.filename("html"), html.encode("utf-8")), css, *shared_assets(job)]


def links(job: Job, base: str = "") -> dict[str, object]:
    other = None
    if job.links_other_variant:
        label = "switch_to_standard" if job.variant.name == "plain" else "switch_to_plain"
        other = {"href": base + job.filename("html", job.other_variant), "label": job.t(label)}
    items = downloads(job)
    for item in items:
        item["href"] = base + item["href"]
    return {"other": other, "downloads": items}


def _variant_layout(layout: str, job: Job) -> str:
    stem, dot, ext = layout.rpartition(".")
    return f"{stem}{job.variant.suffix}{dot}{ext}"
