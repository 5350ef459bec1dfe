"""`check` and a plain-language build (level easy: a line per sentence) take time in
proportion to the input: ten times the input takes at most sixteen times as long
(linear is ten; a sentence splitter's n log n on one long paragraph came to 13 on a
busy machine).
Ratios only, of processor time (this machine is shared), best of three runs each,
each with Python's pattern cache and the sentence cache empty as in a new process
(a small input would otherwise find its patterns and sentences there from the run
before); an input that is quadratic takes a hundred times as long."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from publisher.build.article import read, render_article
from publisher.build.options import BuildOptions
from publisher.readability.check import check_article
from publisher.text import sentences

RATIO = 16.0
FRONT = "---\ntitle: T\nlang: nl\ndate: 2024-01-01\nplain:\n  level: easy\n{front}---\n\n"


def paragraph_without_full_stop(n: int) -> str:
    return FRONT.format(front="") + " ".join(["woord"] * (30 * n)) + "\n"


def unknown_keys(n: int) -> str:
    return (
        FRONT.format(front="".join(f"sleutel{i:05d}: waarde\n" for i in range(3 * n))) + "Tekst.\n"
    )


def sentences_with_abbreviations(n: int) -> str:
    sentence = "Dhr. Jansen komt o.a. om 13.00 uur bij de WMO. Hij zegt: ja! "
    return FRONT.format(front="abbr:\n  WMO: Wet\n") + sentence * n + "\n"


def headings(n: int) -> str:
    """All alike: each needs an id of its own (kop, kop-2, kop-3, ...)."""
    return FRONT.format(front="") + "## Kop\n\nTekst.\n\n" * n


def spans(n: int) -> str:
    front = "glossary:\n  woord: Uitleg.\n"
    return FRONT.format(front=front) + " ".join("[woord]{.term} [x]{lang=en}" for _ in range(n))


SHAPES: dict[str, Callable[[int], str]] = {
    "paragraph without a full stop": paragraph_without_full_stop,
    "many unknown front matter keys": unknown_keys,
    "sentences with abbreviations": sentences_with_abbreviations,
    "headings": headings,
    "spans in one paragraph": spans,
}


def best_of_three(action: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        re.purge()  # as in a fresh process: pysbd makes patterns from the text it reads
        sentences._split.cache_clear()  # and no sentences split before
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return min(times)


def ratio(tmp_path: Path, shape: Callable[[int], str], run: Callable[[Path], object]) -> float:
    small, large = tmp_path / "klein.md", tmp_path / "groot.md"
    small.write_text(shape(100), encoding="utf-8")
    large.write_text(shape(1000), encoding="utf-8")
    run(large)  # warm: imports, and caches as full as the larger input makes them
    return best_of_three(lambda: run(large)) / best_of_three(lambda: run(small))


def check(path: Path) -> None:
    report = check_article(path)
    assert not report.errors, report.errors


def easy_build(path: Path) -> None:
    options = BuildOptions(out_dir=path.parent / "out", formats=("html",), variants=("plain",))
    article, _warnings = read(path, options)
    assert render_article(article, options)


@pytest.mark.parametrize("name", SHAPES)
def test_check_is_linear(tmp_path: Path, name: str) -> None:
    assert ratio(tmp_path, SHAPES[name], check) <= RATIO


@pytest.mark.parametrize("name", SHAPES)
def test_an_easy_read_build_is_linear(tmp_path: Path, name: str) -> None:
    assert ratio(tmp_path, SHAPES[name], easy_build) <= RATIO
