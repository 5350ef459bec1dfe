"""The hostile-input corpus (tests/hostile/corpus.py), built by the real command.

Each command runs in a child process limited to 1 GB of address space and must use
at most 10 s of processor time per input (a batch of n inputs gets n × 10 s, and each
of its inputs must be reported); its wall-clock time is held to the same bound, times
how much the machine is overloaded (load average per core, at least 1), so that a
hang is caught and a busy machine does not fail the suite. It must end with exit 0 or
1, an ``error:`` line naming every input that failed (with the expected message), no
"internal error", no traceback, no terminal control characters in anything it
prints, a peak resident size under 1 GB, and nothing active in any file it wrote.
Inputs are batched (several articles per command) and two commands run at a time,
to keep the suite quick.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.corpus import Case, all_cases, write_themes
from tests.hostile.scan import scan_folder

LIMIT_BYTES = 1024**3
SECONDS_EACH = 10.0
BATCH = 5
MAIN_OUTPUTS = ("{slug}.html", "{slug}.embed.html", "{slug}.pdf", "{slug}.epub")
INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CASES = all_cases()


@dataclass
class Run:
    cases: list[Case]
    returncode: int
    stderr: str
    seconds: float
    """Processor time of the child (user and system)."""
    max_rss: int
    out: Path


def _limits(fsize: int | None) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
    if fsize is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))


def _write_case(root: Path, case: Case) -> Path:
    folder = root / "cases" / case.name
    folder.mkdir(parents=True)
    data = case.article.encode("utf-8") if isinstance(case.article, str) else case.article
    (folder / "index.md").write_bytes(data)
    for relative, content in case.files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            target.write_bytes(content())
        elif isinstance(content, str) and content.startswith("symlink:"):
            os.symlink(content.removeprefix("symlink:"), target)
        else:
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return folder


def _run(project: Path, cases: list[Case], name: str) -> Run:
    options = cases[0].options if cases[0].alone else ("--jobs", "1")
    relative_out = "--allow-remote" in options  # a relative --out, as a user types it
    out = Path(f"out-{name}") if relative_out else project / f"out-{name}"
    command = [sys.executable, "-m", "publisher", "build", "--out", str(out), *options]
    command += [str(project / "cases" / case.name) for case in cases]
    env = {**os.environ, "XDG_CACHE_HOME": str(project / "cache"), "PYTHONUNBUFFERED": "1"}
    env.pop("PUBLISHER_DEBUG", None)
    started = time.monotonic()
    process = _Measured(
        command,
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: _limits(cases[0].fsize),
    )
    wall = SECONDS_EACH * len(cases) * _overload()
    try:
        _stdout, stderr = process.communicate(timeout=wall)
    except subprocess.TimeoutExpired:
        process.kill()
        _stdout, stderr = process.communicate()
        stderr += f"\nTIMEOUT: killed after {time.monotonic() - started:.0f} s".encode()
    assert process.max_rss is not None and process.cpu is not None
    return Run(cases, process.returncode, stderr.decode("utf-8", "replace"), process.cpu,
               process.max_rss, project / out if relative_out else out)  # fmt: skip


def _overload() -> float:
    """How many times more work than cores this machine has now (at least 1)."""
    return max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))


class _Measured(subprocess.Popen[bytes]):
    """A child whose peak resident size is read when it is reaped (``wait4``)."""

    max_rss: int | None = None
    cpu: float | None = None

    def _try_wait(self, wait_flags: int) -> tuple[int, int]:
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return (self.pid, 0)
        if pid == self.pid:
            self.max_rss = usage.ru_maxrss * 1024
            self.cpu = usage.ru_utime + usage.ru_stime
        return (pid, status)


def _batches(cases: list[Case]) -> list[list[Case]]:
    together = [case for case in cases if not case.alone]
    batches = [together[i : i + BATCH] for i in range(0, len(together), BATCH)]
    return batches + [[case] for case in cases if case.alone]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_themes(folder / "themes")
    for case in CASES:
        _write_case(folder, case)
    return folder


@pytest.fixture(scope="module")
def runs(project: Path) -> list[Run]:
    batches = _batches(CASES)
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda pair: _run(project, pair[1], str(pair[0])),
                             enumerate(batches)))  # fmt: skip


def _errors_for(run: Run, case: Case) -> list[str]:
    """The error lines about ``case``: naming its article, or the theme file it uses."""
    places = [f"/cases/{case.name}/"] + ([case.where] if case.where else [])
    return [
        line
        for line in run.stderr.splitlines()
        if line.startswith("error: ") and any(place in line.split(": ")[1] for place in places)
    ]


def _outputs(case: Case) -> tuple[str, ...]:
    """The main outputs the case's command line asks for."""
    if "--format" not in case.options:
        return MAIN_OUTPUTS
    formats = case.options[case.options.index("--format") + 1].split(",")
    return tuple(name for name in MAIN_OUTPUTS if name.rsplit(".", 1)[1] in formats)


def test_the_corpus_is_large_and_covers_every_class() -> None:
    kinds = Counter(case.kind for case in CASES)
    assert len(CASES) >= 150, len(CASES)
    assert set(kinds) >= {
        "front-matter", "front-matter-injection", "abbreviations", "markdown-body", "svg",
        "raster-images", "files", "command-line", "themes",
    }  # fmt: skip


