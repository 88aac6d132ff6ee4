"""Backups of the database: a verified copy on a flash drive, optionally encrypted, old ones rotated.

The copy is made by :mod:`curator_app.db.copy` (SQLite's online backup API from a read-only connection
of its own, so it may run in a worker thread while the window stays usable) into a private temporary name
in the target folder; it is flushed, checked and only then renamed. A flash drive pulled out mid-copy
leaves no half-written backup that looks like a good one, and the next backup into that folder removes
what a killed one left. An encrypted copy is made and checked in memory and encrypted from there: its
plain bytes are never written to any disk, and only ciphertext reaches the target drive.

Reading what a copy holds is in :mod:`.inspect`, restoring in :mod:`.restore`, drives, settings and the
reminder in :mod:`.settings`, the encryption in :mod:`.crypto`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from peewee import DatabaseError

from curator_app.backup import crypto
from curator_app.db.copy import (
    COPY_NAME,
    check_free_space,
    copy_name,
    copy_to_memory,
    copy_verified,
    database_size,
    open_source,
    school_slug,
    sweep_copies,
    table_counts,
    write_error,
)
from curator_app.errors import CuratorError, user_message
from curator_app.files import PRIVATE_FILE, fsync_dir, fsync_file, temp_path
from curator_app.tasks import QUIET, TaskState

from .settings import load_settings, record_backup

MIN_PASSWORD = 6
RECORD_WAIT = 60.0  # seconds a backup waits to record its time while another program writes the database


@dataclass
class BackupResult:
    path: Path
    size: int
    seconds: float
    counts: dict[str, int]
    removed: list[Path] = field(default_factory=list)  # old copies rotated out


# --- making a copy ------------------------------------------------------------------------------------
def write_backup(dest_dir: str | Path, source: str | Path, *, password: str | None = None,
                 keep: int | None = None, state: TaskState = QUIET, tag: str = "") -> BackupResult:
    """Copy the database file ``source`` into ``dest_dir``; returns what was written.

    Touches no peewee state, so it may run in a worker thread. ``keep`` > 0 removes the oldest of this
    school's regular copies in ``dest_dir`` beyond that many. ``tag`` marks special copies (the one made
    before a restore), which rotation never removes.
    """
    started = time.perf_counter()
    src_path, dest = Path(source), Path(dest_dir)
    if password is not None and len(password) < MIN_PASSWORD:
        raise CuratorError(f"Пароль для резервной копии слишком короткий: нужно не меньше {MIN_PASSWORD} символов.")
    if not dest.is_dir():
        raise CuratorError(f"Папка «{dest}» для резервной копии не найдена. Вставьте флешку или выберите другую папку.")
    if not os.access(dest, os.W_OK):
        raise CuratorError(f"В папку «{dest}» нельзя записать резервную копию: носитель защищён от записи "
                           "или нет прав на папку. Выберите другую папку.")
    sweep_copies(dest)
    src = open_source(src_path)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        counts = table_counts(src)
        check_free_space(dest, database_size(src) * 21 // 20 + 1_000_000)
        final = copy_name(dest, school_slug(src), dt.datetime.now(), bool(password), tag)
        temp = temp_path(final)
        try:
            if password:
                plain = copy_to_memory(src, counts, dest, state)
                src.close()
                state.progress(60, 100, "Шифрование…")
                _encrypt_verified(plain, temp, password, dest, state)
            else:
                copy_verified(src, temp, counts, dest, state)
                fsync_file(temp)
            os.replace(temp, final)
            fsync_dir(dest)
        except (OSError, sqlite3.Error) as exc:
            raise write_error(dest, exc) from exc
        finally:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    finally:
        src.close()
    removed = rotate(dest, final, keep) if keep else []
    state.progress(100, 100, "Готово")
    return BackupResult(final, final.stat().st_size, time.perf_counter() - started, counts, removed)


def make_backup(dest_dir: str | Path, *, password: str | None = None, state: TaskState = QUIET,
                keep: int | None = None) -> Path:
    """Back up the open database into ``dest_dir``, rotate old copies (``keep``, by default from the
    settings) and remember when (:func:`remember_backup`); returns the file written. Main thread."""
    result = write_backup(dest_dir, _current(), password=password, state=state,
                          keep=load_settings().keep if keep is None else keep)
    remember_backup(result.path)
    return result.path


def remember_backup(path: Path, wait: float | None = None) -> str:
    """Record a copy just made in the open database (for the reminder); returns '' or, when that could not
    be done, a Russian note saying why — the copy itself is made and verified either way.

    A database opened only to look (the ``backup`` command) is written for this one record, waiting up to
    ``wait`` seconds (:data:`RECORD_WAIT`) while another program writes it; one on a write-protected medium
    is not written at all.
    """
    from curator_app.db import is_read_only, writable, writing_briefly

    try:
        if not is_read_only():
            record_backup(path)
        elif writable(_current()):
            with writing_briefly(RECORD_WAIT if wait is None else wait):
                record_backup(path)
    except (CuratorError, DatabaseError, sqlite3.DatabaseError) as exc:
        return f"Время копии не записано в базу: {user_message(exc)}"
    return ""


def _current() -> Path:
    from curator_app.db import current_path

    path = current_path()
    if path is None:
        raise CuratorError("База данных не открыта.")
    return path


def _encrypt_verified(plain: bytes, temp: Path, password: str, dest: Path, state: TaskState) -> None:
    """Encrypt ``plain`` into the new file ``temp``, then read it back and compare."""
    try:
        with _open_target(temp) as target:
            crypto.encrypt_stream(io.BytesIO(plain), target, password, len(plain),
                                  lambda done, total: state.progress(60 + 25 * done // max(total, 1), 100, "Шифрование…"))
            target.flush()
            os.fsync(target.fileno())
        state.progress(85, 100, "Проверка зашифрованной копии…")
        with open(temp, "rb") as source:
            crypto.decrypt_stream(source, _Comparer(io.BytesIO(plain), dest), password, temp.name)
    except crypto.DamagedBackupError as exc:
        raise CuratorError(f"Зашифрованная копия в «{dest}» не прошла проверку; копия не сохранена. "
                           "Носитель может быть неисправен.") from exc


def _open_target(path: Path) -> BinaryIO:
    """A new file for the ciphertext, readable by its owner alone."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                             PRIVATE_FILE), "wb")


class _Comparer:
    """A write-only sink that checks the bytes written equal the original file's."""

    def __init__(self, original: BinaryIO, dest: Path) -> None:
        self.original, self.dest = original, dest

    def write(self, data: bytes) -> int:
        if self.original.read(len(data)) != data:
            raise CuratorError(f"Зашифрованная копия в «{self.dest}» не совпала с базой; копия не сохранена.")
        return len(data)


# --- rotation -------------------------------------------------------------------------------------------
def is_backup_name(name: str) -> bool:
    return COPY_NAME.match(name) is not None


def rotate(dest: Path, newest: Path, keep: int) -> list[Path]:
    """Remove this school's oldest regular copies in ``dest`` so that ``keep`` remain (``newest`` stays)."""
    match = COPY_NAME.match(newest.name)
    if not match or keep < 1:
        return []
    school = match["school"]
    ours = sorted((p for p in dest.iterdir() if (m := COPY_NAME.match(p.name)) and m["school"] == school),
                  key=lambda p: (COPY_NAME.match(p.name)["stamp"], p.stat().st_mtime))  # type: ignore[index]
    removed = []
    for old in ours[:-keep]:
        if old != newest:
            with contextlib.suppress(OSError):
                old.unlink()
                removed.append(old)
    return removed
