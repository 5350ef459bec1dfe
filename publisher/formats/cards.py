"""Cards: an article or a collection as a listing shows it (the index page of a
collection, the site's index page): title, summary, date, language and a link to
each of its outputs, made from its record (``publisher.build.records``)."""

from __future__ import annotations

from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from publisher.build.records import ArticleRecord
from publisher.catalog import FORMATS, VARIANTS
from publisher.formats.context import human_size
from publisher.theme import Strings

CARD_FORMATS = ("html", "pdf", "epub")
"""The outputs a reader opens (the embed fragment is for partner sites: it is in the
JSON index and the feed)."""
LABELS = {"html": "web_page", "pdf": "download_pdf", "epub": "download_epub"}


def language_name(lang: str, in_lang: str) -> str:
    """ "Engels" for ``en`` on a Dutch page; the tag itself when Babel does not know it."""
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name(in_lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return lang
    return str(name) if name else lang


def output_links(
    record: ArticleRecord,
    href: str,
    strings: Strings,
    variant_first: str,
    variants: tuple[str, ...],
) -> list[dict[str, Any]]:
    """Per variant (the page's own first): its label and the links to its outputs
    that were built. ``href`` leads from the listing to the record's folder."""
    groups = []
    ordered = sorted(variants, key=lambda name: name != variant_first)
    for name in ordered:
        variant = VARIANTS[name]
        links = []
        for fmt in CARD_FORMATS:
            file = f"{record.slug}{variant.suffix}{FORMATS[fmt].extension}"
            if file not in record.files:
                continue
            size = record.files[file]
            link = {"href": href + file, "label": strings(LABELS[fmt]), "type": "", "detail": ""}
            if fmt != "html":
                link["type"] = FORMATS[fmt].media_type
                link["detail"] = f"{FORMATS[fmt].download_name}, {human_size(size)}"
            links.append(link)
        if links:
            label = strings(variant.switch_label)
            groups.append({"variant": name, "label": label, "links": links})
    return groups


def card(
    record: ArticleRecord,
    href: str,
    strings: Strings,
    variant: str,
    variants: tuple[str, ...],
    id_prefix: str = "card-",
) -> dict[str, Any]:
    """A card of an article or a collection, for a listing in ``strings.lang``."""
    plain = VARIANTS[variant].plain_language
    title = (record.plain_title if plain and record.plain_title else "") or record.title
    summary = " ".join(record.plain_summary) if plain and record.plain_summary else ""
    summary = summary or record.summary
    page_lang = strings.lang
    same = record.lang.split("-")[0].lower() == page_lang.split("-")[0].lower()
    groups = output_links(record, href, strings, variant, variants)
    main = next((g["links"][0]["href"] for g in groups if g["links"]), href)
    return {
        "id": id_prefix + record.slug,
        "title": title,
        "summary": summary,
        "lang": record.lang,
        "language": ""
        if same
        else strings("language_of_article", language=language_name(record.lang, page_lang)),
        "date_iso": record.date,
        "date_text": format_date(record.day, format="long", locale=page_lang.replace("-", "_")),
        "href": main,
        "groups": groups,
    }
