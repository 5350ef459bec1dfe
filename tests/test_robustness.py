"""Nothing is lost: a build killed at any moment leaves every output either the
previous complete version or the new one, and two builds at once corrupt nothing."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from publisher.build.manifest import MANIFEST
from tests.helpers import EXAMPLE

ARTICLES = 4


def make_project(root: Path, marker: str) -> Path:
    source = root / "source"
    source.mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "In april 2018 verscheen", f"{marker}: in april 2018 verscheen"
    )
    for number in range(ARTICLES):
        bundle = source / f"artikel-{number}"
        bundle.mkdir()
        (bundle / "index.md").write_text(text, encoding="utf-8")
        shutil.copy(EXAMPLE.parent / "presentatie.svg", bundle)
    return source


def build(
    source: Path, out: Path, *options: str, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "publisher", "build", str(source), "--out", str(out), "-q",
         *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )  # fmt: skip


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(".tmp") and p.name != MANIFEST
    }


@pytest.fixture(scope="module")
def versions(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    root = tmp_path_factory.mktemp("versions")
    old_source = make_project(root / "old", "VERSIE-EEN")
    new_source = make_project(root / "new", "VERSIE-TWEE")
    for source, out in ((old_source, root / "old-out"), (new_source, root / "new-out")):
        process = build(source, out)
        assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    return new_source, snapshot(root / "old-out"), snapshot(root / "new-out")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_leaves_old_or_new_complete_files(
    tmp_path: Path, versions: tuple[Path, dict[str, bytes], dict[str, bytes]], seed: int
) -> None:
    """Killed while it writes, a build leaves every file either old or new and complete.
    The kill must land between the first and the last write (some files new, some
    still old); the delay is moved until it does."""
    new_source, old, new = versions
    differing = {name for name in old if old[name] != new[name]}
    low, high = 0.0, float("inf")
    delay = random.Random(seed).uniform(0.8, 3.5)
    for attempt in range(10):
        out = tmp_path / f"build-{attempt}"
        for name, data in old.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(data)
        process = build(new_source, out)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        after = snapshot(out)
        assert set(after) == set(old)  # every output of the old build is still there
        for name, data in after.items():
            assert data in (old[name], new[name]), f"{name} is neither the old nor the new version"
        leftovers = [p.name for p in out.rglob("*.tmp")]
        assert len(leftovers) <= 1, leftovers  # at most the one file being written
        written = {name for name in differing if after[name] == new[name]}
        if 0 < len(written) < len(differing):
            return  # the kill landed mid-build, and nothing was half-written
        if written:  # everything was written: kill sooner
            high = delay
        else:  # nothing was written yet (a busy machine is slow): kill later
            low = delay
        delay = low * 2 if high == float("inf") else (low + high) / 2
    pytest.fail(f"the kill never landed between the first and the last write (last {delay:.2f} s)")


def test_two_builds_into_one_folder_at_once(
    tmp_path: Path, versions: tuple[Path, dict[str, bytes], dict[str, bytes]]
) -> None:
    new_source, _old, new = versions
    out = tmp_path / "build"
    first, second = build(new_source, out), build(new_source, out)
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    assert snapshot(out) == new
    assert not list(out.rglob("*.tmp"))


def test_stale_temporary_files_are_cleaned_by_the_next_build(
    tmp_path: Path, versions: tuple[Path, dict[str, bytes], dict[str, bytes]]
) -> None:
    new_source, _old, new = versions
    out = tmp_path / "build"
    stale = out / "artikel-0" / ".artikel-0.html.abc123.tmp"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"half")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    assert build(new_source, out).wait(timeout=300) == 0
    assert not stale.exists()
    assert snapshot(out) == new


@pytest.mark.parametrize(
    ("articles", "jobs"),
    [(1, "1"), (1, "2"), (2, "2")],
    ids=["one-process", "variants-in-parallel", "articles-in-parallel"],
)
def test_a_build_leaves_nothing_in_the_temporary_folder(
    tmp_path: Path, articles: int, jobs: str
) -> None:
    """WeasyPrint copies the theme's fonts to a temporary folder per handout; pool
    workers never ran its clean-up, so every build used to leave 0.2 MB per handout."""
    source = make_project(tmp_path / "project", "TIJDELIJK")
    for extra in sorted(source.iterdir())[articles:]:
        shutil.rmtree(extra)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = build(
        source, tmp_path / "out", "--jobs", jobs, env={**os.environ, "TMPDIR": str(temporary)}
    )
    _output, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors.decode()
    assert len(list((tmp_path / "out").glob("*/*.pdf"))) == 2 * articles
    assert sorted(p.name for p in temporary.iterdir()) == []


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_exit_when_the_build_is_killed(
    tmp_path: Path, versions: tuple[Path, dict[str, bytes], dict[str, bytes]]
) -> None:
    """Killing the build kills its workers: none goes on writing files (and none is
    left running) after the command is gone."""
    new_source, _old, _new = versions
    process = build(new_source, tmp_path / "out", "--jobs", "2")
    deadline = time.monotonic() + 20
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers |= children_of(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the build started no worker processes"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)]
