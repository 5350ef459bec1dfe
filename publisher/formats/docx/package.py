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

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Default Extension="gif" ContentType="image/gif"/>
<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{CT}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{CT}.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="{CT}.fontTable+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{CT}.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{CT}.footnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{RT}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{RT}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="{RT}/styles" Target="styles.xml"/>
<Relationship Id="rIdSettings" Type="{RT}/settings" Target="settings.xml"/>
<Relationship Id="rIdFonts" Type="{RT}/fontTable" Target="fontTable.xml"/>
<Relationship Id="rIdNumbering" Type="{RT}/numbering" Target="numbering.xml"/>
<Relationship Id="rIdFootnotes" Type="{RT}/footnotes" Target="footnotes.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>publisher</Application></Properties>"""


def document_xml(paper: str) -> bytes:
    width, height = PAPER.get(paper, PAPER["A4"])
    margin = "1134"  # 2 cm
    sect = el(
        "w:sectPr",
        None,
        el("w:pgSz", {"w": str(width), "h": str(height)}),
        el(
            "w:pgMar",
            {"top": margin, "right": margin, "bottom": margin, "left": margin,
             "header": "567", "footer": "567", "gutter": "0"},
        ),
    )
    root = etree.Element(f"{{{W}}}document", nsmap={"w": W, "r": R})
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
                    el("w:pPr", None, el("w:spacing", {"after": "0", "line": "240",
                                                        "lineRule": "auto"})),
                    el("w:r", None, el(f"w:{kind}")),
                ),
            )
        )
    for note in notes:
        root.append(note)
    return _xml(root)


def relationships_xml(links: Sequence[str]) -> bytes:
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    ]
    from xml.sax.saxutils import quoteattr

    for number, href in enumerate(links, start=1):
        lines.append(
            f'<Relationship Id="rIdNote{number}" Type="{RT}/hyperlink" '
            f'Target={quoteattr(href)} TargetMode="External"/>'
        )
    lines.append("</Relationships>")
    return "\n".join(lines).encode("utf-8")


def skeleton(lk: Look, paper: str) -> bytes:
    files = {
        "[Content_Types].xml": CONTENT_TYPES.encode("utf-8"),
        "_rels/.rels": PACKAGE_RELS.encode("utf-8"),
        "docProps/core.xml": CORE.encode("utf-8"),
        "docProps/app.xml": APP.encode("utf-8"),
        "word/document.xml": document_xml(paper),
        "word/_rels/document.xml.rels": DOCUMENT_RELS.encode("utf-8"),
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
