"""Backups of the database: a verified copy on a flash drive, optionally encrypted, old ones rotated.

The copy is made with SQLite's online backup API from a read-only connection of its own (so it may run
in a worker thread while the window stays usable), into a temporary name in the target folder; it is
flushed to disk, checked (``integrity_check`` and the row count of every table against the database at
the moment of copying) and only then renamed. A flash drive pulled out mid-copy leaves no half-written
backup that looks like a good one. An encrypted copy is assembled and checked in the database's own
folder; only ciphertext ever reaches the target drive.

Reading what a copy holds is in :mod:`.backup_inspect`, restoring in :mod:`.backup_restore`, drives,
settings and the reminder in :mod:`.backup_settings`, the encryption in :mod:`.backup_crypto`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from curator_app.backup import crypto as backup_crypto
from curator_app.errors import CuratorError

from .inspect import _NAME, _STAMP, BackupInfo, _setting, table_counts

Report = Callable[[int, str], None]  # (percent 0..100, what is being done — Russian)

SUFFIX_PLAIN = ".curator-backup.sqlite"
SUFFIX_ENCRYPTED = ".curator-backup.enc"
_PAGES_PER_STEP = 2048
MIN_PASSWORD = 6


@dataclass
class BackupResult:
    path: Path
    size: int
    seconds: float
    counts: dict[str, int]
    removed: list[Path] = field(default_factory=list)  # old copies rotated out


def _no_report(percent: int, stage: str) -> None:
    pass


# --- making a copy ------------------------------------------------------------------------------------
def write_backup(dest_dir: str | Path, source: str | Path, *, password: str | None = None,
                 keep: int | None = None, report: Report | None = None, tag: str = "") -> BackupResult:
    """Copy the database file ``source`` into ``dest_dir``; returns what was written.

    Touches no peewee state, so it may run in a worker thread. ``keep`` > 0 removes the oldest of this
    school's regular copies in ``dest_dir`` beyond that many. ``tag`` marks special copies (the one made
    before a restore), which rotation never removes.
    """
    report = report or _no_report
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
    src = _open_source(src_path)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        counts = table_counts(src)
        needed = _database_size(src) * 21 // 20 + 1_000_000
        _check_free_space(dest, needed)
        final = _unique_name(dest, _school_slug(src), dt.datetime.now(), bool(password), tag)
        work = _plain_work_dir(src_path) if password else dest  # plaintext never touches the flash drive
        if password:
            _check_free_space(work, needed)
        plain = work / f".{final.name}.{os.getpid()}.part"
        try:
            _copy(src, plain, counts, report, dest)
            if password:
                report(60, "Шифрование…")
                _encrypt_verified(plain, final, password, dest, report)
            else:
                _fsync_file(plain)
                os.replace(plain, final)
            _fsync_dir(dest)
        except OSError as exc:
            raise _write_error(dest, exc) from exc
        finally:
            with contextlib.suppress(OSError):
                plain.unlink(missing_ok=True)
    finally:
        src.close()
    removed = rotate(dest, final, keep) if keep else []
    report(100, "Готово")
    return BackupResult(final, final.stat().st_size, time.perf_counter() - started, counts, removed)


def make_backup(dest_dir: str | Path, *, password: str | None = None, report: Report | None = None,
                keep: int | None = None) -> Path:
    """Back up the open database into ``dest_dir``, rotate old copies (``keep``, by default from the
    settings) and remember when; returns the file written. Main thread (it records in the database)."""
    from curator_app.backup import settings as backup_settings
    from curator_app.db import is_read_only

    result = write_backup(dest_dir, _current(), password=password, report=report,
                          keep=backup_settings.load().keep if keep is None else keep)
    if not is_read_only():  # a database on a write-protected medium is copied, but nothing is recorded in it
        backup_settings.record_backup(result)
    return result.path


def _current() -> Path:
    from curator_app.db import current_path

    path = current_path()
    if path is None:
        raise CuratorError("База данных не открыта.")
    return path


def _open_source(path: Path) -> sqlite3.Connection:
    try:
        from curator_app.db import writable

        # ``immutable`` on a write-protected medium, where SQLite cannot open a WAL database otherwise
        flags = "mode=ro" if writable(path) else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn
    except sqlite3.Error as exc:
        raise CuratorError(f"Не удалось открыть базу «{path}» для копирования: {exc}.") from exc


def _copy(src: sqlite3.Connection, target: Path, counts: dict[str, int], report: Report, dest: Path) -> None:
    """SQLite backup API into ``target``, then switch the copy to a plain journal and verify it."""
    report(0, "Копирование базы…")
    try:
        dst = sqlite3.connect(target, isolation_level=None)
    except sqlite3.Error as exc:
        raise _write_error(target.parent, exc) from exc
    try:
        _copy_pages(src, dst, report)
        dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        report(50, "Проверка копии…")
        problem = _verify_copy(dst, counts)
        if problem:
            raise CuratorError(f"Записанная копия в «{dest}» не прошла проверку ({problem}); копия не сохранена. "
                               "Носитель может быть неисправен.")
    except sqlite3.Error as exc:
        raise _write_error(dest, exc) from exc
    finally:
        dst.close()


def _copy_pages(src: sqlite3.Connection, dst: sqlite3.Connection, report: Report) -> None:
    def step(status: int, remaining: int, total: int) -> None:
        report(int(45 * (total - remaining) / max(total, 1)), "Копирование базы…")

    src.backup(dst, pages=_PAGES_PER_STEP, progress=step)


def _verify_copy(dst: sqlite3.Connection, counts: dict[str, int]) -> str:
    rows = [r[0] for r in dst.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        return "нарушена целостность"
    copied = table_counts(dst)
    if copied != counts:
        differ = sorted(t for t in set(copied) | set(counts) if copied.get(t) != counts.get(t))
        return "не совпало число записей в таблицах: " + ", ".join(differ[:5])
    return ""


def _encrypt_verified(plain: Path, final: Path, password: str, dest: Path, report: Report) -> None:
    """Encrypt ``plain`` into ``final`` via a temporary name, then read it back and compare."""
    temp = dest / f".{final.name}.{os.getpid()}.part"
    size = plain.stat().st_size
    try:
        with open(plain, "rb") as source, _open_target(temp) as target:
            backup_crypto.encrypt_stream(source, target, password, size,
                                         lambda done, total: report(60 + 25 * done // max(total, 1), "Шифрование…"))
            target.flush()
            os.fsync(target.fileno())
        report(85, "Проверка зашифрованной копии…")
        with open(temp, "rb") as source, open(plain, "rb") as original:
            backup_crypto.decrypt_stream(source, _Comparer(original, dest), password, final.name)
        os.replace(temp, final)
    except backup_crypto.DamagedBackupError as exc:
        raise CuratorError(f"Зашифрованная копия в «{dest}» не прошла проверку; копия не сохранена. "
                           "Носитель может быть неисправен.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _plain_work_dir(source: Path) -> Path:
    """Where an encrypted copy is assembled: beside the database, or the system's temporary folder when the
    database sits on a write-protected medium."""
    from curator_app.db import writable

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


# --- names, space, rotation -------------------------------------------------------------------------------
def _school_slug(conn: sqlite3.Connection) -> str:
    name = str(_setting(conn, "school.short_name") or "Куратор")
    return re.sub(r"[^\w]+", "_", name).strip("_")[:40] or "curator"


def _unique_name(dest: Path, slug: str, when: dt.datetime, encrypted: bool, tag: str) -> Path:
    suffix = SUFFIX_ENCRYPTED if encrypted else SUFFIX_PLAIN
    base = f"{slug}_{when.strftime(_STAMP)}"
    if tag:
        base += f"_{tag}"
    candidate, n = dest / f"{base}{suffix}", 1
    while candidate.exists():
        n += 1
        candidate = dest / f"{base}_{n}{suffix}"
    return candidate


def is_backup_name(name: str) -> bool:
    return _NAME.match(name) is not None


def rotate(dest: Path, newest: Path, keep: int) -> list[Path]:
    """Remove this school's oldest regular copies in ``dest`` so that ``keep`` remain (``newest`` stays)."""
    match = _NAME.match(newest.name)
    if not match or keep < 1:
        return []
    school = match["school"]
    ours = sorted((p for p in dest.iterdir() if (m := _NAME.match(p.name)) and m["school"] == school),
                  key=lambda p: (_NAME.match(p.name)["stamp"], p.stat().st_mtime))  # type: ignore[index]
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


