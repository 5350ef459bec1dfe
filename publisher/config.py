"""publisher.toml: optional project settings, declared as a schema.

Every key is declared once, with its type, default and meaning; validation collects
every problem (with the closest valid key for a typo) and reports them all at once.
Command-line options override the file.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from publisher.catalog import DEFAULT_PAPER, FORMATS, PAPERS, VARIANTS
from publisher.errors import Problem, PublisherError

if TYPE_CHECKING:
    from publisher.build.options import BuildOptions
    from publisher.site.model import SiteOptions

CONFIG_NAME = "publisher.toml"


@dataclass(frozen=True)
class Option:
    kind: type | tuple[type, ...]
    default: Any
    """The value, or a function that gives it (read when the file is loaded)."""
    doc: str
    choices: tuple[Any, ...] | Callable[[], tuple[Any, ...]] = ()

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default

    def allowed(self) -> tuple[Any, ...]:
        return self.choices() if callable(self.choices) else self.choices


def _names(table: dict[str, Any]) -> Callable[[], tuple[str, ...]]:
    return lambda: tuple(table)


def _all(table: dict[str, Any]) -> Callable[[], list[str]]:
    return lambda: list(table)


SCHEMA: dict[str, Option] = {
    "theme": Option(str, "default", "theme for articles that do not name one"),
    "out": Option(str, "build", "output folder, relative to the project"),
    "source": Option(str, "source", "folder with the articles"),
    "formats": Option(
        list,
        lambda: [name for name, fmt in FORMATS.items() if fmt.default],
        "formats to build",
        _names(FORMATS),
    ),
    "variants": Option(list, _all(VARIANTS), "variants to build", _names(VARIANTS)),
    "paper": Option(str, DEFAULT_PAPER, "paper size of the handout", _names(PAPERS)),
    "base_url": Option(str, "", "https:// address where build/ is published (for embeds)"),
    "embed_heading_level": Option(
        int, 2, "heading level of the title in the embed", (1, 2, 3, 4, 5)
    ),
    "allow_remote": Option(bool, False, "fetch http(s) images instead of refusing them"),
    "jobs": Option(int, 0, "parallel processes; 0 means one per core"),
    "publisher": Option(str, "", "organisation name for articles that do not set one"),
    "voice": Option(
        str, "", "piper voice file (.onnx) for the read-aloud version; empty: espeak-ng"
    ),
    "targets": Option(dict, {}, "readability targets per plain level, e.g. [targets.b1]"),
    "collections": Option(str, "collections", "folder with the collection files"),
    "site_title": Option(str, "", "title of the site's index page and feed (default: publisher)"),
    "site_lang": Option(str, "nl", "language of the site's index page and feed (BCP 47)"),
}
TARGET_KEYS = (
    "min_reading_ease",
    "max_words_per_sentence",
    "max_sentence_words",
    "max_difficult_share",
)


@dataclass(frozen=True)
class Config:
    values: dict[str, Any]
    path: Path | None
    named: frozenset[str] = frozenset()
    """The keys the file sets."""

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def build_options(
        self,
        project: Path,
        *,
        out: Path | None = None,
        formats: tuple[str, ...] | None = None,
        variants: tuple[str, ...] | None = None,
        theme: str | None = None,
        paper: str | None = None,
        embed_level: int | None = None,
        strict: bool = False,
        allow_remote: bool = False,
    ) -> BuildOptions:
        """The file's settings, with what the command line says on top."""
        from publisher.build.options import BuildOptions, Settings

        return BuildOptions(
            out_dir=out or project / self["out"],
            formats=formats or tuple(self["formats"]),
            variants=variants or tuple(self["variants"]),
            theme=theme or self["theme"],
            project_dir=project,
            strict=strict,
            allow_remote=allow_remote or self["allow_remote"],
            variants_named=variants is not None or "variants" in self.named,
            settings=Settings(
                paper=(paper or self["paper"]).upper(),
                embed_heading_level=embed_level or self["embed_heading_level"],
                base_url=self["base_url"] or None,
                publisher=self["publisher"] or None,
                voice=str(project / self["voice"]) if self["voice"] else None,
            ),
        )


