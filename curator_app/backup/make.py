"""Backups of the database: a verified copy on a flash drive, optionally encrypted, old ones rotated.

The copy is made by :mod:`curator_app.db.copy` (SQLite's online backup API from a read-only connection
of its own, so it may run in a worker thread while the window stays usable) into a temporary name in the
target folder; it is flushed, checked and only then renamed. A flash drive pulled out mid-copy leaves no
half-written backup that looks like a good one. An encrypted copy is assembled and checked in the
database's own folder; only ciphertext ever reaches the target drive.

Reading what a copy holds is in :mod:`.inspect`, restoring in :mod:`.restore`, drives, settings and the
reminder in :mod:`.settings`, the encryption in :mod:`.crypto`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from curator_app.backup import crypto
from curator_app.db.copy import (
    COPY_NAME,
    check_free_space,
    copy_name,
    copy_verified,
    database_size,
    open_source,
    school_slug,
    table_counts,
    write_error,
)
from curator_app.errors import CuratorError
from curator_app.files import fsync_dir, fsync_file, writable
from curator_app.tasks import QUIET, TaskState

from .settings import load_settings, record_backup

MIN_PASSWORD = 6


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
    _clean_leftovers(dest)
    src = open_source(src_path)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        counts = table_counts(src)
        needed = database_size(src) * 21 // 20 + 1_000_000
        check_free_space(dest, needed)
        final = copy_name(dest, school_slug(src), dt.datetime.now(), bool(password), tag)
        work = _plain_work_dir(src_path) if password else dest  # plaintext never touches the flash drive
        if password:
            check_free_space(work, needed)
        plain = work / f".{final.name}.{os.getpid()}.part"
        try:
            copy_verified(src, plain, counts, dest, state)
            if password:
                state.progress(60, 100, "Шифрование…")
                _encrypt_verified(plain, final, password, dest, state)
            else:
                fsync_file(plain)
                os.replace(plain, final)
            fsync_dir(dest)
        except OSError as exc:
            raise write_error(dest, exc) from exc
        finally:
            with contextlib.suppress(OSError):
                plain.unlink(missing_ok=True)
    finally:
        src.close()
    removed = rotate(dest, final, keep) if keep else []
    state.progress(100, 100, "Готово")
    return BackupResult(final, final.stat().st_size, time.perf_counter() - started, counts, removed)


def make_backup(dest_dir: str | Path, *, password: str | None = None, state: TaskState = QUIET,
                keep: int | None = None) -> Path:
    """Back up the open database into ``dest_dir``, rotate old copies (``keep``, by default from the
    settings) and remember when; returns the file written. Main thread (it records in the database)."""
    from curator_app.db import is_read_only

    result = write_backup(dest_dir, _current(), password=password, state=state,
                          keep=load_settings().keep if keep is None else keep)
    if not is_read_only():  # a database on a write-protected medium is copied, but nothing is recorded in it
        record_backup(result.path)
    return result.path


def _current() -> Path:
    from curator_app.db import current_path

    path = current_path()
    if path is None:
        raise CuratorError("База данных не открыта.")
    return path


def _encrypt_verified(plain: Path, final: Path, password: str, dest: Path, state: TaskState) -> None:
    """Encrypt ``plain`` into ``final`` via a temporary name, then read it back and compare."""
    temp = dest / f".{final.name}.{os.getpid()}.part"
    size = plain.stat().st_size
    try:
        with open(plain, "rb") as source, _open_target(temp) as target:
            crypto.encrypt_stream(source, target, password, size,
                                  lambda done, total: state.progress(60 + 25 * done // max(total, 1), 100, "Шифрование…"))
            target.flush()
            os.fsync(target.fileno())
        state.progress(85, 100, "Проверка зашифрованной копии…")
        with open(temp, "rb") as source, open(plain, "rb") as original:
            crypto.decrypt_stream(source, _Comparer(original, dest), password, final.name)
        os.replace(temp, final)
    except crypto.DamagedBackupError as exc:
        raise CuratorError(f"Зашифрованная копия в «{dest}» не прошла проверку; копия не сохранена. "
                           "Носитель может быть неисправен.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _plain_work_dir(source: Path) -> Path:
    """Where an encrypted copy is assembled: beside the database, or the system's temporary folder when the
    database sits on a write-protected medium."""
    if writable(source):
        return source.parent
    import tempfile

    return Path(tempfile.gettempdir())


def _open_target(path: Path) -> BinaryIO:
    return open(path, "xb")


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


def _clean_leftovers(dest: Path) -> None:
    """Remove temporary files of copies interrupted more than an hour ago (a pulled drive, a power cut)."""
    with contextlib.suppress(OSError):
        for item in dest.glob(".*.curator-backup.*.part"):
            if time.time() - item.stat().st_mtime > 3600:
                item.unlink(missing_ok=True)