def _database_size(conn: sqlite3.Connection) -> int:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return int(pages) * int(conn.execute("PRAGMA page_size").fetchone()[0])


def _check_free_space(dest: Path, needed: int) -> None:
    free = shutil.disk_usage(dest).free
    if free < needed:
        raise CuratorError(f"На диске с папкой «{dest}» недостаточно места для резервной копии: свободно "
                           f"{_mb(free)}, нужно около {_mb(needed)}. Освободите место или выберите другой носитель.")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} МБ".replace(".", ",")


def _write_error(dest: Path, exc: BaseException) -> CuratorError:
    if isinstance(exc, CuratorError):
        return exc
    text = str(exc)
    if (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)) or "disk is full" in text:
        return CuratorError(f"На диске с папкой «{dest}» закончилось место во время записи резервной копии; "
                            "копия не сохранена, база не изменена. Освободите место или выберите другой носитель.")
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else text
    return CuratorError(f"Не удалось записать резервную копию в «{dest}»: {detail}. Копия не сохранена "
                        "(носитель извлечён или неисправен?); база не изменена.")


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- kept for callers of the first version of this module -----------------------------------------------
def inspect_backup(path: str | Path, password: str | None = None) -> BackupInfo:
    from .restore import inspect_backup as inspect

    return inspect(path, password)


def restore_backup(path: str | Path, password: str | None = None, report: Report | None = None) -> Path:
    from .restore import restore_backup as restore

    return restore(path, password, report)
