"""Themes: a folder with theme.toml, templates/, static/ and i18n/, extending others.

Lookup: the built-in themes shipped in the package (their names are reserved), then
the project's ``themes/`` folder. A theme's ``extends`` chain ends at the built-in
``default``. One Jinja2 environment per theme, over the whole chain;
``{% extends "default:base.html" %}`` reaches a parent's version of an overridden
template.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from publisher.errors import PublisherError
from publisher.theme.cache import template_cache
from publisher.theme.contrast import parse_hex, ratio
from publisher.theme.strings import Strings

if TYPE_CHECKING:
    import jinja2

    from publisher.catalog import Variant

THEME_KEYS = ("name", "extends", "description", "colors", "fonts", "options")
COLOR_KEYS = (
    "text",
    "background",
    "link",
    "heading",
    "accent",
    "on_accent",
    "muted",
    "surface",
    "border",
)
CONTRAST_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("text", "background", "body text"),
    ("link", "background", "links"),
    ("heading", "background", "headings"),
    ("muted", "background", "footer and secondary text"),
    ("on_accent", "accent", "text on the accent colour"),
    ("text", "surface", "text in boxes"),
    ("link", "surface", "links in boxes"),
)


def builtin_themes_dir() -> Path:
    """Where the themes shipped with the package are."""
    return Path(__file__).resolve().parent / "builtin"


def search_path(project_dir: Path | None) -> list[Path]:
    """Where themes are found: the built-in ones, then the project's ``themes/``."""
    paths = [builtin_themes_dir().resolve()]
    if project_dir is not None and (project_dir / "themes").is_dir():
        paths.append((project_dir / "themes").resolve())
    return paths


def builtin_themes() -> dict[str, Path]:
    """The themes shipped in the package (``default``)."""
    root = builtin_themes_dir()
    return {c.name: c for c in sorted(root.iterdir()) if (c / "theme.toml").is_file()}


def available_themes(paths: list[Path]) -> dict[str, Path]:
    """Theme name -> folder. The names of built-in themes are reserved: a project
    folder of the same name is not a theme (``publisher themes`` says so)."""
    found: dict[str, Path] = {}
    for root in paths:
        for child in sorted(root.iterdir()) if root.is_dir() else []:
            if (child / "theme.toml").is_file() and child.name not in found:
                found[child.name] = child
    return found


@dataclass
class ThemeDir:
    name: str
    path: Path
    config: dict[str, Any]


