"""Collections as a reader gets them: the meeting pack, the e-book and the index page
of the example project's collection, the collection file's checks, the choice of
articles, and incremental builds."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pikepdf
import pytest
from lxml import etree, html
from typer.testing import CliRunner

from publisher.build.options import BuildOptions
from publisher.build.project import ProjectResult, build_project
from publisher.build.records import ArticleRecord
from publisher.cli import app
from publisher.collections.declaration import read_collection
from publisher.collections.select import select_articles
from publisher.errors import PublisherError
from publisher.reading.find import find_articles
from tests.conftest import COLLECTION, build_example_project
from tests.helpers import EXAMPLE, ROOT
from tests.test_pdf import text_of

runner = CliRunner()
ARTICLES = {
    "jongensprostitutie-in-beeld": "Onderzoek ‘Jongensprostitutie in beeld’",
    "als-mantelzorg-te-zwaar-wordt": "Als mantelzorg te zwaar wordt",
    "support-for-informal-carers": "Caring for someone at home in Arnhem?",
}
XHTML = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def folder(build: Path) -> Path:
    return build / "collections" / COLLECTION


def epub_documents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name) for name in book.namelist()}


@pytest.mark.parametrize("variant", ["", ".plain"])
def test_pack_has_cover_contents_with_page_numbers_and_every_article_from_a_new_page(
    project_build: Path, variant: str
) -> None:
    pdf = folder(project_build) / f"{COLLECTION}{variant}.pdf"
    pages = [
        " ".join(
            subprocess.run(
                ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
        )
        for n in range(1, len(pikepdf.open(pdf).pages) + 1)
    ]
    assert "Zorg en veiligheid thuis" in pages[0] and "MOVIERA" in pages[0]
    assert pages[1].startswith("Inhoud")
    for title in ARTICLES.values() if not variant else ["Jongens in de prostitutie"]:
        # the contents give the page on which the article starts; it starts there
        number = int(re.search(re.escape(title) + r".*?\.+ (\d+)", pages[1]).group(1))
        page = pages[number - 1]
        assert title in page, f"{title} is not on page {number}"
        assert page.index(title) < 200, "an article starts at the top of its page"
    heading = "Moeilijke woorden" if variant else "Begrippen"
    start = next(n for n, page in enumerate(pages) if page.startswith(heading))
    words = " ".join(pages[start:])
    # one word list for all articles, each term with the articles it is used in
    assert "mantelzorger" in words and "informal carer" in words
    assert "Gebruikt in" in words


def test_pack_is_pdf_ua_with_bookmarks_running_heads_and_languages(project_build: Path) -> None:
    pdf_path = folder(project_build) / f"{COLLECTION}.pdf"
    with pikepdf.open(pdf_path) as pdf:
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
        assert str(pdf.Root.Lang) == "nl"
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
            nested = [child.title for item in outline.root for child in item.children]
        assert titles[0].startswith("Zorg en veiligheid thuis")
        assert any(title.startswith("Als mantelzorg") for title in nested)
        assert any(title.startswith("Caring for someone") for title in nested)
        langs = {str(element.get("/Lang")) for element in _struct(pdf) if "/Lang" in element}
        assert "en-GB" in langs
    text = text_of(pdf_path)
    # the running head names the article on its pages (pdftotext reads the header first)
    assert text.count("Als mantelzorg te zwaar wordt") >= 3
    assert "pagina 2 van" in text


def _struct(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    from tests.test_pdf import struct_elements

    return struct_elements(pdf)


@pytest.mark.parametrize("variant", ["", ".plain"])
def test_ebook_has_a_chapter_per_article_in_its_own_language_and_one_navigation(
    project_build: Path, variant: str
) -> None:
    files = epub_documents(folder(project_build) / f"{COLLECTION}{variant}.epub")
    opf = etree.fromstring(files["EPUB/content.opf"])
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    assert [e.text for e in opf.findall(".//dc:language", ns)] == ["nl", "en-GB"]
    spine = [
        opf.find(f".//opf:item[@id='{ref.get('idref')}']", ns).get("href")
        for ref in opf.findall(".//opf:itemref", ns)
    ]
    chapters = [f"{slug}.xhtml" for slug in ARTICLES]
    assert spine == ["cover.xhtml", "intro.xhtml", *chapters, "glossary.xhtml", "nav.xhtml"]
    for name in chapters:
        root = etree.fromstring(files[f"EPUB/{name}"])
        expected = "en-GB" if name.startswith("support") else "nl"
        assert root.get(XML_LANG) == expected and root.get("lang") == expected
    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    toc = nav.find(".//x:nav[@id='toc']/x:ol", XHTML)
    entries = [li.find("x:a", XHTML).get("href") for li in toc.findall("x:li", XHTML)]
    assert entries == ["intro.xhtml", *chapters, "glossary.xhtml#pub-glossary"]
    sections = toc.findall("x:li", XHTML)[2].findall("x:ol/x:li/x:a", XHTML)
    assert [a.text for a in sections][:2] == (
        ["Wanneer wordt zorg te zwaar?", "Wat doet het wijkteam?"] if not variant else
        [a.text for a in sections][:2]
    )  # fmt: skip
    assert sections, "the navigation lists each article's sections"
    english = toc.findall("x:li", XHTML)[3]
    assert english.get(XML_LANG) == "en-GB"
    # every link in the navigation leads to an element that exists
    for a in nav.iterfind(".//x:a", XHTML):
        name, _, fragment = a.get("href").partition("#")
        target = etree.fromstring(files[f"EPUB/{name}"])
        if fragment:
            assert target.find(f".//*[@id='{fragment}']") is not None, a.get("href")


def test_ebook_page_list_follows_the_pack_and_terms_lead_to_one_word_list(
    project_build: Path,
) -> None:
    files = epub_documents(folder(project_build) / f"{COLLECTION}.epub")
    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    pages = nav.findall(".//x:nav[@id='page-list']//x:a", XHTML)
    with pikepdf.open(folder(project_build) / f"{COLLECTION}.pdf") as pdf:
        count = len(pdf.pages)
    labels = [int(a.text) for a in pages]
    assert labels == sorted(labels) and labels[0] == 1 and labels[-1] == count
    assert len(labels) >= count - 2  # the contents page has no counterpart in the e-book
    documents = {a.get("href").split("#")[0] for a in pages}
    assert {f"{slug}.xhtml" for slug in ARTICLES} <= documents
    chapter = etree.fromstring(files["EPUB/als-mantelzorg-te-zwaar-wordt.xhtml"])
    terms = chapter.findall(".//x:a[@role='doc-glossref']", XHTML)
    assert terms and all(a.get("href").startswith("glossary.xhtml#") for a in terms)
    assert chapter.find(".//x:section[@role='doc-glossary']", XHTML) is None
    glossary = etree.fromstring(files["EPUB/glossary.xhtml"])
    for a in terms:
        anchor = a.get("href").split("#")[1]
        assert glossary.find(f".//*[@id='{anchor}']") is not None
    carer = glossary.find(".//x:dt[@id]/x:dfn", XHTML)
    assert carer is not None
    english_term = next(
        dt
        for dt in glossary.iterfind(".//x:dt", XHTML)
        if dt.findtext("x:dfn", namespaces=XHTML) == "respite care"
    )
    assert english_term.get(XML_LANG) == "en-GB"
    uses = glossary.findall(".//x:dd/x:span/x:a", XHTML)
    assert {a.get("href").split("#")[0] for a in uses} == {f"{slug}.xhtml" for slug in ARTICLES}
    opf = files["EPUB/content.opf"].decode()
    assert "pageBreakSource" in opf and f"{COLLECTION}.pdf (A4)" in opf
    assert "alternativeText" in opf  # the articles have images


def test_index_page_has_a_card_per_article_with_working_links(project_build: Path) -> None:
    page_path = folder(project_build) / f"{COLLECTION}.html"
    page = html.parse(str(page_path)).getroot()
    cards = page.findall(".//li[@class='pub-card']")
    assert [c.findtext(".//h3/a").strip()[:20] for c in cards] == [
        title[:20] for title in ARTICLES.values()
    ]
    english = cards[2]
    assert english.find(".//h3/a").get("lang") == "en-GB"
    assert "Taal: Engels" in english.text_content()
    labels = [a.text for a in english.findall(".//ul[@class='pub-card-links']//a")]
    # standard and plain, then the large-print variant, which is a handout only
    assert labels == ["Webpagina", "Handout om te printen", "E-book"] * 2 + [
        "Handout om te printen"
    ]
    downloads = [a.get("href") for a in page.findall(".//nav[@class='pub-downloads']//a")]
    assert downloads == [f"{COLLECTION}.pdf", f"{COLLECTION}.epub", f"{COLLECTION}.large.pdf"]
    for a in page.iter("a"):
        href = a.get("href")
        if href.startswith(("http", "#")):
            continue
        target = (page_path.parent / unquote(urlsplit(href).path)).resolve()
        assert target.is_file(), href
    assert (page_path.parent / "assets" / "css" / "collection.css").is_file()


BAD = """---
title: Bundel
lang: nl
artikelen: [x]
articles: [jongensprostitutie-in-beeld, Geen Slug, jongensprostitutie-in-beeld, bestaat-niet]
order: willekeurig
cover: omslag.png
---

