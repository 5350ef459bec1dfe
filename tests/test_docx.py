"""The Word document as Word, LibreOffice and a screen reader see it: styles, language,
properties, pictures, tables, lists, footnotes, links, the word list; and the
accessibility check, each rule shown failing and passing."""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from publisher import validators
from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from publisher.formats.docx.check import RULES, check
from tests.conftest import SLUG
from tests.helpers import EXAMPLE, ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "dc": "http://purl.org/dc/elements/1.1/",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
ALL = ROOT / "tests" / "fixtures" / "articles" / "alle-onderdelen" / "index.md"
ARTEFACTS = ROOT / "tests" / "artefacts" / "docx"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docx")
    files = {}
    for source in (EXAMPLE, ALL):
        result = build_article(
            source, BuildOptions(out_dir=out, formats=("docx",), project_dir=ROOT)
        )
        assert not result.errors, result.errors
        for name in result.files:
            files[name] = out / (result.slug or "") / name
    return files


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def xml(path: Path, name: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(parts(path)[name])


def texts(element: etree._Element) -> str:
    return "".join(element.itertext())


def test_headings_are_word_heading_styles_in_order(built: dict[str, Path]) -> None:
    document = xml(built[f"{SLUG}.docx"])
    headings = [
        (p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val"), texts(p))
        for p in document.iter(f"{{{W}}}p")
        if p.find("w:pPr/w:pStyle", NS) is not None
        and p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val").startswith("Heading")
    ]
    assert headings[0] == (
        "Heading1",
        "Onderzoek ‘Jongensprostitutie in beeld’ leidt tot gesprek in regio Arnhem",
    )
    assert ("Heading2", "Zorgcoördinatie Slachtoffers Mensenhandel") in headings
    assert headings[-1] == ("Heading2", "Begrippen")
    styles = xml(built[f"{SLUG}.docx"], "word/styles.xml")
    for level in range(1, 7):
        style = styles.find(f"w:style[@w:styleId='Heading{level}']", NS)
        assert style.find("w:name", NS).get(f"{{{W}}}val") == f"heading {level}"
        assert style.find("w:pPr/w:outlineLvl", NS).get(f"{{{W}}}val") == str(level - 1)


def test_theme_font_colours_and_language_come_from_the_styles_document(
    built: dict[str, Path],
) -> None:
    styles = xml(built[f"{SLUG}.plain.docx"], "word/styles.xml")
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(f"{{{W}}}ascii") == "Atkinson Hyperlegible"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}val") == "nl-NL"
    size = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", NS)
    assert size.get(f"{{{W}}}val") == "28"  # plain language: 14 pt
    heading = styles.find("w:style[@w:styleId='Heading2']/w:rPr/w:color", NS)
    assert heading.get(f"{{{W}}}val") == "123A5E"  # the theme's heading colour
    standard = xml(built[f"{SLUG}.docx"], "word/styles.xml")
    assert standard.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", NS).get(f"{{{W}}}val") == "22"


def test_theme_font_is_embedded_as_word_embeds_fonts(built: dict[str, Path]) -> None:
    from publisher.formats.docx.fonts import obfuscate
    from publisher.theme import load_theme

    path = built[f"{SLUG}.docx"]
    files = parts(path)
    table = xml(path, "word/fontTable.xml")
    rels = {r.get("Id"): r.get("Target") for r in xml(path, "word/_rels/fontTable.xml.rels")}
    regular = table.find("w:font[@w:name='Atkinson Hyperlegible']/w:embedRegular", NS)
    target = rels[regular.get(f"{{{NS['r']}}}id")]
    # XOR with the same key gives the theme's font file back.
    theme = load_theme("default", ROOT)
    original = theme.static("fonts/AtkinsonHyperlegible-Regular.ttf").read_bytes()
    stored = files[f"word/{target}"]
    assert stored != original and obfuscate(stored, regular.get(f"{{{W}}}fontKey")) == original
    assert "odttf" in files["[Content_Types].xml"].decode()
    assert xml(path, "word/settings.xml").find("w:embedTrueTypeFonts", NS) is not None


def test_language_of_parts_on_runs(built: dict[str, Path]) -> None:
    document = xml(built["alle-onderdelen.docx"])
    runs = {
        texts(r): r.find("w:rPr/w:lang", NS)
        for r in document.iter(f"{{{W}}}r")
        if r.find("w:rPr/w:lang", NS) is not None
    }
    assert runs["the quick brown fox"].get(f"{{{W}}}val") == "en-GB"
    assert runs["Engelse zin"].get(f"{{{W}}}val") == "en-US"
    arabic = runs["مرحبا"]
    assert arabic.get(f"{{{W}}}bidi") == arabic.get(f"{{{W}}}val") == "ar-EG"
    rtl = next(r for r in document.iter(f"{{{W}}}r") if texts(r) == "مرحبا")
    assert rtl.find("w:rPr/w:rtl", NS) is not None


def test_core_properties(built: dict[str, Path]) -> None:
    core = xml(built[f"{SLUG}.plain.docx"], "docProps/core.xml")
    assert (
        core.findtext("dc:title", namespaces=NS) == "Jongens in de prostitutie – gesprek in Arnhem"
    )
    assert core.findtext("dc:language", namespaces=NS) == "nl"
    assert core.findtext("dc:subject", namespaces=NS).startswith("Lumens deed onderzoek")
    assert "mensenhandel" in core.findtext(
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords"
    )


def test_pictures_have_alt_text_and_decorative_ones_are_marked(built: dict[str, Path]) -> None:
    document = xml(built["alle-onderdelen.docx"])
    doc_prs = list(document.iter(f"{{{NS['wp']}}}docPr"))
    assert [d.get("descr") for d in doc_prs] == [
        "Een raster van blauwe en lichte vlakken, als een dambord.",
        None,
        "een klein dambord",
    ]
    marks = doc_prs[1].findall(
        ".//{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
    )
    assert [m.get("val") for m in marks] == ["1"]
    files = parts(built["alle-onderdelen.docx"])
    pngs = [name for name in files if name.startswith("word/media/")]
    assert pngs and all(files[name].startswith(b"\x89PNG") for name in pngs)  # SVG drawn as PNG


def test_table_header_row_repeats_and_caption(built: dict[str, Path]) -> None:
    document = xml(built["alle-onderdelen.docx"])
    [table] = document.iter(f"{{{W}}}tbl")
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    assert [texts(c) for c in rows[0].findall("w:tc", NS)] == ["Gemeente", "Inwoners", "Wijkteams"]
    caption = table.find("w:tblPr/w:tblCaption", NS).get(f"{{{W}}}val")
    assert caption == "Inwoners en wijkteams per gemeente"
    before = table.getprevious()
    assert texts(before) == caption
    assert before.find("w:pPr/w:keepNext", NS) is not None


def test_lists_are_word_lists_that_restart(built: dict[str, Path]) -> None:
    path = built["alle-onderdelen.docx"]
    document = xml(path)
    items = [
        (
            texts(p),
            p.find("w:pPr/w:numPr/w:ilvl", NS).get(f"{{{W}}}val"),
            p.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val"),
        )
        for p in document.iter(f"{{{W}}}p")
        if p.find("w:pPr/w:numPr", NS) is not None
    ]
    assert [(t, lvl) for t, lvl, _ in items] == [
        ("appels", "0"),
        ("peren", "0"),
        ("handperen", "1"),
        ("stoofperen", "1"),
        ("bananen", "0"),
        ("Eerste stap met uitleg.", "0"),
        ("Tweede stap.", "0"),
    ]
    numbering = xml(path, "word/numbering.xml")
    abstract = {
        num.get(f"{{{W}}}numId"): num.find("w:abstractNumId", NS).get(f"{{{W}}}val")
        for num in numbering.findall("w:num", NS)
    }
    formats = {
        number: numbering.find(f"w:abstractNum[@w:abstractNumId='{ident}']/w:lvl/w:numFmt", NS).get(
            f"{{{W}}}val"
        )
        for number, ident in abstract.items()
    }
    assert formats[items[0][2]] == "bullet" and formats[items[-1][2]] == "decimal"
    # The second paragraph of a list item continues it, indented, without a number.
    follow = next(
        p for p in document.iter(f"{{{W}}}p") if texts(p) == "Nog een alinea bij de eerste stap."
    )
    assert follow.find("w:pPr/w:numPr", NS) is None and follow.find("w:pPr/w:ind", NS) is not None


def test_footnotes_are_word_footnotes(built: dict[str, Path]) -> None:
    path = built["alle-onderdelen.docx"]
    document = xml(path)
    [reference] = document.iter(f"{{{W}}}footnoteReference")
    notes = xml(path, "word/footnotes.xml")
    note = notes.find(f"w:footnote[@w:id='{reference.get(f'{{{W}}}id')}']", NS)
    assert texts(note).strip() == "De Wet maatschappelijke ondersteuning uit 2015."
    assert note.find(".//w:footnoteRef", NS) is not None
    types = parts(path)["[Content_Types].xml"].decode()
    assert "footnotes+xml" in types and "numbering+xml" in types


def test_links_and_glossary_bookmarks(built: dict[str, Path]) -> None:
    path = built["alle-onderdelen.docx"]
    document = xml(path)
    rels = xml(path, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    links = {texts(h): h for h in document.iter(f"{{{W}}}hyperlink")}
    overheid = links["de website van de overheid"]
    assert targets[overheid.get(f"{{{NS['r']}}}id")] == "https://www.rijksoverheid.nl/"
    assert targets[links["info@example.org"].get(f"{{{NS['r']}}}id")] == "mailto:info@example.org"
    bookmarks = {b.get(f"{{{W}}}name") for b in document.iter(f"{{{W}}}bookmarkStart")}
    for text in ("de tabel", "mantelzorg"):
        anchor = links[text].get(f"{{{W}}}anchor")
        assert anchor in bookmarks, (text, anchor)
    assert "term_mantelzorg" in bookmarks  # the word list entry
    assert "javascript" not in "".join(targets.values())
    glossary = [texts(p) for p in document.iter(f"{{{W}}}p")][-4:]
    assert glossary[:3] == [
        "Begrippen",
        "mantelzorg",
        "Zorg die je geeft aan iemand uit je familie of omgeving.",
    ]


def test_same_source_gives_the_same_bytes(built: dict[str, Path], tmp_path: Path) -> None:
    result = build_article(ALL, BuildOptions(out_dir=tmp_path, formats=("docx",), project_dir=ROOT))
    assert (tmp_path / "alle-onderdelen" / "alle-onderdelen.docx").read_bytes() == built[
        "alle-onderdelen.docx"
    ].read_bytes()
    assert not result.errors


def test_every_output_passes_the_accessibility_check(built: dict[str, Path]) -> None:
    for name, path in built.items():
        assert [str(f) for f in check(path.read_bytes())] == [], name


# --- each rule fails on a document that breaks it ---------------------------------------
def mutate(path: Path, part: str, change: Callable[[str], str]) -> bytes:
    files = parts(path)
    text = files[part].decode("utf-8")
    changed = change(text)
    assert changed != text, "the mutation did not apply"
    files[part] = changed.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    return out.getvalue()


def _first_paragraph_text(text: str, new: str) -> str:
    return re.sub(r"(<w:t[^>]*>)Dit is de opening\.", rf"\g<1>{new}", text, count=1)


BREAKS: dict[str, tuple[str, Callable[[str], str]]] = {
    "alt-text": ("word/document.xml", lambda t: re.sub(r' descr="[^"]*"', "", t, count=1)),
    "table-header": ("word/document.xml", lambda t: t.replace("<w:tblHeader/>", "", 1)),
    "headings": (
        "word/styles.xml",
        lambda t: re.sub(r'<w:outlineLvl w:val="\d"/>', "", t),
    ),
    "heading-order": (
        "word/document.xml",
        lambda t: t.replace('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Heading4"/>', 1),
    ),
    "document-title": ("docProps/core.xml", lambda t: re.sub(r"<dc:title>[^<]*</dc:title>", "", t)),
    "language": (
        "word/styles.xml",
        lambda t: re.sub(r"<w:lang [^>]*/>", "", t, count=1),
    ),
    "contrast": (
        "word/styles.xml",
        lambda t: re.sub(
            r'(w:styleId="Caption">.*?<w:color w:val=")[0-9A-F]{6}', r"\g<1>AAAAAA", t, flags=re.S
        ),
    ),
    "link-text": (
        "word/document.xml",
        lambda t: t.replace(">de website van de overheid<", ">klik hier<", 1),
    ),
    "inline-objects": (
        "word/document.xml",
        lambda t: t.replace("<wp:inline", "<wp:anchor", 1).replace(
            "</wp:inline>", "</wp:anchor>", 1
        ),
    ),
    "merged-cells": (
        "word/document.xml",
        lambda t: t.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="2"/>', 1),
    ),
    "blank-cells": (
        "word/document.xml",
        lambda t: re.sub(r"(<w:t[^>]*>)(Arnhem|165\.000|12)(</w:t>)", r"\1\3", t),
    ),
    "blank-characters": (
        "word/document.xml",
        lambda t: t.replace("<w:tbl>", "<w:p/><w:tbl>", 1),
    ),
    "real-lists": ("word/document.xml", lambda t: _first_paragraph_text(t, "• Dit is de opening.")),
    "styles-defined": (
        "word/document.xml",
        lambda t: t.replace('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Kop2"/>', 1),
    ),
}


def test_every_rule_has_a_breaking_case() -> None:
    assert sorted(BREAKS) == sorted(rule.id for rule in RULES)


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_rule_fails_on_a_document_that_breaks_it(built: dict[str, Path], rule: str) -> None:
    part, change = BREAKS[rule]
    source = built["alle-onderdelen.docx"]
    assert [f for f in check(source.read_bytes()) if f.rule == rule] == []
    broken = mutate(source, part, change)
    found = [f for f in check(broken) if f.rule == rule]
    assert found, f"{rule} did not fail"


def test_decorative_picture_with_alt_text_fails(built: dict[str, Path]) -> None:
    broken = mutate(
        built["alle-onderdelen.docx"],
        "word/document.xml",
        lambda t: re.sub(r'(<wp:docPr id="2" name="[^"]*")', r'\1 descr="lijn"', t),
    )
    [finding] = [f for f in check(broken) if f.rule == "alt-text"]
    assert "marked decorative but has alt text" in finding.message


def test_alt_text_that_is_a_file_name_fails(built: dict[str, Path]) -> None:
    broken = mutate(
        built["alle-onderdelen.docx"],
        "word/document.xml",
        lambda t: t.replace('descr="een klein dambord"', 'descr="blokken.png"'),
    )
    assert any("is a file name" in f.message for f in check(broken))


# --- LibreOffice opens it ----------------------------------------------------------------
@pytest.fixture(scope="module")
def libreoffice_pdfs(built: dict[str, Path]) -> dict[Path, list[validators.Finding]]:
    if validators.soffice() is None:
        message = "VALIDATOR MISSING: LibreOffice (scripts/install-test-tools.sh)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return validators.libreoffice(sorted(built.values()), ARTEFACTS)


def test_libreoffice_opens_every_document_and_exports_it(
    built: dict[str, Path], libreoffice_pdfs: dict[Path, list[validators.Finding]]
) -> None:
    assert {p.name: [str(f) for f in found] for p, found in libreoffice_pdfs.items()} == {
        p.name: [] for p in built.values()
    }
    text = subprocess.run(
        ["pdftotext", str(ARTEFACTS / f"{SLUG}.plain.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Jongens in de prostitutie" in text and "In het kort" in text
    assert "Moeilijke woorden" in text  # the word list, at the end
    fonts = subprocess.run(
        ["pdffonts", str(ARTEFACTS / f"{SLUG}.plain.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "AtkinsonHyperlegible-Regular" in fonts  # the embedded font, not a substitute
    pages = text.count("\f")
    assert f"pagina 1 van {pages}" in text and f"pagina {pages} van {pages}" in text
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(ARTEFACTS / f"{SLUG}.plain.pdf"),
            str(ARTEFACTS / f"{SLUG}.plain"),
        ],
        check=True,
    )


def test_check_reads_a_document_word_wrote() -> None:
    """python-docx's template was saved by Microsoft Word (empty, without a title):
    the check follows Word's own styles and finds only the missing title."""
    import docx

    template = Path(docx.__file__).parent / "templates" / "default.docx"
    assert [(f.rule, f.severity) for f in check(template.read_bytes())] == [
        ("document-title", "warning")
    ]
