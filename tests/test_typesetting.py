"""The handout's fine typesetting (publisher/formats/pdf/typesetting.py): names are
never hyphenated, a paragraph does not end in one short word on a line of its own."""

from __future__ import annotations

import subprocess
from pathlib import Path

from publisher.build.article import build_article
from publisher.build.options import BuildOptions, Settings
from publisher.formats.pdf.typesetting import typeset
from publisher.reading.reader import read_article
from tests.helpers import ROOT

NBSP = "\u00a0"


def test_names_are_marked_outside_links_code_and_headings() -> None:
    body = (
        "<h2>Zorgcoördinatie Slachtoffers</h2>\n"
        "<p>Het Expertisecentrum Mensenhandel en Lumens, zie "
        '<a href="https://e.org">Rijksoverheid</a> en <code>Wijkwijzer</code>.</p>'
    )
    out = typeset(body)
    assert '<span class="pub-name">Expertisecentrum</span>' in out
    assert '<span class="pub-name">Mensenhandel</span>' in out
    assert "Lumens" in out and '"pub-name">Lumens' not in out  # 6 letters: never hyphenated
    assert '<a href="https://e.org">Rijksoverheid</a>' in out
    assert "<code>Wijkwijzer</code>" in out
    assert "<h2>Zorgcoördinatie Slachtoffers</h2>" in out


def test_a_short_last_word_is_joined_to_the_one_before() -> None:
    out = typeset(
        '<p>hulp moet altijd <a class="term" href="#t">maatwerk</a> zijn.</p>\n'
        "<ul>\n<li>een punt met\ntwee woorden<ul><li>genest item hier</li></ul></li>\n</ul>\n"
        "<p>een heel lang laatste woord: aanhalingstekensachtigheden</p>\n"
        "<p>code blijft <code>a b</code></p>"
    )
    assert f"maatwerk</a>{NBSP}zijn.</p>" in out
    assert f"twee{NBSP}woorden<ul>" in out and f"item{NBSP}hier</li>" in out
    # Too long to pull a word along: kept whole instead.
    assert 'woord: <span class="pub-last-word">aanhalingstekensachtigheden</span>' in out
    assert "<p>code blijft <code>a b</code></p>" in out  # the last words are code


def test_the_example_handout_ends_no_paragraph_in_one_short_word(tmp_path: Path) -> None:
    """In the printed text, a paragraph's last line is never a single word of a few
    letters (pdftotext keeps each paragraph's lines; paragraphs are apart)."""
    example = ROOT / "source" / "jongensprostitutie-in-beeld" / "index.md"
    terms = {entry.key for entry in read_article(example)[0].meta.glossary}
    for paper in ("A4", "A5"):
        result = build_article(
            example,
            BuildOptions(
                out_dir=tmp_path / paper,
                formats=("pdf",),
                project_dir=ROOT,
                settings=Settings(paper=paper),
            ),
        )
        assert not result.errors
        for name in ("jongensprostitutie-in-beeld.pdf", "jongensprostitutie-in-beeld.plain.pdf"):
            pdf = tmp_path / paper / "jongensprostitutie-in-beeld" / name
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            lonely = []
            for block in text.split("\n\n"):
                lines = [line for line in block.splitlines() if line.strip()]
                if lines and lines[-1] in terms:  # a word-list entry, not a last line
                    continue
                if len(lines) > 1 and len(lines[-1].split()) == 1 and len(lines[-1]) <= 8:
                    lonely.append(lines[-2:])
            assert lonely == [], f"{paper} {name}: {lonely}"


def test_addresses_break_after_a_slash_and_numbers_stay_whole() -> None:
    out = typeset(
        '<p>Lees <a href="https://www.example.org/a-b/c.pdf">https://www.example.org/a-b/c.pdf</a>'
        " of bel 030 123 45 67.</p>\n<pre><code>x 1 2</code></pre>"
    )
    wj, zwsp = "\u2060", "\u200b"
    assert (
        f'">https:/{wj}/{wj}www.example.org/{zwsp}a-{wj}b/{zwsp}c.pdf</a>' in out
    )  # breaks after a slash only, the link has no child elements (PDF/UA 7.18.5)
    assert f"030{NBSP}123{NBSP}45{NBSP}67." in out
    assert "<code>x 1 2</code>" in out


def test_left_to_right_runs_in_right_to_left_text_are_kept_in_reading_order() -> None:
    out = typeset(
        "<p>نص <strong>Vue</strong> Composition API نص</p>"
        "<p>نص <strong>Vue</strong> و <em>React</em> نص</p>",
        rtl=True,
    )
    assert (
        '<p>نص <span dir="ltr"><strong>Vue</strong> <span class="pub-name">Composition'
        f"</span> API</span>{NBSP}نص</p>"
    ) in out
    assert f"<p>نص <strong>Vue</strong> و <em>React</em>{NBSP}نص</p>" in out  # one box each
    assert 'dir="ltr"' not in typeset("<p>Tekst <em>Expertisecentrum</em> API</p>")


def test_an_arabic_handout_prints_latin_names_in_their_own_order(tmp_path: Path) -> None:
    # WeasyPrint orders a right-to-left line's boxes right to left: without the runs,
    # "Composition API" (a marked name and a word) printed as "API Composition".
    source = tmp_path / "mustalahat.md"
    source.write_text(
        "---\ntitle: مصطلحات\nlang: ar\ndate: 2024-01-01\n---\n\n"
        "| English | العربية |\n| --- | --- |\n| Composition API | الواجهة التركيبية |\n\n"
        "نستخدم **Vue** Composition API في هذا المشروع.\n",
        encoding="utf-8",
    )
    options = BuildOptions(out_dir=tmp_path / "out", formats=("pdf",), variants=("standard",))
    result = build_article(source, options)
    assert not result.errors
    pdf = tmp_path / "out" / "mustalahat" / "mustalahat.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("Composition API") == 2, text
    assert "Vue Composition API" in text and "API Composition" not in text
