"""The EPUB container, written once: ebooklib builds the package document and the
files; what it gets wrong is fixed here, while it writes.

- The package document gets ``xml:lang`` (DAISY Ace: ``epub-lang``) and loses the
  ``toc`` reference to an NCX that is not there.
- The ZIP is reproducible: ``mimetype`` first and stored, then ``META-INF/container.xml``,
  then every other file by name, each with a fixed date and mode, so two builds of
  the same source give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from lxml import etree

ZIP_DATE = (2000, 1, 1, 0, 0, 0)
FIRST = ("mimetype", "META-INF/container.xml")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OPF = {"opf": "http://www.idpf.org/2007/opf"}


class _Files:
    """Takes what ebooklib writes (its ``writestr`` calls) instead of a ZIP file."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def writestr(self, name: str, data: str | bytes, *args: Any, **kwargs: Any) -> None:
        self.files[str(name)] = data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def close(self) -> None:
        pass


def write_epub(book: Any, lang: str, modified: dt.datetime) -> bytes:
    """The EPUB of an ebooklib ``EpubBook`` whose documents and nav are our own."""
    from ebooklib import epub

    class Writer(epub.EpubWriter):  # type: ignore[misc]
        def _write_opf_file(self, root: Any) -> None:
            text = etree.tostring(root, pretty_print=True, encoding="utf-8", xml_declaration=True)
            self.out.writestr(f"{self.book.FOLDER_NAME}/content.opf", fix_package(text, lang))

        def write(self) -> None:
            self.out = files
            self.out.writestr("mimetype", "application/epub+zip")
            self._write_container()
            self._write_opf()
            self._write_items()

    files = _Files()
    options = {"epub3_pages": False, "epub3_landmark": False, "epub2_guide": False}
    writer = Writer(None, book, {**options, "mtime": modified})
    writer.process()
    writer.write()
    return _zip(files.files)


def fix_package(content: bytes, lang: str) -> bytes:
    root = etree.fromstring(content)
    root.set(XML_LANG, lang)
    for spine in root.findall("opf:spine", OPF):
        toc = spine.get("toc")
        if toc and not root.findall(f"opf:manifest/opf:item[@id='{toc}']", OPF):
            del spine.attrib["toc"]
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return result


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        names = [name for name in FIRST if name in files]
        names += sorted(name for name in files if name not in FIRST)
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            stored = name == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(info, files[name], compresslevel=None if stored else 9)
    return out.getvalue()
