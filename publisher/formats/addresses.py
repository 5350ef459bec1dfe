"""Where the outputs of an article are: their file names, and their addresses when
the article (``url``) or the project (``base_url``) says where it is published."""

from __future__ import annotations

from urllib.parse import urljoin

from publisher.build.job import Job
from publisher.catalog import FORMATS, Variant
from publisher.reading.links import article_page_url


def file_name(job: Job, fmt: str, variant: Variant | None = None) -> str:
    """``<slug><variant suffix><format extension>``."""
    chosen = variant or job.variant
    return f"{job.article.slug}{chosen.suffix}{FORMATS[fmt].extension}"


def page_url(job: Job) -> str | None:
    """Where the standalone page of this variant is published, if known."""
    standard = article_page_url(job.article.meta.url, job.settings.base_url, job.article.slug)
    if standard and job.variant.suffix:
        return urljoin(standard, file_name(job, "html"))
    return standard


def asset_url(job: Job, relative: str) -> str | None:
    """Absolute URL of a published file beside the page, when the page has an address."""
    page = page_url(job)
    return urljoin(page, relative) if page else None
