"""A structural accessibility check of a Word document, rule by rule after Microsoft's
Accessibility Checker ("Rules for the Accessibility Checker", Microsoft Support), read
from the document's XML. ``check(data)`` lists what fails; docs/docx.md lists the rules.

Word's own checker runs only inside Word; this one runs in the build and the tests.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from lxml import etree

from publisher.formats.docx.ooxml import ADEC, DECORATIVE_EXT, NS, q
from publisher.theme.contrast import ratio

Severity = Literal["error", "warning", "tip"]
CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
IMAGE_FILE = re.compile(r"\.(png|jpe?g|gif|svg|bmp|tiff?|webp|emf|wmf)\b", re.IGNORECASE)
FAKE_LIST = re.compile(r"^\s*(?:[•◦▪‣∙·*–-]\s|\d{1,3}[.)]\s)")
VAGUE = {
    "click here", "here", "read more", "more", "link", "this link", "more info",
    "klik hier", "hier", "lees meer", "meer", "deze link", "klik", "meer info",
    "meer informatie", "lees verder", "verder",
}  # fmt: skip
WHITE = "FFFFFF"
BLACK = "000000"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"[docx {self.severity}] {self.rule}: {self.message}"


class Document:
    """The parts of a .docx that the rules read, parsed once."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())

            def part(name: str) -> Any:
                return etree.fromstring(package.read(name)) if name in names else None

            self.document = part("word/document.xml")
            self.styles = part("word/styles.xml")
            self.core = part("docProps/core.xml")
            self.footnotes = part("word/footnotes.xml")
        if self.document is None:
            raise ValueError("not a Word document: word/document.xml is missing")
        self.body = self.document.find(q("w:body"))
        self.style_by_id = {}
        if self.styles is not None:
            for style in self.styles.iterfind(q("w:style")):
                self.style_by_id[style.get(q("w:styleId"))] = style

    # --- styles
    def chain(self, style_id: str | None) -> Iterator[Any]:
        """A style and the styles it is based on, nearest first."""
        seen = set()
        while style_id and style_id not in seen and style_id in self.style_by_id:
            seen.add(style_id)
            style = self.style_by_id[style_id]
            yield style
            based = style.find(q("w:basedOn"))
            style_id = based.get(q("w:val")) if based is not None else None

    def default_style(self, kind: str) -> str | None:
        for style_id, style in self.style_by_id.items():
            if style.get(q("w:type")) == kind and style.get(q("w:default")) in ("1", "true"):
                return str(style_id)
        return None

    def defaults(self, path: str) -> Any:
        if self.styles is None:
            return None
        return self.styles.find(f"w:docDefaults/{path}", NS)

    def paragraph_style(self, p: Any) -> str | None:
        found = p.find("w:pPr/w:pStyle", NS)
        return found.get(q("w:val")) if found is not None else self.default_style("paragraph")

    def heading_level(self, p: Any) -> int | None:
        """1-9 for a heading (by outline level, direct or through its style)."""
        direct = p.find("w:pPr/w:outlineLvl", NS)
        candidates = [direct] if direct is not None else []
        candidates += [
            s.find("w:pPr/w:outlineLvl", NS) for s in self.chain(self.paragraph_style(p))
        ]
        for found in candidates:
            if found is not None:
                level = int(found.get(q("w:val")))
                return level + 1 if level < 9 else None
        return None

    def run_property(self, run: Any, p: Any, name: str) -> Any:
        """A run property: direct, its character style, its paragraph's style, defaults."""
        direct = run.find(f"w:rPr/w:{name}", NS)
        if direct is not None:
            return direct
        rstyle = run.find("w:rPr/w:rStyle", NS)
        for style_id in (
            rstyle.get(q("w:val")) if rstyle is not None else None,
            self.paragraph_style(p),
        ):
            for style in self.chain(style_id):
                found = style.find(f"w:rPr/w:{name}", NS)
                if found is not None:
                    return found
        return self.defaults(f"w:rPrDefault/w:rPr/w:{name}")

    def paragraph_property(self, p: Any, name: str) -> Any:
        direct = p.find(f"w:pPr/w:{name}", NS)
        if direct is not None:
            return direct
        for style in self.chain(self.paragraph_style(p)):
            found = style.find(f"w:pPr/w:{name}", NS)
            if found is not None:
                return found
        return None

    def paragraphs(self) -> Iterator[Any]:
        for root in (self.body, self.footnotes):
            if root is not None:
                yield from root.iter(q("w:p"))


