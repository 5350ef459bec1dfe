"""Front matter: every problem reported at once, with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.errors import PublisherError
from publisher.reading.reader import read_article


def article(tmp_path: Path, front: str, body: str = "Tekst.\n") -> Path:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return path


def test_all_errors_at_once(tmp_path: Path) -> None:
    path = article(tmp_path, "title: T\nlang: xx-not-a-tag\ndate: morgen\nurl: ftp://x\n")
    with pytest.raises(PublisherError) as info:
        read_article(path)
    lines = [str(p) for p in info.value.problems]
    assert lines == [
        f"{path}:3: 'lang: xx-not-a-tag' is not a valid BCP 47 language tag (e.g. nl, en-GB)",
        f"{path}:4: 'date: morgen' is not a date; write it as YYYY-MM-DD",
        f"{path}:5: 'url' must be an absolute https:// address",
    ]


def test_unknown_key_warns_with_closest_known_key(tmp_path: Path) -> None:
    path = article(tmp_path, "title: T\nlang: nl\ndate: 2024-01-01\nsumary: x\n")
    _article, report = read_article(path)
    assert [str(w) for w in report.warnings] == [
        f"{path}:5: unknown front matter key 'sumary' (did you mean 'summary'?)"
    ]


def test_full_front_matter_is_read(tmp_path: Path) -> None:
    path = article(
        tmp_path,
        """title: T
lang: en-gb
date: 2024-02-29
authors: [A, {name: B, role: editor}]
keywords: [x, y]
plain: {title: PT, summary: [Een., Twee.], level: easy}
glossary: {woord: uitleg, ander: {definition: d, forms: [andere]}}
abbr: {OM: openbaar ministerie}
""",
    )
    meta = read_article(path)[0].meta
    assert meta.lang == "en-GB" and meta.slug == "a"
    assert [a.name for a in meta.authors] == ["A", "B"] and meta.authors[1].role == "editor"
    assert meta.plain.summary == ("Een.", "Twee.") and meta.plain.level == "easy"
    entry = meta.glossary_lookup("Andere")
    assert entry is not None and entry.key == "ander"
    assert meta.abbr == (("OM", "openbaar ministerie"),)


def test_unclosed_block_footnote_without_reference_and_empty_link_warn(tmp_path: Path) -> None:
    path = article(
        tmp_path,
        "title: T\nlang: nl\ndate: 2024-01-01\n",
        "Een []() link.\n\n[^los]: Noot zonder verwijzing.\n\n::: plain\nOpen\n",
    )
    report = read_article(path)[1]
    messages = [w.message for w in report.warnings]
    assert "empty link: it has no text" in messages
    assert "footnote [^los] is never referenced" in messages
    assert "'::: plain' block is not closed with ':::'" in messages
