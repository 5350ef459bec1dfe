"""Outputs that work where they travel (issue 16): addresses between outputs, links
that resolve where each output is read, the handout's way back online and contact."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pikepdf
import pytest
from lxml import etree, html

from publisher.build.article import build_article
from publisher.build.options import BuildOptions, Settings
from publisher.formats.addresses import folder_url, lost_links
from tests.helpers import ROOT

EXAMPLE = ROOT / "source" / "jongensprostitutie-in-beeld" / "index.md"
WIJKWIJZER = ROOT / "tests" / "fixtures" / "articles" / "wijkwijzer" / "index.md"
BASE = "https://publicaties.example.org/artikelen"


def test_the_folder_of_a_page_address_is_the_base_of_the_others() -> None:
    settings = Settings(base_url=BASE + "/")
    assert folder_url("https://e.org/nieuws/artikel.html", "x", settings) == "https://e.org/nieuws/"
    assert folder_url("https://e.org/wijk/", "x", settings) == "https://e.org/wijk/"
    assert folder_url(None, "x", settings) == BASE + "/x/"
    assert folder_url(None, "x", Settings()) is None


def test_without_an_address_the_lost_links_are_named_per_format() -> None:
    lost = lost_links(None, Settings(), ("html", "embed", "pdf", "epub"), ("standard", "plain"))
    assert any("embed" in phrase and "PDF, EPUB" in phrase for phrase in lost)
    assert any("QR code" in phrase for phrase in lost)
    assert lost_links(None, Settings(base_url=BASE), ("embed",), ("standard",)) == []
    assert lost_links(None, Settings(), ("html",), ("standard", "plain")) == []


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example (by base_url) and wijkwijzer (by its own url) as build/ lays them out."""
    out = tmp_path_factory.mktemp("published")
    for article in (EXAMPLE, WIJKWIJZER):
        result = build_article(
            article,
            BuildOptions(out_dir=out, project_dir=ROOT, settings=Settings(base_url=BASE)),
        )
        assert not result.errors, result.errors
        assert result.lost_links == []
    return out


def _local(url: str, out: Path) -> Path | None:
    """Where a published address is in build/, or None for another site."""
    published = {
        BASE + "/": out,
        "https://www.example.org/wijkwijzer/": out / "wijkwijzer",
    }
    clean = url.split("#", 1)[0].split("?", 1)[0]
    for prefix, folder in published.items():
        if clean.startswith(prefix):
            rest = unquote(clean[len(prefix) :])
            if prefix == "https://www.example.org/wijkwijzer/" and rest == "":
                rest = "wijkwijzer.html"  # the article's url is its standard page
            return folder / rest
    return None


def _check_href(href: str, ids: set[str], here: Path, out: Path, problems: list[str]) -> None:
    where = f"{here.name}: {href}"
    if href.startswith("#"):
        if unquote(href[1:]) not in ids:
            problems.append(f"{where}: no such id")
        return
    scheme = urlsplit(href).scheme
    if scheme in ("mailto", "tel"):
        if not re.match(r"^(mailto:[^@\s]+@[^@\s]+|tel:\+?\d{3,15})$", href):
            problems.append(f"{where}: malformed")
        return
    if scheme in ("http", "https"):
        local = _local(href, out)
        if local is not None and not local.is_file():
            problems.append(f"{where}: {local} does not exist")
        return
    if scheme == "data":
        return
    if scheme:
        problems.append(f"{where}: scheme {scheme}")
        return
    target = (here.parent / unquote(href.split("#", 1)[0])).resolve()
    if not target.is_file():
        problems.append(f"{where}: {target} does not exist")


def _html_links(path: Path, text: str, out: Path, problems: list[str]) -> int:
    tree = html.fromstring(text.encode("utf-8"))
    # Ids in shadow roots count only for links inside the same shadow root: the
    # shadow mode must have no in-page links at all.
    ids = set(tree.xpath("//@id"))
    count = 0
    for element in tree.iter():
        for name in ("href", "src"):
            value = element.get(name)
            if value is None or (name == "src" and value.startswith("data:")):
                continue
            if path.name.endswith(".shadow.html") and value.startswith("#"):
                problems.append(f"{path.name}: in-page link {value} in a shadow root")
            count += 1
            _check_href(value, ids, path, out, problems)
    return count