def text_of(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(q("w:t")))


def _where(p: Any) -> str:
    text = text_of(p).strip()
    return f"“{text[:40]}{'…' if len(text) > 40 else ''}”" if text else "an empty paragraph"


# --- the rules ----------------------------------------------------------------------
def alt_text(doc: Document) -> list[str]:
    problems = []
    for number, doc_pr in enumerate(doc.document.iter(q("wp:docPr")), start=1):
        decorative = any(
            ext.get("uri") == DECORATIVE_EXT
            and any(m.get("val") in ("1", "true") for m in ext.iter(f"{{{ADEC}}}decorative"))
            for ext in doc_pr.iter(q("a:ext"))
        )
        descr = (doc_pr.get("descr") or "").strip()
        if decorative and descr:
            problems.append(f"picture {number} is marked decorative but has alt text “{descr}”")
        elif not decorative and not descr:
            problems.append(f"picture {number} ({doc_pr.get('name')}) has no alt text")
        elif IMAGE_FILE.search(descr):
            problems.append(f"picture {number}: the alt text “{descr}” is a file name")
    return problems


def table_header(doc: Document) -> list[str]:
    problems = []
    for number, table in enumerate(doc.body.iter(q("w:tbl")), start=1):
        rows = table.findall(q("w:tr"))
        if not rows or rows[0].find("w:trPr/w:tblHeader", NS) is None:
            problems.append(f"table {number} has no header row (repeat as header row)")
            continue
        look = table.find("w:tblPr/w:tblLook", NS)
        first = look.get(q("w:firstRow")) if look is not None else None
        value = look.get(q("w:val")) if look is not None else None
        if first not in ("1", "true") and not (value and int(value, 16) & 0x20):
            problems.append(f"table {number}: its first row is not formatted as header row")
    return problems


def headings_used(doc: Document) -> list[str]:
    text = [p for p in doc.body.iter(q("w:p")) if text_of(p).strip()]
    if len(text) > 3 and not any(doc.heading_level(p) for p in text):
        return ["the document uses no heading styles"]
    return []


def heading_order(doc: Document) -> list[str]:
    problems = []
    previous = 0
    for p in doc.body.iter(q("w:p")):
        level = doc.heading_level(p)
        if level is None:
            continue
        if previous == 0 and level != 1:
            problems.append(f"the first heading {_where(p)} is level {level}, not 1")
        elif level > previous + 1 and previous:
            problems.append(f"heading {_where(p)} skips from level {previous} to {level}")
        if not text_of(p).strip():
            problems.append(f"a level {level} heading is empty")
        previous = level
    return problems


def document_title(doc: Document) -> list[str]:
    title = doc.core.find("dc:title", CORE_NS) if doc.core is not None else None
    if title is None or not (title.text or "").strip():
        return ["the document has no title (File > Info > Title)"]
    return []


def language(doc: Document) -> list[str]:
    import langcodes

    problems = []
    default = doc.defaults("w:rPrDefault/w:rPr/w:lang")
    if default is None or not default.get(q("w:val")):
        problems.append("the document has no language (w:lang in the default run properties)")
    for lang in doc.document.iter(q("w:lang")):
        for attribute in ("w:val", "w:bidi", "w:eastAsia"):
            value = lang.get(q(attribute))
            if value and not langcodes.tag_is_valid(value):
                problems.append(f"“{value}” is not a language tag")
    return problems


def _colour(element: Any, default: str) -> str:
    if element is None:
        return default
    value = element.get(q("w:val")) or ""
    return default if value in ("", "auto") else value.upper()


def _fill(element: Any) -> str | None:
    if element is None:
        return None
    fill = element.get(q("w:fill")) or ""
    return None if fill in ("", "auto") else fill.upper()


