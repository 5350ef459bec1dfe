"""The read-aloud version listened to by measuring it: every sentence has its clip in
the Media Overlay, no clip is silent, none is cut off, each lasts as long as its text
needs; chapters per section; language of parts in its own voice; the web page's
player; a machine without a synthesiser skips it with one warning."""

from __future__ import annotations

import array
import io
import itertools
import os
import re
import shutil
import subprocess
import wave
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from publisher.cli import app
from publisher.speech import missing
from publisher.speech.engine import RATE, Espeak, Speech, espeak_voice
from publisher.speech.script import mark_sentences
from tests.conftest import SLUG
from tests.helpers import EXAMPLE, ROOT

SMIL = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
ALL = ROOT / "tests" / "fixtures" / "articles" / "alle-onderdelen" / "index.md"


def need_speech() -> None:
    why = missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"speech: {why}")
        pytest.skip(f"speech: {why}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_speech()
    out = tmp_path_factory.mktemp("audio")
    options = BuildOptions(out_dir=out, formats=("html", "audio"), project_dir=ROOT)
    result = build_article(EXAMPLE, options)
    assert not result.errors, result.errors
    return out / SLUG


def seconds(value: str) -> float:
    hours, minutes, rest = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def overlay(folder: Path) -> tuple[list[tuple[str, float, float]], etree._Element, dict[str, str]]:
    with zipfile.ZipFile(folder / f"{SLUG}.plain.audio.epub") as book:
        smil = etree.fromstring(book.read("EPUB/content.smil"))
        content = etree.fromstring(book.read("EPUB/content.xhtml"))
        opf = etree.fromstring(book.read("EPUB/content.opf"))
    clips = [
        (
            par.find(f"{SMIL}text").get("src").split("#")[1],
            seconds(par.find(f"{SMIL}audio").get("clipBegin")),
            seconds(par.find(f"{SMIL}audio").get("clipEnd")),
        )
        for par in smil.iter(f"{SMIL}par")
    ]
    metas = {
        (m.get("property") or "") + (m.get("refines") or ""): m.text or ""
        for m in opf.iter(f"{OPF}meta")
    }
    return clips, content, metas


def samples(folder: Path) -> array.array[int]:
    """The MP3 decoded by LAME, as the player hears it."""
    decoded = subprocess.run(
        ["lame", "--quiet", "--decode", str(folder / f"{SLUG}.plain.mp3"), "-"],
        capture_output=True,
        check=True,
    ).stdout
    with wave.open(io.BytesIO(decoded)) as source:
        assert source.getframerate() == RATE and source.getnchannels() == 1
        return array.array("h", source.readframes(source.getnframes()))


def rms(values: array.array[int], begin: float, end: float) -> float:
    part = values[int(begin * RATE) : int(end * RATE)]
    return (sum(v * v for v in part) / max(1, len(part))) ** 0.5


def test_every_sentence_has_one_clip_in_reading_order(folder: Path) -> None:
    clips, content, metas = overlay(folder)
    marked = [s.get("id") for s in content.iter() if re.fullmatch(r"s\d+", s.get("id") or "")]
    assert [ident for ident, _, _ in clips] == marked
    assert len(clips) > 100
    for (_, begin, end), (_, following, _) in itertools.pairwise(clips):
        assert begin < end == pytest.approx(following, abs=0.002)
    total = seconds(metas["media:duration"])
    assert seconds(metas["media:duration#overlay"]) == total
    assert clips[-1][2] == pytest.approx(total, abs=0.002)
    assert metas["media:active-class"] == "pub-speaking"
    assert metas["media:narrator"] == "espeak-ng"


def test_no_sentence_is_silent_none_is_cut_off_and_each_fits_its_text(folder: Path) -> None:
    clips, content, _ = overlay(folder)
    texts = {  # a picture's clip speaks "Afbeelding: " and its alternative text
        s.get("id"): " ".join(("".join(s.itertext()) or "Afbeelding: " + s.get("alt", "")).split())
        for s in content.iter()
        if s.get("id") in {ident for ident, _, _ in clips}
    }
    audio = samples(folder)
    heard = len(audio) / RATE
    assert heard == pytest.approx(clips[-1][2], abs=0.15)  # the MP3 is as long as the overlay
    too_fast, too_slow, silent, cut = [], [], [], []
    for ident, begin, end in clips:
        text = texts[ident]
        letters = sum(c.isalnum() for c in text)
        loud = rms(audio, begin, end)
        if loud < 500:
            silent.append((ident, text, round(loud)))
        # The clip ends in its pause: the last 0.15 s are quiet (nothing cut off).
        if rms(audio, end - 0.15, end - 0.02) > 150:
            cut.append((ident, text))
        # Speech at 145 words a minute: about 12-16 letters a second.
        per_letter = (end - begin) / max(1, letters)
        if letters >= 15 and per_letter < 0.035:
            too_fast.append((ident, text, round(per_letter, 3)))
        if letters >= 15 and per_letter > 0.2:
            too_slow.append((ident, text, round(per_letter, 3)))
    assert silent == [] and cut == [] and too_fast == [] and too_slow == []


def test_chapter_marks_per_section(folder: Path) -> None:
    from mutagen.id3 import ID3

    tags = ID3(str(folder / f"{SLUG}.plain.mp3"))
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    titles = [c.sub_frames["TIT2"].text[0] for c in chapters]
    assert titles[0] == "Jongens in de prostitutie – gesprek in Arnhem"
    assert titles[1:4] == [  # the plain wording of the headings
        "In het kort",
        "Hulp voor slachtoffers van mensenhandel",
        "Het verhaal van NextStep",
    ]
    assert titles[-1] == "Moeilijke woorden"
    assert chapters[0].start_time == 0
    assert all(a.end_time == b.start_time for a, b in itertools.pairwise(chapters))
    [toc] = tags.getall("CTOC")
    assert toc.child_element_ids == [c.element_id for c in chapters]
    assert tags.getall("TLAN")[0].text[0] == "nld"


def test_web_page_has_a_native_player_and_a_transcript_link(folder: Path) -> None:
    page = (folder / f"{SLUG}.plain.html").read_text(encoding="utf-8")
    assert f'<audio controls preload="none" src="{SLUG}.plain.mp3">' in page
    assert '<a href="#pub-body">Lees de tekst</a>' in page and 'id="pub-body"' in page
    assert f'href="{SLUG}.plain.audio.epub"' in page
    assert "<audio" not in (folder / f"{SLUG}.html").read_text(encoding="utf-8")
    assert not (folder / f"{SLUG}.mp3").exists()  # standard text: only when asked for


class Recorder:
    """An engine that says what it was asked to speak (and speaks with espeak-ng)."""

    name = "recorder"

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.espeak = Espeak(165)

    def speak(self, text: str, lang: str) -> Speech:
        self.calls.append((text, lang))
        return self.espeak.speak(text, lang)


def test_language_of_parts_is_spoken_in_its_own_voice() -> None:
    need_speech()
    from publisher.speech.audio import narrate

    xhtml = (
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="nl" xml:lang="nl"><body>'
        '<p>Hier staat een <span lang="en-GB" xml:lang="en-GB">quick brown fox</span>. '
        'Een woord in het Arabisch: <span lang="ar" xml:lang="ar" dir="rtl">مرحبا</span>.</p>'
        "</body></html>"
    )
    root = etree.fromstring(xhtml.encode())
    script = mark_sentences(root, "nl", "Afbeelding: {alt}")
    recorder = Recorder()
    narration = narrate(script.utterances, recorder)
    assert sorted(recorder.calls) == sorted(
        [
            ("Hier staat een", "nl"),
            ("quick brown fox", "en-GB"),
            ("Een woord in het Arabisch:", "nl"),
            ("مرحبا", "ar"),
        ]
    )
    assert [espeak_voice(lang) for _, lang in recorder.calls] == [
        {"nl": "nl", "en-GB": "en-gb", "ar": "ar"}[lang] for _, lang in recorder.calls
    ]
    assert len(narration.clips) == 2
    assert espeak_voice("fr") == "fr-fr" and espeak_voice("uk") == "uk"


def test_standard_text_is_read_aloud_when_the_build_names_it(tmp_path: Path) -> None:
    need_speech()
    options = BuildOptions(
        out_dir=tmp_path,
        formats=("audio",),
        variants=("standard",),
        variants_named=True,
        project_dir=ROOT,
    )
    result = build_article(ALL, options)
    assert not result.errors, result.errors
    assert sorted(result.files) == ["alle-onderdelen.audio.epub", "alle-onderdelen.mp3"]


def test_without_a_synthesiser_audio_is_skipped_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    shutil.copytree(ALL.parent, tmp_path / "source" / "alle-onderdelen")
    result = CliRunner().invoke(app, ["build", "-q", "-f", "html,audio"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: audio is skipped: espeak-ng and lame are not installed "
        "(Debian packages espeak-ng, lame; scripts/install.sh)"
    ]
    built = sorted(p.name for p in (tmp_path / "build" / "alle-onderdelen").iterdir())
    assert "alle-onderdelen.plain.html" in built and not [n for n in built if ".mp3" in n]


def test_sentences_are_whole_sentences(folder: Path) -> None:
    """A sentence that another follows in its paragraph ends where a sentence ends (a
    line break in the source is no sentence end)."""
    _clips, content, _ = overlay(folder)
    fragments = []
    for paragraph in content.iter(f"{XHTML}p"):
        spans = [s for s in paragraph if re.fullmatch(r"s\d+", s.get("id") or "")]
        for span in spans[:-1]:
            text = " ".join("".join(span.itertext()).split())
            if not re.search(r"[.!?:;…’”'\"]$", text):
                fragments.append(text)
    assert fragments == []


def test_a_piper_voice_speaks_its_language_and_espeak_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The piper glue with a stand-in for piper-tts (no voice is downloaded in tests):
    its audio is resampled to the common rate; other languages go to espeak-ng."""
    import math
    import sys
    import types

    from publisher.config import load_config
    from publisher.speech.engine import Piper, engine

    loaded: list[str] = []
    calls: list[tuple[str, str]] = []

    class FakeVoice:
        @classmethod
        def load(cls, path: str) -> FakeVoice:
            loaded.append(path)
            return cls()

        def synthesize_wav(self, text: str, target: wave.Wave_write) -> None:
            target.setnchannels(1)
            target.setsampwidth(2)
            target.setframerate(16000)
            tone = array.array(
                "h", (int(8000 * math.sin(i / 8)) for i in range(16000 * len(text) // 10))
            )
            target.writeframes(tone.tobytes())

    monkeypatch.setitem(sys.modules, "piper", types.SimpleNamespace(PiperVoice=FakeVoice))
    voice = tmp_path / "voices" / "nl_NL-test-medium.onnx"
    voice.parent.mkdir()
    voice.write_bytes(b"model")
    (tmp_path / "publisher.toml").write_text('voice = "voices/nl_NL-test-medium.onnx"\n')
    settings = load_config(tmp_path).build_options(tmp_path).settings
    assert settings.voice == str(voice)

    class Fallback:
        def speak(self, text: str, lang: str) -> Speech:
            calls.append((text, lang))
            return Speech(b"\x00\x01" * 100)

    piper = Piper(voice, Fallback())  # type: ignore[arg-type]
    spoken = piper.speak("Hallo allemaal", "nl")
    assert loaded == [str(voice)]
    assert spoken.seconds == pytest.approx(1.4, abs=0.01)  # 16 kHz in, 22.05 kHz out
    assert len(spoken.pcm) == pytest.approx(2 * RATE * 1.4, abs=4)
    piper.speak("the quick brown fox", "en-GB")
    assert calls == [("the quick brown fox", "en-GB")]
    assert piper.name == "piper (nl_NL-test-medium)"
    if not missing():
        assert isinstance(engine(True, str(voice)), Piper)
