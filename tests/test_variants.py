"""Which text each variant shows (source format: ::: plain / ::: standard)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import render_html, write_article

BODY = """Opening.

::: plain
Makkelijke opening.
:::

## Met makkelijke tekst

Moeilijke tekst.

::: plain
Makkelijke tekst.
:::

### Onderdeel zonder makkelijke tekst

Nog meer moeilijke tekst.

## Zonder makkelijke tekst

Blijft in beide.

::: standard
Alleen gewoon.
:::
"""


def texts(tmp_path: Path, variant: str) -> str:
    return render_html(write_article(tmp_path, BODY), variant).body


def test_standard_leaves_plain_blocks_out(tmp_path: Path) -> None:
    body = texts(tmp_path, "standard")
    assert "Opening." in body and "Moeilijke tekst." in body and "Alleen gewoon." in body
    assert "Makkelijke" not in body
    assert "Onderdeel zonder makkelijke tekst" in body


def test_plain_replaces_a_section_that_has_plain_blocks(tmp_path: Path) -> None:
    body = texts(tmp_path, "plain")
    assert "Makkelijke opening." in body and "Opening." not in body.replace(
        "Makkelijke opening", ""
    )
    assert "Met makkelijke tekst</h2>" in body and "Makkelijke tekst." in body
    assert "Moeilijke tekst." not in body
    # a subsection without plain blocks is other content of its parent section
    assert "Onderdeel zonder makkelijke tekst" not in body


def test_plain_keeps_sections_without_plain_blocks_but_not_standard_blocks(tmp_path: Path) -> None:
    body = texts(tmp_path, "plain")
    assert "Blijft in beide." in body
    assert "Alleen gewoon." not in body
