"""EPUB 3 Media Overlays: the SMIL document that pairs each sentence with its clip,
and the package entries that declare it (``media-overlay`` on the content document,
``media:duration`` per overlay and in total, ``media:active-class``, the narrator,
and the accessibility metadata of a book that can be listened to)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree

from publisher.speech.audio import Narration

OPF = "http://www.idpf.org/2007/opf"
ACTIVE_CLASS = "pub-speaking"
ACTIVE_CSS = f"""
/* The sentence being read aloud (EPUB Media Overlays, media:active-class). */
.{ACTIVE_CLASS} {{ background-color: #ffe680; color: #000; border-radius: 0.15em;
  box-shadow: 0 0 0 0.1em #ffe680; }}
"""


def clock(seconds: float) -> str:
    """SMIL full clock value: ``0:01:02.345``."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3600 * 1000)
    minutes, rest = divmod(rest, 60 * 1000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def smil(narration: Narration, text_href: str, audio_href: str) -> bytes:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" '
        'version="3.0">',
        "<body>",
        f'<seq id="seq1" epub:textref={quoteattr(text_href)} epub:type="bodymatter">',
    ]
    for number, clip in enumerate(narration.clips, start=1):
        lines.append(
            f'<par id="par{number}"><text src={quoteattr(text_href + "#" + clip.ident)}/>'
            f'<audio src={quoteattr(audio_href)} clipBegin="{clock(clip.begin)}" '
            f'clipEnd="{clock(clip.end)}"/></par>'
        )
    lines += ["</seq>", "</body>", "</smil>", ""]
    return "\n".join(lines).encode("utf-8")


def _meta(parent: Any, prop: str, text: str, refines: str | None = None) -> None:
    meta = etree.SubElement(parent, f"{{{OPF}}}meta")
    meta.set("property", prop)
    if refines:
        meta.set("refines", refines)
    meta.text = text


def package(
    opf: bytes,
    narration: Narration,
    *,
    audio_href: str,
    identifier: str,
    narrator: str,
    summary: str,
) -> bytes:
    root = etree.fromstring(opf)
    ns = {"opf": OPF, "dc": "http://purl.org/dc/elements/1.1/"}
    metadata = root.find("opf:metadata", ns)
    manifest = root.find("opf:manifest", ns)
    ident = root.find("opf:metadata/dc:identifier", ns)
    assert metadata is not None and manifest is not None and ident is not None
    ident.text = identifier
    content = manifest.find("opf:item[@href='content.xhtml']", ns)
    assert content is not None
    content.set("media-overlay", "overlay")
    for item_id, href, kind in (
        ("overlay", "content.smil", "application/smil+xml"),
        ("narration", audio_href, "audio/mpeg"),
    ):
        item = etree.SubElement(manifest, f"{{{OPF}}}item")
        item.set("id", item_id)
        item.set("href", href)
        item.set("media-type", kind)
    total = clock(narration.seconds)
    _meta(metadata, "media:duration", total, "#overlay")
    _meta(metadata, "media:duration", total)
    _meta(metadata, "media:active-class", ACTIVE_CLASS)
    _meta(metadata, "media:narrator", narrator)
    _meta(metadata, "schema:accessMode", "auditory")
    _meta(metadata, "schema:accessModeSufficient", "auditory")
    _meta(metadata, "schema:accessibilityFeature", "synchronizedAudioText")
    for meta in metadata.findall("opf:meta[@property='schema:accessibilitySummary']", ns):
        meta.text = f"{meta.text} {summary}"
    # Sort the new entries among the others: metadata before manifest (already so).
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return result