def contrast(doc: Document) -> list[str]:
    problems: set[str] = set()
    page = _fill_attr(doc.document.find(q("w:background")))
    for p in doc.paragraphs():
        paragraph_fill = _fill(doc.paragraph_property(p, "shd"))
        cell = next((a for a in p.iterancestors(q("w:tc"))), None)
        cell_fill = _fill(cell.find("w:tcPr/w:shd", NS)) if cell is not None else None
        if cell is not None and cell_fill is None:
            cell_fill = _table_style_fill(doc, cell)
        for run in p.iter(q("w:r")):
            if not text_of(run).strip():
                continue
            colour = _colour(doc.run_property(run, p, "color"), BLACK)
            background = (
                _fill(run.find("w:rPr/w:shd", NS)) or paragraph_fill or cell_fill or page or WHITE
            )
            size = doc.run_property(run, p, "sz")
            points = int(size.get(q("w:val"))) / 2 if size is not None else 11
            bold = doc.run_property(run, p, "b")
            is_bold = bold is not None and bold.get(q("w:val")) not in ("0", "false")
            large = points >= 18 or (is_bold and points >= 14)
            needed = 3.0 if large else 4.5
            found = ratio(f"#{colour}", f"#{background}")
            if found < needed:
                problems.add(
                    f"text #{colour} on #{background} has contrast {found:.2f}:1, needs "
                    f"{needed}:1 ({_where(p)})"
                )
    return sorted(problems)


def _fill_attr(element: Any) -> str | None:
    if element is None:
        return None
    colour = element.get(q("w:color")) or ""
    return None if colour in ("", "auto") else colour.upper()


def _table_style_fill(doc: Document, cell: Any) -> str | None:
    row = cell.getparent()
    table = row.getparent()
    if table.findall(q("w:tr"))[0] is not row:
        return None
    style = table.find("w:tblPr/w:tblStyle", NS)
    for found in doc.chain(style.get(q("w:val")) if style is not None else None):
        for conditional in found.iterfind("w:tblStylePr", NS):
            if conditional.get(q("w:type")) == "firstRow":
                return _fill(conditional.find("w:tcPr/w:shd", NS))
    return None


def link_text(doc: Document) -> list[str]:
    problems = []
    for root in (doc.body, doc.footnotes):
        if root is None:
            continue
        for link in root.iter(q("w:hyperlink")):
            text = " ".join(text_of(link).split())
            if not text:
                problems.append("a link has no text")
            elif text.casefold().strip(".:") in VAGUE:
                problems.append(f"the link text “{text}” does not say where it goes")
    return problems


def inline_objects(doc: Document) -> list[str]:
    return [
        f"picture “{anchor.find(q('wp:docPr')).get('name')}” floats instead of being in line "
        "with text"
        for anchor in doc.document.iter(q("wp:anchor"))
    ]


def merged_cells(doc: Document) -> list[str]:
    problems = []
    for number, table in enumerate(doc.body.iter(q("w:tbl")), start=1):
        merged = [c for c in table.iter(q("w:gridSpan")) if int(c.get(q("w:val"), "1")) > 1]
        merged += list(table.iter(q("w:vMerge")))
        if merged:
            problems.append(f"table {number} has merged or split cells")
        if next(table.iterdescendants(q("w:tbl")), None) is not None:
            problems.append(f"table {number} has a table inside a cell")
    return problems


def blank_table_cells(doc: Document) -> list[str]:
    problems = []
    for number, table in enumerate(doc.body.iter(q("w:tbl")), start=1):
        rows = [
            [text_of(c).strip() for c in r.findall(q("w:tc"))] for r in table.findall(q("w:tr"))
        ]
        for index, row in enumerate(rows, start=1):
            if row and not any(row):
                problems.append(f"table {number}: row {index} is blank")
        for column in range(max((len(r) for r in rows), default=0)):
            if rows and not any(len(r) > column and r[column] for r in rows):
                problems.append(f"table {number}: column {column + 1} is blank")
    return problems


def blank_characters(doc: Document) -> list[str]:
    problems = []
    blocks = list(doc.body)
    for index, p in enumerate(blocks):
        if p.tag != q("w:p") or index == len(blocks) - 2 or _has_content(p):
            continue
        problems.append("an empty paragraph is used for spacing (use paragraph spacing)")
    for p in doc.paragraphs():
        text = text_of(p)
        if re.search(r" {3,}|\t{2,}", text) or len(p.findall(".//w:tab", NS)) > 1:
            problems.append(f"repeated spaces or tabs lay out {_where(p)}")
    return problems


