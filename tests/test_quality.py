"""ruff and mypy (strict) keep the package clean; run as part of the suite."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

CODE = ("publisher", "tests", "scripts", "benchmarks")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_everything_as_it_is() -> None:
    result = run("ruff", "format", "--check", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_docs_show_the_declared_formats_variants_papers_and_settings() -> None:
    """The tables in the docs are generated from the declarations (scripts/update-docs.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "update_docs", ROOT / "scripts" / "update-docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in module.FILES:
        text = path.read_text(encoding="utf-8")
        assert module.update(text) == text, f"run scripts/update-docs.py ({path.name} is stale)"
        assert "<!-- generated:" in text
