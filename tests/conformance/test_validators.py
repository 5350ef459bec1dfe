"""The conformance gate: every output passes the standards' own validators."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from publisher import validators
from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from publisher.validators import AxeResult, Finding
from tests.conformance.conftest import ROOT, a5_names, epub_names, output_names, require
from tests.fuzzdocs import document

Validate = Callable[[str, str], object]


def _report(findings: object) -> str:
    assert isinstance(findings, list)
    return "\n".join(str(f) for f in findings)


@pytest.mark.parametrize("name", epub_names())
def test_epubcheck_reports_no_error_or_warning(validate: Validate, name: str) -> None:
    findings = validate("epubcheck", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", epub_names())
def test_ace_reports_no_violation(validate: Validate, name: str) -> None:
    findings = validate("ace", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", output_names("pdf") + a5_names())
def test_verapdf_pdfua1_compliant(validate: Validate, name: str) -> None:
    findings = validate("verapdf", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", output_names("docx"))
def test_word_document_passes_the_accessibility_check(validate: Validate, name: str) -> None:
    findings = validate("docx", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", output_names("docx"))
def test_libreoffice_opens_the_word_document(validate: Validate, name: str) -> None:
    findings = validate("libreoffice", name)
    assert findings == [], _report(findings)


PAGES = output_names("html") + output_names("embed")


@pytest.mark.parametrize("name", PAGES)
def test_nu_html_checker_reports_no_error(validate: Validate, name: str) -> None:
    findings = validate("vnu", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", PAGES)
def test_axe_reports_no_violation_light_and_dark(validate: Validate, name: str) -> None:
    result = validate("axe", name)
    assert isinstance(result, AxeResult)
    assert result.findings == [], _report(result.findings)


@pytest.mark.parametrize("name", PAGES)
def test_page_reflows_without_horizontal_scrolling(validate: Validate, name: str) -> None:
    result = validate("axe", name)
    assert isinstance(result, AxeResult)
    problems = []
    for view, layout in result.layout.items():
        scroll, client = layout["scrollWidth"], layout["clientWidth"]
        assert isinstance(scroll, int) and isinstance(client, int)
        if scroll > client:
            problems.append(f"{view}: scroll width {scroll} > viewport {client}")
        if layout["outside"]:
            problems.append(f"{view}: elements outside the viewport: {layout['outside']}")
    assert problems == [], "\n".join(problems)


def test_finding_names_tool_rule_and_place() -> None:
    finding = Finding("axe", "serious color-contrast", "Elements must meet contrast", "p.lead")
    assert str(finding) == "[axe] serious color-contrast: Elements must meet contrast at p.lead"


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_generated_documents_pass_epubcheck(tmp_path: Path, seed: int) -> None:
    """A sample of the fuzzer's documents (tests/fuzzdocs.py) as EPUBs."""
    require("epubcheck")
    source = tmp_path / f"fuzz-{seed}.md"
    source.write_text(document(random.Random(seed)), encoding="utf-8")
    result = build_article(
        source, BuildOptions(out_dir=tmp_path, formats=("epub",), project_dir=ROOT)
    )
    assert not result.errors, result.errors
    findings = validators.epubcheck([tmp_path / f"fuzz-{seed}" / f"fuzz-{seed}.epub"])
    [found] = findings.values()
    assert found == [], _report(found)


def test_check_outputs_runs_the_validators_on_built_files(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from publisher.cli import app

    for tool in ("epubcheck", "ace", "verapdf", "vnu", "axe"):
        require(tool)
    project = built.parent / "check-project"
    (project / "source").mkdir(parents=True)
    article = ROOT / "tests" / "fixtures" / "articles" / "english-guide.md"
    (project / "source" / "english-guide.md").write_text(
        article.read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(project)
    runner = CliRunner()
    assert runner.invoke(app, ["build", "-q", "-f", "html,pdf"]).exit_code == 0
    result = runner.invoke(app, ["check", "--outputs"])
    assert result.exit_code == 0, result.output
    assert "english-guide.pdf: ok" in result.output and "english-guide.html: ok" in result.output
    page = project / "build" / "english-guide" / "english-guide.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(' lang="en-GB"', "", 1), encoding="utf-8"
    )
    broken = runner.invoke(app, ["check", "--outputs"])
    assert broken.exit_code == 1
    assert "english-guide.html: [axe] serious html-has-lang" in broken.stderr
