"""What makes a build start fast must not change what it finds or what it writes."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from publisher.formats.pdf import weasyprint_internals as weasyprint_import
from tests.helpers import EXAMPLE

# The spellings WeasyPrint 70 asks for on Linux, in its order (weasyprint/text/ffi.py).
WEASYPRINT_NAMES = [
    "libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "libpango-1.0-0", "pango-1.0-0",
    "pango-1.0", "libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libfontconfig-1",
    "fontconfig-1", "fontconfig", "libpangoft2-1.0-0", "pangoft2-1.0-0", "pangoft2-1.0",
]  # fmt: skip


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux only")
def test_library_lookup_finds_what_ctypes_finds() -> None:
    found = {name: weasyprint_import.find_library(name) for name in WEASYPRINT_NAMES}
    assert found == {name: ctypes.util.find_library(name) for name in WEASYPRINT_NAMES}
    assert found["pango-1.0"] == "libpango-1.0.so.0"
    assert weasyprint_import.find_library("c") == "libc.so.6"


def test_weasyprint_import_leaves_ctypes_as_it_was() -> None:
    before = ctypes.util.find_library
    module = weasyprint_import.load()
    assert module.__name__ == "weasyprint" and hasattr(module, "HTML")
    assert ctypes.util.find_library is before


def build(project: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "publisher", "build", str(EXAMPLE), "--theme", "eigen",
         "--format", "html", "--out", str(project / "build"), "--force", "-q"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
        timeout=120,
        check=False,
    )  # fmt: skip


def test_compiled_templates_are_reused_and_never_stale(tmp_path: Path) -> None:
    theme = tmp_path / "themes" / "eigen"
    colophon = theme / "templates" / "partials" / "colophon.html"
    colophon.parent.mkdir(parents=True)
    (theme / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    cache = tmp_path / "cache"
    page = tmp_path / "build" / EXAMPLE.parent.name / f"{EXAMPLE.parent.name}.html"

    colophon.write_text("<p>Eerste versie van het colofon</p>\n", encoding="utf-8")
    assert build(tmp_path, cache).returncode == 0
    compiled = sorted(cache.glob("publisher/templates-*/*.cache"))
    assert compiled, "no compiled templates were kept"
    assert "Eerste versie" in page.read_text(encoding="utf-8")

    colophon.write_text("<p>Tweede versie van het colofon</p>\n", encoding="utf-8")
    result = build(tmp_path, cache)
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert "Tweede versie" in text and "Eerste versie" not in text


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path: Path) -> None:
    theme = tmp_path / "themes" / "eigen"
    theme.mkdir(parents=True)
    (theme / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    result = build(tmp_path, blocked)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
