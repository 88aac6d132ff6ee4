"""A guard against a PySide6 6.12.0 bug on Python 3.11: every call of a Qt method that returns
``void`` takes one reference from ``None`` and never gives it back (``setPen``, ``fillRect``,
``drawRect``, ``setText``, ``update`` …). A process starts with about 13,000 references to ``None``,
so a timeline of 500 rows (≈4,000 such calls per paint) would end in «Fatal Python error:
none_dealloc» within a few repaints. From Python 3.12 ``None`` is immortal and the guard does nothing.

``with keep_none_alive(): …`` counts the references lost inside the block and gives them back.
Giving back too many is harmless (``None`` is never freed); too few is what crashes."""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Iterator

_NEEDED = sys.version_info < (3, 12) and sys.implementation.name == "cpython"


@contextlib.contextmanager
def keep_none_alive() -> Iterator[None]:
    if not _NEEDED:
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        lost = before - sys.getrefcount(None)
        if lost > 0:
            ctypes.c_ssize_t.from_address(id(None)).value += lost  # ob_refcnt is PyObject's first field
