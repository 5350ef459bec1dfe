"""The site pages of the example project: the Atom feed (RFC 4287's schema and its
Schematron rules), the sitemap (the sitemaps.org schema), the JSON index and the
index page, with links that work."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, html

from publisher.build.options import BuildOptions
from publisher.build.project import build_project
from publisher.reading.find import find_articles
from publisher.site.model import SiteOptions
from tests.conftest import COLLECTION, SITE_URL
from tests.helpers import ROOT

SCHEMAS = Path(__file__).parent / "schemas"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SLUGS = [
    "support-for-informal-carers",
    "als-mantelzorg-te-zwaar-wordt",
    "jongensprostitutie-in-beeld",
]


def local(build: Path, href: str) -> Path:
    """The file a link of the site leads to (absolute links under SITE_URL too)."""
    if href.startswith(SITE_URL):
        href = href[len(SITE_URL) :]
    return build / unquote(urlsplit(href).path)


def test_feed_is_valid_atom(project_build: Path) -> None:
    feed = etree.parse(str(project_build / "feed.xml"))
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "atom.rng")))
    assert schema.validate(feed), schema.error_log
    root = feed.getroot()
    entries = root.findall("a:entry", ATOM)
    # RFC 4287's Schematron rules (Appendix B), which RELAX NG cannot express:
    has_author = root.find("a:author", ATOM) is not None
    for entry in entries:
        assert has_author or entry.find("a:author", ATOM) is not None
        links = entry.findall("a:link", ATOM)
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in links
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternates and len(alternates) == len(set(alternates))
    assert root.find("a:id", ATOM).text == SITE_URL


def test_feed_has_an_entry_per_article_with_language_dates_and_every_output(
    project_build: Path,
) -> None:
    root = etree.parse(str(project_build / "feed.xml")).getroot()
    entries = root.findall("a:entry", ATOM)
    assert [e.findtext("a:title", namespaces=ATOM)[:12] for e in entries] == [
        "Caring for s", "Als mantelzo", "Onderzoek ‘J"
    ]  # fmt: skip
    english = entries[0]
    assert english.get(XML_LANG) == "en-GB"
    assert english.findtext("a:updated", namespaces=ATOM) == "2018-11-22T12:00:00Z"
    assert root.findtext("a:updated", namespaces=ATOM) == "2018-11-30T12:00:00Z"
    assert english.findtext("a:summary", namespaces=ATOM).startswith("Many international")
    links = english.findall("a:link", ATOM)
    # html, both embeds, pdf, epub and docx in the standard and plain variants; the large-print
    # variant is a handout only
    assert len(links) == 6 * 2 + 1
    for link in links:
        href = link.get("href")
        assert href.startswith(SITE_URL)
        target = local(project_build, href)
        assert target.is_file(), href
        if link.get("rel") == "enclosure":
            assert int(link.get("length")) == target.stat().st_size
    ids = [e.findtext("a:id", namespaces=ATOM) for e in entries]
    assert len(set(ids)) == 3 and all(i.startswith("urn:uuid:") for i in ids)


def test_sitemap_is_valid_and_lists_every_web_page(project_build: Path) -> None:
    sitemap = etree.parse(str(project_build / "sitemap.xml"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    assert schema.validate(sitemap), schema.error_log
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in sitemap.iterfind(".//s:loc", ns)]
    assert locations[0] == SITE_URL + "index.html"
    assert f"{SITE_URL}collections/{COLLECTION}/{COLLECTION}.plain.html" in locations
    assert len(locations) == 1 + 2 + 3 * 2
    for location in locations:
        assert local(project_build, location).is_file()


def test_schemas_reject_what_is_not_atom_or_a_sitemap() -> None:
    atom = etree.RelaxNG(etree.parse(str(SCHEMAS / "atom.rng")))
    no_id = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><updated>2018-01-01T00:00:00Z</updated></feed>'
    assert not atom.validate(etree.fromstring(no_id))
    sitemap = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    relative = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>a.html</loc></url></urlset>'
    assert not sitemap.validate(etree.fromstring(relative))


def test_json_index_lists_collections_and_articles_newest_first(project_build: Path) -> None:
    data = json.loads((project_build / "index.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["lang"] == "nl" and data["updated"] == "2018-11-30"
    assert [a["slug"] for a in data["articles"]] == SLUGS
    english = data["articles"][0]
    assert english["lang"] == "en-GB"
    assert set(english["variants"]) == {"standard", "plain", "large"}
    assert set(english["variants"]["large"]["outputs"]) == {"pdf"}
    outputs = english["variants"]["plain"]["outputs"]
    assert set(outputs) == {"html", "embed", "embed-shadow", "pdf", "epub", "docx"}
    assert english["variants"]["plain"]["title"].startswith("Do you care for someone")
    for output in outputs.values():
        assert local(project_build, output["href"]).stat().st_size == output["size"]
    [collection] = data["collections"]
    assert collection["articles"] == SLUGS[::-1]
    assert collection["authors"] == ["Anne de Feijter", "Redactie Moviera"]


def test_index_page_shows_collections_and_articles_with_working_links(project_build: Path) -> None:
    page = html.parse(str(project_build / "index.html")).getroot()
    assert page.get("lang") == "nl"
    assert page.findtext(".//h1").strip() == "Publicaties van Moviera"
    feed = page.find(".//link[@type='application/atom+xml']")
    assert feed is not None and feed.get("href") == "feed.xml"
    sections = page.findall(".//section")
    assert [s.findtext("h2") for s in sections] == ["Verzamelingen", "Alle publicaties"]
    assert len(sections[0].findall(".//li[@class='pub-card']")) == 1
    assert len(sections[1].findall(".//li[@class='pub-card']")) == 3
    for a in page.iter("a"):
        href = a.get("href")
        if not href.startswith(("http", "#")):
            assert local(project_build, href).is_file(), href


def test_without_base_url_there_is_no_sitemap_and_links_are_relative(tmp_path: Path) -> None:
    result = build_project(
        find_articles([ROOT / "source" / "support-for-informal-carers"]),
        BuildOptions(out_dir=tmp_path, formats=("html",), project_dir=ROOT),
        site=SiteOptions("", "en"),
        jobs=1,
    )
    assert result.site and not result.site.errors
    assert not (tmp_path / "sitemap.xml").exists()
    assert "sitemap.xml" not in result.site.files
    feed = etree.parse(str(tmp_path / "feed.xml")).getroot()
    # no site title or publisher set: the organisation that publishes the articles
    assert feed.findtext("a:title", namespaces=ATOM) == "Moviera"
    assert feed.findtext("a:author/a:name", namespaces=ATOM) == "Moviera"
    hrefs = [link.get("href") for link in feed.iterfind(".//a:entry/a:link", ATOM)]
    assert hrefs == [
        "support-for-informal-carers/support-for-informal-carers.html",
        "support-for-informal-carers/support-for-informal-carers.plain.html",
    ]


def test_site_pages_are_rebuilt_only_when_something_changed(tmp_path: Path) -> None:
    articles = find_articles([ROOT / "source" / "support-for-informal-carers"])
    options = BuildOptions(out_dir=tmp_path, formats=("html",), project_dir=ROOT)

    def site(title: str) -> tuple[bool, bool]:
        result = build_project(articles, options, site=SiteOptions(title, "en"), jobs=1)
        assert result.site is not None and not result.site.errors
        return result.articles[0].skipped, result.site.skipped

    assert site("Carers") == (False, False)
    assert site("Carers") == (True, True)
    assert site("Carers in Arnhem") == (True, False)  # only the site pages change
    assert "Carers in Arnhem" in (tmp_path / "index.html").read_text(encoding="utf-8")
    (tmp_path / "feed.xml").unlink()
    assert site("Carers in Arnhem") == (True, False)
    assert (tmp_path / "feed.xml").is_file()
