"""Reading a database without writing it: the one way, whatever the medium.

- A file in a folder the program may write is read where it lies, with ``mode=ro``: SQLite reads the
  committed rows in its ``-wal`` as well.
- On a write-protected medium SQLite cannot use the WAL in place. ``immutable=1`` would open the file but
  ignore the ``-wal``, silently losing the rows committed last. So when a ``-wal`` with content lies beside
  it, the file and its ``-wal`` are copied into a private folder (0700, removed at once), opened there, which
  replays the WAL, and kept as a copy in memory; only without a ``-wal`` is ``immutable`` used.
- When the file cannot be opened in place at all (no room for SQLite's shared-memory file on a full disk),
  the same copy in memory is read instead.

A copy in memory is also how a database's content travels where a plain file must not: an encrypted backup
is made from its pages (:func:`image`), a backup being restored is checked in memory (:func:`from_image`).

Touches no peewee state: a worker thread may call it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
from pathlib import Path

from curator_app.errors import CuratorError, cause_of
from curator_app.files import PRIVATE_FILE, private_tempdir, writable

SQLITE_HEADER = b"SQLite format 3\x00"
_names = itertools.count(1)


def wal_has_content(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def memory_uri() -> str:
    """A fresh name for an in-memory database shared by every connection of this process that opens it."""
    return f"file:curator-memory-{os.getpid()}-{next(_names)}?mode=memory&cache=shared"


def in_place_uri(path: Path) -> str | None:
    """How to open ``path`` read-only where it lies, or None when it must be read through a copy in memory
    (a write-protected medium with committed rows still in the ``-wal``)."""
    uri = path.resolve().as_uri()
    if writable(path):
        return f"{uri}?mode=ro"
    if wal_has_content(path):
        return None
    return f"{uri}?mode=ro&immutable=1"


def connect(uri: str, *, check_same_thread: bool = True) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=check_same_thread)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA mmap_size = 0")  # never map the file into memory: a full or pulled drive raises SIGBUS
    return conn


def connect_readable(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection that sees every committed row of the database at ``path`` and writes nothing
    to it: in place when it can, else a copy in memory (see the module's notes)."""
    uri = in_place_uri(path)
    if uri is not None:
        try:
            conn = connect(uri, check_same_thread=check_same_thread)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            if cause_of(exc) not in ("disk_full", "io", "read_only", "no_rights"):
                raise
    return snapshot(path, check_same_thread=check_same_thread)


def snapshot(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A copy in memory of the database at ``path`` with the committed rows of its ``-wal``; nothing is left
    on disk (a private folder holds the two files for the moment SQLite replays the WAL)."""
    target = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=check_same_thread)
    try:
        if wal_has_content(path):
            with private_tempdir() as folder:
                copy = folder / "copy.sqlite"
                for suffix in ("", "-wal"):
                    _copy_private(Path(f"{path}{suffix}"), Path(f"{copy}{suffix}"))
                source = sqlite3.connect(copy, isolation_level=None)
                try:
                    source.execute("PRAGMA mmap_size = 0")
                    source.backup(target)
                finally:
                    source.close()
        else:
            target.deserialize(legacy_image(path.read_bytes()))
        target.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except OSError as exc:
        target.close()
        raise CuratorError(f"Не удалось прочитать базу «{path}»: {exc.strerror or exc}.") from exc
    except BaseException:
        target.close()
        raise
    return target


def _copy_private(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        shutil.copyfileobj(src, dst)


def legacy_image(data: bytes) -> bytes:
    """A database file's bytes marked as using a rollback journal (file format bytes 18–19 = 1), as
    ``PRAGMA journal_mode = DELETE`` leaves a file: an image marked WAL cannot be opened from memory."""
    if data[:16] == SQLITE_HEADER and len(data) >= 100 and data[18:20] != b"\x01\x01":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def image(conn: sqlite3.Connection) -> bytes:
    """The bytes of a self-contained database file holding what ``conn`` (an in-memory copy) holds."""
    return legacy_image(conn.serialize())


def from_image(data: bytes, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """An in-memory database holding the file image ``data`` (read and written only in memory)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=check_same_thread)
    conn.deserialize(legacy_image(data))
    return conn
