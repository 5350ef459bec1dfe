"""The manifest of incremental builds: in the output folder, per article, a key over
everything its outputs depend on (source, images, theme files, publisher.toml, the
package version, the build options) and the files it wrote. An article whose key
and files are unchanged is not rebuilt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from publisher import __version__
from publisher.build.options import BuildOptions
from publisher.build.outputs import write_atomic
from publisher.config import CONFIG_NAME
from publisher.theme import themes_fingerprint

MANIFEST = ".publisher-manifest.json"


def article_key(source: Path, inputs: list[str], options: BuildOptions, shared: str) -> str:
    digest = hashlib.sha256()
    digest.update(shared.encode())
    settings = {k: v for k, v in asdict(options).items() if k not in ("out_dir", "project_dir")}
    digest.update(repr(settings).encode())
    digest.update(source.read_bytes())
    for name in inputs:
        path = Path(name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def shared_key(options: BuildOptions) -> str:
    config = options.project_dir / CONFIG_NAME
    parts = [__version__, themes_fingerprint(options.project_dir)]
    parts.append(hashlib.sha256(config.read_bytes()).hexdigest() if config.is_file() else "")
    return "|".join(parts)


def load_manifest(out: Path) -> dict[str, Any]:
    """The manifest, with only well-formed entries (a damaged or edited file costs a
    rebuild, never a crash)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != 1:
        return {}
    articles = data.get("articles")
    if not isinstance(articles, dict):
        return {}
    data["articles"] = {key: entry for key, entry in articles.items() if _well_formed(entry)}
    return data


def _well_formed(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("slug"), str)
        and "/" not in entry["slug"]
        and entry["slug"] not in ("", ".", "..")
        and isinstance(entry.get("key"), str)
        and isinstance(entry.get("inputs"), list)
        and all(isinstance(name, str) for name in entry["inputs"])
        and isinstance(entry.get("files"), dict)
        and all(
            isinstance(name, str) and ".." not in name.split("/") and isinstance(size, int)
            for name, size in entry["files"].items()
        )
    )


def save_manifest(out: Path, data: dict[str, Any]) -> None:
    text = json.dumps({**data, "version": 1}, indent=1, sort_keys=True)
    write_atomic(out / MANIFEST, text.encode("utf-8"))


def unchanged(entry: dict[str, Any], out: Path) -> bool:
    folder = out / str(entry.get("slug"))
    files = entry.get("files", {})
    return bool(files) and all(
        (folder / name).is_file() and (folder / name).stat().st_size == size
        for name, size in files.items()
    )
