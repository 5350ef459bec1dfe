"""What running theme templates in Jinja2's sandbox costs, as a share of a build.

Builds the example article (every format and variant, in one process) in turn with
Jinja2's plain environment and with the immutable sandbox publisher uses, and prints
the medians and their ratio, and the time spent rendering templates in each.

    .venv/bin/python benchmarks/sandbox.py            # 12 builds of each
    .venv/bin/python benchmarks/sandbox.py --runs 30
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from publisher.theme import Theme
from publisher.theme import resolve as themes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "source" / "jongensprostitutie-in-beeld" / "index.md"
KINDS: dict[str, type[jinja2.Environment]] = {
    "plain": jinja2.Environment,
    "sandbox": ImmutableSandboxedEnvironment,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=12)
    runs = parser.parse_args().runs
    rendering = {name: 0.0 for name in KINDS}
    current = ["plain"]
    original = jinja2.Template.render

    def timed(self: jinja2.Template, *args: object, **kwargs: object) -> str:
        started = time.process_time()
        try:
            return original(self, *args, **kwargs)
        finally:
            rendering[current[0]] += time.process_time() - started

    jinja2.Template.render = timed  # type: ignore[method-assign]
    builds: dict[str, list[float]] = {name: [] for name in KINDS}
    with tempfile.TemporaryDirectory() as folder:
        options = BuildOptions(out_dir=Path(folder), project_dir=ROOT)
        for run in range(runs + 1):
            for name, kind in KINDS.items():
                Theme.environment = kind
                themes._THEMES.clear()  # a new environment of this kind
                current[0] = name
                started = time.process_time()
                result = build_article(EXAMPLE, options, workers=1)
                assert not result.errors, result.errors
                if run:  # the first round compiles and warms up
                    builds[name].append(time.process_time() - started)
    plain, sandbox = (statistics.median(builds[name]) for name in KINDS)
    print(f"build, plain Jinja2:   {plain:.3f} s (median of {runs}, processor time)")
    print(f"build, sandboxed:      {sandbox:.3f} s")
    print(f"sandbox / plain:       {sandbox / plain:.3f}")
    for name in KINDS:
        print(f"rendering templates, {name}: {rendering[name] / (runs + 1):.4f} s per build")


if __name__ == "__main__":
    main()
