"""Speech engines behind one small interface: text and a language in, 16-bit mono
PCM out. espeak-ng speaks every language of the interface strings; a piper voice
speaks its own language, and espeak-ng the others (language of parts)."""

from __future__ import annotations

import io
import shutil
import subprocess
import wave
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from publisher.errors import PublisherError

RATE = 22050
"""Samples per second of everything the engines give (espeak-ng's own rate)."""


@dataclass(frozen=True)
class Speech:
    pcm: bytes
    """16-bit little-endian mono samples at :data:`RATE`."""

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / RATE


class Engine(Protocol):
    name: str
    """How the voice is named in the e-book's metadata (its narrator)."""

    def speak(self, text: str, lang: str) -> Speech: ...


@cache
def espeak_voices() -> tuple[str, ...]:
    program = shutil.which("espeak-ng")
    if program is None:
        return ()
    listing = subprocess.run(
        [program, "--voices"], capture_output=True, text=True, check=False, timeout=30
    ).stdout
    return tuple(line.split()[1] for line in listing.splitlines()[1:] if len(line.split()) > 1)


def espeak_voice(lang: str) -> str:
    """The espeak-ng voice for a BCP 47 tag: en-GB -> en-gb, fr -> fr-fr, nl -> nl."""
    voices = espeak_voices()
    tag = lang.lower()
    base = tag.split("-")[0]
    for candidate in (tag, base, f"{base}-{base}"):
        if candidate in voices:
            return candidate
    for voice in voices:
        if voice.startswith(base + "-"):
            return voice
    return "en"


class Espeak:
    """espeak-ng (Debian ``espeak-ng``), one process per piece of text."""

    def __init__(self, words_per_minute: int) -> None:
        self.words_per_minute = words_per_minute
        self.name = "espeak-ng"
        program = shutil.which("espeak-ng")
        if program is None:
            raise PublisherError.at(None, "espeak-ng is not installed (scripts/install.sh)")
        self.program = program

    def speak(self, text: str, lang: str) -> Speech:
        result = subprocess.run(
            [
                self.program,
                "-v",
                espeak_voice(lang),
                "-s",
                str(self.words_per_minute),
                "--stdout",
                "-z",
                text,
            ],
            capture_output=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0 or not result.stdout.startswith(b"RIFF"):
            message = result.stderr.decode("utf-8", "replace").strip()
            raise PublisherError.at(None, f"espeak-ng failed: {message or 'no audio'}")
        return Speech(read_wav(result.stdout))


class Piper:
    """A piper voice (``piper-tts`` from PyPI, a ``.onnx`` file with its ``.json``)
    for its own language; espeak-ng for the others."""

    def __init__(self, voice: Path, fallback: Espeak) -> None:
        try:
            from piper import PiperVoice
        except ImportError:
            raise PublisherError.at(
                voice,
                "a piper voice is configured but piper-tts is not installed "
                "(pip install piper-tts)",
            ) from None
        if not voice.is_file():
            raise PublisherError.at(voice, "the piper voice file does not exist")
        self.voice = PiperVoice.load(str(voice))
        self.lang = _piper_language(voice)
        self.fallback = fallback
        self.name = f"piper ({voice.stem})"

    def speak(self, text: str, lang: str) -> Speech:
        if self.lang and lang.split("-")[0].lower() != self.lang:
            return self.fallback.speak(text, lang)
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as target:
            synthesise = getattr(self.voice, "synthesize_wav", None) or self.voice.synthesize
            synthesise(text, target)
        return Speech(read_wav(buffer.getvalue()))


def _piper_language(voice: Path) -> str:
    """A piper voice's language from its name (nl_NL-mls-medium.onnx -> nl)."""
    return voice.name.split("_")[0].split("-")[0].lower()


def read_wav(data: bytes) -> bytes:
    """The samples of a WAV file as 16-bit mono at :data:`RATE`."""
    with wave.open(io.BytesIO(data)) as source:
        rate, channels, width = source.getframerate(), source.getnchannels(), source.getsampwidth()
        frames = source.readframes(source.getnframes())
    if width != 2:
        raise PublisherError.at(None, f"speech engine gave {8 * width}-bit audio, not 16-bit")
    if channels == 2:
        frames = _to_mono(frames)
    return frames if rate == RATE else resample(frames, rate, RATE)


def _to_mono(frames: bytes) -> bytes:
    import array

    samples = array.array("h", frames)
    return array.array(
        "h", ((samples[i] + samples[i + 1]) // 2 for i in range(0, len(samples), 2))
    ).tobytes()


def resample(frames: bytes, source: int, target: int) -> bytes:
    """Linear interpolation (piper voices come at 16 or 22.05 kHz)."""
    import array

    samples = array.array("h", frames)
    if not samples:
        return b""
    count = int(len(samples) * target / source)
    out = array.array("h", bytes(2 * count))
    last = len(samples) - 1
    for index in range(count):
        position = index * source / target
        low = int(position)
        high = min(low + 1, last)
        fraction = position - low
        out[index] = int(samples[low] * (1 - fraction) + samples[high] * fraction)
    return out.tobytes()


def engine(plain: bool, voice: str | None) -> Engine:
    """The engine a build uses: a piper voice if configured, else espeak-ng. Plain
    language is spoken more slowly."""
    espeak = Espeak(words_per_minute=145 if plain else 165)
    return Piper(Path(voice), espeak) if voice else espeak
