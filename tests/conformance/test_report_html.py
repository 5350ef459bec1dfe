"""`publisher check --format html`: the report is a standalone page that axe-core
(light and dark, 320 and 1280 px) and the Nu Html Checker accept with zero findings,
for articles in Dutch and English and one in a language without a formula."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from publisher import validators
from publisher.cli import app
from tests.conformance.conftest import ROOT, require

UKRAINIAN = """---
title: Допомога родинам
lang: uk
date: 2024-01-01
---

Громада допомагає родинам. Команда приходить додому.

::: plain
Громада допомагає.
:::
"""


def test_the_html_report_passes_axe_and_vnu(tmp_path: Path) -> None:
    require("axe")
    require("vnu")
    other = tmp_path / "dopomoha.md"
    other.write_text(UKRAINIAN, encoding="utf-8")
    articles = [
        ROOT / "source" / "jongensprostitutie-in-beeld",
        ROOT / "tests" / "fixtures" / "articles" / "english-guide.md",
        other,
    ]
    result = CliRunner().invoke(app, ["check", "--format", "html", *map(str, articles)])
    assert result.exit_code == 0, result.output
    page = tmp_path / "report.html"
    page.write_text(result.output, encoding="utf-8")
    assert "Flesch-Douma" in result.output and "Flesch Reading Ease" in result.output
    assert "no published readability formula for &#x27;uk&#x27;" in result.output
    assert validators.vnu([page])[page] == []
    checked = validators.axe([page])[page]
    assert checked.findings == []
    assert all(not layout["outside"] for layout in checked.layout.values()), checked.layout
