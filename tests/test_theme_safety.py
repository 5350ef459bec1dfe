"""Themes are code, used only when trusted (docs/themes.md); still, a theme cannot
publish files from outside its folder, its templates run sandboxed, a wrong type in
theme.toml is a clear error, and no compiled template is run that publisher did not
write itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE

ARTICLE = "---\ntitle: T\nlang: nl\ndate: 2024-01-01\ntheme: eigen\n---\n\nTekst.\n"


def project(tmp_path: Path, toml: str = 'extends = "default"\n') -> Path:
    theme = tmp_path / "themes" / "eigen"
    (theme / "templates" / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "artikel.md").write_text(ARTICLE, encoding="utf-8")
    return theme


def build(
    folder: Path, *options: str, cache: Path | None = None, article: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache or folder / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "publisher", "build", str(article or folder / "artikel.md"),
         "-o", str(folder / "out"), "-f", "html", "--variant", "standard", *options],
        cwd=folder, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("link", "target", "message"),
    [
        ("templates/base.html", "/etc/passwd", "leads out of the theme's folder (to /etc/passwd)"),
        ("static", "/etc", "leads out of the theme's folder (to /etc)"),
        ("templates/partials/colophon.html", "../../../../artikel.md", "leads out of"),
        ("templates/lus.html", "templates/lus.html", "leads nowhere (or in a circle)"),
    ],
)
def test_no_link_leads_out_of_a_theme(tmp_path: Path, link: str, target: str, message: str) -> None:
    theme = project(tmp_path)
    path = theme / link
    os.symlink(target if target.startswith(("/", "..")) else theme / target, path)
    result = build(tmp_path)
    assert result.returncode == 1
    assert f"error: {path}: theme 'eigen': the link {link} {message}" in result.stderr
    assert "root:" not in result.stderr and not (tmp_path / "out").exists()


def test_a_link_inside_the_theme_is_fine(tmp_path: Path) -> None:
    theme = project(tmp_path)
    (theme / "templates" / "partials" / "eigen.html").write_text(
        '<p class="pub-colophon">Van het eigen thema</p>\n', encoding="utf-8"
    )
    os.symlink("eigen.html", theme / "templates" / "partials" / "colophon.html")
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Van het eigen thema" in (tmp_path / "out" / "artikel" / "artikel.html").read_text()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("extends = 5\n", "'extends' must be text"),
        ('colors = "rood"\n', "'colors' must be a table"),
        ("[colors.light]\ntext = 5\n", "colors.light.text must be text (#rrggbb)"),
        ("fonts = [1]\n", "'fonts' must be a table"),
        ("[fonts]\nbody = 5\n", "fonts.body must be text"),
        ("[options]\nlogo = 5\n", "options.logo must be text"),
        ("options = 5\n", "'options' must be a table"),
    ],
)
def test_wrong_types_in_theme_toml_are_clear_errors(
    tmp_path: Path, toml: str, message: str
) -> None:
    theme = project(tmp_path, toml)
    result = build(tmp_path)
    assert result.returncode == 1
    assert f"error: {theme / 'theme.toml'}: " in result.stderr and message in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ t.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{% for i in range(10**9) %}x{% endfor %}",
        "{% set x = footnotes.append(1) %}",
    ],
)
def test_templates_run_in_a_sandbox(tmp_path: Path, template: str) -> None:
    theme = project(tmp_path)
    (theme / "templates" / "partials" / "colophon.html").write_text(template, encoding="utf-8")
    result = build(tmp_path)
    assert result.returncode == 1, result.stderr
    assert "theme 'eigen'" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_a_template_that_calls_itself_without_end_is_the_theme_error(tmp_path: Path) -> None:
    theme = project(tmp_path)
    (theme / "templates" / "partials" / "colophon.html").write_text(
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", encoding="utf-8"
    )
    result = build(tmp_path)
    assert result.returncode == 1
    assert "theme 'eigen'" in result.stderr and "calls itself" in result.stderr


def _cache_entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("publisher/templates-*/__jinja2_*.cache"))


def test_a_planted_cache_entry_is_never_run(tmp_path: Path) -> None:
    """Entries publisher did not write, each a valid Jinja2 cache entry for its template
    whose code writes a file: without publisher's signature, or with the signature
    of the entry it replaced, they are compiled again, never run."""
    import io
    import marshal
    import pickle

    from jinja2.bccache import bc_magic

    (tmp_path / "artikel.md").write_text(ARTICLE.replace("theme: eigen\n", ""), "utf-8")
    cache = tmp_path / "cache"
    assert build(tmp_path, cache=cache).returncode == 0
    entries = _cache_entries(cache)
    assert entries
    marker = tmp_path / "uitgevoerd"
    code = compile(f"open({str(marker)!r}, 'w').write('x')", "<planted>", "exec")
    for number, entry in enumerate(entries):
        signature, body = entry.read_bytes()[:32], entry.read_bytes()[32:]
        stream = io.BytesIO(body[len(bc_magic) :])
        checksum = pickle.load(stream)  # the template's own: Jinja2 would accept it
        planted = bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code)
        entry.write_bytes(planted if number % 2 else signature + planted)
    result = build(tmp_path, "--force", cache=cache)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert "<main" in (tmp_path / "out" / "artikel" / "artikel.html").read_text()


def test_a_signed_entry_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    from publisher.theme.cache import template_cache

    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("PUBLISHER_NO_CACHE", raising=False)
    loader = jinja2.DictLoader({"a.html": "{{ 6 * 7 }}"})
    first = jinja2.Environment(loader=loader, bytecode_cache=template_cache())
    assert first.get_template("a.html").render() == "42"
    entries = _cache_entries(cache)
    assert len(entries) == 1 and entries[0].stat().st_mode & 0o077 == 0
    calls: list[str] = []
    second_cache = template_cache()
    assert second_cache is not None
    original = second_cache.load_bytecode

    def counted(bucket: jinja2.bccache.Bucket) -> None:
        original(bucket)
        calls.append("hit" if bucket.code is not None else "miss")

    monkeypatch.setattr(second_cache, "load_bytecode", counted)
    second = jinja2.Environment(loader=loader, bytecode_cache=second_cache)
    assert second.get_template("a.html").render() == "42"
    assert calls == ["hit"]


def test_a_cache_folder_open_to_others_is_made_private_or_not_used(tmp_path: Path) -> None:
    (tmp_path / "artikel.md").write_text(ARTICLE.replace("theme: eigen\n", ""), "utf-8")
    cache = tmp_path / "cache"
    assert build(tmp_path, cache=cache).returncode == 0
    folder = _cache_entries(cache)[0].parent
    folder.chmod(0o777)
    assert build(tmp_path, "--force", cache=cache).returncode == 0
    assert folder.stat().st_mode & 0o077 == 0  # ours: closed again


def test_the_example_builds_with_the_sandbox() -> None:
    from publisher.theme import load_theme

    theme = load_theme("default", EXAMPLE.parents[2])
    assert type(theme.env).__name__ == "ImmutableSandboxedEnvironment"
