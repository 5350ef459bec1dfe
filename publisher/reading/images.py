"""Images: confined to the article's folder (or fetched, when remote images are
allowed), recognised by their content, measured, and published under a name made
from the file's stem and its real type. What is published is what was checked: an
SVG is rebuilt from an allow-list (:mod:`publisher.reading.svg`), a raster image is
the file's bytes, read once."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from publisher.reading.limits import (
    MAX_ARTICLE_IMAGE_BYTES,
    MAX_IMAGE_BYTES,
    MAX_PIXELS,
    REMOTE_SECONDS,
)
from publisher.reading.model import Image, slugify
from publisher.reading.svg import SvgProblem, clean_svg

__all__ = ["MAX_IMAGE_BYTES", "MAX_PIXELS", "ImageProblem", "fetch_remote", "resolve_image"]

CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


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
    if (
        head.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype"))
        and b"<svg" in data[:4096].lower()
    ):
        return "image/svg+xml"
    return None


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
                frames = getattr(picture, "n_frames", 1)
    except (PillowImage.DecompressionBombWarning, PillowImage.DecompressionBombError):
        raise ImageProblem(f"image '{src}' has too many pixels; {limit}") from None
    except Exception as exc:  # Pillow raises many kinds for a broken file
        raise ImageProblem(f"image '{src}' cannot be read: {exc}") from None
    if width * height > MAX_PIXELS:
        raise ImageProblem(f"image '{src}' is {width} × {height} pixels; {limit}")
    if width * height * frames > 4 * MAX_PIXELS:
        raise ImageProblem(
            f"image '{src}' has {frames} frames of {width} × {height} pixels; {limit} "
            "for all frames together"
        )
    if width < 1 or height < 1:
        raise ImageProblem(f"image '{src}' has no pixels")
    return float(width), float(height)


EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}


def fetch_remote(src: str, cache: Path, timeout: float = REMOTE_SECONDS) -> Path:
    """Download an http(s) image once, within ``timeout`` seconds in all (connecting,
    redirects and every byte: a server that trickles its answer is cut off) and the
    size limit."""
    import hashlib
    import time
    import urllib.error
    import urllib.request

    from publisher import __version__
    from publisher.build.outputs import write_atomic

    deadline = time.monotonic() + timeout
    late = f"remote image '{src}' could not be fetched: timed out after {timeout:g} s in all"
    request = urllib.request.Request(src, headers={"User-Agent": f"publisher/{__version__}"})
    chunks: list[bytes] = []
    received = 0
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if urlsplit(response.url).scheme not in ("http", "https"):
                raise ImageProblem(f"remote image '{src}' redirects away from http(s)")
            sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
            while received <= MAX_IMAGE_BYTES:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ImageProblem(late)
                if sock is not None:
                    sock.settimeout(left)
                chunk = response.read1(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                received += len(chunk)
    except ImageProblem:
        raise
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        if time.monotonic() >= deadline or isinstance(exc, TimeoutError):
            raise ImageProblem(late) from None
        reason = getattr(exc, "reason", None) or exc
        raise ImageProblem(f"remote image '{src}' could not be fetched: {reason}") from None
    except Exception as exc:  # http.client's errors for a broken answer
        raise ImageProblem(f"remote image '{src}' could not be fetched: {exc!r}") from None
    data = b"".join(chunks)
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


def resolve_image(
    src: str,
    folder: Path,
    remote_cache: Path | None = None,
    known: dict[Path, Image] | None = None,
) -> Image:
    """Check one image reference from the Markdown; raise ImageProblem if unusable.
    Remote (http, https) images only when ``remote_cache`` is given (--allow-remote).
    ``known`` holds the images already read for this article, by file: a file that
    several references name (``a.png``, ``./a.png``) is read and checked once, and
    all of them together may not exceed :data:`MAX_ARTICLE_IMAGE_BYTES`."""
    known = {} if known is None else known
    shown = src if len(src) <= 80 else src[:79] + "…"
    parts = urlsplit(src)
    if parts.scheme in ("http", "https"):
        if remote_cache is None:
            raise ImageProblem(
                f"remote image '{shown}' is not allowed; put the file beside the article "
                "(or build with --allow-remote)"
            )
        local = fetch_remote(src, remote_cache.resolve())
        return _once(known, local, f"remote/{local.stem}", shown)
    if parts.scheme or parts.netloc:
        raise ImageProblem(f"image '{src[:60]}' must be a file beside the article")
    # "/img/x.png" (a docs site's root) is looked up in the article's folder.
    relative = unquote(parts.path).removeprefix("/")
    if CONTROL_RE.search(relative):
        raise ImageProblem(f"image path '{shown}' contains control characters")
    if not relative or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
        raise ImageProblem(f"image path '{shown}' must be relative to the article")
    try:
        root = folder.resolve()
        target = (folder / relative).resolve()
        if root != target and root not in target.parents:
            raise ImageProblem(f"image '{shown}' is outside the article's folder")
        if not target.is_file():
            raise ImageProblem(f"image '{shown}' does not exist")
        size = target.stat().st_size
    except OSError as exc:
        raise ImageProblem(f"image '{shown}' cannot be read: {exc.strerror}") from None
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(
            f"image '{shown}' is {size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_IMAGE_BYTES // 1024 // 1024} MB"
        )
    return _once(known, target, target.stem, shown)


def _once(known: dict[Path, Image], target: Path, stem: str, src: str) -> Image:
    if target in known:
        return known[target]
    total = sum(len(image.data) for image in known.values())
    if total + target.stat().st_size > MAX_ARTICLE_IMAGE_BYTES:
        raise ImageProblem(
            f"image '{src}': the article's images together would be over "
            f"{MAX_ARTICLE_IMAGE_BYTES // 1024 // 1024} MB"
        )
    known[target] = image = _checked(target, stem, src)
    return image


def _checked(target: Path, stem: str, src: str) -> Image:
    """The image at ``target``, read once and checked; its name is ``stem`` (made safe)
    with the extension of its real type."""
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise ImageProblem(f"image '{src}' cannot be read: {exc.strerror}") from None
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageProblem(f"image '{src}' is larger than {MAX_IMAGE_BYTES // 1024 // 1024} MB")
    media_type = sniff(data)
    if media_type is None:
        raise ImageProblem(f"image '{src}' is not a PNG, JPEG, GIF, WebP or SVG file")
    size_px: tuple[float, float] | None
    if media_type == "image/svg+xml":
        try:
            data, size_px = clean_svg(data, lambda raster: raster_size(raster, src))
        except SvgProblem as problem:
            raise ImageProblem(f"SVG image '{src}' {problem}") from None
    else:
        size_px = raster_size(data, src)
    folder, _slash, base = stem.rpartition("/")
    safe = (slugify(base) or "afbeelding")[:60]
    name = f"{folder}/{safe}" if folder else safe
    return Image(
        source=target,
        name=name + EXTENSIONS[media_type],
        media_type=media_type,
        data=data,
        width=size_px[0] if size_px else None,
        height=size_px[1] if size_px else None,
    )


def unique_names(images: dict[str, Image]) -> dict[str, Image]:
    """Images whose published names are unique: the second ``foto.jpg`` (from another
    folder, or ``foto.png`` sniffed as JPEG) becomes ``foto-<hash>.jpg``."""
    import dataclasses
    import hashlib

    taken: dict[str, Path] = {}
    out: dict[str, Image] = {}
    for src, image in images.items():
        name = image.name
        if name in taken and taken[name] != image.source:
            stem, dot, extension = name.rpartition(".")
            digest = hashlib.sha256(str(image.source).encode("utf-8") + image.data).hexdigest()
            name = f"{stem}-{digest[:8]}{dot}{extension}"
            image = dataclasses.replace(image, name=name)
        taken.setdefault(name, image.source)
        out[src] = image
    return out
