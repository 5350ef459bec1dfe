"""EPUB Accessibility 1.1 metadata, derived from what the publication contains."""

from __future__ import annotations

from publisher.build.job import Job
from publisher.content.render import Rendered
from publisher.formats.addresses import file_name
from publisher.theme import Strings

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"


def accessibility_features(has_images: bool, has_page_list: bool) -> list[str]:
    features = [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
    ]
    if has_images:
        features.append("alternativeText")
    if has_page_list:
        # schema.org replaced "printPageNumbers" by "pageBreakMarkers"; Ace flags the
        # old name as invalid (metadata-accessibilityfeature-invalid).
        features += ["pageBreakMarkers", "pageNavigation"]
    # "glossary" is not a term of the schema.org accessibilityFeature vocabulary
    # (W3C a11y-discov-vocab; DAISY Ace reports it as invalid): a word list is named
    # in the accessibility summary instead.
    return features


def accessibility_metadata(
    job: Job, rendered: Rendered, has_page_list: bool
) -> list[tuple[str, dict[str, str]]]:
    """The metadata of an article's e-book."""
    return accessibility_entries(
        job.strings,
        has_images=bool(job.article.images),
        has_glossary=bool(rendered.glossary),
        page_source=page_source(job) if has_page_list else None,
    )


def accessibility_entries(
    t: Strings, has_images: bool, has_glossary: bool, page_source: str | None
) -> list[tuple[str, dict[str, str]]]:
    """EPUB Accessibility 1.1 metadata of a book with (or without) images, a word
    list and a page list that follows the printed ``page_source``."""
    has_page_list = page_source is not None
    entries: list[tuple[str, dict[str, str]]] = [
        (CONFORMS_TO, {"property": "dcterms:conformsTo"}),
        ("textual", {"property": "schema:accessMode"}),
    ]
    if has_images:
        entries.append(("visual", {"property": "schema:accessMode"}))
    entries.append(("textual", {"property": "schema:accessModeSufficient"}))
    if has_images:
        entries.append(("textual,visual", {"property": "schema:accessModeSufficient"}))
    for feature in accessibility_features(has_images, has_page_list):
        entries.append((feature, {"property": "schema:accessibilityFeature"}))
    entries.append(("none", {"property": "schema:accessibilityHazard"}))
    summary = [t("a11y_summary")]
    if has_images:
        summary.append(t("a11y_summary_images"))
    if has_page_list:
        summary.append(t("a11y_summary_pages"))
    if has_glossary:
        summary.append(t("a11y_summary_glossary"))
    entries.append((" ".join(summary), {"property": "schema:accessibilitySummary"}))
    if page_source is not None:
        entries.append((page_source, {"property": "pageBreakSource"}))
    return entries


def page_source(job: Job) -> str:
    """What the page list follows: the printed handout of the same variant."""
    return f"{file_name(job, 'pdf')} ({job.settings.paper})"
