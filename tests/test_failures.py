"""The one error path: whatever goes wrong with one article is one line naming it,
exit 1, and the other articles are built anyway, with any number of jobs; "internal
error" is kept for publisher's own bugs. Nothing is silently lost."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from publisher.build.article import build_article
from publisher.build.batch import build_all
from publisher.build.options import BuildOptions
from publisher.cli import app
from publisher.errors import Problem, PublisherError
from publisher.failures import problem_for

runner = CliRunner()
GOOD = "---\ntitle: Goed\nlang: nl\ndate: 2024-01-01\n---\n\nTekst.\n"


def raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/uit/a.pdf"),
         "cannot write /uit/a.pdf: No space left on device"),
        (PermissionError(errno.EACCES, "Permission denied", "/uit"), "cannot use /uit: Permission"),
        (OSError(errno.ENAMETOOLONG, "File name too long", "/x" * 200), "File name too long"),
        (MemoryError(), "ran out of memory"),
        (RecursionError(), "nests too deeply"),
        (KeyError("a bug"), "internal error (KeyError: 'a bug')"),
    ],
)  # fmt: skip
def test_every_kind_of_failure_is_one_line(error: BaseException, message: str) -> None:
    problems = problem_for(raised(error), Path("artikel.md"))
    assert len(problems) == 1 and message in str(problems[0])
    assert str(problems[0]).startswith("artikel.md: ")


def test_an_exception_from_a_library_names_the_library() -> None:
    from lxml import etree

    try:
        etree.fromstring(b"<a>")
    except etree.XMLSyntaxError as error:
        problem = problem_for(error, Path("a.md"))[0]
    assert "the XML library (lxml) could not handle it: XMLSyntaxError" in problem.message
    assert "internal error" not in problem.message


def test_publisher_errors_pass_unchanged() -> None:
    error = PublisherError.at(Path("a.md"), "fout", 3)
    assert problem_for(error, Path("b.md")) == [Problem(Path("a.md"), "fout", 3)]


def _source(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    (source / "a-goed.md").write_text(GOOD, encoding="utf-8")
    (source / "b-kapot.md").write_text(GOOD.replace("2024-01-01", "2023-02-30"), "utf-8")
    (source / "c-goed.md").write_text(GOOD, encoding="utf-8")
    return source


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_failing_article_never_stops_the_others(tmp_path: Path, jobs: str) -> None:
    source = _source(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(source), "-o", str(out), "-f", "html", "-j", jobs])
    assert result.exit_code == 1
    assert "b-kapot.md:4: '2023-02-30' is not a real date" in result.stderr
    assert (out / "a-goed" / "a-goed.html").is_file() and (out / "c-goed" / "c-goed.html").is_file()
    assert "internal error" not in result.stderr


def _dies_for_b(path: Path, options: BuildOptions, workers: int = 1) -> object:
    if "kapot" in path.name:
        os.kill(os.getpid(), signal.SIGKILL)  # a worker killed (out of memory, ...)
    return build_article(path, options, workers)


def test_a_worker_that_dies_fails_only_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import publisher.build.article

    source = _source(tmp_path)
    (source / "b-kapot.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(publisher.build.article, "build_article", _dies_for_b)
    options = BuildOptions(out_dir=tmp_path / "out", formats=("html",), variants=("standard",))
    results = build_all(sorted(source.glob("*.md")), options, jobs=2)
    failed = [r for r in results if r.errors]
    assert [r.source.name for r in failed] == ["b-kapot.md"]
    assert "the process building this article died" in str(failed[0].errors[0])
    assert (tmp_path / "out" / "a-goed" / "a-goed.html").is_file()
    assert (tmp_path / "out" / "c-goed" / "c-goed.html").is_file()


def test_a_full_disk_is_an_error_line_and_the_others_are_built(tmp_path: Path) -> None:
    """A file-size limit on the process stands in for a disk that fills up."""
    import resource

    source = _source(tmp_path)
    (source / "b-kapot.md").write_text(GOOD + "Lang. " * 20_000, encoding="utf-8")

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))

    completed = subprocess.run(
        [sys.executable, "-m", "publisher", "build", str(source), "-o", str(tmp_path / "out"),
         "-f", "html", "--variant", "standard", "-j", "1"],
        capture_output=True, text=True, preexec_fn=limited, check=False,
        env={**os.environ, "PUBLISHER_NO_CACHE": "1"},
    )  # fmt: skip
    assert completed.returncode == 1, completed.stderr
    assert "b-kapot.md: cannot write " in completed.stderr
    assert "File too large" in completed.stderr and "Traceback" not in completed.stderr
    assert (tmp_path / "out" / "a-goed" / "a-goed.html").is_file()
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_two_articles_with_one_slug_are_both_refused(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / "tweede").mkdir(parents=True)
    (source / "eerste.md").write_text(GOOD.replace("---\n\n", "slug: zelfde\n---\n\n"), "utf-8")
    (source / "tweede" / "index.md").write_text(
        GOOD.replace("---\n\n", "slug: zelfde\n---\n\n"), "utf-8"
    )
    result = runner.invoke(app, ["build", str(source), "-o", str(tmp_path / "out"), "-f", "html"])
    assert result.exit_code == 1
    first, second = source / "eerste.md", source / "tweede" / "index.md"
    assert f"error: {first}: slug 'zelfde' is also the slug of {second}" in result.stderr
    assert f"error: {second}: slug 'zelfde' is also the slug of {first}" in result.stderr
    assert not (tmp_path / "out" / "zelfde").exists()


def test_a_slug_built_earlier_from_another_file_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "een.md").write_text(GOOD.replace("---\n\n", "slug: x\n---\n\n"), "utf-8")
    (tmp_path / "twee.md").write_text(GOOD.replace("---\n\n", "slug: x\n---\n\n"), "utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(tmp_path / "een.md"), "-o", str(out)]).exit_code == 0
    before = (out / "x" / "x.html").read_bytes()
    result = runner.invoke(app, ["build", str(tmp_path / "twee.md"), "-o", str(out)])
    assert result.exit_code == 1 and "also the slug of" in result.stderr
    assert (out / "x" / "x.html").read_bytes() == before


@pytest.mark.parametrize(
    ("target", "out", "message"),
    [
        ("source", "source/build", "is inside this source folder"),
        ("source", "source", "the source is inside the output folder"),
        ("source", ".", "the source is inside the output folder"),
        ("source/bundel", "source/bundel/uit", "is inside this source folder"),
        ("source/los.md", "source", "the source is inside the output folder"),
    ],
)
def test_output_and_sources_may_not_overlap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, out: str, message: str
) -> None:
    (tmp_path / "source" / "bundel").mkdir(parents=True)
    (tmp_path / "source" / "bundel" / "index.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "source" / "los.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "source" / ".notities.tmp").write_text("van de gebruiker", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", target, "-o", out])
    assert result.exit_code == 2 and message in result.stderr
    assert (tmp_path / "source" / ".notities.tmp").read_text(encoding="utf-8") == "van de gebruiker"
    assert sorted(p.name for p in (tmp_path / "source").iterdir()) == [
        ".notities.tmp", "bundel", "los.md"
    ]  # fmt: skip


def test_an_article_beside_its_output_folder_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "artikel.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "artikel.md", "-f", "html"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "build" / "artikel" / "artikel.html").is_file()


def test_warnings_show_control_characters_as_escapes(tmp_path: Path) -> None:
    """Article text (here a YAML escape in a key, and a file name) cannot put terminal
    sequences into what the author's terminal prints."""
    name = "a\x1b]0;gekaapt\x07.md"
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / name).write_text(
        GOOD.replace("---\n\n", 'slug: gekaapt\n"\\e[2J\\e]0;x\\a": 1\n---\n\n'), encoding="utf-8"
    )
    completed = subprocess.run(
        [sys.executable, "-m", "publisher", "build", str(tmp_path / "src"),
         "-o", str(tmp_path / "o")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "\x1b" not in completed.stderr and "\x07" not in completed.stderr
    assert "\\x1b]0;gekaapt\\x07.md" in completed.stderr
    assert "invisible character U+001B removed" in completed.stderr


def test_damaged_manifest_costs_a_rebuild(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for content in (
        '{"version": 1, "articles": {"x": [1]}}',
        '{"version": 1, "articles": 5}',
        "[" * 100_000,
        '{"version": 1, "articles": {"%s": {"slug": "../../etc", '
        '"key": "k", "inputs": [], "files": {"../../x": 1}}}}' % (tmp_path / "a.md"),
    ):
        (out / ".publisher-manifest.json").write_text(content, encoding="utf-8")
        result = runner.invoke(app, ["build", str(tmp_path / "a.md"), "-o", str(out), "-f", "html"])
        assert result.exit_code == 0, result.stderr  # fmt: skip
    assert (out / "a" / "a.html").is_file()
    shutil.rmtree(out)


def _notes_its_process(path: Path, options: BuildOptions, workers: int = 1) -> object:
    (options.out_dir.parent / "pids" / f"{os.getpid()}-{path.stem}").touch()
    return build_article(path, options, workers)


def test_worker_processes_are_renewed_so_a_long_build_does_not_keep_growing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # WeasyPrint keeps native memory per document: every RECYCLE articles a fresh process.
    import publisher.build.article
    import publisher.build.batch

    source = tmp_path / "source"
    source.mkdir()
    for index in range(5):
        (source / f"stuk-{index}.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "pids").mkdir()
    monkeypatch.setattr(publisher.build.batch, "RECYCLE", 2)
    monkeypatch.setattr(publisher.build.article, "build_article", _notes_its_process)
    options = BuildOptions(out_dir=tmp_path / "out", formats=("html",), variants=("standard",))
    results = build_all(sorted(source.glob("*.md")), options, jobs=1)
    assert [r.source.name for r in results] == [f"stuk-{i}.md" for i in range(5)]
    assert not any(r.errors for r in results)
    processes = {name.name.split("-")[0] for name in (tmp_path / "pids").iterdir()}
    assert len(processes) == 3 and str(os.getpid()) not in processes  # 2 + 2 + 1
    assert all((tmp_path / "out" / f"stuk-{i}" / f"stuk-{i}.html").is_file() for i in range(5))
