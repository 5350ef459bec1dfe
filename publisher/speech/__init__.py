"""Speech made on this machine: a small engine interface (``engine``) with espeak-ng
(Debian) by default and a piper voice (``piper-tts``) when the project names one;
the audio is put together and encoded as MP3 with chapter marks (``audio``).

:func:`missing` says why the read-aloud format cannot be made here (the build skips
it with one warning)."""

from __future__ import annotations

import shutil


def missing() -> str | None:
    """Why speech cannot be made on this machine, or None."""
    lacking = [name for name in ("espeak-ng", "lame") if shutil.which(name) is None]
    if lacking:
        return (
            f"{' and '.join(lacking)} {'is' if len(lacking) == 1 else 'are'} not installed "
            "(Debian packages espeak-ng, lame; scripts/install.sh)"
        )
    return None