@dataclass
class Theme:
    """A resolved theme: its chain of folders (child first) and merged settings."""

    chain: list[ThemeDir]
    colors: dict[str, dict[str, str]] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    environment: ClassVar[type[jinja2.Environment] | None] = None
    """The Jinja2 environment class; None: Jinja2's immutable sandbox. A theme is code
    (docs/themes.md), but its templates run sandboxed: no attribute starting with an
    underscore, no unsafe callables, no changing what the build passes in. It costs
    about 1 % of a build (benchmarks/sandbox.py)."""
    project_i18n: Path | None = None
    """The project's own ``i18n/`` folder: its strings win over every theme's
    (``publisher new strings LANG`` writes there)."""

    def _i18n_folders(self) -> list[Path]:
        """Where strings are read, the weakest first."""
        folders = [t.path / "i18n" for t in reversed(self.chain)]
        return folders + ([self.project_i18n] if self.project_i18n else [])

    @property
    def name(self) -> str:
        return self.chain[0].name

    @cached_property
    def env(self) -> jinja2.Environment:
        import jinja2

        loaders: list[jinja2.BaseLoader] = [
            jinja2.PrefixLoader(
                {t.name: jinja2.FileSystemLoader(t.path / "templates") for t in self.chain},
                delimiter=":",
            ),
            jinja2.FileSystemLoader([str(t.path / "templates") for t in self.chain]),
        ]
        kind = self.environment or _sandboxed()
        env = kind(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=template_cache(kind.__name__),
        )
        return env

    def template(self, *names: str) -> jinja2.Template:
        """The first of ``names`` that exists in the chain."""
        import jinja2

        try:
            return self.env.select_template(list(names))
        except jinja2.TemplatesNotFound:
            raise PublisherError.at(
                self.chain[0].path,
                f"theme '{self.name}' has no template {' or '.join(names)}",
            ) from None

    def static_files(self) -> dict[str, Path]:
        """Relative path -> file; the first theme in the chain that has a file wins."""
        return dict(self._static_files)

    @cached_property
    def _static_files(self) -> dict[str, Path]:
        # Once per theme: load_theme gives a new Theme whenever a theme file changes.
        files: dict[str, Path] = {}
        for theme in self.chain:
            static = theme.path / "static"
            for path in sorted(static.rglob("*")) if static.is_dir() else []:
                if path.is_file():
                    files.setdefault(path.relative_to(static).as_posix(), path)
        return files

    def static(self, relative: str) -> Path:
        try:
            return self._static_files[relative]
        except KeyError:
            raise PublisherError.at(
                self.chain[0].path, f"theme '{self.name}' has no static file '{relative}'"
            ) from None

    def strings(self, lang: str) -> Strings:
        """Interface strings for a language (``nl``, ``en-GB`` ...), child themes first;
        a language no theme of the chain has gets the English strings
        (``Strings.fallback`` says so)."""
        base = lang.split("-")[0].lower()
        candidates = list(dict.fromkeys((base, lang)))
        themes = [t.path / "i18n" for t in reversed(self.chain)]
        own = any((folder / f"{c}.toml").is_file() for folder in themes for c in candidates)
        merged: dict[str, str] = {}
        # A language the themes do not have starts from English, so a project's own
        # translation (publisher new strings) that lacks a newer string still builds.
        layers = [["en"], candidates] if not own else [candidates]
        for names in layers:
            for folder in self._i18n_folders():
                for candidate in names:
                    path = folder / f"{candidate}.toml"
                    if path.is_file():
                        merged.update(_read_toml(path))
        if not merged:
            raise PublisherError.at(
                self.chain[0].path,
                f"theme '{self.name}' has no interface strings for language '{lang}' "
                f"nor English (add i18n/{base}.toml)",
            )
        values = {str(k): str(v) for k, v in merged.items()}
        fallback = not any(
            (folder / f"{c}.toml").is_file() for folder in self._i18n_folders() for c in candidates
        )
        return Strings(values, lang, self.name, self.chain[0].path / "i18n", fallback)

    def check_contrast(self, variant: Variant) -> None:
        """Stop the build when a declared colour pair is below the variant's minimum."""
        minimum = variant.contrast_minimum
        problems: list[str] = []
        for scheme, colours in self.colors.items():
            for fg, bg, what in CONTRAST_PAIRS:
                if fg not in colours or bg not in colours:
                    continue
                value = ratio(colours[fg], colours[bg])
                if value + 1e-9 < minimum:
                    problems.append(
                        f"{what} ({scheme}): {fg} {colours[fg]} on {bg} {colours[bg]} has "
                        f"contrast {value:.2f}:1, the {variant.name} variant needs at least "
                        f"{minimum}:1"
                    )
        if problems:
            raise PublisherError.at(self.chain[0].path / "theme.toml", "; ".join(problems))


def _sandboxed() -> type[jinja2.Environment]:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PublisherError.at(path, f"not valid TOML: {exc}") from None


def themes_fingerprint(project_dir: Path | None) -> str:
    """Changes whenever a file of any theme in the search path changes."""
    import hashlib

    digest = hashlib.sha256()
    roots = search_path(project_dir)
    if project_dir is not None and (project_dir / "i18n").is_dir():
        roots.append((project_dir / "i18n").resolve())
    for root in dict.fromkeys(roots):
        for path in sorted(root.rglob("*")):
            try:
                stat = path.lstat()
            except OSError:
                continue
            if not path.is_dir():
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


_THEMES: dict[tuple[str, str, str], Theme] = {}


def load_theme(name: str, project_dir: Path | None) -> Theme:
    """Resolve a theme and its parents, once per process while its files stay the same
    (so its Jinja2 environment is built once); errors name what is available."""
    key = (name, str(project_dir.resolve() if project_dir else ""), themes_fingerprint(project_dir))
    if key not in _THEMES:
        _THEMES[key] = _load_theme(name, project_dir)
    return _THEMES[key]