Een inleiding met een [woord]{.term}.
"""


def test_a_bad_collection_file_gets_every_problem_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE.parent, tmp_path / "source" / EXAMPLE.parent.name)
    (tmp_path / "collections").mkdir()
    bad = tmp_path / "collections" / "bundel.md"
    bad.write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "-q", "-f", "html"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {bad}:5: 'Geen Slug' in 'articles' is not an article slug (a-z, 0-9, -)",
        f"error: {bad}:5: article 'jongensprostitutie-in-beeld' is listed twice",
        f"error: {bad}:6: 'order: willekeurig' must be one of listed, oldest, newest, title",
        f"error: {bad}:7: image 'omslag.png' does not exist",
        f"error: {bad}:10: glossary term 'woord' is not defined under 'glossary:'",
    ]
    assert "Traceback" not in result.output
    assert not (tmp_path / "build" / "collections").exists()
    assert (tmp_path / "build" / EXAMPLE.parent.name).is_dir()  # the articles are built
    bad.write_text(BAD.replace(", Geen Slug, jongensprostitutie-in-beeld", "").replace(
        "order: willekeurig\ncover: omslag.png\n", ""
    ).replace(" met een [woord]{.term}", ""), encoding="utf-8")  # fmt: skip
    result = runner.invoke(app, ["build", "-q", "-f", "html"])
    assert result.exit_code == 1
    assert f"error: {bad}:5: no article 'bestaat-niet'" in result.stderr
    assert f"warning: {bad}:4: unknown front matter key 'artikelen'" in result.stderr


def record(slug: str, date: str, lang: str = "nl", keywords: tuple[str, ...] = ()) -> ArticleRecord:
    return ArticleRecord(slug, f"/{slug}.md", slug.title(), lang, date, keywords=keywords)


def test_a_query_chooses_by_date_keyword_and_language_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "bundel.md"
    path.write_text(
        "---\ntitle: Bundel\nlang: nl\nquery:\n  from: 2024-01-01\n  to: 2024-06-30\n"
        "  keywords: [Mantelzorg]\n  lang: [nl]\n---\n",
        encoding="utf-8",
    )
    records = {
        r.slug: r
        for r in [
            record("a", "2024-02-01", keywords=("mantelzorg",)),
            record("b", "2024-05-01", keywords=("wijkteam", "mantelzorg")),
            record("c", "2024-05-02", lang="en", keywords=("mantelzorg",)),
            record("d", "2024-07-01", keywords=("mantelzorg",)),
            record("e", "2024-03-01", lang="nl-BE", keywords=("jeugd",)),
            record("f", "2024-03-01", lang="nl-BE", keywords=("MANTELZORG",)),
        ]
    }
    declaration, _ = read_collection(path)
    assert [r.slug for r in select_articles(declaration, records)] == ["b", "f", "a"]
    path.write_text(path.read_text().replace("lang: [nl]\n", "lang: [nl]\norder: title\n"))
    declaration, _ = read_collection(path)
    assert [r.slug for r in select_articles(declaration, records)] == ["a", "b", "f"]
    path.write_text(path.read_text().replace("2024-01-01", "2025-01-01").replace(
        "2024-06-30", "2025-06-30"))  # fmt: skip
    declaration, _ = read_collection(path)
    with pytest.raises(PublisherError) as info:
        select_articles(declaration, records)
    assert str(info.value) == f"{path}:4: the query finds no article"


def build_folders(root: Path, options: BuildOptions) -> ProjectResult:
    """The articles of ``root/source`` and the collections of ``root/collections``, in
    one process; none may fail."""
    result = build_project(
        find_articles([root / "source"]),
        options,
        collections=find_articles([root / "collections"]),
        jobs=1,
    )
    assert not any(r.errors for r in [*result.articles, *result.collections])
    return result


def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "source", tmp_path / "source")
    shutil.copytree(ROOT / "collections", tmp_path / "collections")
    return tmp_path


def test_a_collection_is_rebuilt_only_when_its_articles_its_file_or_the_theme_change(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    options = BuildOptions(out_dir=root / "build", formats=("html",), project_dir=root)
    second = root / "collections" / "tweede.md"
    second.write_text(
        "---\ntitle: Alleen mantelzorg\nlang: nl\narticles: [als-mantelzorg-te-zwaar-wordt]\n---\n",
        encoding="utf-8",
    )

    def build() -> tuple[list[bool], list[bool]]:
        result = build_folders(root, options)
        return [r.skipped for r in result.articles], [r.skipped for r in result.collections]

    assert build() == ([False] * 3, [False, False])
    page = root / "build" / "collections" / COLLECTION / f"{COLLECTION}.html"
    before = page.stat().st_mtime_ns
    assert build() == ([True] * 3, [True, True])
    assert page.stat().st_mtime_ns == before
    edited = root / "source" / "support-for-informal-carers" / "index.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    # articles in file order: als-mantelzorg, jongensprostitutie, support; collections: tweede, zorg
    assert build() == ([True, True, False], [True, False])
    collection = root / "collections" / f"{COLLECTION}.md"
    collection.write_text(
        collection.read_text(encoding="utf-8").replace("najaar 2018", "herfst 2018", 1),
        encoding="utf-8",
    )
    assert build() == ([True] * 3, [True, False])
    theme = root / "themes" / "eigen"
    theme.mkdir(parents=True)
    (theme / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    assert build() == ([False] * 3, [False, False])


def test_collection_and_site_bytes_are_the_same_on_every_build(
    project_build: Path, tmp_path: Path
) -> None:
    build_example_project(tmp_path, jobs=1)  # in one process, the fixture's in two
    names = [
        p.relative_to(project_build)
        for p in project_build.rglob("*")
        if p.is_file() and p.name != ".publisher-manifest.json"
    ]
    assert any(n.parts[0] == "collections" for n in names) and Path("feed.xml") in names
    different = [
        n for n in names if (project_build / n).read_bytes() != (tmp_path / n).read_bytes()
    ]
    assert different == []


def test_new_collection_lists_the_newest_articles_and_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    shutil.rmtree(root / "collections")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["new", "collection", "Nieuwsbrief december"])
    assert result.exit_code == 0, result.output
    path = root / "collections" / "nieuwsbrief-december.md"
    text = path.read_text(encoding="utf-8")
    assert "  - support-for-informal-carers\n  - als-mantelzorg-te-zwaar-wordt\n" in text
    built = runner.invoke(app, ["build", "-q", "-f", "html", str(path)])
    assert built.exit_code == 0, built.output
    page = root / "build" / "collections" / "nieuwsbrief-december" / "nieuwsbrief-december.html"
    assert "Nieuwsbrief december" in page.read_text(encoding="utf-8")
    assert not (root / "build" / "index.html").exists()  # only the collection was asked for
    again = runner.invoke(app, ["new", "collection", "Nieuwsbrief december"])
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_an_arabic_chapter_of_the_pack_prints_latin_runs_in_reading_order(
    tmp_path: Path,
) -> None:
    article = tmp_path / "source" / "vue-ar"
    article.mkdir(parents=True)
    (article / "index.md").write_text(
        "---\ntitle: مقدمة\nlang: ar\ndate: 2024-01-01\n---\n\n"
        "نستخدم **Vue** Composition API في هذا المشروع.\n",
        encoding="utf-8",
    )
    (tmp_path / "collections").mkdir()
    (tmp_path / "collections" / "ar.md").write_text(
        "---\ntitle: مجموعة\nlang: ar\narticles: [vue-ar]\n---\n", encoding="utf-8"
    )
    options = BuildOptions(
        out_dir=tmp_path / "build", formats=("pdf",), variants=("standard",), project_dir=tmp_path
    )
    build_folders(tmp_path, options)
    pack = tmp_path / "build" / "collections" / "ar" / "ar.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pack), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Vue Composition API" in text, text
