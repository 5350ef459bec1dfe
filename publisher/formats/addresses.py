"""Where the outputs of an article are: their file names, and their addresses when
the article (``url``) or the project (``base_url``) says where it is published.

The one place that knows how a publication is laid out online: ``build/<slug>/`` is
published as one folder, so every output of every variant, and ``assets/``, sit in
the same folder. That folder is

- the folder of the article's ``url`` (the address of its standard web page; a
  ``url`` that ends in ``/`` is a folder itself), or
- ``<base_url>/<slug>/`` when the project says where ``build/`` is published.

An output that is read somewhere else (the embed on a partner site, the handout on
paper, the e-book in a reading system) can only link to the others by these
absolute addresses; without them it leaves the links out, and the build says once
which outputs lost which links (:func:`lost_links`).
"""

from __future__ import annotations

from urllib.parse import urljoin

from publisher.build.job import Job
from publisher.build.options import Settings
from publisher.catalog import FORMATS, Variant
from publisher.reading.links import article_page_url


def file_name(job: Job, fmt: str, variant: Variant | None = None) -> str:
    """``<slug><variant suffix><format extension>``."""
    chosen = variant or job.variant
    return f"{job.article.slug}{chosen.suffix}{FORMATS[fmt].extension}"


def folder_url(url: str | None, slug: str, settings: Settings) -> str | None:
    """The address of the folder the article's outputs are published in, if known:
    the folder of its standard page (:func:`publisher.reading.links.article_page_url`)."""
    page = article_page_url(url, settings.base_url, slug)
    return urljoin(page, "./") if page else None


def article_folder(job: Job) -> str | None:
    """Where this article's outputs are published (ends in ``/``), if known."""
    return folder_url(job.article.meta.url, job.article.slug, job.settings)


def output_url(job: Job, fmt: str, variant: Variant | None = None) -> str | None:
    """The absolute address of one output of this article, if known. The standard
    web page is the article's own ``url`` when it has one."""
    chosen = variant or job.variant
    url = job.article.meta.url
    if url and fmt == "html" and not chosen.suffix:
        return url
    folder = article_folder(job)
    return urljoin(folder, file_name(job, fmt, chosen)) if folder else None


def page_url(job: Job) -> str | None:
    """Where the web page of this variant is published, if known."""
    return output_url(job, "html")


def asset_url(job: Job, relative: str) -> str | None:
    """Absolute URL of a published file in the article's folder (``assets/...``)."""
    folder = article_folder(job)
    return urljoin(folder, relative) if folder else None


def lost_links(
    url: str | None, settings: Settings, formats: tuple[str, ...], variants: tuple[str, ...]
) -> list[str]:
    """What the outputs of an article without an address leave out, one phrase per
    format (empty when the article has an address, or when nothing is lost)."""
    if folder_url(url, "slug", settings):
        return []
    lost = []
    if "embed" in formats:
        what = []
        if len(variants) > 1:
            what.append("the link to the other version")
        downloads = [FORMATS[f].download_name for f in formats if FORMATS[f].download_label]
        if downloads:
            what.append(f"the downloads ({', '.join(downloads)})")
        if what:
            lost.append("the embed fragment leaves out " + " and ".join(what))
    if "pdf" in formats:
        lost.append(
            "the handout has no QR code and does not say where the article "
            "and its other versions are online"
        )
    if "epub" in formats:
        lost.append("the e-book does not link to the web page and the other versions")
    return lost