def _epub_links(path: Path, out: Path, problems: list[str]) -> int:
    count = 0
    with zipfile.ZipFile(path) as book:
        docs = {n: book.read(n) for n in book.namelist() if n.endswith(".xhtml")}
        ids = {name: set(etree.fromstring(data).xpath("//@id")) for name, data in docs.items()}
        for name, data in docs.items():
            for element in etree.fromstring(data).iter():
                href = element.get("href") if isinstance(element.tag, str) else None
                if href is None or element.tag.endswith("}link"):
                    continue
                count += 1
                scheme = urlsplit(href).scheme
                if scheme:
                    _check_href(href, set(), path, out, problems)
                    continue
                file, _, fragment = href.partition("#")
                target = str(Path(name).parent / file) if file else name
                if target not in docs:
                    problems.append(f"{path.name}:{name}: {href}: no such document")
                elif fragment and fragment not in ids[target]:
                    problems.append(f"{path.name}:{name}: {href}: no such id")
    return count


def _pdf_links(path: Path, out: Path, problems: list[str]) -> int:
    count = 0
    with pikepdf.open(path) as pdf:
        names: set[str] = set()
        dests = pdf.Root.get("/Names", {}).get("/Dests") if "/Names" in pdf.Root else None
        if dests is not None:
            names = {str(k) for k, _ in pikepdf.NameTree(dests).items()}
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Link":
                    continue
                count += 1
                action = annot.get("/A")
                if action is not None and action.get("/S") == "/URI":
                    _check_href(str(action.URI), set(), path, out, problems)
                    continue
                dest = annot.get("/Dest") or (action.get("/D") if action is not None else None)
                if dest is None:
                    problems.append(f"{path.name}: a link without target")
                elif (
                    isinstance(dest, (pikepdf.String, pikepdf.Name))
                    and str(dest).lstrip("/") not in names
                ):
                    problems.append(f"{path.name}: destination {dest} does not exist")
    return count


