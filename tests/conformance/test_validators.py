"""The conformance gate: every output passes the standards' own validators."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conformance.conftest import a5_names, output_names
from tests.conformance.validators import AxeResult, Finding

Validate = Callable[[str, str], object]


def _report(findings: object) -> str:
    assert isinstance(findings, list)
    return "\n".join(str(f) for f in findings)


@pytest.mark.parametrize("name", output_names("epub"))
def test_epubcheck_reports_no_error_or_warning(validate: Validate, name: str) -> None:
    findings = validate("epubcheck", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", output_names("epub"))
def test_ace_reports_no_violation(validate: Validate, name: str) -> None:
    findings = validate("ace", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", output_names("pdf") + a5_names())
def test_verapdf_pdfua1_compliant(validate: Validate, name: str) -> None:
    findings = validate("verapdf", name)
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