def _has_content(p: Any) -> bool:
    return bool(
        text_of(p).strip()
        or p.find(".//w:drawing", NS) is not None
        or p.find(".//w:footnoteReference", NS) is not None
        or p.find("w:pPr/w:sectPr", NS) is not None
    )


def real_lists(doc: Document) -> list[str]:
    problems = []
    for p in doc.body.iter(q("w:p")):
        if (
            doc.paragraph_property(p, "numPr") is None
            and FAKE_LIST.match(text_of(p))
            and doc.paragraph_style(p) != "SourceCode"
        ):
            problems.append(f"{_where(p)} is typed as a list item, not a Word list")
    return problems


def styles_defined(doc: Document) -> list[str]:
    problems = set()
    for tag, kind in (
        ("w:pStyle", "paragraph"),
        ("w:rStyle", "character"),
        ("w:tblStyle", "table"),
    ):
        for root in (doc.body, doc.footnotes):
            if root is None:
                continue
            for used in root.iter(q(tag)):
                style_id = used.get(q("w:val"))
                if style_id not in doc.style_by_id:
                    problems.add(f"the {kind} style “{style_id}” is used but not defined")
    return sorted(problems)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    microsoft: str
    """The rule's name in Microsoft's Accessibility Checker, or "(publisher)"."""
    checks: str
    run: Callable[[Document], list[str]]


RULES = (
    Rule(
        "alt-text",
        "error",
        "Missing alternative text",
        "every picture has alt text (not a file name) or is marked decorative, not both",
        alt_text,
    ),
    Rule(
        "table-header",
        "error",
        "Missing table header",
        "every table's first row repeats as header row and is formatted as header row",
        table_header,
    ),
    Rule(
        "headings",
        "error",
        "Missing headings (Documents use heading styles)",
        "a document of more than three paragraphs uses heading styles",
        headings_used,
    ),
    Rule(
        "heading-order",
        "warning",
        "Skipped heading level",
        "headings start at level 1, never skip a level and are never empty",
        heading_order,
    ),
    Rule(
        "document-title",
        "warning",
        "Missing document title",
        "the document's title property is set",
        document_title,
    ),
    Rule(
        "language",
        "warning",
        "Document language / language of parts",
        "the document has a default language; every language tag is valid",
        language,
    ),
    Rule(
        "contrast",
        "warning",
        "Hard-to-read text contrast",
        "text has 4.5:1 contrast with its background (3:1 from 18 pt, or 14 pt bold)",
        contrast,
    ),
    Rule(
        "link-text",
        "warning",
        "Unclear hyperlink text",
        "every link has text that says where it goes (no “click here”)",
        link_text,
    ),
    Rule(
        "inline-objects",
        "warning",
        "Image or object not inline",
        "pictures stand in line with text, so they are read in order",
        inline_objects,
    ),
    Rule(
        "merged-cells",
        "warning",
        "Merged cells / nested tables",
        "tables have no merged or split cells and no tables inside cells",
        merged_cells,
    ),
    Rule(
        "blank-cells",
        "warning",
        "Blank table rows or columns",
        "no table row or column is blank",
        blank_table_cells,
    ),
    Rule(
        "blank-characters",
        "tip",
        "Use of repeated blank characters",
        "no empty paragraphs or runs of spaces or tabs are used for layout",
        blank_characters,
    ),
    Rule(
        "real-lists",
        "tip",
        "(publisher) Lists use list formatting",
        "list items are Word lists, not typed bullets or numbers",
        real_lists,
    ),
    Rule(
        "styles-defined",
        "error",
        "(publisher) Styles exist",
        "every paragraph, character and table style used is defined in styles.xml, so "
        "headings are headings",
        styles_defined,
    ),
)


def check(data: bytes) -> list[Finding]:
    """Every rule's findings for a .docx file's bytes."""
    doc = Document(data)
    return [Finding(rule.id, rule.severity, message) for rule in RULES for message in rule.run(doc)]


def markdown_table() -> str:
    """The rules as a Markdown table, for docs/docx.md."""
    lines = ["| rule | severity | after Microsoft's rule | checks |", "| --- | --- | --- | --- |"]
    lines += [f"| `{r.id}` | {r.severity} | {r.microsoft} | {r.checks} |" for r in RULES]
    return "\n".join(lines) + "\n"
