"""Restoring the database from a backup: verify first, keep a safety copy, then replace in one transaction.

The backup is read into memory (decrypted there if it is encrypted: no plain copy of it is ever written to
a file) and checked — a real Curator database, sound, schema not newer than the program — so a corrupt,
foreign, cut-off or wrong-password file is refused before anything happens to the current database. Then
the current database is copied into «Резервные копии» beside it and the checked content is written over it
by SQLite's backup API in one transaction of the database file itself
(``curator_app.db.replace_content``): a crash at any moment leaves either the old database or the new one,
and nothing else. An older schema is migrated when the restored content is opened, in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from curator_app.db import SAFETY_FOLDER
from curator_app.db.copy import copy_database
from curator_app.errors import CuratorError
from curator_app.files import create_private, fsync_dir, fsync_file, private_folder, sweep, temp_path
from curator_app.tasks import QUIET, TaskState

from .inspect import BackupInfo, describe, load_backup

SAFETY_TAG = "перед-восстановлением"

def inspect_backup(path: str | Path, password: str | None = None) -> BackupInfo:
    """Verify the backup at ``path`` and say what it holds (date, school, counts), changing nothing."""
    source = Path(path)
    image = load_backup(source, password)
    try:
        return describe(image, source)
    finally:
        image.close()


@dataclass
class PreparedRestore:
    """A backup read into memory and checked, with the safety copy of the database already made."""

    source: Path
    image: sqlite3.Connection  # the backup's content, in memory
    info: BackupInfo
    safety: Path

    def discard(self) -> None:
        self.image.close()


def prepare_restore(path: str | Path, db_path: Path, password: str | None = None,
                    state: TaskState = QUIET) -> PreparedRestore:
    """Everything slow of a restore, touching no peewee state (a worker thread may run it): read the backup
    into memory, verify it, save a safety copy of ``db_path``. Nothing is replaced yet."""
    source = Path(path)
    if not source.is_file():
        raise CuratorError(f"Файл резервной копии «{source}» не найден.")
    if source.resolve() == db_path.resolve():
        raise CuratorError("Это и есть открытая база данных: выберите файл резервной копии.")
    state.progress(5, 100, "Чтение копии…")
    image = load_backup(source, password)
    try:
        state.progress(35, 100, "Проверка копии…")
        info = describe(image, source)
        state.progress(55, 100, "Копия текущей базы…")
        safety = copy_database(db_path, private_folder(db_path.parent / SAFETY_FOLDER), SAFETY_TAG)
    except OSError as exc:
        image.close()
        raise CuratorError(f"Не удалось восстановить базу: {exc.strerror or exc}. Текущая база не изменена.") from exc
    except BaseException:
        image.close()
        raise
    state.progress(80, 100, "Замена базы…")
    return PreparedRestore(source, image, info, safety)


def finish_restore(prepared: PreparedRestore, state: TaskState = QUIET) -> Path:
    """Write the checked content over the open database (main thread: it reopens the connection)."""
    from curator_app.audit import log
    from curator_app.db import ReplacedButNotOpened, replace_content

    def written(done: int, total: int) -> None:
        state.progress(80 + 15 * done // max(total, 1), 100, "Замена базы…")

    try:
        replace_content(prepared.image, written if state is not QUIET else None)
    except ReplacedButNotOpened as exc:
        _put_back(prepared.safety)  # the copy did not open (e.g. its upgrade failed)
        raise CuratorError(f"Копия «{prepared.source.name}» не открылась после замены ({exc}); прежняя база "
                           "возвращена на место.") from exc
    except (OSError, sqlite3.OperationalError) as exc:
        from curator_app.errors import user_message

        raise CuratorError(f"Не удалось восстановить базу: {user_message(exc)} Текущая база не изменена.") from exc
    finally:
        prepared.discard()
    info = prepared.info
    log("restore", "database", None, f"База восстановлена из копии {prepared.source.name}",
        {"backup": str(prepared.source), "safety_copy": str(prepared.safety), "people": info.people,
         "mentorships": info.mentorships})
    return prepared.safety


def _put_back(safety: Path) -> None:
    """Return the safety copy's content after a restored one failed to open."""
    from curator_app.db import replace_content

    image = load_backup(safety)
    try:
        replace_content(image)
    finally:
        image.close()


def restore_backup(path: str | Path, password: str | None = None, state: TaskState = QUIET) -> Path:
    """Replace the open database with the backup at ``path``; returns the safety copy of the database as it
    was. On any refusal or failure before the final step the current database is exactly as it was."""
    from curator_app.db import current_path, is_read_only

    current = current_path()
    if current is None or is_read_only():
        raise CuratorError("База данных не открыта для записи: восстановить в неё копию нельзя.")
    safety = finish_restore(prepare_restore(path, current, password, state), state)
    state.progress(100, 100, "Готово")
    return safety


def restore_over_damaged(target: str | Path, path: str | Path, password: str | None = None) -> Path:
    """Restore into ``target`` when it cannot be opened (damaged, foreign): the file is kept as is under
    «Резервные копии» and replaced by a private temporary file renamed over it. The caller holds no database
    open; the lock is taken here."""
    from curator_app.db.lock import DatabaseLock

    db_path = Path(target).expanduser().resolve()
    lock = DatabaseLock(db_path)
    lock.acquire()
    temp = temp_path(db_path)
    image: sqlite3.Connection | None = None
    try:
        image = load_backup(Path(path), password)
        describe(image, Path(path))
        safety_dir = private_folder(db_path.parent / SAFETY_FOLDER)
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
        safety = safety_dir / f"{db_path.stem}_{stamp}_повреждённая{db_path.suffix}"
        for suffix in ("", "-wal"):
            if Path(f"{db_path}{suffix}").is_file() and (not suffix or Path(f"{db_path}{suffix}").stat().st_size):
                _copy_file(Path(f"{db_path}{suffix}"), Path(f"{safety}{suffix}"))
        _write_image(image, temp)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, db_path)
        fsync_dir(db_path.parent)
    except (OSError, sqlite3.Error) as exc:
        from curator_app.errors import user_message

        raise CuratorError(f"Не удалось восстановить базу: {user_message(exc)}") from exc
    finally:
        if image is not None:
            image.close()
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        lock.release()
    return safety


def _copy_file(source: Path, target: Path) -> None:
    """A private copy of ``source`` (via a temporary name: never half a file under the final one)."""
    temp = temp_path(target)
    try:
        sweep(target.parent)
        create_private(temp)
        with open(source, "rb") as src, open(temp, "r+b") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        fsync_file(temp)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _write_image(image: sqlite3.Connection, target: Path) -> None:
    """The database in memory ``image`` written as the new private file ``target``, flushed."""
    create_private(target)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        image.backup(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    fsync_file(target)