def site_options(config: Config) -> SiteOptions:
    from publisher.site.model import SiteOptions

    return SiteOptions(
        title=config["site_title"],
        lang=config["site_lang"],
        base_url=config["base_url"],
        author=config["publisher"],
    )


def load_config(project: Path) -> Config:
    """Read and validate publisher.toml; defaults when there is none."""
    values = {key: option.default_value() for key, option in SCHEMA.items()}
    path = project / CONFIG_NAME
    if not path.is_file():
        return Config(values, None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PublisherError.at(path, f"not valid TOML: {exc}") from None
    problems: list[Problem] = []
    for key, value in data.items():
        option = SCHEMA.get(key)
        if option is None:
            close = difflib.get_close_matches(key, list(SCHEMA), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(path, f"unknown key '{key}'{hint}"))
            continue
        problem = _check(key, value, option)
        if problem:
            problems.append(Problem(path, problem))
        else:
            values[key] = value
    if problems:
        raise PublisherError(problems)
    return Config(values, path, frozenset(data))


def _check(key: str, value: Any, option: Option) -> str | None:
    if option.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        return f"'{key}' must be a whole number, not {value!r}"
    if not isinstance(value, option.kind):
        kind = option.kind.__name__ if isinstance(option.kind, type) else "a value"
        names = {"str": "text", "list": "a list", "int": "a whole number"}
        return f"'{key}' must be {names.get(kind, kind)}, not {value!r}"
    choices = option.allowed()
    if choices:
        items = value if isinstance(value, list) else [value]
        wrong = [v for v in items if v not in choices]
        if wrong:
            allowed = ", ".join(map(str, choices))
            return f"'{key}' has {', '.join(map(repr, wrong))}; allowed: {allowed}"
        if isinstance(value, list) and not value:
            return f"'{key}' must not be empty"
    if key == "targets":
        assert isinstance(value, dict)
        for level, table in value.items():
            if level not in ("b1", "easy") or not isinstance(table, dict):
                return f"'targets.{level}': the levels are [targets.b1] and [targets.easy]"
            for name, number in table.items():
                if name not in TARGET_KEYS:
                    close = difflib.get_close_matches(name, TARGET_KEYS, n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    return f"unknown key 'targets.{level}.{name}'{hint}"
                if isinstance(number, bool) or not isinstance(number, (int, float)):
                    return f"'targets.{level}.{name}' must be a number"
    if key == "base_url" and value:
        parts = urlsplit(str(value))
        if parts.scheme != "https" or not parts.netloc:
            return "'base_url' must be an absolute https:// address"
    if key == "site_lang":
        import langcodes

        if not langcodes.tag_is_valid(str(value)):
            return f"'site_lang: {value}' is not a valid BCP 47 language tag (e.g. nl, en-GB)"
    if key == "jobs" and int(str(value)) < 0:
        return "'jobs' must be 0 (one per core) or more"
    return None


def markdown_table() -> str:
    """The keys of publisher.toml with their defaults and meaning, for the docs."""
    lines = ["| key | default | meaning |", "| --- | --- | --- |"]
    for key, option in SCHEMA.items():
        default = option.default_value()
        shown = (
            "[" + ", ".join(f'"{v}"' for v in default) + "]"
            if isinstance(default, list)
            else f'"{default}"'
            if isinstance(default, str)
            else str(default).lower()
            if isinstance(default, bool)
            else "{}"
            if isinstance(default, dict)
            else str(default)
        )
        choices = option.allowed()
        meaning = option.doc + (f" ({', '.join(map(str, choices))})" if choices else "")
        lines.append(f"| `{key}` | `{shown}` | {meaning} |")
    return "\n".join(lines) + "\n"
