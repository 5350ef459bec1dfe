"""``sitemap.xml`` (the sitemaps.org protocol 0.9): every web page of the site with
its date. Its addresses must be absolute, so it is written only when the project
says where the output folder is published (``base_url``)."""

from __future__ import annotations

from lxml import etree

from publisher.site.model import Site, outputs

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(site: Site) -> bytes | None:
    """The sitemap, or None without ``base_url``."""
    if not site.options.base_url:
        return None
    root = etree.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP})  # type: ignore[dict-item]

    def add(href: str, day: str) -> None:
        url = etree.SubElement(root, f"{{{SITEMAP}}}url")
        etree.SubElement(url, f"{{{SITEMAP}}}loc").text = href
        etree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = day

    add(site.href("index.html"), site.updated.isoformat())
    for record, _slugs in site.collections:
        for _variant, fmt, path, _size in outputs(record, f"collections/{record.slug}/"):
            if fmt == "html":
                add(site.href(path), record.date)
    for record in site.articles:
        for _variant, fmt, path, _size in outputs(record, f"{record.slug}/"):
            if fmt == "html":
                add(site.href(path), record.date)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return data
