"""Opening, creating and migrating the Curator database: the one place a connection is made."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import DatabaseError

from curator_app.errors import CuratorError, NotACuratorDatabaseError, SchemaTooNewError
from curator_app.files import fsync_dir, writable
from curator_app.models import ALL_MODELS, database

from .copy import copy_database
from .lock import DatabaseLock
from .migrations import LATEST, MIGRATIONS

APPLICATION_ID = 0x43555241  # "CURA": marks the file as a Curator database
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000}

READ_ONLY_PRAGMAS = {"foreign_keys": 1, "query_only": 1, "busy_timeout": 5000}

_lock: DatabaseLock | None = None
_path: Path | None = None
_read_only = False


def current_path() -> Path | None:
    """The database file open now, or None."""
    return _path


def open_database(path: str | Path, *, lock: bool = True, create: bool = True, read_only: bool = False) -> Path:
    """Open (creating or migrating as needed) the database at ``path`` and bind the models to it.

    With ``lock`` the file is reserved for this process; a second copy gets a clear refusal.
    With ``read_only`` nothing is written to the file, ever: it is neither created, nor migrated, nor
    locked (for ``check`` on a backup and for a database on a read-only medium). An older schema is then
    left as it is; :func:`schema_version` says which it is. Without ``lock`` a file that cannot be written
    (a write-protected medium) is opened read-only too; :func:`is_read_only` tells.
    Returns the resolved path.
    """
    global _lock, _path, _read_only
    close_database()
    db_path = Path(path).expanduser().resolve()
    if not lock and db_path.is_file() and not writable(db_path):
        read_only = True  # a command that only looks, on a write-protected medium: look without writing
    if not db_path.exists() and (not create or read_only):
        raise CuratorError(f"Файл базы данных «{db_path}» не найден.")
    if db_path.is_dir():
        raise CuratorError(f"«{db_path}» — это папка, а не файл базы данных.")
    if not read_only:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CuratorError(f"Не удалось создать папку «{db_path.parent}»: {exc.strerror}.") from exc
    new_lock = DatabaseLock(db_path) if lock and not read_only else None
    if new_lock:
        new_lock.acquire()
    try:
        _connect(db_path, read_only)
    except BaseException:
        if new_lock:
            new_lock.release()
        raise
    _lock, _path, _read_only = new_lock, db_path, read_only
    return db_path


def is_read_only() -> bool:
    """True when the open database was opened with ``read_only`` (nothing may be written)."""
    return _read_only


def _connect(db_path: Path, read_only: bool) -> None:
    """Bind the models to ``db_path`` and connect; create or migrate unless ``read_only``."""
    _check_header(db_path)
    if read_only:
        if db_path.stat().st_size == 0:
            raise NotACuratorDatabaseError(f"Файл «{db_path}» пуст: это не база данных программы «Куратор».")
        # ``immutable`` where nothing can be written at all: a WAL file cannot be opened read-only otherwise
        flags = "mode=ro" if writable(db_path) else "mode=ro&immutable=1"
        database.init(f"{db_path.as_uri()}?{flags}", pragmas=READ_ONLY_PRAGMAS, uri=True)
    else:
        database.init(str(db_path), pragmas=PRAGMAS, uri=False)
    try:
        database.connect()
        if read_only:
            _check_read_only(db_path)
        else:
            _create_or_migrate(db_path)
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        if not database.is_closed():
            database.close()
        raise NotACuratorDatabaseError(f"Файл «{db_path}» повреждён или не читается: {exc}.") from exc
    except BaseException:
        if not database.is_closed():
            database.close()
        raise


def replace_file(new_file: Path) -> None:
    """Put ``new_file`` in place of the open database in one atomic rename, keeping this process's lock,
    and open the result (migrating it if older). Used by restore: the caller has checked ``new_file``.

    Before the rename the old file is closed with its WAL folded in and removed: a stale ``-wal`` beside
    the new file would be replayed into it.
    """
    if _path is None or _read_only:
        raise CuratorError("База данных не открыта для записи.")
    db_path = _path
    if not database.is_closed():
        database.close()
    try:
        wal = Path(f"{db_path}-wal")
        if wal.exists() and wal.stat().st_size:
            conn = sqlite3.connect(db_path)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(new_file, db_path)
    except BaseException:
        _connect(db_path, read_only=False)  # the old file, as it was
        raise
    fsync_dir(db_path.parent)
    _connect(db_path, read_only=False)


def close_database() -> None:
    global _lock, _path, _read_only
    if database.deferred:
        pass
    elif not database.is_closed():
        database.close()
    if _lock:
        _lock.release()
    _lock, _path, _read_only = None, None, False


def schema_version() -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def _check_header(db_path: Path) -> None:
    """Refuse a file that is not SQLite before peewee touches it (it would only say «file is not a
    database»)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    with open(db_path, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise NotACuratorDatabaseError(f"Файл «{db_path}» не является базой данных программы «Куратор».")


def _create_or_migrate(db_path: Path) -> None:
    try:
        app_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
        tables = database.get_tables()
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        raise NotACuratorDatabaseError(f"Файл «{db_path}» повреждён или не является базой данных: {exc}.") from exc
    if not tables and app_id in (0, APPLICATION_ID):
        _create_fresh()
        return
    if app_id != APPLICATION_ID:
        raise NotACuratorDatabaseError(f"Файл «{db_path}» — база данных другой программы, не «Куратора».")
    version = schema_version()
    if version > LATEST:
        raise SchemaTooNewError(
            f"База «{db_path}» создана более новой версией программы (схема {version}, "
            f"эта версия понимает до {LATEST}). Обновите программу."
        )
    if version < LATEST:
        _copy_before_migration(db_path, version)
        migrate(version)


def _copy_before_migration(db_path: Path, version: int) -> None:
    """Keep the file as the older program left it, in «Резервные копии» beside it, before upgrading it."""
    folder = db_path.parent / "Резервные копии"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise CuratorError(f"Не удалось создать папку «{folder}» для копии перед обновлением базы: "
                           f"{exc.strerror}.") from exc
    copy_database(db_path, folder, tag=f"перед-обновлением-схемы-{version}")


def _check_read_only(db_path: Path) -> None:
    """What :func:`_create_or_migrate` refuses, without changing anything."""
    app_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise NotACuratorDatabaseError(f"Файл «{db_path}» — не база данных программы «Куратор».")
    version = schema_version()
    if version > LATEST:
        raise SchemaTooNewError(
            f"База «{db_path}» создана более новой версией программы (схема {version}, "
            f"эта версия понимает до {LATEST}). Обновите программу."
        )


def _create_fresh() -> None:
    from .reference import seed_reference_data

    with database.atomic():
        database.create_tables(ALL_MODELS)
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        database.execute_sql(f"PRAGMA user_version = {LATEST}")
        seed_reference_data()


def migrate(from_version: int) -> None:
    """Apply every step after ``from_version`` in one transaction: all of them or none."""
    from playhouse.migrate import SqliteMigrator

    migrator = SqliteMigrator(database)
    database.execute_sql("PRAGMA foreign_keys = 0")  # table rebuilds must not cascade
    try:
        with database.atomic():
            for version in range(from_version + 1, LATEST + 1):
                MIGRATIONS[version](migrator)
                database.execute_sql(f"PRAGMA user_version = {version}")
    finally:
        database.execute_sql("PRAGMA foreign_keys = 1")


__all__ = ["open_database", "close_database", "current_path", "schema_version", "migrate", "LATEST",
           "APPLICATION_ID", "database", "is_read_only", "writable", "replace_file"]
