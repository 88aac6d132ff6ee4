"""Opening, creating and migrating the Curator database: the one place a connection is made."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseError

from ..errors import CuratorError, NotACuratorDatabaseError, SchemaTooNewError
from ..models import ALL_MODELS, database
from .lock import DatabaseLock
from .migrations import LATEST, MIGRATIONS

APPLICATION_ID = 0x43555241  # "CURA": marks the file as a Curator database
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000}

_lock: DatabaseLock | None = None
_path: Path | None = None


def current_path() -> Path | None:
    """The database file open now, or None."""
    return _path


def open_database(path: str | Path, *, lock: bool = True, create: bool = True) -> Path:
    """Open (creating or migrating as needed) the database at ``path`` and bind the models to it.

    With ``lock`` the file is reserved for this process; a second copy gets a clear refusal.
    Returns the resolved path.
    """
    global _lock, _path
    close_database()
    db_path = Path(path).expanduser().resolve()
    if not db_path.exists() and not create:
        raise CuratorError(f"Файл базы данных «{db_path}» не найден.")
    if db_path.is_dir():
        raise CuratorError(f"«{db_path}» — это папка, а не файл базы данных.")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CuratorError(f"Не удалось создать папку «{db_path.parent}»: {exc.strerror}.") from exc
    new_lock = DatabaseLock(db_path) if lock else None
    if new_lock:
        new_lock.acquire()
    try:
        _check_header(db_path)
        database.init(str(db_path), pragmas=PRAGMAS)
        try:
            database.connect()
            _create_or_migrate(db_path)
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            raise NotACuratorDatabaseError(f"Файл «{db_path}» повреждён или не читается: {exc}.") from exc
    except BaseException:
        if not database.is_closed():
            database.close()
        if new_lock:
            new_lock.release()
        raise
    _lock, _path = new_lock, db_path
    return db_path


def close_database() -> None:
    global _lock, _path
    if database.deferred:
        pass
    elif not database.is_closed():
        database.close()
    if _lock:
        _lock.release()
    _lock, _path = None, None


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
        migrate(version)


def _create_fresh() -> None:
    from ..services.reference import seed_reference_data

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
           "APPLICATION_ID", "database"]
