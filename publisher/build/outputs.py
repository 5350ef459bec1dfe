"""Writing outputs: every file is written to a temporary file beside it and renamed
into place, so a reader (or a killed build) only ever sees a complete file."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """One file of a build, relative to the output folder."""

    path: str
    data: bytes


def write_atomic(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` atomically; False when it was already identical."""
    try:
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return True


STALE_SECONDS = 15 * 60


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a killed build (older than a running build could be)."""
    if not folder.is_dir():
        return
    limit = time.time() - STALE_SECONDS
    for temp in folder.rglob(".*.tmp"):
        try:
            if temp.stat().st_mtime < limit:
                temp.unlink()
        except OSError:
            pass


def safe_join(root: Path, relative: str) -> Path:
    """``root / relative``, refusing anything that would land outside ``root``."""
    target = (root / relative).resolve()
    base = root.resolve()
    if target != base and base not in target.parents:
        raise ValueError(f"output path '{relative}' escapes the output folder")
    return target
