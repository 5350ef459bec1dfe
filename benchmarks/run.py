"""Benchmarks for publisher, written to docs/benchmarks.md.

Every figure is a median of several runs, and every claim is a ratio against a peer
run in the same session (these machines are noisy): publisher against pandoc
(Debian's package, when installed) on the same article, format by format; 1 job
against 2 jobs on a generated project of a thousand articles in four languages with
collections (``benchmarks/corpus.py``); a no-op rebuild and `--help` against the
interpreter's own start-up.

    nice .venv/bin/python benchmarks/run.py               # about an hour on 2 cores
    .venv/bin/python benchmarks/run.py --quick            # 40 articles, fewer runs
    .venv/bin/python benchmarks/run.py --articles 200     # another project size
    .venv/bin/python benchmarks/run.py --only single      # the example against pandoc
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
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import LANGUAGES, make_project  # noqa: E402

EXAMPLE = ROOT / "source" / "jongensprostitutie-in-beeld"
LOAD_AT_START = os.getloadavg()[0]
"""Other work on the machine when the benchmark started (1-minute load average)."""
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


def timed_with_memory(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall time and peak memory of a command with all its processes (the CLI and
    its workers), sampled every 50 ms from /proc: (seconds, sum of PSS in MB, largest
    RSS of one process in MB). PSS shares each page among the processes that map
    it, so inherited pages count once."""
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        total = largest = 0
        while process.poll() is None:
            tree = _process_tree(process.pid)
            total = max(total, sum(_proc_kb(pid, "smaps_rollup", "Pss:") for pid in tree))
            largest = max(largest, *(_proc_kb(pid, "status", "VmRSS:") for pid in tree))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        if process.returncode:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-2000:]
            raise subprocess.CalledProcessError(process.returncode, args, stderr=message)
    return seconds, total / 1024, largest / 1024


Row = tuple[str, str, str]


def single_article(work: Path, runs: int) -> list[Row]:
    """The example article, standard variant, format by format against pandoc, every
    command in turn (a, b, c, ..., a, b, c, ...), each publisher run from an empty
    output folder."""
    source = work / "single" / EXAMPLE.name
    shutil.copytree(EXAMPLE, source)
    # The output folder is beside the article: publisher refuses one inside its source.
    clean = ["rm", "-rf", "../out"]
    build = [*PUBLISHER, "build", "-q", "-o", "../out", "."]
    commands = {
        "html": Command([*build, "-f", "html", "--variant", "standard"], clean),
        "embed": Command([*build, "-f", "embed", "--variant", "standard"], clean),
        "epub": Command([*build, "-f", "epub", "--variant", "standard"], clean),
        "all": Command(build, clean),
        # What any Python tool on the design card pays before it reads a line: the
        # interpreter and the libraries a web page needs, imported and nothing run.
        "floor": Command([sys.executable, "-c", "import typer, jinja2, markdown_it, yaml"]),
    }
    pandoc = shutil.which("pandoc")
    if pandoc:
        html = f"{pandoc} index.md -s -o {work}/p.html"
        epub = f"{pandoc} index.md -o {work}/p.epub"
        pdf = f"{pandoc} index.md --pdf-engine=weasyprint -o {work}/p.pdf"
        commands["pandoc html"] = Command(["sh", "-c", html])
        commands["pandoc epub+pdf"] = Command(["sh", "-c", f"{epub} && {pdf}"])
        commands["pandoc three"] = Command(["sh", "-c", f"{html} && {epub} && {pdf}"])
    run(build, source)  # the template cache, as after any earlier build
    times = side_by_side(commands, source, runs)
    rows: list[Row] = []
    peers = {
        "html": ("pandoc html", 2.0, "`--format html` (the web page)"),
        "embed": ("pandoc html", 2.0, "`--format embed` (the fragment)"),
        "epub": (
            "pandoc epub+pdf",
            1.0,
            "`--format epub` (it lays out the handout for its page list)",
        ),
        "all": ("pandoc three", 0.7, "cold build, 8 outputs (4 formats × 2 variants)"),
    }
    if "pandoc html" in times:
        floor = times["floor"] / times["pandoc html"]
        rows.append(
            (
                "Python importing typer, Jinja2, markdown-it-py and PyYAML, nothing run",
                f"{times['floor']:.3f} s",
                f"{floor:.2f} × pandoc html: the floor under the `--format html` target",
            )
        )
    for name, (peer, target, what) in peers.items():
        seconds = times[name]
        if peer in times:
            ratio = seconds / times[peer]
            verdict = "met" if ratio <= target else "NOT MET"
            compared = f"{ratio:.2f} × {peer} ({times[peer]:.3f} s); target ≤ {target} ({verdict})"
        else:
            compared = "pandoc is not installed here: no comparison (apt-get install pandoc)"
        rows.append((f"example, {what}", f"{seconds:.3f} s", compared))
    return rows


