"""Benchmarks for publisher, written to docs/benchmarks.md.

Every figure is a median of several runs, and every claim is a ratio against a peer
run in the same session (these machines are noisy): 1 job against 2 jobs, publisher
against pandoc (Debian's package, when installed) on the same article, a no-op
rebuild and `--help` against the interpreter's own start-up.

    .venv/bin/python benchmarks/run.py            # about 10 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick    # 20 articles, fewer runs
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "source" / "jongensprostitutie-in-beeld"
BIN = Path(sys.executable).parent
PUBLISHER = [str(BIN / "publisher")]


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(
        args,
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", **(env or {})},
    )
    return time.perf_counter() - started


def median(args: list[str], cwd: Path, runs: int, before: list[str] | None = None) -> float:
    return side_by_side({"only": Command(args, before)}, cwd, runs)["only"]


class Command(NamedTuple):
    args: list[str]
    before: list[str] | None = None
    """Run before each timing, not timed."""
    empty_cache: bool = False
    """Each run gets an empty template cache: a machine that never ran publisher."""


def side_by_side(commands: dict[str, Command], cwd: Path, runs: int) -> dict[str, float]:
    """Medians of commands run in turn (a, b, a, b, ...), so that a slow spell of this
    machine slows every one of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if command.before:
                subprocess.run(command.before, cwd=cwd, check=True)
            env = None
            if command.empty_cache:
                env = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="publisher-bench-")}
            times[name].append(run(command.args, cwd, env))
            if env:
                shutil.rmtree(env["XDG_CACHE_HOME"])
    return {name: statistics.median(values) for name, values in times.items()}


def make_project(folder: Path, articles: int) -> None:
    text = (EXAMPLE / "index.md").read_text(encoding="utf-8")
    for number in range(articles):
        bundle = folder / "source" / f"artikel-{number:03d}"
        bundle.mkdir(parents=True)
        (bundle / "index.md").write_text(
            text.replace("In april 2018 verscheen", f"Artikel {number}: in april 2018 verscheen"),
            encoding="utf-8",
        )
        shutil.copy(EXAMPLE / "presentatie.svg", bundle)


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            children = Path(f"/proc/{pid}/task/{task}/children").read_text()
            for child in children.split():
                found += _process_tree(int(child))
    except OSError:
        pass
    return found


