"""The read-aloud audio: every utterance spoken in its own language(s), with pauses
after sentences, paragraphs and headings; when each sentence starts and ends (for the
Media Overlay); the MP3 with its chapter marks (ID3 CHAP/CTOC frames, one per
section), encoded by LAME (Debian ``lame``)."""

from __future__ import annotations

import array
import contextlib
import io
import shutil
import subprocess
import tempfile
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publisher.errors import PublisherError
from publisher.speech.engine import RATE, Engine
from publisher.speech.script import Utterance

SILENCE = 200
"""Samples quieter than this (of 32767) are silence when trimming an utterance."""
PAUSE_SENTENCE = 0.3
PAUSE_BLOCK = 0.6
PAUSE_HEADING = 0.9
BITRATE = 48
"""kbit/s, mono: clear speech at about 360 kB per minute."""


@dataclass(frozen=True)
class Clip:
    ident: str
    begin: float
    end: float
    """Seconds; a clip runs until the next one begins (its pause included)."""
    spoken: float
    """Seconds of speech in the clip (without the pause after it)."""


@dataclass(frozen=True)
class Chapter:
    title: str
    begin: float
    end: float


@dataclass(frozen=True)
class Narration:
    pcm: bytes
    clips: tuple[Clip, ...]
    chapters: tuple[Chapter, ...]

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / RATE


def _trim(pcm: bytes) -> bytes:
    """The speech without the engine's own silence before and after it."""
    samples = array.array("h", pcm)
    count = len(samples)
    first = next((i for i in range(count) if abs(samples[i]) > SILENCE), None)
    if first is None:
        return b""
    last = next(i for i in range(count - 1, -1, -1) if abs(samples[i]) > SILENCE)
    start = max(0, first - RATE // 100)  # keep 10 ms before the first sound
    end = min(count, last + RATE // 20)  # and 50 ms after the last
    return samples[start:end].tobytes()


def _speak(engine: Engine, utterance: Utterance) -> bytes:
    parts = [
        _trim(engine.speak(text, lang).pcm)
        for text, lang in utterance.pieces
        if any(c.isalnum() for c in text)
    ]
    gap = bytes(2 * int(RATE * 0.08))  # a short breath where the language changes
    return gap.join(p for p in parts if p)


def narrate(utterances: list[Utterance], engine: Engine, chapter_level: int = 2) -> Narration:
    """Speak every utterance (two at a time) and lay them out one after the other."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        spoken = list(pool.map(lambda u: _speak(engine, u), utterances))
    out = bytearray()
    clips: list[Clip] = []
    starts: list[tuple[str, float]] = []
    for index, (utterance, pcm) in enumerate(zip(utterances, spoken, strict=True)):
        if not pcm:
            raise PublisherError.at(None, f"the speech engine said nothing for “{utterance.text}”")
        begin = len(out) / 2 / RATE
        out += pcm
        following = utterances[index + 1] if index + 1 < len(utterances) else None
        if utterance.heading and utterance.block_end:
            pause = PAUSE_HEADING
        elif utterance.block_end:
            pause = PAUSE_BLOCK if following is None or not following.heading else PAUSE_HEADING
        else:
            pause = PAUSE_SENTENCE
        out += bytes(2 * int(RATE * pause))
        clips.append(Clip(utterance.ident, begin, len(out) / 2 / RATE, len(pcm) / 2 / RATE))
        first_of_heading = utterance.heading and (
            index == 0 or utterances[index - 1].title != utterance.title
        )
        if utterance.heading and utterance.heading <= chapter_level and first_of_heading:
            starts.append((utterance.title, begin))
    total = len(out) / 2 / RATE
    if starts:  # what comes before the first heading (the publisher's name) belongs to it
        starts[0] = (starts[0][0], 0.0)
    else:
        starts.append((utterances[0].text, 0.0))
    chapters = tuple(
        Chapter(title, begin, starts[i + 1][1] if i + 1 < len(starts) else total)
        for i, (title, begin) in enumerate(starts)
    )
    return Narration(bytes(out), tuple(clips), chapters)


def wav(pcm: bytes) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(RATE)
        target.writeframes(pcm)
    return buffer.getvalue()


def mp3(narration: Narration, title: str, artist: str, lang: str) -> bytes:
    """The narration as a constant-bitrate MP3 (exact seeking) with ID3 chapters."""
    program = shutil.which("lame")
    if program is None:
        raise PublisherError.at(None, "lame is not installed (scripts/install.sh)")
    result = subprocess.run(
        [
            program,
            "--quiet",
            "-q",
            "7",  # the faster algorithm: 3 x quicker, no audible loss for speech
            "-r",
            "-s",
            f"{RATE / 1000:g}",
            "--bitwidth",
            "16",
            "--signed",
            "--little-endian",
            "-m",
            "m",
            "--cbr",
            "-b",
            str(BITRATE),
            "-",
            "-",
        ],
        input=narration.pcm,
        capture_output=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0 or not result.stdout:
        raise PublisherError.at(None, f"lame failed: {result.stderr.decode(errors='replace')}")
    return tag(result.stdout, narration, title, artist, lang)


def tag(data: bytes, narration: Narration, title: str, artist: str, lang: str) -> bytes:
    """ID3v2.3 title, artist, language and the chapters (CTOC + CHAP frames)."""
    import importlib

    import langcodes

    id3: Any = importlib.import_module("mutagen.id3")
    frames = id3.CHAP, id3.CTOC, id3.ID3, id3.TIT2, id3.TLAN, id3.TPE1, id3.CTOCFlags
    CHAP, CTOC, ID3, TIT2, TLAN, TPE1, CTOCFlags = frames

    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "audio.mp3"
        path.write_bytes(data)
        tags = ID3()
        tags.add(TIT2(encoding=3, text=title))
        if artist:
            tags.add(TPE1(encoding=3, text=artist))
        with contextlib.suppress(LookupError, ValueError):
            tags.add(TLAN(encoding=3, text=langcodes.Language.get(lang).to_alpha3()))
        ids = [f"chp{n}" for n in range(1, len(narration.chapters) + 1)]
        tags.add(
            CTOC(
                element_id="toc",
                flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                child_element_ids=ids,
                sub_frames=[TIT2(encoding=3, text=title)],
            )
        )
        for ident, chapter in zip(ids, narration.chapters, strict=True):
            tags.add(
                CHAP(
                    element_id=ident,
                    start_time=round(chapter.begin * 1000),
                    end_time=round(chapter.end * 1000),
                    sub_frames=[TIT2(encoding=3, text=chapter.title)],
                )
            )
        tags.save(str(path), v2_version=3)
        return path.read_bytes()