def scale(
    work: Path, articles: int, collections: int, rows: list[Row], save: Callable[[], None]
) -> None:
    """A generated project: cold with 1 and 2 jobs (in turn, with peak memory), a
    no-op rebuild, one article edited; each row is saved as soon as it is known."""
    project = work / "many"
    make_project(project, articles, collections)
    cold: dict[int, tuple[float, float, float]] = {}
    for jobs in (1, 2):
        subprocess.run(["rm", "-rf", "build"], cwd=project, check=True)
        cold[jobs] = timed_with_memory([*PUBLISHER, "build", "-q", "--jobs", str(jobs)], project)
    what = f"{articles} articles ({', '.join(LANGUAGES)}), {collections} collections, cold"
    for jobs, (seconds, total, largest) in cold.items():
        note = ""
        if jobs == 2:
            speedup = cold[1][0] / seconds
            verdict = "met" if speedup >= 1.8 else "NOT MET"
            note = f"speed-up {speedup:.2f} × over 1 job (target ≥ 1.8: {verdict}); "
        memory = "met" if total < 1024 else "NOT MET"
        rows.append(
            (
                f"{what}, --jobs {jobs}",
                f"{seconds:.0f} s",
                f"{note}peak memory {total:.0f} MB, all processes together (PSS), the "
                f"largest one {largest:.0f} MB (RSS); target < 1 GB ({memory})",
            )
        )
    save()
    noop = median([*PUBLISHER, "build", "-q"], project, 5)
    verdict = "met" if noop < 2 else "NOT MET"
    rows.append(
        (f"{articles} articles, no-op rebuild", f"{noop:.2f} s", f"target < 2 s ({verdict})")
    )

    # An article that a collection holds, so that the row shows the collection rebuilt too.
    first = sorted((project / "collections").glob("*.md"))[0]
    slug = _members(project, first)[0]
    edited = project / "source" / slug / "index.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEen extra zin.\n", encoding="utf-8")
    started = time.perf_counter()
    report = subprocess.run(
        [*PUBLISHER, "build", "-v"], cwd=project, check=True, capture_output=True, text=True
    ).stderr
    seconds = time.perf_counter() - started
    lines = report.splitlines()
    built = [line.split(":")[0] for line in lines if "built in" in line]
    articles_built = [b for b in built if "/source/" in b]
    collections_built = [b for b in built if "/collections/" in b]
    holding = [
        path
        for path in sorted((project / "collections").glob("*.md"))
        if slug in _members(project, path)
    ]
    only = articles_built == [str(edited)] and collections_built == [str(p) for p in holding]
    rows.append(
        (
            f"edit 1 of {articles} articles, rebuild",
            f"{seconds:.1f} s",
            f"{len(articles_built)} article and {len(collections_built)} collection(s) rebuilt "
            f"({len(holding)} hold it), the rest unchanged; target: it and its collections "
            f"only ({'met' if only else 'NOT MET'})",
        )
    )
    save()


def _members(project: Path, collection: Path) -> list[str]:
    import json

    manifest = json.loads((project / "build" / ".publisher-manifest.json").read_text())
    entry = manifest.get("collections", {}).get(str(collection.resolve()), {})
    return list(entry.get("articles", []))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--collections", type=int, default=16)
    parser.add_argument("--only", choices=("single", "scale"), help="run one part")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    options = parser.parse_args()
    articles = options.articles or (40 if options.quick else 1000)
    collections = min(options.collections, 4) if options.quick else options.collections
    runs = 3 if options.quick else 7
    rows: list[Row] = []
    command = " ".join(["nice", "benchmarks/run.py", *sys.argv[1:]])

    def save() -> None:
        options.out.write_text(report(command, runs, rows), encoding="utf-8")

    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        bare = median([sys.executable, "-c", "pass"], work, 7)
        help_time = median([*PUBLISHER, "--help"], work, 7)
        rows.append(
            (
                "`publisher --help`",
                f"{help_time:.3f} s",
                f"{help_time / bare:.1f} × `python -c pass` ({bare:.3f} s)",
            )
        )
        if options.only != "scale":
            rows += single_article(work, runs)
            save()
        if options.only != "single":
            scale(work, articles, collections, rows, save)
    print(report(command, runs, rows))


def report(command: str, runs: int, rows: list[Row]) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `{command}` on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} cores (load average {LOAD_AT_START:.2f} when it started), Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}. Single-article rows are "
        f"medians of {runs} runs; ratios are against a peer run in the same session, in "
        "turn, because absolute times on these machines vary.",
        "",
        "Single article: the example (`source/jongensprostitutie-in-beeld`, about 1,450 "
        "words, one figure), standard variant unless said otherwise, each publisher run "
        "from an empty output folder; pandoc (Debian's) makes a standalone HTML page, an "
        "EPUB 3, and a PDF through WeasyPrint. Scale: `benchmarks/corpus.py` generates "
        "articles of about 1,300 words (five sections, plain blocks, a figure, a table, a "
        "footnote, a word list) in four languages over two years, and collections of each "
        "language's articles of a quarter (at most 12); a cold build makes every output "
        "of every article and collection and the site pages. Peak memory is sampled from "
        "/proc every 50 ms over the CLI and its workers.",
        "",
        "| what | time | compared with, target |",
        "| --- | --- | --- |",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
