"""A project of many articles: publisher.toml, incremental and parallel builds,
the summary, and scaffolding a new article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from publisher.build.batch import build_all
from publisher.build.manifest import MANIFEST
from publisher.build.options import BuildOptions
from publisher.cli import app
from publisher.config import load_config
from publisher.errors import PublisherError
from tests.helpers import EXAMPLE

runner = CliRunner()


def project(tmp_path: Path, articles: int = 3) -> Path:
    for number in range(articles):
        bundle = tmp_path / "source" / f"artikel-{number}"
        bundle.mkdir(parents=True)
        text = EXAMPLE.read_text(encoding="utf-8").replace(
            "In april 2018", f"Nr. {number}: in april 2018"
        )
        (bundle / "index.md").write_text(text, encoding="utf-8")
        shutil.copy(EXAMPLE.parent / "presentatie.svg", bundle)
    return tmp_path


def test_config_reports_every_error_at_once(tmp_path: Path) -> None:
    (tmp_path / "publisher.toml").write_text(
        'them = "partner"\npaper = "Letter"\nformats = ["html", "rtf"]\njobs = "twee"\n'
        'base_url = "http://x"\n',
        encoding="utf-8",
    )
    with pytest.raises(PublisherError) as info:
        load_config(tmp_path)
    messages = [p.message for p in info.value.problems]
    assert messages == [
        "unknown key 'them' (did you mean 'theme'?)",
        "'paper' has 'Letter'; allowed: A4, A5",
        "'formats' has 'rtf'; allowed: html, embed, embed-shadow, pdf, epub, docx, audio",
        "'jobs' must be a whole number, not 'twee'",
        "'base_url' must be an absolute https:// address",
    ]


def test_config_sets_defaults_and_the_command_line_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, 1)
    (tmp_path / "publisher.toml").write_text(
        'out = "site"\nformats = ["html"]\nvariants = ["plain"]\npublisher = "Moviera"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["build", "-q"]).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "site" / "artikel-0").glob("*.html")) == [
        "artikel-0.plain.html"
    ]
    assert (
        runner.invoke(app, ["build", "-q", "-f", "embed", "--variant", "standard"]).exit_code == 0
    )
    assert (tmp_path / "site" / "artikel-0" / "artikel-0.embed.html").is_file()
    bad = tmp_path / "publisher.toml"
    bad.write_text("ouT = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 2 and "unknown key 'ouT' (did you mean 'out'?)" in result.stderr


def test_unchanged_articles_are_not_rebuilt_and_an_edit_rebuilds_only_its_article(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    articles = sorted((root / "source").glob("*/index.md"))
    options = BuildOptions(out_dir=root / "build", formats=("html", "embed"), project_dir=root)
    first = build_all(articles, options, jobs=1)
    assert [r.skipped for r in first] == [False, False, False]
    assert (root / "build" / MANIFEST).is_file()
    again = build_all(articles, options, jobs=1)
    assert [r.skipped for r in again] == [True, True, True]
    articles[1].write_text(
        articles[1].read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8"
    )
    edited = build_all(articles, options, jobs=1)
    assert [r.skipped for r in edited] == [True, False, True]
    (root / "source" / "artikel-2" / "presentatie.svg").write_text(
        (EXAMPLE.parent / "presentatie.svg")
        .read_text(encoding="utf-8")
        .replace("#b8434a", "#8a2a30"),
        encoding="utf-8",
    )
    image_changed = build_all(articles, options, jobs=1)
    assert [r.skipped for r in image_changed] == [True, True, False]
    (root / "build" / "artikel-0" / "artikel-0.html").unlink()
    deleted = build_all(articles, options, jobs=1)
    assert [r.skipped for r in deleted] == [False, True, True]
    other_options = BuildOptions(out_dir=root / "build", formats=("html",), project_dir=root)
    assert not any(r.skipped for r in build_all(articles, other_options, jobs=1))


def test_parallel_build_gives_the_same_files(tmp_path: Path) -> None:
    root = project(tmp_path)
    articles = sorted((root / "source").glob("*/index.md"))
    one = BuildOptions(out_dir=root / "one", formats=("html", "epub", "pdf"), project_dir=root)
    two = BuildOptions(out_dir=root / "two", formats=("html", "epub", "pdf"), project_dir=root)
    build_all(articles, one, jobs=1)
    results = build_all(articles, two, jobs=2)
    assert [r.source for r in results] == articles
    for path in (root / "one").rglob("*"):
        if path.is_file() and path.name != MANIFEST:
            assert path.read_bytes() == (root / "two" / path.relative_to(root / "one")).read_bytes()


def test_summary_counts_built_unchanged_and_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, 2)
    (tmp_path / "source" / "kapot.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "-f", "html"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    header = next(
        i
        for i, line in enumerate(lines)
        if line.split()[:4] == ["articles", "built", "unchanged", "failed"]
    )
    assert lines[header + 1].split()[:5] == ["3", "2", "0", "1", "20"]
    assert "kapot.md:1: front matter needs 'lang'" in result.stderr
    assert "1 of 3 articles failed" in result.stderr
    again = runner.invoke(app, ["build", "-f", "html", "-v"])
    assert "artikel-0/index.md: 10 files, unchanged" in again.stderr


def test_new_article_scaffold_has_every_construct_and_builds_strictly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "article", 'Zorg "dichtbij" in de wijk'])
    assert result.exit_code == 0, result.output
    source = tmp_path / "source" / "zorg-dichtbij-in-de-wijk" / "index.md"
    text = source.read_text(encoding="utf-8")
    for construct in (
        "{lang=en}",
        "{.term}",
        "[^bron]",
        "::: plain",
        "::: standard",
        "{.decorative}",
        "{caption=",
        "\n: ",
        '"Het bijschrift',
    ):
        assert construct in text
    build = runner.invoke(app, ["build", "--strict", "-q"])
    assert build.exit_code == 0, build.stderr
    assert (
        tmp_path / "build" / "zorg-dichtbij-in-de-wijk" / "zorg-dichtbij-in-de-wijk.epub"
    ).is_file()
    check = runner.invoke(app, ["check", "--strict"])
    assert check.exit_code == 0, check.output
    again = runner.invoke(app, ["new", "article", 'Zorg "dichtbij" in de wijk'])
    assert again.exit_code == 1 and "already exists" in again.stderr
