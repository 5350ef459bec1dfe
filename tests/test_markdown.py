"""Markdown constructs -> body HTML, from the fixture file tests/markdown/constructs.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import normalise, render_html, write_article

FIXTURES = Path(__file__).parent / "markdown" / "constructs.txt"


def cases() -> list[tuple[str, str, str]]:
    lines = FIXTURES.read_text(encoding="utf-8").split("\n")
    found = []
    index = 0
    while index < len(lines):
        if lines[index].startswith("# "):
            title = lines[index][2:]
            parts: list[list[str]] = []
            index += 1
            assert lines[index] == ".", f"'.' expected after '{title}'"
            current: list[str] = []
            index += 1
            while len(parts) < 2:
                if lines[index] == ".":
                    parts.append(current)
                    current = []
                else:
                    current.append(lines[index])
                index += 1
            found.append((title, "\n".join(parts[0]) + "\n", "\n".join(parts[1])))
        index += 1
    return found


@pytest.mark.parametrize(("title", "markdown", "expected"), cases(), ids=[c[0] for c in cases()])
def test_construct(tmp_path: Path, title: str, markdown: str, expected: str) -> None:
    rendered = render_html(write_article(tmp_path, markdown))
    assert normalise(rendered.body) == normalise(expected)
