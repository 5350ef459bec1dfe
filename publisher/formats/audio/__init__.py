"""The read-aloud version (``--format audio``): the variant's e-book, spoken by the
machine's speech synthesiser, as

- ``<slug>.plain.mp3``: the whole text, with a chapter mark per section, for the
  web page's player and for any audio player;
- ``<slug>.plain.audio.epub``: the same e-book with EPUB 3 Media Overlays, where each
  sentence is highlighted while it is spoken.

Made for the plain variant unless the build names its variants. Every sentence of the
e-book's content document gets an id (``speech.script``); the overlay (SMIL) points
each one at its stretch of the MP3.
"""

from __future__ import annotations

import uuid
from typing import Any

from lxml import etree

from publisher.build.job import AudioProduct, Job, Needs, Product
from publisher.build.outputs import Output
from publisher.formats.addresses import file_name
from publisher.formats.audio.overlay import (
    ACTIVE_CLASS,
    ACTIVE_CSS,
    clock,
    package,
    smil,
)
from publisher.formats.epub.package import _zip
from publisher.speech.audio import Narration, mp3, narrate
from publisher.speech.engine import engine
from publisher.speech.script import mark_sentences

CONTENT = "EPUB/content.xhtml"


def epub_name(job: Job) -> str:
    return f"{job.article.slug}{job.variant.suffix}.audio.epub"


def render(job: Job, needs: Needs) -> AudioProduct:
    import io
    import zipfile

    ebook = needs.get("epub", Product).main.data
    with zipfile.ZipFile(io.BytesIO(ebook)) as source:
        files = {name: source.read(name) for name in source.namelist()}
    root = etree.fromstring(files[CONTENT])
    meta = job.article.meta
    script = mark_sentences(root, meta.lang, job.strings("spoken_image", alt="{alt}"))
    voice = engine(job.variant.plain_language, job.settings.voice)
    narration = narrate(script.utterances, voice)
    title = str(_title(files))
    audio_name = file_name(job, "audio")
    audio = mp3(narration, title, meta.publisher or "", meta.lang)

    files[CONTENT] = etree.tostring(
        root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )
    files["EPUB/content.smil"] = smil(narration, "content.xhtml", f"audio/{audio_name}")
    files[f"EPUB/audio/{audio_name}"] = audio
    files["EPUB/css/epub.css"] += ACTIVE_CSS.encode("utf-8")
    files["EPUB/content.opf"] = package(
        files["EPUB/content.opf"],
        narration,
        audio_href=f"audio/{audio_name}",
        identifier=_identifier(job),
        narrator=voice.name,
        summary=job.strings("a11y_summary_audio"),
    )
    return AudioProduct(
        (Output(audio_name, audio), Output(epub_name(job), _zip(files))),
        seconds=narration.seconds,
    )


def _title(files: dict[str, bytes]) -> Any:
    opf = etree.fromstring(files["EPUB/content.opf"])
    return opf.findtext(".//{http://purl.org/dc/elements/1.1/}title") or ""


def _identifier(job: Job) -> str:
    meta = job.article.meta
    name = (meta.url or f"publisher:{meta.slug}") + job.variant.suffix + "#audio"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


__all__ = ["ACTIVE_CLASS", "Narration", "clock", "epub_name", "render"]
