"""Build options and results: small, importable without the heavy libraries (the
command line and the incremental check use them before anything is rendered)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from publisher.catalog import DEFAULT_PAPER, FORMATS, VARIANTS
from publisher.errors import Problem

if TYPE_CHECKING:
    from publisher.build.records import ArticleRecord


def all_formats() -> tuple[str, ...]:
    """The formats a build makes when nothing names them (read-aloud is on request)."""
    return tuple(name for name, fmt in FORMATS.items() if fmt.default)


def all_variants() -> tuple[str, ...]:
    return tuple(VARIANTS)


@dataclass(frozen=True)
class Settings:
    """Build settings that reach the renderers (from config and command line)."""

    paper: str = DEFAULT_PAPER
    embed_heading_level: int = 2
    base_url: str | None = None
    publisher: str | None = None
    """The organisation, for articles that do not name their publisher."""
    voice: str | None = None
    """A neural voice file (piper ``.onnx``) for the read-aloud version; None: espeak-ng."""


@dataclass(frozen=True)
class BuildOptions:
    out_dir: Path = Path("build")
    formats: tuple[str, ...] = field(default_factory=all_formats)
    variants: tuple[str, ...] = field(default_factory=all_variants)
    theme: str | None = None
    project_dir: Path = Path(".")
    strict: bool = False
    allow_remote: bool = False
    """Fetch http(s) images (with a timeout and the size limit) instead of refusing them."""
    variants_named: bool = False
    """The command line or publisher.toml named the variants: formats made for some
    variants only (``Format.variants``) are made in each of them."""
    settings: Settings = field(default_factory=Settings)


@dataclass
class ArticleResult:
    source: Path
    slug: str | None = None
    files: dict[str, int] = field(default_factory=dict)
    """Output path (relative to the article's folder) -> size in bytes."""
    inputs: list[str] = field(default_factory=list)
    """Files besides the source that the article used (images), for incremental builds."""
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    skipped: bool = False
    lost_links: list[str] = field(default_factory=list)
    """Without an address (``url``, ``base_url``): what its outputs leave out, per
    format; the build says it once for all articles (``report``)."""
    record: ArticleRecord | None = None
    """What later stages (collections, the site) need to know about the article."""
    key: str = ""
    """The manifest key of the article's inputs (a collection's key includes it)."""
    members: list[str] = field(default_factory=list)
    """For a collection: the slugs of its articles, in its order."""
