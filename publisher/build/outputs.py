"""Writing outputs: every file is written to a temporary file beside it and renamed
into place, so a reader (or a killed build) only ever sees a complete file."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
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
    temp = target.parent / temporary_name(target.name)
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(handle, 0o600)  # whatever the umask: part of what marks it as ours
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
TEMPORARY_RE = re.compile(r"^\.(?P<name>.+)\.(?P<token>[0-9a-f]{12})(?P<mark>[0-9a-f]{8})\.tmp$")


def _mark(name: str, token: str) -> str:
    digest = hashlib.sha256(f"publisher temporary file:{name}:{token}".encode())
    return digest.hexdigest()[:8]


def temporary_name(name: str) -> str:
    """The name of a temporary file for output ``name``: ``.<name>.<token><mark>.tmp``,
    where the mark is a check code of the name and the random token. A file the user
    made (``.notes.tmp``, ``.foto.jpg.a1b2c3.tmp``) never has it."""
    token = secrets.token_hex(6)
    return f".{name}.{token}{_mark(name, token)}.tmp"


def is_ours(path: Path) -> bool:
    """Whether ``path`` is a temporary file publisher made: its name carries the mark,
    it is a regular file (not a link), owned by this user, not readable by others
    (publisher makes it so until it is complete)."""
    import stat

    match = TEMPORARY_RE.match(path.name)
    if not match or _mark(match["name"], match["token"]) != match["mark"]:
        return False
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISREG(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) == 0o600
    )


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a killed build (older than a running build could be):
    only those :func:`is_ours` recognises, in this article's output folder."""
    if not folder.is_dir():
        return
    limit = time.time() - STALE_SECONDS
    for temp in folder.rglob(".*.tmp"):
        try:
            if is_ours(temp) and temp.lstat().st_mtime < limit:
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
