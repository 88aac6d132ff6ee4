"""Restoring the database from a backup: verify first, keep a safety copy, then one atomic rename.

The backup (decrypted if needed) is written to a temporary file in the database's own folder and checked
there — a real Curator database, sound, schema not newer than the program — so a corrupt, foreign,
cut-off or wrong-password file is refused before anything happens to the current database. Then the
current database is copied into «Резервные копии» beside it and the checked file is renamed over it
(``curator_app.db.replace_file``): a crash at any moment leaves either the old database or the new one.
An older schema is migrated when the restored file is opened, in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from curator_app.backup import crypto
from curator_app.db.copy import copy_database
from curator_app.errors import CuratorError
from curator_app.files import fsync_dir, fsync_file
from curator_app.tasks import QUIET, TaskState

from .inspect import BackupInfo, describe_plain

SAFETY_FOLDER = "Резервные копии"
SAFETY_TAG = "перед-восстановлением"


class PasswordNeededError(CuratorError):
    """The backup is encrypted and no password was given."""


def inspect_backup(path: str | Path, password: str | None = None) -> BackupInfo:
    """Verify the backup at ``path`` and say what it holds (date, school, counts), changing nothing."""
    source = Path(path)
    if not source.is_file():
        raise CuratorError(f"Файл резервной копии «{source}» не найден.")
    if not crypto.is_encrypted(source):
        return describe_plain(source)
    with private_copy(source, password) as (_, info):
        return info


@contextlib.contextmanager
def private_copy(path: str | Path, password: str | None = None) -> Iterator[tuple[Path, BackupInfo]]:
    """The backup at ``path`` as a plain, verified database file in a private temporary folder (decrypted
    if needed), to be read by this process alone; the folder and all in it are removed however the block
    ends, so no plain copy of personal data stays behind. Yields the file and what the backup holds."""
    source = Path(path)
    if not source.is_file():
        raise CuratorError(f"Файл резервной копии «{source}» не найден.")
    with tempfile.TemporaryDirectory(prefix="curator-") as folder:
        plain = Path(folder) / "copy.sqlite"
        _unpack(source, plain, password)
        info = describe_plain(plain, shown_as=source)
        info.encrypted = crypto.is_encrypted(source)
        yield plain, info


@dataclass
class PreparedRestore:
    """A backup unpacked and checked beside the database, with the safety copy already made."""

    source: Path
    temp: Path
    info: BackupInfo
    safety: Path

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temp.unlink(missing_ok=True)


def prepare_restore(path: str | Path, db_path: Path, password: str | None = None,
                    state: TaskState = QUIET) -> PreparedRestore:
    """Everything slow of a restore, touching no peewee state (a worker thread may run it): unpack the
    backup beside ``db_path``, verify it, save a safety copy of ``db_path``. Nothing is replaced yet."""
    source = Path(path)
    if not source.is_file():
        raise CuratorError(f"Файл резервной копии «{source}» не найден.")
    if source.resolve() == db_path.resolve():
        raise CuratorError("Это и есть открытая база данных: выберите файл резервной копии.")
    temp = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.part")
    try:
        state.progress(5, 100, "Чтение копии…")
        _unpack(source, temp, password)
        state.progress(35, 100, "Проверка копии…")
        info = describe_plain(temp, shown_as=source)
        info.encrypted = crypto.is_encrypted(source)
        state.progress(55, 100, "Копия текущей базы…")
        safety_dir = db_path.parent / SAFETY_FOLDER
        safety_dir.mkdir(exist_ok=True)
        safety = copy_database(db_path, safety_dir, SAFETY_TAG)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise CuratorError(f"Не удалось восстановить базу: {exc.strerror or exc}. Текущая база не изменена.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    state.progress(80, 100, "Замена базы…")
    return PreparedRestore(source, temp, info, safety)


def finish_restore(prepared: PreparedRestore) -> Path:
    """Rename the checked file over the open database (main thread: it reopens the connection)."""
    from curator_app.audit import log
    from curator_app.db import current_path, replace_file

    db_path = current_path()
    try:
        before = db_path.stat().st_ino if db_path else None
        replace_file(prepared.temp)
    except OSError as exc:
        raise CuratorError(f"Не удалось восстановить базу: {exc.strerror or exc}. Текущая база не изменена.") from exc
    except Exception as exc:
        if db_path is None or db_path.stat().st_ino == before:
            raise
        _put_back(prepared.safety, db_path)  # the copy did not open (e.g. its upgrade failed)
        raise CuratorError(f"Копия «{prepared.source.name}» не открылась после замены ({exc}); прежняя база "
                           "возвращена на место.") from exc
    finally:
        prepared.discard()
    info = prepared.info
    log("restore", "database", None, f"База восстановлена из копии {prepared.source.name}",
        {"backup": str(prepared.source), "safety_copy": str(prepared.safety), "people": info.people,
         "mentorships": info.mentorships})
    return prepared.safety


def _put_back(safety: Path, db_path: Path) -> None:
    """Return the safety copy to its place after a restored file failed to open."""
    from curator_app.db import replace_file

    temp = db_path.with_name(f".{db_path.name}.putback-{os.getpid()}.part")
    try:
        _unpack(safety, temp, None)
        replace_file(temp)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def restore_backup(path: str | Path, password: str | None = None, state: TaskState = QUIET) -> Path:
    """Replace the open database with the backup at ``path``; returns the safety copy of the database as it
    was. On any refusal or failure before the final rename the current database is exactly as it was."""
    from curator_app.db import current_path, is_read_only

    current = current_path()
    if current is None or is_read_only():
        raise CuratorError("База данных не открыта для записи: восстановить в неё копию нельзя.")
    safety = finish_restore(prepare_restore(path, current, password, state))
    state.progress(100, 100, "Готово")
    return safety


def restore_over_damaged(target: str | Path, path: str | Path, password: str | None = None) -> Path:
    """Restore into ``target`` when it cannot be opened (damaged, foreign): the file is kept as is under
    «Резервные копии» and replaced. The caller holds no database open; the lock is taken here."""
    from curator_app.db.lock import DatabaseLock

    db_path = Path(target).expanduser().resolve()
    lock = DatabaseLock(db_path)
    lock.acquire()
    temp = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.part")
    try:
        _unpack(Path(path), temp, password)
        describe_plain(temp, shown_as=Path(path))
        safety_dir = db_path.parent / SAFETY_FOLDER
        safety_dir.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
        safety = safety_dir / f"{db_path.stem}_{stamp}_повреждённая{db_path.suffix}"
        for suffix in ("", "-wal"):
            if Path(f"{db_path}{suffix}").exists():
                shutil.copyfile(f"{db_path}{suffix}", f"{safety}{suffix}")
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, db_path)
        fsync_dir(db_path.parent)
    except OSError as exc:
        raise CuratorError(f"Не удалось восстановить базу: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        lock.release()
    return safety


def _unpack(source: Path, target: Path, password: str | None) -> None:
    """Copy (decrypting if needed) ``source`` into ``target``, flushed; ``target`` is removed on failure."""
    try:
        if crypto.is_encrypted(source):
            if not password:
                raise PasswordNeededError(f"Копия «{source.name}» зашифрована: нужен пароль.")
            with open(source, "rb") as src, open(target, "wb") as dst:
                crypto.decrypt_stream(src, dst, password, source.name, source.stat().st_size)
        else:
            shutil.copyfile(source, target)
        fsync_file(target)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        raise
