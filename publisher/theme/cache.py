"""Compiled templates, kept between runs like Python's ``__pycache__``.

A cache entry is compiled Python code that is run as it is, so no entry is used that
publisher did not write itself:

- the cache folder must belong to this user and be closed to everyone else (mode
  0700); a folder that is not, and cannot be made so, is not used;
- every entry is signed with a key (HMAC-SHA256) that lives in that folder, made on
  first use from the system's random source; an entry without a valid signature (one
  planted or copied there, or torn) is ignored and the template compiled again.

This guards against entries publisher did not write, not against programs running as
you (they can change publisher itself).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2
    import jinja2.bccache

KEY_NAME = "signing-key"
KEY_BYTES = 32


def cache_folder(kind: str) -> Path:
    """Per publisher and Jinja2 version, and per kind of environment: the sandbox
    compiles templates to other code than Jinja2's plain environment, and neither may
    run the other's."""
    import jinja2

    from publisher import __version__

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    name = f"templates-{__version__}-jinja2-{jinja2.__version__}-{kind.lower()}"
    return Path(base) / "publisher" / name


def _private(path: Path) -> bool:
    """``path`` is ours and closed to others (made so if it is ours)."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return False
        if stat.S_IMODE(info.st_mode) & 0o077:
            path.chmod(stat.S_IMODE(info.st_mode) & 0o700)
            return not stat.S_IMODE(path.lstat().st_mode) & 0o077
    except OSError:
        return False
    return True


def _key(folder: Path) -> bytes | None:
    path = folder / KEY_NAME
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        pass
    except OSError:
        return None
    else:
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_bytes(KEY_BYTES))
    if not _private(path):
        return None
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


def template_cache(kind: str = "ImmutableSandboxedEnvironment") -> jinja2.BytecodeCache | None:
    """Compiled templates in ``$XDG_CACHE_HOME/publisher`` (default ``~/.cache/publisher``).
    Jinja2 checks every entry against the template's source, so an edited template is
    compiled again. ``PUBLISHER_NO_CACHE=1`` turns it off; a cache that cannot be
    written, or is not private, is skipped."""
    import jinja2

    if os.environ.get("PUBLISHER_NO_CACHE"):
        return None
    folder = cache_folder(kind)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    if not _private(folder):
        return None
    found = _key(folder)
    if found is None:
        return None
    key: bytes = found

    class SignedCache(jinja2.BytecodeCache):
        def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
            return folder / f"__jinja2_{bucket.key}.cache"

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                data = self._path(bucket).read_bytes()
            except OSError:
                return
            signature, body = data[:32], data[32:]
            expected = hmac.new(key, body, hashlib.sha256).digest()
            if len(signature) != 32 or not hmac.compare_digest(signature, expected):
                return  # not written by publisher: compiled again, never run
            try:
                bucket.bytecode_from_string(body)
            except (ValueError, EOFError, TypeError):
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            body = bucket.bytecode_to_string()
            signature = hmac.new(key, body, hashlib.sha256).digest()
            target = self._path(bucket)
            temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}")
            with contextlib.suppress(OSError):  # a full disk only costs a recompile
                temp.write_bytes(signature + body)
                temp.chmod(0o600)
                os.replace(temp, target)
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)

    return SignedCache()
