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
from tests.conformance import hosts
from tests.conformance.conftest import (
    ROOT,
    a5_names,
    addressed_names,
    epub_names,
    host_matrix,
    host_page_name,
    hosted_fragments,
    output_names,
    require,
)
from tests.conformance.pagebreaks import EpubPages
from tests.fuzzdocs import document

Validate = Callable[[str, str], object]


def _report(findings: object) -> str:
    assert isinstance(findings, list)
    return "\n".join(str(f) for f in findings)


EPUBS = epub_names() + addressed_names("epub")
PAGED_EPUBS = output_names("epub") + addressed_names("epub")
"""The e-books with a page list that follows the handout."""


@pytest.mark.parametrize("name", EPUBS)
def test_epubcheck_reports_no_error_or_warning(validate: Validate, name: str) -> None:
    findings = validate("epubcheck", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", EPUBS)
def test_ace_reports_no_violation(validate: Validate, name: str) -> None:
    findings = validate("ace", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", output_names("pdf") + a5_names() + addressed_names("pdf"))
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


PAGES = output_names("html") + [name for name, _host, _fragment in host_matrix()]
"""The web pages, and the embed fragments (both modes) pasted into host pages."""


@pytest.mark.parametrize("name", PAGES)
def test_nu_html_checker_reports_no_error(validate: Validate, name: str) -> None:
    findings = validate("vnu", name)
    assert findings == [], _report(findings)


@pytest.mark.parametrize("name", PAGES)
def test_axe_reports_no_violation_at_320_and_1280_light_and_dark(
    validate: Validate, name: str
) -> None:
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


def _styles(validate: Validate, fragment: str, host: str) -> dict[str, dict[str, object] | None]:
    result = validate("axe", host_page_name(fragment, host))
    assert isinstance(result, AxeResult)
    return result.styles


TOLERANCE = {"font-size": 0.5, "line-height": 1.0, "margin-bottom": 1.0, "height/width": 0.02}
"""How far a computed value (px, or a ratio) may be from the reference."""
NOT_COMPARED = ("article width", "background", "text colour")
"""The host decides the width; colours follow its opt-in (checked below)."""


def _differs(key: str, value: object, reference: object) -> bool:
    if isinstance(value, int | float) and isinstance(reference, int | float):
        limit = next((v for k, v in TOLERANCE.items() if key.endswith(k)), 0.0)
        return abs(value - reference) > limit
    return value != reference


@pytest.mark.parametrize("fragment", hosted_fragments())
def test_fragment_looks_the_same_in_every_host(validate: Validate, fragment: str) -> None:
    """Computed font sizes, line heights, weights, heading sizes, list markers, table
    and quote borders, link underlines: in every host page and view as in a page
    without CSS of its own (within a fraction of a pixel)."""
    reference = _styles(validate, fragment, "bare")
    problems = []
    for view, expected in reference.items():
        assert expected, f"no fragment found in the bare page ({view})"
        assert expected["links without underline"] == [], expected["links without underline"]
        assert expected["navigation links under 24 px high"] == []
        assert expected["glossary word marked"] is True, "a glossary word marked by colour only"
        for host in hosts.HOST_NAMES[1:]:
            seen = _styles(validate, fragment, host)[view]
            assert seen, f"{host}: no fragment found ({view})"
            for key, value in expected.items():
                if key not in NOT_COMPARED and _differs(key, seen[key], value):
                    problems.append(f"{host} {view}: {key} is {seen[key]!r}, not {value!r}")
    assert problems == [], "\n".join(problems)


def _luminance(colour: object) -> float:
    """Relative luminance of a computed ``rgb(...)``/``rgba(...)`` colour."""
    assert isinstance(colour, str) and colour.startswith("rgb"), colour
    channels = [float(c) / 255 for c in colour[colour.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("fragment", hosted_fragments())
def test_fragment_is_light_unless_the_host_opts_in_to_dark(
    validate: Validate, fragment: str
) -> None:
    """With the reader's system set to dark, the fragment stays as it is in light
    mode in every host that did not opt in; in the one that did (Bulma, which turns
    dark itself), it turns dark too."""
    for host in hosts.HOST_NAMES:
        styles = _styles(validate, fragment, host)
        for width in (320, 1280):
            light, dark = styles[f"light-{width}"], styles[f"dark-{width}"]
            assert light and dark
            assert _luminance(light["background"]) > 0.8, (host, light["background"])
            opted_in = any(h.name == host and h.colour_scheme for h in hosts.HOSTS)
            if opted_in:
                assert _luminance(dark["background"]) < 0.05, (host, dark["background"])
                assert _luminance(dark["text colour"]) > 0.6, (host, dark["text colour"])
            else:
                assert (dark["background"], dark["text colour"]) == (
                    light["background"],
                    light["text colour"],
                ), host


def _fragment_outline(path: Path) -> tuple[list[tuple[str, int]], str, str]:
    """The fragment's headings (text, level), its title and its language, from its HTML."""
    from lxml import html

    root = html.fragment_fromstring(path.read_text(encoding="utf-8"), create_parent="div")
    template = root.find(".//template")
    if template is not None:  # lxml keeps a template's content as its children
        root = template
    [article] = root.xpath(".//article")
    headings = [
        (" ".join(h.text_content().split()), int(h.tag[1]))
        for h in article.iter("h1", "h2", "h3", "h4", "h5", "h6")
    ]
    title = " ".join(article.xpath(".//*[@id=$id]", id=article.get("aria-labelledby"))[0]
                     .text_content().split())  # fmt: skip
    return headings, title, article.get("lang")


@pytest.mark.parametrize("fragment", hosted_fragments())
def test_headings_landmarks_and_language_reach_the_accessibility_tree(
    validate: Validate, built: Path, fragment: str
) -> None:
    """Chromium's accessibility tree, in every host page: every heading of the
    fragment with its level, the article landmark named by the title, the fragment's
    language; from inside the shadow root too."""
    headings, title, lang = _fragment_outline(built / fragment)
    for host in hosts.HOST_NAMES:
        result = validate("axe", host_page_name(fragment, host))
        assert isinstance(result, AxeResult) and result.accessibility, host
        tree = result.accessibility
        seen = [(" ".join(str(name).split()), level) for name, level in tree["headings"]]  # type: ignore[attr-defined]
        missing = [h for h in headings if h not in seen]
        assert missing == [], f"{host}: headings not in the accessibility tree: {missing}"
        assert ["article", title] in tree["landmarks"], (host, tree["landmarks"])  # type: ignore[operator]
        assert tree["lang"] == lang, host


@pytest.mark.parametrize("name", PAGED_EPUBS)
def test_page_list_takes_the_reader_to_the_page(validate: Validate, name: str) -> None:
    """Every page of the page list has its marker; going to it (as a Chromium-based
    reading system does) scrolls it into view, and it is announced as the page
    number (in the accessibility tree with its label). An e-book whose pages could
    not be placed has neither (the build warns)."""
    pages = validate("pagebreaks", name)
    assert isinstance(pages, EpubPages)
    if name.split("/")[-2] in ("jongensprostitutie-in-beeld", "wijkwijzer"):
        assert pages.page_list, "no page list"
    markers = {m.id: m for m in pages.markers}
    assert len(markers) == len(pages.page_list), (sorted(markers), pages.page_list)
    for label, href in pages.page_list:
        marker = markers[href.split("#", 1)[1]]
        assert marker.in_viewport, marker
        assert marker.in_accessibility_tree and marker.role == "doc-pagebreak", marker
        assert marker.name and label in marker.name, marker
        if label != "1":
            assert marker.scroll_y > 0, marker


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
