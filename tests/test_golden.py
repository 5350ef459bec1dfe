"""The example article's body HTML, compared with the committed golden files.

After an intended change, regenerate them with:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE, normalise, render_html

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("variant", ["standard", "plain"])
def test_example_body_matches_golden(variant: str) -> None:
    body = normalise(render_html(EXAMPLE, variant).body) + "\n"
    golden = GOLDEN / f"jongensprostitutie-in-beeld.{variant}.body.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(body, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with UPDATE_GOLDEN=1"
    assert body == golden.read_text(encoding="utf-8")


def test_standard_body_keeps_every_sentence_of_the_seed() -> None:
    body = render_html(EXAMPLE, "standard").body
    for sentence in (
        "In april 2018 verscheen het onderzoek",
        "Er waren meer dan 50 geïnteresseerden aanwezig",
        "Vervolgens gaf Tamara Visser uitleg over NextStep.",
        "Jongens worden door de reguliere hulpverlening nauwelijks bereikt en",
        "Al met al toont",
        "De uitdaging is om elkaar daarin te vinden.",
        "Al met al kijken wij terug op een constructieve middag",
    ):
        assert sentence in body
    assert "Makkelijk" not in body  # no plain-language text in the standard variant


def test_plain_body_has_only_plain_text_under_each_heading() -> None:
    body = render_html(EXAMPLE, "plain").body
    assert "Er waren meer dan 50 mensen." in body
    assert "geïnteresseerden" not in body
    assert body.count("<h2") == 6
