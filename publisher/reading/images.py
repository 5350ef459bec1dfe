"""Local images: confined to the article's folder, of a known type, not too large."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from publisher.reading.model import Image

MAX_IMAGE_BYTES = 10 * 1024 * 1024
ACTIVE_SVG_RE = re.compile(
    rb"<\s*(script|foreignObject|iframe|embed|object)\b|\son[a-z]+\s*=|javascript:|<!ENTITY",
    re.IGNORECASE,
)


class ImageProblem(Exception):
    """Why an image cannot be used; the reader adds file and line."""


def sniff(data: bytes) -> str | None:
    """The media type of an image from its first bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        return "image/svg+xml"
    return None


MAX_PIXELS = 50_000_000
"""Largest raster image (width × height) accepted: a 50-megapixel photo. Decoding
takes about 4 bytes per pixel in every renderer (200 MB here), so a small file
that claims more pixels is refused before anything decodes it."""


def raster_size(data: bytes, src: str) -> tuple[float, float]:
    """Width and height in pixels of a PNG, JPEG, GIF or WebP, read by Pillow from the
    header (nothing is decoded); ImageProblem for a broken or oversized image."""
    import io
    import warnings

    from PIL import Image as PillowImage

    limit = f"the limit is {MAX_PIXELS // 1_000_000} megapixels (make it smaller)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
            with PillowImage.open(io.BytesIO(data)) as picture:
                width, height = picture.size
    except (PillowImage.DecompressionBombWarning, PillowImage.DecompressionBombError):
        raise ImageProblem(f"image '{src}' has too many pixels; {limit}") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageProblem(f"image '{src}' cannot be read: {exc}") from None
    if width * height > MAX_PIXELS:
        raise ImageProblem(f"image '{src}' is {width} × {height} pixels; {limit}")
    return float(width), float(height)


def svg_size(data: bytes) -> tuple[float, float] | None:
    """Width and height of an SVG from its viewBox, if it has one."""
    match = re.search(rb'viewBox\s*=\s*"([^"]+)"', data[:4096])
    if match:
        parts = match.group(1).replace(b",", b" ").split()
        if len(parts) == 4:
            try:
                return float(parts[2]), float(parts[3])
            except ValueError:
                return None
    return None


REMOTE_TIMEOUT = 10.0
EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}


def fetch_remote(src: str, cache: Path, timeout: float = REMOTE_TIMEOUT) -> Path:
    """Download an http(s) image once, with a timeout and the size limit."""
    import hashlib
    import urllib.error
    import urllib.request

    from publisher import __version__
    from publisher.build.outputs import write_atomic

    request = urllib.request.Request(src, headers={"User-Agent": f"publisher/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if urlsplit(response.url).scheme not in ("http", "https"):
                raise ImageProblem(f"remote image '{src}' redirects away from http(s)")
            data = response.read(MAX_IMAGE_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ImageProblem(f"remote image '{src}' could not be fetched: {reason}") from None
    if len(data) > MAX_IMAGE_BYTES:
        limit = MAX_IMAGE_BYTES // 1024 // 1024
        raise ImageProblem(f"remote image '{src}' is larger than {limit} MB")
    kind = sniff(data)
    if kind is None:
        raise ImageProblem(f"remote image '{src}' is not a PNG, JPEG, GIF, WebP or SVG file")
    path = cache / f"{hashlib.sha256(data).hexdigest()[:20]}{EXTENSIONS[kind]}"
    if not path.is_file():
        write_atomic(path, data)
    return path


def resolve_image(src: str, folder: Path, remote_cache: Path | None = None) -> Image:
    """Check one image reference from the Markdown; raise ImageProblem if unusable.
    Remote (http, https) images only when ``remote_cache`` is given (--allow-remote)."""
    parts = urlsplit(src)
    if parts.scheme in ("http", "https"):
        if remote_cache is None:
            raise ImageProblem(
                f"remote image '{src}' is not allowed; put the file beside the article "
                "(or build with --allow-remote)"
            )
        local = fetch_remote(src, remote_cache)
        return _checked(local, f"remote/{local.name}", src)
    if parts.scheme or parts.netloc:
        raise ImageProblem(f"image '{src[:60]}' must be a file beside the article")
    # "/img/x.png" (a docs site's root) is looked up in the article's folder.
    relative = unquote(parts.path).removeprefix("/")
    if not relative or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
        raise ImageProblem(f"image path '{src}' must be relative to the article")
    root = folder.resolve()
    target = (folder / relative).resolve()
    if root != target and root not in target.parents:
        raise ImageProblem(f"image '{src}' is outside the article's folder")
    if not target.is_file():
        raise ImageProblem(f"image '{src}' does not exist")
    size = target.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(
            f"image '{src}' is {size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_IMAGE_BYTES // 1024 // 1024} MB"
        )
    return _checked(target, target.relative_to(root).as_posix(), src)


def _checked(target: Path, name: str, src: str) -> Image:
    data = target.read_bytes()
    media_type = sniff(data)
    if media_type is None:
        raise ImageProblem(f"image '{src}' is not a PNG, JPEG, GIF, WebP or SVG file")
    if media_type == "image/svg+xml" and ACTIVE_SVG_RE.search(data):
        raise ImageProblem(f"SVG image '{src}' contains scripts or active content")
    size_px = svg_size(data) if media_type == "image/svg+xml" else raster_size(data, src)
    return Image(
        source=target,
        name=name,
        media_type=media_type,
        width=size_px[0] if size_px else None,
        height=size_px[1] if size_px else None,
    )