def _proc_kb(pid: int, file: str, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def peak_memory_mb(args: list[str], cwd: Path) -> tuple[float, float]:
    """Peak memory of a command with all its processes (the CLI and its workers),
    sampled every 20 ms from /proc: (sum of PSS, largest RSS of one process). PSS
    shares each page among the processes that map it, so inherited pages count once."""
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total = largest = 0
    while process.poll() is None:
        tree = _process_tree(process.pid)
        total = max(total, sum(_proc_kb(pid, "smaps_rollup", "Pss:") for pid in tree))
        largest = max(largest, *(_proc_kb(pid, "status", "VmRSS:") for pid in tree))
        time.sleep(0.02)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, args)
    return total / 1024, largest / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    options = parser.parse_args()
    articles = 20 if options.quick else 100
    runs = 3 if options.quick else 5
    big_runs = 1 if options.quick else 2
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)

        # Start-up: --help against the bare interpreter.
        bare = median([sys.executable, "-c", "pass"], work, 7)
        help_time = median([*PUBLISHER, "--help"], work, 7)
        rows.append(
            (
                "`publisher --help`",
                f"{help_time:.3f} s",
                f"{help_time / bare:.1f} × `python -c pass` ({bare:.3f} s); target < 0.3 s",
            )
        )

        # One article: cold build of 8 outputs against pandoc making 3.
        single = work / "single"
        make_project(single, 1)
        clean = ["rm", "-rf", "build"]  # cold: nothing built yet, every file written
        cold_build = [*PUBLISHER, "build", "-q"]
        commands: dict[str, Command] = {
            "cold": Command(cold_build, clean),
            "cold, empty cache": Command(cold_build, clean, empty_cache=True),
        }
        pandoc = shutil.which("pandoc")
        if pandoc:
            source = single / "source" / "artikel-000"
            commands["pandoc"] = Command(
                [
                    "sh",
                    "-c",
                    f"cd {source} && {pandoc} index.md -s -o {work}/p.html && "
                    f"{pandoc} index.md -o {work}/p.epub && "
                    f"{pandoc} index.md --pdf-engine=weasyprint -o {work}/p.pdf",
                ]
            )
        run(cold_build, single)  # the template cache, as after any earlier build
        times = side_by_side(commands, single, runs)
        cold, first = times["cold"], times["cold, empty cache"]
        peer_time = times.get("pandoc")

        def versus(seconds: float) -> str:
            return (
                f"publisher / pandoc = {seconds / peer_time:.2f} (target ≤ 1)" if peer_time else ""
            )

        rows.append(("example, cold build, 8 outputs", f"{cold:.2f} s", versus(cold)))
        rows.append(
            (
                "example, cold build, 8 outputs, first run on the machine (no template cache)",
                f"{first:.2f} s",
                versus(first),
            )
        )
        if peer_time:
            rows.append(
                (
                    "pandoc, same article, 3 outputs (html, epub3, pdf via weasyprint)",
                    f"{peer_time:.2f} s",
                    "run in turn with the two rows above",
                )
            )
        else:
            rows.append(("pandoc peer", "not installed", "apt-get install pandoc to compare"))

        # No-op rebuild of the example project.
        noop = median([*PUBLISHER, "build", "-q"], single, 7)
        rows.append(
            (
                "example, no-op rebuild",
                f"{noop:.3f} s",
                f"{noop / bare:.1f} × `python -c pass`; target < 0.25 s",
            )
        )

        # Many articles: 1 job against 2 jobs, cold.
        many = work / "many"
        make_project(many, articles)
        many_times = side_by_side(
            {
                "1": Command([*PUBLISHER, "build", "-q", "--jobs", "1"], clean),
                "2": Command([*PUBLISHER, "build", "-q", "--jobs", "2"], clean),
            },
            many,
            big_runs,
        )
        one, two = many_times["1"], many_times["2"]
        rows.append((f"{articles} articles, cold, --jobs 1", f"{one:.1f} s", ""))
        rows.append(
            (
                f"{articles} articles, cold, --jobs 2",
                f"{two:.1f} s",
                f"speed-up {one / two:.2f} × (target ≥ 1.7)",
            )
        )
        subprocess.run(clean, cwd=many, check=True)
        total, largest = peak_memory_mb([*PUBLISHER, "build", "-q", "--jobs", "2"], many)
        rows.append(
            (
                f"peak memory, {articles}-article build, --jobs 2",
                f"{total:.0f} MB",
                f"all processes together (PSS); the largest one alone {largest:.0f} MB (RSS); "
                "target < 300 MB",
            )
        )

        # Edit one article: only its outputs are rebuilt.
        edited = many / "source" / "artikel-007" / "index.md"
        edited.write_text(
            edited.read_text(encoding="utf-8") + "\nEen extra zin.\n", encoding="utf-8"
        )
        started = time.perf_counter()
        report = subprocess.run(
            [*PUBLISHER, "build", "-v"], cwd=many, check=True, capture_output=True, text=True
        ).stderr
        edit_time = time.perf_counter() - started
        rebuilt = sum(1 for line in report.splitlines() if "built in" in line)
        unchanged = sum(1 for line in report.splitlines() if ", unchanged" in line)
        rows.append(
            (
                f"edit 1 of {articles} articles, rebuild",
                f"{edit_time:.2f} s",
                f"{rebuilt} rebuilt, {unchanged} unchanged",
            )
        )

    lines = [
        "# Benchmarks",
        "",
        f"Measured by `benchmarks/run.py` on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}. Medians of {runs} runs "
        f"({big_runs} for the {articles}-article builds); ratios are against a peer run in "
        "the same session, because absolute times on these machines vary.",
        "",
        "Cold builds start from an empty build folder, so every file is written. The two "
        "cold publisher rows and pandoc run in turn (a, b, c, a, b, c, ...), as do the "
        "1-job and 2-job builds; the first-run row gives publisher an empty template cache "
        "each time. Peak memory is sampled from /proc every 20 ms over the CLI and its "
        "workers.",
        "",
        "| what | median | compared with |",
        "| --- | --- | --- |",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
        "",
    ]
    options.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
