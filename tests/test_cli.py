"""The command line as an author meets it: outputs, options, and clear errors."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from publisher import __version__
from publisher.cli import app
from tests.helpers import EXAMPLE, ROOT

BAD = ROOT / "tests" / "fixtures" / "bad"
runner = CliRunner()

# file -> the one line the author must see (after "error: <path>")
BAD_INPUTS = {
    "broken-yaml.md": ":5: front matter is not valid YAML",
    "missing-title.md": ":1: front matter needs 'title'",
    "wrong-type.md": ":2: 'title' must be text, not a list",
    "bad-date.md": ":4: 'date: 4 oktober 2018' is not a date; write it as YYYY-MM-DD",
    "bad-lang.md": ":3: 'lang: dutch' is not a valid BCP 47 language tag",
    "bad-slug.md": ":5: 'slug' may only contain a-z, 0-9 and single hyphens",
    "bad-url.md": ":5: 'url' must be an absolute https:// address",
    "not-utf8.md": ":2: the file is not UTF-8 text",
    "empty.md": ": the file is empty",
    "binary.md": ": this is a binary file, not a Markdown text",
    "no-front-matter.md": ":1: the file must start with front matter",
    "missing-image.md": ":9: image 'bestaat-niet.jpg' does not exist",
    "unsupported-image.md": ":7: image 'nep.png' is not a PNG, JPEG, GIF, WebP or SVG file",
    "escaping-image.md": ":7: image '../../../../etc/passwd' is outside the article's folder",
    "image-without-alt.md": ":9: image 'foto.png' has no alt text",
    "undefined-term.md": ":7: glossary term 'onbekend woord' is not defined under 'glossary:'",
    "unknown-theme.md": ": unknown theme 'bestaat-niet'",
}


def test_every_bad_input_fixture_is_covered() -> None:
    assert {p.name for p in BAD.glob("*.md")} == set(BAD_INPUTS)


@pytest.mark.parametrize(("name", "message"), sorted(BAD_INPUTS.items()))
def test_bad_input_gives_one_clear_line_and_writes_nothing(
    tmp_path: Path, name: str, message: str
) -> None:
    result = runner.invoke(app, ["build", str(BAD / name), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: {BAD / name}{message}"), result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "out").exists()


def test_build_writes_every_output_and_assets(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(EXAMPLE.parent), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "jongensprostitutie-in-beeld"
    names = {p.name for p in folder.iterdir() if p.is_file()}
    stem = "jongensprostitutie-in-beeld"
    assert names == {
        f"{stem}{v}{e}"
        for v in ("", ".plain")
        for e in (".html", ".embed.html", ".shadow.html", ".pdf", ".epub", ".docx")
    } | {f"{stem}.large.pdf"}
    assert (folder / "assets" / "images" / "presentatie.svg").is_file()
    assert (folder / "assets" / "fonts" / "OFL.txt").is_file()
    page = (folder / f"{stem}.html").read_text(encoding="utf-8")
    assert 'href="jongensprostitutie-in-beeld.pdf"' in page and "(PDF, " in page
    assert 'href="jongensprostitutie-in-beeld.plain.html"' in page and "Makkelijk lezen" in page
    assert not list(folder.rglob("*.tmp"))
    # The example has no address: the build says once what the outputs leave out.
    assert result.output.count("without an address") == 1
    assert "the embed fragment leaves out the link to the other version" in result.output
    embed = (folder / f"{stem}.embed.html").read_text(encoding="utf-8")
    assert "Makkelijk lezen" not in embed and ".pdf" not in embed


def test_format_and_variant_options_choose_outputs(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "build",
            str(EXAMPLE),
            "--out",
            str(tmp_path),
            "--format",
            "html,embed",
            "--variant",
            "plain",
        ],
    )
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "jongensprostitutie-in-beeld").iterdir() if p.is_file()}
    assert names == {
        "jongensprostitutie-in-beeld.plain.html",
        "jongensprostitutie-in-beeld.plain.embed.html",
    }


@pytest.mark.parametrize(
    "args", [["--format", "rtf"], ["--variant", "simple"], ["--paper", "Letter"]]
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["build", str(EXAMPLE), "--out", str(tmp_path), *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_one_bad_article_does_not_stop_the_others(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(BAD / "bad-date.md", source / "kapot.md")
    (source / "goed.md").write_text(
        "---\ntitle: Goed\nlang: nl\ndate: 2024-01-01\n---\n\nTekst.\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["build", str(source), "--out", str(tmp_path / "out"), "--format", "html"]
    )
    assert result.exit_code == 1
    assert "kapot.md:4:" in result.stderr and "1 of 2 articles failed" in result.stderr
    assert (tmp_path / "out" / "goed" / "goed.html").is_file()
    assert not (tmp_path / "out" / "kapot").exists()


def test_warnings_are_shown_and_strict_makes_them_errors(tmp_path: Path) -> None:
    article = tmp_path / "waarschuwing.md"
    article.write_text(
        "---\ntitle: W\nlang: nl\ndate: 2024-01-01\nauteur: X\n---\n\n"
        "Tekst met <font color=red>html</font>.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build", str(article), "--out", str(tmp_path / "o"), "-f", "html"])
    assert result.exit_code == 0
    assert "waarschuwing.md:5: unknown front matter key 'auteur'" in result.stderr
    assert "waarschuwing.md:8: HTML <font> is shown as text" in result.stderr
    strict = runner.invoke(
        app, ["build", str(article), "--out", str(tmp_path / "s"), "-f", "html", "--strict"]
    )
    assert strict.exit_code == 1
    assert not (tmp_path / "s").exists()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"publisher {__version__}"


def test_python_m_publisher_reports_errors_without_traceback(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "publisher", "build", str(BAD / "bad-lang.md"), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert "bad-lang.md:3: 'lang: dutch'" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_embed_heading_level_fits_the_host_page(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", str(EXAMPLE), "-o", str(tmp_path), "-f", "embed", "--embed-level", "3"]
    )
    assert result.exit_code == 0, result.output
    fragment = (
        tmp_path / "jongensprostitutie-in-beeld" / "jongensprostitutie-in-beeld.embed.html"
    ).read_text(encoding="utf-8")
    assert fragment.startswith(
        '<article id="jongensprostitutie-in-beeld-pub-embed" class="pub-embed'
    )
    assert '<h3 class="pub-title"' in fragment and "<h4 id=" in fragment
    assert "<h1" not in fragment and "<h2" not in fragment
    assert "<script" not in fragment and "<html" not in fragment and "<body" not in fragment
    assert 'id="jongensprostitutie-in-beeld-pub-title"' in fragment


def test_every_embed_heading_follows_the_embed_level(tmp_path: Path) -> None:
    """An article with an address gets a Downloads section: its heading, like every
    other, is one level below the title."""
    article = ROOT / "tests" / "fixtures" / "articles" / "wijkwijzer" / "index.md"
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path), "--embed-level", "2"])
    assert result.exit_code == 0, result.output
    fragment = (tmp_path / "wijkwijzer" / "wijkwijzer.embed.html").read_text(encoding="utf-8")
    assert '<h3 id="wijkwijzer-pub-downloads" class="pub-downloads-title">Downloads</h3>' in (
        fragment
    )
    levels = [int(level) for level in re.findall(r"<h([1-6])", fragment)]
    assert levels[0] == 2 and min(levels) == 2 and levels.count(2) == 1


def test_an_image_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "groot.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * (10 * 1024 * 1024 + 1))
    article = tmp_path / "artikel.md"
    article.write_text(
        "---\ntitle: T\nlang: nl\ndate: 2024-01-01\n---\n\n![Een foto](groot.png)\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"error: {article}:7: image 'groot.png' is 10.0 MB; the limit is 10 MB" in result.stderr
    assert not (tmp_path / "out").exists()


def test_check_outputs_never_says_ok_for_a_check_that_did_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked to validate without the validators installed: each file says which check
    did not run and why, and the command fails."""
    from publisher import validators

    why = "not installed here"
    monkeypatch.setattr(validators, "missing", lambda: dict.fromkeys(validators.TOOL_NAMES, why))
    (tmp_path / "source").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "articles" / "english-guide.md", tmp_path / "source")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["build", "-q", "-f", "html,pdf"]).exit_code == 0
    result = runner.invoke(app, ["check", "--outputs"])
    assert result.exit_code == 1
    assert ": ok" not in result.output
    assert f"english-guide.pdf: not checked with veraPDF ({why})" in result.stderr
    assert f"english-guide.html: not checked with axe-core ({why})" in result.stderr
    assert f"english-guide.html: not checked with the Nu Html Checker ({why})" in result.stderr