def _load_theme(name: str, project_dir: Path | None) -> Theme:
    paths = search_path(project_dir)
    available = available_themes(paths)
    chain: list[ThemeDir] = []
    current: str | None = name
    while current:
        if current not in available:
            where = ", ".join(str(p) for p in dict.fromkeys(paths))
            known = ", ".join(sorted(available)) or "none"
            child = f" ('{chain[-1].name}' extends it)" if chain else ""
            raise PublisherError.at(
                None,
                f"unknown theme '{current}'{child}; searched {where}; available: {known}",
            )
        if any(t.name == current for t in chain):
            cycle = " -> ".join([*(t.name for t in chain), current])
            raise PublisherError.at(None, f"themes extend each other in a cycle: {cycle}")
        path = available[current]
        if path.parent != builtin_themes_dir():
            check_links(current, path)
        config = _read_toml(path / "theme.toml")
        _check_keys(path / "theme.toml", config)
        chain.append(ThemeDir(current, path, config))
        parent = config.get("extends")
        current = str(parent) if parent else ("default" if current != "default" else None)

    theme = Theme(chain)
    if project_dir is not None:
        theme.project_i18n = project_dir.resolve() / "i18n"
    for theme_dir in reversed(chain):
        colours = theme_dir.config.get("colors", {})
        for scheme in ("light", "dark"):
            section = colours.get(scheme, {})
            for key, value in section.items():
                try:
                    parse_hex(str(value))
                except ValueError as exc:
                    raise PublisherError.at(
                        theme_dir.path / "theme.toml", f"colors.{scheme}.{key}: {exc}"
                    ) from None
                theme.colors.setdefault(scheme, {})[key] = str(value)
        theme.options.update(theme_dir.config.get("options", {}))
        theme.options.update(
            {"fonts": {**theme.options.get("fonts", {}), **theme_dir.config.get("fonts", {})}}
        )
    return theme


def check_links(name: str, folder: Path) -> None:
    """Refuse a theme with a symbolic link that leads out of its folder (a template
    linked to /etc/passwd would be published) or nowhere."""
    import os

    root = folder.resolve()
    for base, directories, files in os.walk(root, followlinks=False):
        for entry in (*directories, *files):
            path = Path(base) / entry
            if not path.is_symlink():
                continue
            relative = path.relative_to(root)
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                raise PublisherError.at(
                    path, f"theme '{name}': the link {relative} leads nowhere (or in a circle)"
                ) from None
            if target != root and root not in target.parents:
                raise PublisherError.at(
                    path,
                    f"theme '{name}': the link {relative} leads out of the theme's folder "
                    f"(to {target}); a theme may only use its own files",
                )


KEY_TYPES: dict[str, type] = {
    "name": str,
    "extends": str,
    "description": str,
    "colors": dict,
    "fonts": dict,
    "options": dict,
}


def _texts(value: object) -> bool:
    """A text, or a list of texts."""
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )


def _check_keys(path: Path, config: dict[str, Any]) -> None:
    problems = []
    for key, kind in KEY_TYPES.items():
        if key in config and not isinstance(config[key], kind):
            problems.append(f"'{key}' must be {'text' if kind is str else 'a table'}")
    fonts = config.get("fonts")
    for key, value in fonts.items() if isinstance(fonts, dict) else ():
        if key == "fallback":  # [[fonts.fallback]]: family, files, scripts, media
            if not isinstance(value, list) or not all(
                isinstance(item, dict) and all(_texts(v) for v in item.values()) for item in value
            ):
                problems.append(
                    "fonts.fallback must be [[fonts.fallback]] tables of texts or lists of texts"
                )
        elif not isinstance(value, str):
            problems.append(f"fonts.{key} must be text")
    options = config.get("options")
    if isinstance(options, dict) and "logo" in options and not isinstance(options["logo"], str):
        problems.append("options.logo must be text (a path under static/)")
    if problems:
        raise PublisherError.at(path, "; ".join(problems))
    for key in config:
        if key not in THEME_KEYS:
            close = difflib.get_close_matches(key, THEME_KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"unknown key '{key}'{hint}")
    for scheme, section in config.get("colors", {}).items():
        if scheme not in ("light", "dark") or not isinstance(section, dict):
            problems.append(f"colors.{scheme}: use [colors.light] and [colors.dark]")
            continue
        for key, value in section.items():
            if not isinstance(value, str):
                problems.append(f"colors.{scheme}.{key} must be text (#rrggbb)")
            if key not in COLOR_KEYS:
                close = difflib.get_close_matches(key, COLOR_KEYS, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(f"unknown colour 'colors.{scheme}.{key}'{hint}")
    if problems:
        raise PublisherError.at(path, "; ".join(problems))
