"""Worker processes for parallel builds: forked from the parent (they inherit its
imports and theme), kept out of its garbage collections, and gone with it."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Pool initializer: the kernel kills this worker when the parent dies (Linux), so
    a killed build never leaves workers behind that go on writing files."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


@contextmanager
def pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool of forked workers. While forking, the parent's heap is frozen:
    what the workers inherit stays out of their garbage collections (and is not copied
    page by page when a collection would touch it); unfrozen afterwards, so a
    long-running process (``serve``) still collects its garbage."""
    context = multiprocessing.get_context("fork")
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        ) as executor:
            yield executor
    finally:
        gc.unfreeze()