def test_every_input_ends_cleanly_in_bounds(runs: list[Run]) -> None:
    problems: list[str] = []
    for run in runs:
        names = [case.name for case in run.cases]
        if run.returncode not in (0, 1):
            problems.append(f"{names}: exit {run.returncode}\n{run.stderr[-2000:]}")
        if "internal error" in run.stderr or "Traceback" in run.stderr:
            problems.append(f"{names}: {run.stderr[-2000:]}")
        if "ran out of memory" in run.stderr:
            problems.append(f"{names}: needed more than 1 GB")
        if run.seconds > SECONDS_EACH * len(run.cases):
            problems.append(f"{names}: {run.seconds:.1f} s of processor time")
        for line in run.stderr.splitlines():
            if INVISIBLE_RE.search(line):
                problems.append(f"{names}: a control character in {line!r}")
        if run.returncode == 1 and not any(
            line.startswith("error: ") for line in run.stderr.splitlines()
        ):
            problems.append(f"{names}: exit 1 without an error line")
    assert problems == [], "\n".join(problems)


def test_peak_memory_stays_under_one_gigabyte(runs: list[Run]) -> None:
    largest = max(runs, key=lambda run: run.max_rss)
    slowest = max(runs, key=lambda run: run.seconds / len(run.cases))
    print(  # shown with -s: the figures for the record
        f"\n{len(CASES)} inputs in {len(runs)} commands; largest peak "
        f"{largest.max_rss / 2**20:.0f} MB ({[c.name for c in largest.cases]}); most "
        f"processor time per input {slowest.seconds / len(slowest.cases):.1f} s "
        f"({[c.name for c in slowest.cases]})"
    )
    assert largest.max_rss < LIMIT_BYTES


def test_each_input_is_built_or_refused_as_expected(runs: list[Run]) -> None:
    problems: list[str] = []
    for run in runs:
        for case in run.cases:
            errors = _errors_for(run, case)
            folder = run.out / case.name
            built = all((folder / n.format(slug=case.name)).is_file() for n in _outputs(case))
            if errors and built and case.expect != "any":
                problems.append(f"{case.name}: built, and yet {errors}")
            if not errors and not built:
                problems.append(f"{case.name}: neither built nor an error line")
            if case.expect == "ok" and not built:
                problems.append(f"{case.name}: expected a build, got {errors}")
            if case.expect == "error" and not errors:
                problems.append(f"{case.name}: expected an error")
            if case.message and not any(case.message in line for line in errors):
                problems.append(f"{case.name}: no {case.message!r} in {errors}")
            if built and case.check is not None:
                try:
                    case.check(folder)
                except AssertionError as failure:
                    problems.append(f"{case.name}: {failure}")
    assert problems == [], "\n".join(problems)


def test_nothing_active_in_anything_written(runs: list[Run]) -> None:
    problems: list[str] = []
    scanned = 0
    for run in runs:
        for case in run.cases:
            folder = run.out / case.name
            if folder.is_dir():
                scanned += 1
                problems += [f"{case.name}: {p}" for p in scan_folder(folder)]
    assert scanned >= 60, scanned  # the scan saw the built cases
    assert problems == [], "\n".join(problems)


def test_a_failed_input_writes_nothing(runs: list[Run]) -> None:
    for run in runs:
        for case in run.cases:
            if _errors_for(run, case) and case.expect == "error":
                assert not (run.out / case.name).exists(), case.name


def test_check_reads_every_input_without_a_crash(project: Path) -> None:
    """``publisher check`` over the whole corpus at once, within the same bounds."""
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "publisher", "check", *(f"cases/{case.name}" for case in CASES)],
        cwd=project, capture_output=True, text=True,
        timeout=SECONDS_EACH * len(CASES) * _overload(),
        preexec_fn=lambda: _limits(None), check=False,
    )  # fmt: skip
    assert completed.returncode == 1  # some inputs are errors
    output = completed.stdout + completed.stderr
    assert "internal error" not in output and "Traceback" not in output
    assert not INVISIBLE_RE.search(output)
    reported = {line.strip() for line in completed.stdout.splitlines() if line.startswith("cases/")}
    assert len(reported) == len(CASES)
    assert time.monotonic() - started < SECONDS_EACH * 6 * _overload()


def test_the_scanner_finds_active_content(tmp_path: Path) -> None:
    """The scan is not blind: planted problems are each found."""
    folder = tmp_path / "x"
    (folder / "assets" / "images").mkdir(parents=True)
    (folder / "x.html").write_text(
        '<html><body><script type="application/ld+json">{"a": "</script>'
        "<script>alert(1)</script>\"}</script><p onclick='x()'>a</p></body></html>",
        encoding="utf-8",
    )
    (folder / "assets" / "images" / "a.html").write_bytes(b"<p>x</p>")
    (folder / "assets" / "images" / "b.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', encoding="utf-8"
    )
    (folder / "a.css").write_text("@import url(http://evil.example/);", encoding="utf-8")
    import zipfile

    with zipfile.ZipFile(folder / "x.docx", "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("word/vbaProject.bin", b"")
        docx.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="x/hyperlink" Target="file:///etc/passwd" '
            'TargetMode="External"/></Relationships>',
        )
    found = "\n".join(scan_folder(folder))
    for expected in ("<script>", "onclick", "not JSON", "no <main>", "a browser would not",
                     "b.svg: <script>", "@import", "vbaProject", "file:///etc"):  # fmt: skip
        assert expected in found, (expected, found)
    shutil.rmtree(folder)
