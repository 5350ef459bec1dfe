"""Import WeasyPrint without its slow search for system libraries.

WeasyPrint asks for each C library (gobject, pango, harfbuzz, fontconfig, ...) under
six spellings, one per platform. For every spelling that is not a file name here, cffi
calls ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p``, then ``gcc`` and
``ld``: about fifty subprocesses and a fifth of a second at every start of a build.

While WeasyPrint is being imported, ``find_library`` answers from one reading of the
ldconfig cache instead (the first place ctypes itself looks). The spelling that exists
on Linux (``libpango-1.0.so.0``) is opened directly by the dynamic loader, exactly as
before, so nothing is found differently; only the misses become cheap. Other
platforms import WeasyPrint unchanged.
"""

from __future__ import annotations

import ctypes.util
import functools
import importlib
import subprocess
import sys
from types import ModuleType


@functools.cache
def _sonames() -> tuple[str, ...]:
    """Library file names in the ldconfig cache (``libpango-1.0.so.0``, ...)."""
    for program in ("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"):
        try:
            listing = subprocess.run(
                [program, "-p"],
                capture_output=True,
                text=True,
                env={"LC_ALL": "C", "LANG": "C"},
                timeout=10,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        return tuple(line.split()[0] for line in listing.splitlines()[1:] if line.startswith("\t"))
    return ()


def find_library(name: str) -> str | None:
    """What ``ctypes.util.find_library`` finds in the ldconfig cache, read once."""
    prefix = f"lib{name}."
    return next((soname for soname in _sonames() if soname.startswith(prefix)), None)


def load() -> ModuleType:
    """``import weasyprint``, with cheap library look-ups on Linux."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        return importlib.import_module("weasyprint")
    original = ctypes.util.find_library
    ctypes.util.find_library = find_library
    try:
        return importlib.import_module("weasyprint")
    finally:
        ctypes.util.find_library = original
