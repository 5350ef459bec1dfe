"""Pictures for Word: PNG, JPEG and GIF as they are; WebP through Pillow; SVG drawn
as PNG by librsvg's ``rsvg-convert`` (Word shows no SVG without a PNG beside it,
LibreOffice and older Word only the PNG); each with its alt text, or marked
decorative."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from typing import Any

from publisher.errors import PublisherError
from publisher.formats.docx.ooxml import ADEC, DECORATIVE_EXT, A, q
from publisher.reading.model import Image

EMU_PER_CM = 360000
MAX_WIDTH_CM = 16.0
MAX_HEIGHT_CM = 9.0
SVG_PIXELS_PER_CM = 120
"""The drawn SVG's resolution: about 300 dpi at its printed size."""
WORD_TYPES = ("image/png", "image/jpeg", "image/gif")
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


@dataclass(frozen=True)
class Picture:
    data: bytes
    width_cm: float
    height_cm: float


def picture(image: Image, inline: bool = False) -> Picture:
    """The image as Word can show it, at the size it will have in the document."""
    width, height = image.width or 400.0, image.height or 300.0
    scale = min(MAX_WIDTH_CM / (width / 37.8), MAX_HEIGHT_CM / (height / 37.8), 1.0)
    if inline:
        scale = min(scale, 0.6 / (height / 37.8))  # about the height of a line of text
    width_cm, height_cm = width / 37.8 * scale, height / 37.8 * scale
    data = image.data
    if image.media_type == "image/svg+xml":
        data = svg_to_png(data, image, round(width_cm * SVG_PIXELS_PER_CM))
    elif image.media_type not in WORD_TYPES:
        from PIL import Image as PILImage

        buffer = io.BytesIO()
        with PILImage.open(io.BytesIO(data)) as opened:
            opened.save(buffer, format="PNG")
        data = buffer.getvalue()
    return Picture(data, width_cm, height_cm)


@cache
def rsvg_convert() -> str | None:
    return shutil.which("rsvg-convert")


def svg_to_png(data: bytes, image: Image, pixels_wide: int) -> bytes:
    program = rsvg_convert()
    if program is None:
        raise PublisherError.at(
            image.source,
            "the Word document needs rsvg-convert (Debian package librsvg2-bin) to show "
            "this SVG image; run scripts/install.sh",
        )
    result = subprocess.run(
        [program, "--format=png", f"--width={max(16, pixels_wide)}", "--keep-aspect-ratio"],
        input=data,
        capture_output=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0 or not result.stdout.startswith(b"\x89PNG"):
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PublisherError.at(
            image.source, f"rsvg-convert cannot draw this SVG: {message[-1] if message else '?'}"
        )
    return result.stdout


def describe(inline: Any, alt: str, decorative: bool) -> None:
    """Alt text on the drawing (``wp:docPr/@descr``, which Word and screen readers
    read), or Office's decorative mark; the picture is named as Word names pictures,
    not after its file."""
    doc_pr = inline.find(q("wp:docPr"))
    doc_pr.set("name", f"Picture {doc_pr.get('id')}")
    pictures = list(inline.iter(f"{{{PIC}}}cNvPr"))
    for c_nv_pr in pictures:
        c_nv_pr.set("name", doc_pr.get("name"))
    if not decorative:
        doc_pr.set("descr", alt)
        for c_nv_pr in pictures:
            c_nv_pr.set("descr", alt)
        return
    doc_pr.attrib.pop("descr", None)
    ext = _drawing(A, "ext", uri=DECORATIVE_EXT)
    ext.append(_drawing(ADEC, "decorative", val="1"))
    ext_list = _drawing(A, "extLst")
    ext_list.append(ext)
    doc_pr.append(ext_list)


def _drawing(namespace: str, local: str, **attrs: str) -> Any:
    """A DrawingML element; its attributes have no namespace (``uri``, ``val``)."""
    from lxml import etree

    prefixes = {A: "a", ADEC: "adec"}
    element = etree.Element(f"{{{namespace}}}{local}", nsmap={prefixes[namespace]: namespace})
    for key, value in attrs.items():
        element.set(key, value)
    return element
