"""Every value reaches each output through the escaping of its context: abbreviations
are tokens (never text surgery on rendered HTML), JSON-LD escapes what would end its
script, and no front-matter value is ever written into a ``<style>``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html

from publisher.formats.context import context, json_ld
from publisher.formats.pdf import css_string, print_html
from tests.helpers import job_for, render_html, write_article

FRONT = "---\ntitle: {title}\nlang: en\ndate: 2024-01-01\n{extra}---\n\n"


def article(tmp_path: Path, body: str, extra: str = "", title: str = "Test") -> Path:
    return write_article(tmp_path, body, FRONT.format(title=title, extra=extra))


def abbreviations(tmp_path: Path, pairs: str, body: str) -> str:
    return render_html(article(tmp_path, body, "abbr:\n" + pairs)).body


def test_an_expansion_is_only_ever_an_attribute_value(tmp_path: Path) -> None:
    body = abbreviations(
        tmp_path,
        '  X: autofocus onfocus=alert(1) x\n  Y: "\\" style=\\"position:fixed"\n',
        "An X and a Y.\n",
    )
    root = html.fromstring(body)
    found = {a.text: a.attrib for a in root.iter("abbr")}
    assert found == {
        "X": {"title": "autofocus onfocus=alert(1) x"},
        "Y": {"title": '" style="position:fixed'},
    }


def test_an_expansion_that_holds_another_abbreviation_stays_whole(tmp_path: Path) -> None:
    body = abbreviations(
        tmp_path,
        "  WHO: World Health Organization, a UN agency\n  UN: United Nations\n",
        "The WHO and the UN.\n",
    )
    assert (
        '<abbr title="World Health Organization, a UN agency">WHO</abbr> and the '
        '<abbr title="United Nations">UN</abbr>.'
    ) in body


def test_an_abbreviation_named_like_an_entity_matches_only_words(tmp_path: Path) -> None:
    body = abbreviations(tmp_path, "  quot: quotient\n  amp: ampere\n", 'He said "yes" & quot.\n')
    assert '&quot;yes&quot; &amp; <abbr title="quotient">quot</abbr>.' in body


@pytest.mark.parametrize(
    ("pairs", "text", "expected"),
    [
        ("  UN: United Nations\n", "UNHCR, fun, UN-report, UN.", ["UN"]),
        ('  "C++": a language\n', "C++ and C.", ["C++"]),
        ("  WMO: Wet\n  WMO-loket: Loket\n", "Het WMO-loket van de WMO.", ["WMO-loket", "WMO"]),
    ],
)
def test_whole_words_longest_first(
    tmp_path: Path, pairs: str, text: str, expected: list[str]
) -> None:
    root = html.fromstring(abbreviations(tmp_path, pairs, text + "\n"))
    assert [a.text for a in root.iter("abbr")] == expected


def test_abbreviations_in_captions_but_not_in_code_or_addresses(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>x</title></svg>'
    )
    body = abbreviations(
        tmp_path,
        "  WMO: Wet\n  www: world wide web\n",
        '`WMO` <https://www.example.org/WMO>\n\n![The WMO](a.svg "The WMO office")\n',
    )
    assert "<code>WMO</code>" in body
    assert ">https://www.example.org/WMO</a>" in body
    assert '<abbr title="Wet">WMO</abbr> office' in body


def test_easy_read_lines_keep_their_abbreviations(tmp_path: Path) -> None:
    path = article(
        tmp_path,
        "::: plain\nThe WMO helps. Ask the WMO.\n:::\n",
        "abbr:\n  WMO: Wet\nplain:\n  level: easy\n",
    )
    body = render_html(path, "plain").body
    assert '<abbr title="Wet">WMO</abbr> helps.<br />Ask the <abbr title="Wet">WMO</abbr>.' in body


PAYLOADS = [
    "<!--<script>",
    "</script><script>alert(1)</script>",
    "</style><a href='javascript:alert(1)'>x</a>",
    '"; } body { display: none } x { content: "',
    "a\u2028b & <c>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_ld_cannot_be_left(tmp_path: Path, payload: str) -> None:
    quoted = json.dumps(payload)
    path = article(tmp_path, "Text.\n", f"publisher: {quoted}\nsummary: {quoted}\n", quoted)
    job = job_for(path)
    rendered = render_html(path)
    text = json_ld(job, context(job, rendered, "html"))
    assert not re.search(r"[<>&\u2028\u2029]", text)
    data = json.loads(text)
    assert data["headline"] == data["publisher"]["name"] == data["description"] == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_front_matter_value_is_written_into_a_style(tmp_path: Path, payload: str) -> None:
    quoted = json.dumps(payload)
    path = article(tmp_path, "Text.\n", f"publisher: {quoted}\n", quoted)
    job = job_for(path)
    document, footer = print_html(job)
    root = html.fromstring(document)
    for style in root.iter("style"):
        assert payload not in (style.text or "")
        assert "</style" not in (style.text or "").lower()
    assert len(list(root.iter("style"))) == 1  # nothing broke out into the document
    literal = footer.split("content: ", 1)[1].rsplit(";", 1)[0]
    assert re.fullmatch(r'"(?:[^"\\<>\n]|\\[0-9a-f]+ )*"', literal), literal


def test_a_css_string_holds_any_text() -> None:
    text = 'a"b\\c\nd</style>é·e'
    literal = css_string(text)
    assert literal == '"a\\22 b\\5c c\\a d\\3c \\2f style\\3e é·e"'
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), literal[1:-1])
    assert decoded == text
