"""The Word package: a skeleton written here (no template file), opened and filled by
python-docx, then the parts python-docx does not know (numbering, footnotes) put in
and the ZIP written reproducibly."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from lxml import etree

from publisher.formats.docx.ooxml import R, W, el
from publisher.formats.docx.styles import Look, _xml, font_table_xml, settings_xml, styles_xml

ZIP_DATE = (2000, 1, 1, 0, 0, 0)
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PAPER = {"A4": (11906, 16838), "A5": (8391, 11906)}
"""Page width and height in twips."""

PACKAGE = "http://schemas.openxmlformats.org/package/2006"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
DEFAULTS = {
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
    "xml": "application/xml",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
}
OVERRIDES = {
    "/word/document.xml": f"{CT}.document.main+xml",
    "/word/styles.xml": f"{CT}.styles+xml",
    "/word/settings.xml": f"{CT}.settings+xml",
    "/word/fontTable.xml": f"{CT}.fontTable+xml",
    "/word/numbering.xml": f"{CT}.numbering+xml",
    "/word/footnotes.xml": f"{CT}.footnotes+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
PACKAGE_LINKS = {
    "rId1": (f"{RT}/officeDocument", "word/document.xml"),
    "rId2": (f"{PACKAGE}/relationships/metadata/core-properties", "docProps/core.xml"),
    "rId3": (f"{RT}/extended-properties", "docProps/app.xml"),
}
DOCUMENT_LINKS = {
    f"rId{name.capitalize()}": (f"{RT}/{name}", f"{name}.xml")
    for name in ("styles", "settings", "fontTable", "numbering", "footnotes")
}
CORE_NS = {
    "cp": f"{PACKAGE}/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def content_types() -> bytes:
    lines = [HEAD + f'<Types xmlns="{PACKAGE}/content-types">']
    lines += [f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in DEFAULTS.items()]
    lines += [f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in OVERRIDES.items()]
    return ("\n".join(lines) + "\n</Types>").encode("utf-8")


def relationships(links: dict[str, tuple[str, str]], external: bool = False) -> bytes:
    from xml.sax.saxutils import quoteattr

    mode = ' TargetMode="External"' if external else ""
    lines = [HEAD + f'<Relationships xmlns="{PACKAGE}/relationships">']
    lines += [
        f'<Relationship Id="{rid}" Type="{kind}" Target={quoteattr(target)}{mode}/>'
        for rid, (kind, target) in links.items()
    ]
    return ("\n".join(lines) + "\n</Relationships>").encode("utf-8")


def core() -> bytes:
    declarations = " ".join(f'xmlns:{p}="{u}"' for p, u in CORE_NS.items())
    return (HEAD + f"<cp:coreProperties {declarations}/>").encode("utf-8")


APP = (
    HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>publisher</Application></Properties>'
)


def document_xml(paper: str) -> bytes:
    width, height = PAPER.get(paper, PAPER["A4"])
    margin = "1134"  # 2 cm
    sect = el(
        "w:sectPr",
        None,
        el("w:pgSz", {"w": str(width), "h": str(height)}),
        el(
            "w:pgMar",
            {
                "top": margin,
                "right": margin,
                "bottom": margin,
                "left": margin,
                "header": "567",
                "footer": "567",
                "gutter": "0",
            },
        ),
    )
    nsmap = {
        "w": W,
        "r": R,
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    }
    root = etree.Element(f"{{{W}}}document", nsmap=nsmap)
    root.append(el("w:body", None, sect))
    return _xml(root)


def footnotes_xml(notes: Sequence[Any]) -> bytes:
    """``word/footnotes.xml``: the two separators Word requires, then the notes."""
    root = etree.Element(f"{{{W}}}footnotes", nsmap={"w": W, "r": R})
    for ident, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        root.append(
            el(
                "w:footnote",
                {"type": kind, "id": ident},
                el(
                    "w:p",
                    None,
                    el(
                        "w:pPr",
                        None,
                        el("w:spacing", {"after": "0", "line": "240", "lineRule": "auto"}),
                    ),
                    el("w:r", None, el(f"w:{kind}")),
                ),
            )
        )
    for note in notes:
        root.append(note)
    return _xml(root)


def relationships_xml(links: Sequence[str]) -> bytes:
    """``word/_rels/footnotes.xml.rels``: the external links in the notes."""
    return relationships(
        {f"rIdNote{n}": (f"{RT}/hyperlink", href) for n, href in enumerate(links, start=1)},
        external=True,
    )


def skeleton(lk: Look, paper: str) -> bytes:
    files = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": relationships(PACKAGE_LINKS),
        "docProps/core.xml": core(),
        "docProps/app.xml": APP.encode("utf-8"),
        "word/document.xml": document_xml(paper),
        "word/_rels/document.xml.rels": relationships(DOCUMENT_LINKS),
        "word/styles.xml": styles_xml(lk),
        "word/settings.xml": settings_xml(lk, embed_fonts=False),
        "word/fontTable.xml": font_table_xml(lk, {}),
        "word/numbering.xml": _xml(el("w:numbering")),
        "word/footnotes.xml": footnotes_xml(()),
    }
    return write_zip(files)


def write_zip(files: dict[str, bytes]) -> bytes:
    """A ZIP with ``[Content_Types].xml`` first and every file at a fixed date."""
    out = io.BytesIO()
    names = sorted(files, key=lambda n: (n != "[Content_Types].xml", n))
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, files[name], compresslevel=9)
    return out.getvalue()


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return {name: source.read(name) for name in source.namelist()}
