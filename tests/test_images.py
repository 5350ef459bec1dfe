"""Images as the reader checks them: type sniffed from the bytes, size from the
header, and a pixel limit before anything decodes them."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image as PillowImage

from publisher.reading.images import ImageProblem, resolve_image


def saved(folder: Path, name: str, kind: str, size: tuple[int, int]) -> Path:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (200, 30, 30)).save(buffer, kind)
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("name", "kind", "media_type"),
    [
        ("foto.jpg", "JPEG", "image/jpeg"),
        ("foto.webp", "WEBP", "image/webp"),
        ("foto.png", "PNG", "image/png"),
        ("foto.gif", "GIF", "image/gif"),
    ],
)
def test_every_raster_type_gets_its_size(
    tmp_path: Path, name: str, kind: str, media_type: str
) -> None:
    saved(tmp_path, name, kind, (321, 123))
    image = resolve_image(name, tmp_path)
    assert (image.media_type, image.width, image.height) == (media_type, 321, 123)


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size (the header of a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ((8_000, 8_000), "is 8000 × 8000 pixels; the limit is 50 megapixels"),
        ((30_000, 30_000), "has too many pixels; the limit is 50 megapixels"),
    ],
)
def test_an_image_with_too_many_pixels_is_refused_before_decoding(
    tmp_path: Path, size: tuple[int, int], message: str
) -> None:
    (tmp_path / "bom.png").write_bytes(png_header_only(*size))
    with pytest.raises(ImageProblem, match=message):
        resolve_image("bom.png", tmp_path)


def test_a_broken_image_is_a_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "kapot.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 20)
    with pytest.raises(ImageProblem, match=r"image 'kapot\.jpg' cannot be read"):
        resolve_image("kapot.jpg", tmp_path)