def _docx_links(path: Path, out: Path, problems: list[str]) -> int:
    """The Word document's hyperlinks: external ones by address, internal ones to a
    bookmark that exists."""
    count = 0
    with zipfile.ZipFile(path) as document:
        rels = etree.fromstring(document.read("word/_rels/document.xml.rels"))
        body = etree.fromstring(document.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    bookmarks = {b.get(f"{w}name") for b in body.iter(f"{w}bookmarkStart")}
    for rel in rels:
        if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith("/hyperlink"):
            count += 1
            _check_href(rel.get("Target", ""), set(), path, out, problems)
    for link in body.iter(f"{w}hyperlink"):
        anchor = link.get(f"{w}anchor")
        if anchor is not None:
            count += 1
            if anchor not in bookmarks:
                problems.append(f"{path.name}: #{anchor}: no such bookmark")
    return count


def test_every_link_in_every_output_resolves(published: Path) -> None:
    problems: list[str] = []
    counted: dict[str, int] = {}
    for folder in sorted(p for p in published.iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            if path.suffix == ".html":
                text = path.read_text(encoding="utf-8")
                counted[path.name] = _html_links(path, text, published, problems)
            elif path.suffix == ".epub":
                counted[path.name] = _epub_links(path, published, problems)
            elif path.suffix == ".pdf":
                counted[path.name] = _pdf_links(path, published, problems)
            elif path.suffix == ".docx":
                counted[path.name] = _docx_links(path, published, problems)
    assert problems == [], "\n".join(problems)
    # Per article: page, embed, shadow, handout, e-book and Word document in both
    # variants, and the large-print handout.
    assert len(counted) == 2 * (2 * 6 + 1), sorted(counted)
    assert all(number > 0 for number in counted.values()), counted


def _text(pdf: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_handout_names_other_versions_by_address_with_qr_on_the_last_page(
    published: Path,
) -> None:
    pdf = published / "jongensprostitutie-in-beeld" / "jongensprostitutie-in-beeld.pdf"
    with pikepdf.open(pdf) as document:
        assert len(document.pages) == 2  # the QR block stays on the last text page
    last = " ".join(_text(pdf, "-f", "2", "-l", "2").split())
    folder = f"{BASE}/jongensprostitutie-in-beeld/"
    compact = last.replace(" ", "")
    assert f"Onlinelezen:{folder}jongensprostitutie-in-beeld.html" in compact
    assert "Versie in makkelijke taal:" in last and "E-book:" in last
    whole = _text(pdf)
    assert "Er is ook een versie" not in whole  # the old file-name hints


def test_contact_block_in_the_colophon_of_every_format(published: Path) -> None:
    folder = published / "wijkwijzer"
    needle = "servicepunt@example.org"
    for name in ("wijkwijzer.html", "wijkwijzer.embed.html", "wijkwijzer.plain.shadow.html"):
        page = (folder / name).read_text(encoding="utf-8")
        assert '<address class="pub-contact">' in page and 'href="tel:0301234567"' in page
    with zipfile.ZipFile(folder / "wijkwijzer.epub") as book:
        assert needle in book.read("EPUB/content.xhtml").decode("utf-8")
    assert "Telefoon: 030 123 45 67" in " ".join(_text(folder / "wijkwijzer.pdf").split())


@pytest.mark.parametrize(
    ("contact", "message"),
    [
        ("{phone: bel ons}", "'contact.phone' must be a phone number"),
        ("{email: info-at-example.org}", "'contact.email' must be an e-mail address"),
        ("{web: www.example.org}", "'contact.web' must be an absolute https:// address"),
        ("{naam: Servicepunt}", "unknown key 'naam' (did you mean 'name'?)"),
        ("servicepunt", "'contact' must be a mapping"),
    ],
)
def test_a_wrong_contact_is_an_error_with_its_line(
    tmp_path: Path, contact: str, message: str
) -> None:
    source = tmp_path / "artikel.md"
    source.write_text(
        f"---\ntitle: T\nlang: nl\ndate: 2025-01-01\ncontact: {contact}\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    result = build_article(source, BuildOptions(out_dir=tmp_path / "out", formats=("html",)))
    [error] = result.errors
    assert str(error).startswith(f"{source}:5: ") and message in str(error)


def test_glossary_first_use_and_back_link(published: Path) -> None:
    page = (published / "wijkwijzer" / "wijkwijzer.html").read_text(encoding="utf-8")
    assert 'id="pub-use-wijkteam"' in page and 'href="#pub-use-wijkteam"' in page
    with zipfile.ZipFile(published / "wijkwijzer" / "wijkwijzer.epub") as book:
        nav = book.read("EPUB/nav.xhtml").decode("utf-8")
    assert 'href="content.xhtml#pub-glossary">Begrippen</a>' in nav
    text = " ".join(_text(published / "wijkwijzer" / "wijkwijzer.pdf").split())
    assert "wijkteam (zie de woordenlijst, pagina" in text


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_hyphenation_is_limited(tmp_path: Path, paper: str) -> None:
    result = build_article(
        EXAMPLE,
        BuildOptions(
            out_dir=tmp_path, formats=("pdf",), project_dir=ROOT, settings=Settings(paper=paper)
        ),
    )
    assert not result.errors
    for name in ("jongensprostitutie-in-beeld.pdf", "jongensprostitutie-in-beeld.plain.pdf"):
        lines = _text(tmp_path / "jongensprostitutie-in-beeld" / name).splitlines()
        run = longest = 0
        for line in lines:
            hyphenated = line.rstrip().endswith("\u2010")
            run = run + 1 if hyphenated else 0
            longest = max(longest, run)
            if hyphenated:
                word = line.rstrip().split()[-1]
                assert not word[:1].isupper(), f"{paper} {name}: a name is hyphenated: {word}"
                assert len(word) >= 4, f"{paper} {name}: {word}"
        assert longest <= 2, f"{paper} {name}: {longest} hyphenated lines in a row"
