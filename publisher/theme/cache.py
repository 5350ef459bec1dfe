"""Compiled templates, kept between runs like Python's ``__pycache__``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2


def template_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, kept between runs like Python's ``__pycache__``: in
    ``$XDG_CACHE_HOME/publisher`` (default ``~/.cache/publisher``). Jinja2 checks every
    entry against the template's source, so an edited template is compiled again.
    ``PUBLISHER_NO_CACHE=1`` turns it off; a cache that cannot be written is skipped."""
    import contextlib
    import os

    import jinja2

    from publisher import __version__

    if os.environ.get("PUBLISHER_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "publisher" / f"templates-{__version__}-jinja2-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError):
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with contextlib.suppress(OSError):  # a full disk only costs a recompile
                super().dump_bytecode(bucket)

    return QuietCache(str(folder))
