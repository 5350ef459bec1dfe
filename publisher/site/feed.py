"""``feed.xml``: an Atom feed (RFC 4287) with an entry per article: its title,
summary, language, dates, authors, keywords and a link to every output. Ids are
the articles' own stable identifiers, dates their publication dates, so the same
articles always give the same feed."""

from __future__ import annotations

import datetime as dt
import uuid

from lxml import etree

from publisher import __version__
from publisher.build.records import ArticleRecord
from publisher.catalog import FORMATS, VARIANTS
from publisher.site.model import Site, outputs
from publisher.theme import Strings

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GENERATOR_URI = "https://pypi.org/project/publisher/"


def timestamp(day: dt.date) -> str:
    """Noon UTC of a publication day (RFC 3339), the same on every build."""
    return f"{day.isoformat()}T12:00:00Z"


def entry_id(record: ArticleRecord) -> str:
    """The article's own identifier: its address, else a UUID from its slug (as its
    e-book's identifier)."""
    name = record.url or f"publisher:{record.slug}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _add(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(
        parent, f"{{{ATOM}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items()}
    )
    if text is not None:
        element.text = text
    return element


def feed(site: Site, strings: Strings) -> bytes:
    options = site.options
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})  # type: ignore[dict-item]
    root.set(XML_LANG, options.lang)
    site_id = (
        options.base_url
        or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'publisher:site:' + options.title)}"
    )
    _add(root, "id", site_id)
    _add(root, "title", options.title)
    _add(root, "updated", timestamp(site.updated))
    author = _add(root, "author")
    _add(author, "name", options.author or options.title)
    _add(root, "link", rel="alternate", type="text/html", href=site.href("index.html"))
    if options.base_url:
        _add(root, "link", rel="self", type="application/atom+xml", href=site.href("feed.xml"))
    _add(root, "generator", "publisher", uri=GENERATOR_URI, version=__version__)
    for record in site.articles:
        root.append(_entry(site, record, strings))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return data


def _entry(site: Site, record: ArticleRecord, strings: Strings) -> etree._Element:
    entry = etree.Element(f"{{{ATOM}}}entry")
    entry.set(XML_LANG, record.lang)
    _add(entry, "id", entry_id(record))
    _add(entry, "title", record.title)
    _add(entry, "updated", timestamp(record.day))
    _add(entry, "published", timestamp(record.day))
    for name in record.authors:
        _add(_add(entry, "author"), "name", name)
    for keyword in record.keywords:
        _add(entry, "category", term=keyword)
    if record.summary:
        _add(entry, "summary", record.summary)
    for variant, fmt, path, size in outputs(record, f"{record.slug}/"):
        plain = VARIANTS[variant].plain_language
        label = strings(VARIANTS[variant].switch_label)
        href = site.href(path)
        if fmt == "html" and not plain:
            _add(entry, "link", rel="alternate", type="text/html", hreflang=record.lang, href=href)
        elif FORMATS[fmt].download_label is not None:  # the handout and the e-book
            title = f"{strings(FORMATS[fmt].download_label or '')} ({label})"
            _add(entry, "link", rel="enclosure", type=FORMATS[fmt].media_type,
                 hreflang=record.lang, length=str(size), title=title, href=href)  # fmt: skip
        else:  # the plain page, the embed fragments
            what = strings("web_page" if fmt == "html" else "embed_fragment")
            title = f"{what} ({label})"
            _add(entry, "link", rel="related", type=FORMATS[fmt].media_type,
                 hreflang=record.lang, title=title, href=href)  # fmt: skip
    return entry
