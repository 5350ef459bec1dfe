"""The writing coach in `publisher serve`: its pages show per variant the figures, the
targets, a legend and every finding with its line; the side-by-side view pairs each
section of the standard text with its plain text and flags what has none; nothing of
the coach reaches a built file. (The marks in the browser: tests/conformance/
test_coach_browser.py.)"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from publisher.build.options import BuildOptions
from publisher.preview import Preview
from tests.helpers import EXAMPLE

SLUG = "jongensprostitutie-in-beeld"


@pytest.fixture()
def served(tmp_path: Path):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "source" / SLUG
    bundle.mkdir(parents=True)
    shutil.copy(EXAMPLE, bundle / "index.md")
    shutil.copy(EXAMPLE.parent / "presentatie.svg", bundle)
    options = BuildOptions(out_dir=tmp_path / "build", formats=("html",), project_dir=tmp_path)
    server = Preview([tmp_path / "source"], options, port=0)
    server.start()
    yield server, bundle / "index.md", tmp_path / "build"
    server.stop()


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def findings(page: str) -> list[dict]:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="pub-coach-data">(.*?)</script>', page)
    assert match
    return list(json.loads(match.group(1))["findings"])


def test_the_coach_shows_figures_targets_legend_and_findings(served) -> None:  # type: ignore[no-untyped-def]
    server, _source, built = served
    index = get(server.url)
    assert f'href="/__coach/{SLUG}/">writing coach</a>' in index
    standard = get(f"{server.url}__coach/{SLUG}/{SLUG}.html")
    assert '<aside id="pub-coach" lang="en"' in standard
    assert '<th scope="row">Flesch-Douma</th><td>45.0</td>' in standard
    for label in ("passive voice", "difficult word, explained nowhere", "jargon"):
        assert label in standard
    found = findings(standard)
    kinds = {f["kind"] for f in found}
    assert kinds == {"long", "passive", "difficult", "jargon"}
    assert {
        "kind": "jargon",
        "text": "echter",
        "lines": [191],
        "where": "",
        "advice": "write 'maar'",
    } in found
    assert any(f["kind"] == "difficult" and f["text"] == "staafdiagram" for f in found)
    assert any(f["kind"] == "difficult" and f["where"] == "" and 7 in f["lines"] for f in found)
    plain = get(f"{server.url}__coach/{SLUG}/{SLUG}.plain.html")
    assert "Figures and targets (b1)" in plain and "All targets met" in plain
    assert '<th scope="row">Flesch-Douma</th><td>67.9</td><td>≥ 60</td>' in plain
    assert "staafdiagram" not in json.dumps(findings(plain))  # the plain alt text is used
    # The coach's assets come from memory; nothing of the coach is in the build.
    assert get(f"{server.url}__coach/{SLUG}/assets/images/presentatie.svg").startswith("<svg")
    for page in built.rglob("*.html"):
        assert "pub-coach" not in page.read_text(encoding="utf-8")


def test_side_by_side_pairs_sections_and_flags_what_has_no_plain_text(
    served,  # type: ignore[no-untyped-def]
) -> None:
    server, source, _built = served
    page = get(f"{server.url}__coach/{SLUG}/compare")
    assert "Zorgcoördinatie Slachtoffers Mensenhandel → Hulp voor slachtoffers" in page
    assert page.count('class="pair"') == 8 and 'class="pair flagged"' not in page
    text = source.read_text(encoding="utf-8")
    text = text.replace('## Wens om meer te doen {plain="Arnhem wil meer doen"}', "## Wens")
    text = text.replace(
        "\n## Altijd maatwerk leveren", "\nEen nieuwe alinea.\n\n## Altijd maatwerk leveren"
    )
    start = text.index("::: plain\nTamme de Leur")
    text = text[:start] + text[text.index(":::\n", start + 5) + 4 :]
    source.write_text(text, encoding="utf-8")
    server.coach.refresh()
    page = get(f"{server.url}__coach/{SLUG}/compare")
    assert "no plain text: the plain variant shows the standard text unchanged" in page, page
    assert page.count('class="pair flagged"') == 1
