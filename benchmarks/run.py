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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "source" / "jongensprostitutie-in-beeld"
BIN = Path(sys.executable).parent
PUBLISHER = [str(BIN / "publisher")]


def run(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        args,
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"},
    )
    return time.perf_counter() - started


def median(args: list[str], cwd: Path, runs: int, before: list[str] | None = None) -> float:
    times = []
    for _ in range(runs):
        if before:
            subprocess.run(before, cwd=cwd, check=True)
        times.append(run(args, cwd))
    return statistics.median(times)


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


def peak_child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


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
        cold = median([*PUBLISHER, "build", "-q", "--force"], single, runs)
        rows.append(("example, cold build, 8 outputs", f"{cold:.2f} s", ""))
        pandoc = shutil.which("pandoc")
        if pandoc:
            source = single / "source" / "artikel-000" / "index.md"
            peer = [
                "sh",
                "-c",
                f"cd {source.parent} && {pandoc} index.md -s -o /tmp/p.html && "
                f"{pandoc} index.md -o /tmp/p.epub && "
                f"{pandoc} index.md --pdf-engine=weasyprint -o /tmp/p.pdf",
            ]
            peer_time = median(peer, single, runs)
            rows.append(
                (
                    "pandoc, same article, 3 outputs (html, epub3, pdf via weasyprint)",
                    f"{peer_time:.2f} s",
                    f"publisher / pandoc = {cold / peer_time:.2f} (target ≤ 1)",
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
        clean = ["rm", "-rf", "build"]
        one = median([*PUBLISHER, "build", "-q", "--jobs", "1"], many, big_runs, clean)
        two = median([*PUBLISHER, "build", "-q", "--jobs", "2"], many, big_runs, clean)
        rows.append((f"{articles} articles, cold, --jobs 1", f"{one:.1f} s", ""))
        rows.append(
            (
                f"{articles} articles, cold, --jobs 2",
                f"{two:.1f} s",
                f"speed-up {one / two:.2f} × (target ≥ 1.7)",
            )
        )
        peak = peak_child_rss_mb()
        rows.append(
            (
                f"peak memory of one process, {articles}-article builds",
                f"{peak:.0f} MB",
                "largest single process (the CLI or one worker); target < 300 MB",
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
        "| what | median | compared with |",
        "| --- | --- | --- |",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
        "",
    ]
    options.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
