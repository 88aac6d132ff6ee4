"""Opening, creating and migrating the Curator database: the one place a connection is made.

Two ways in. For work (the window, a command that changes something): the file is locked for this
process, created if new, migrated if older (after a copy), private to its owner. For a look (``info``,
exports, ``check``, a write-protected medium): nothing is ever written, created or migrated — the file is
read in place with ``mode=ro``, or through a copy in memory when in place would lose the rows still in its
``-wal`` (:mod:`.readable`) or when its schema is older than the program's (the copy is upgraded, the file
is not).

- :mod:`.copy` — copies of the file (SQLite's backup API, verified) and how they are named;
- :mod:`.readable` — reading a database that may be read-only; a database's content in memory;
- :mod:`.lock` — one copy of the program per file; :mod:`.integrity` — ``check``;
- :mod:`.migrations` — schema versions; :mod:`.reference` — reference data of a new database.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from peewee import DatabaseError

from curator_app.errors import CuratorError, NotACuratorDatabaseError, SchemaTooNewError, cause_of
from curator_app.files import create_private, disk_full, make_private, private_folder, sweep, writable
from curator_app.models import ALL_MODELS, database

from .copy import copy_database, is_copy_name
from .lock import DatabaseLock
from .migrations import LATEST, MIGRATIONS
from .readable import connect_readable, in_place_uri, memory_uri, snapshot

APPLICATION_ID = 0x43555241  # "CURA": marks the file as a Curator database
SAFETY_FOLDER = "Резервные копии"  # beside the database: copies before a migration or a restore
# secure_delete: a deleted person's data is overwritten, not left in free pages (the system SQLite may be
# built without it); mmap_size 0: the file is never mapped into memory (a full disk would raise SIGBUS).
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000,
           "secure_delete": 1, "mmap_size": 0}

READ_ONLY_PRAGMAS = {"foreign_keys": 1, "query_only": 1, "busy_timeout": 5000, "mmap_size": 0}

_lock: DatabaseLock | None = None
_path: Path | None = None
_read_only = False
_memory: sqlite3.Connection | None = None  # holds the in-memory copy a read-only look goes through


def current_path() -> Path | None:
    """The database file open now, or None."""
    return _path


def open_database(path: str | Path, *, lock: bool = True, create: bool = True, read_only: bool = False,
                  as_is: bool = False) -> Path:
    """Open the database at ``path`` and bind the models to it; returns the resolved path.

    For work (the default): the file is reserved for this process (a second copy gets a clear refusal),
    created if absent (and ``create``), migrated if older (after a copy in «Резервные копии»), made private
    to its owner, and temporary files that killed processes left beside it are removed.
    With ``read_only`` nothing is written to the file, ever: it is neither created, nor migrated, nor locked
    (``info``, exports, ``check``, a database on a write-protected medium); an older schema is read through a
    copy upgraded in memory, or exactly as it is with ``as_is`` (``check``: :func:`schema_version` says which
    it is). Without ``lock`` a file that cannot be written is opened read-only too; :func:`is_read_only` tells.
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
            private_folder(db_path.parent)
        except OSError as exc:
            raise CuratorError(f"Не удалось создать папку «{db_path.parent}»: {exc.strerror}.") from exc
    new_lock = DatabaseLock(db_path) if lock and not read_only else None
    if new_lock:
        new_lock.acquire()
    try:
        if not read_only:
            _make_private(db_path)
        _connect(db_path, read_only, as_is)
    except BaseException:
        if new_lock:
            new_lock.release()
        raise
    _lock, _path, _read_only = new_lock, db_path, read_only
    return db_path


def _make_private(db_path: Path) -> None:
    """A new database file is created readable by its owner alone (SQLite gives its ``-wal`` the same
    rights); an existing one is made so. Leftovers of killed processes beside it are removed."""
    try:
        if not db_path.exists():
            create_private(db_path)
    except OSError as exc:
        raise CuratorError(f"Не удалось создать файл базы данных «{db_path}»: {exc.strerror or exc}.") from exc
    for suffix in ("", "-wal", "-shm"):
        make_private(Path(f"{db_path}{suffix}"))

    def ours(name: str) -> bool:
        return name.startswith(db_path.name) or is_copy_name(name)

    sweep(db_path.parent, ours)
    sweep(db_path.parent / SAFETY_FOLDER, ours)


def is_read_only() -> bool:
    """True when the open database was opened with ``read_only`` (nothing may be written)."""
    return _read_only


def _connect(db_path: Path, read_only: bool, as_is: bool = False) -> None:
    """Bind the models to ``db_path`` and connect; create or migrate unless ``read_only``."""
    _check_header(db_path)
    if read_only:
        _connect_read_only(db_path, as_is)
        return
    database.init(str(db_path), pragmas=PRAGMAS, uri=False)
    try:
        database.connect()
        _create_or_migrate(db_path)
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        if not database.is_closed():
            database.close()
        raise _open_failed(db_path, exc) from exc
    except BaseException:
        if not database.is_closed():
            database.close()
        raise


def _open_failed(db_path: Path, exc: BaseException) -> CuratorError:
    """Why the file did not open, in the curator's words: a full disk (SQLite may only say «disk I/O error»
    when it cannot make room for its shared-memory file), a pulled drive, or a damaged file."""
    kind = cause_of(exc)
    if kind == "io" and disk_full(db_path.parent):
        kind = "disk_full"
    if kind == "disk_full":
        return CuratorError(f"На диске с базой «{db_path}» закончилось место: база не открыта. Освободите место "
                            "и повторите.")
    if kind == "io":
        return CuratorError(f"Не удалось прочитать базу «{db_path}»: ошибка чтения с диска (носитель извлечён "
                            "или неисправен?).")
    if kind == "busy":
        return CuratorError(f"База «{db_path}» занята другой программой. Повторите через несколько секунд.")
    return NotACuratorDatabaseError(f"Файл «{db_path}» повреждён или не читается: {exc}.")


def _connect_read_only(db_path: Path, as_is: bool) -> None:
    """Bind the models to the file read in place, or to a copy in memory (a WAL that cannot be read in
    place, an older schema to be upgraded for reading, a file SQLite cannot open in place on a full disk)."""
    if db_path.stat().st_size == 0:
        raise NotACuratorDatabaseError(f"Файл «{db_path}» пуст: это не база данных программы «Куратор».")
    try:
        try:
            _bind_read_only(db_path, as_is, in_place=True)
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            if cause_of(exc) not in ("io", "disk_full", "read_only", "no_rights"):
                raise
            _close_read_only()
            _bind_read_only(db_path, as_is, in_place=False)
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        _close_read_only()
        raise _open_failed(db_path, exc) from exc
    except BaseException:
        _close_read_only()
        raise


def _bind_read_only(db_path: Path, as_is: bool, in_place: bool) -> None:
    probe = connect_readable(db_path, check_same_thread=False) if in_place else snapshot(db_path)
    try:
        app_id, version = (probe.execute(f"PRAGMA {name}").fetchone()[0] for name in ("application_id",
                                                                                      "user_version"))
        _refuse_foreign(db_path, app_id, version)
        uri = in_place_uri(db_path) if in_place else None
        if uri is None or probe.execute("PRAGMA database_list").fetchone()[2] == "" or (
                version < LATEST and not as_is):
            _bind_memory(probe, version, as_is)
            return
    finally:
        probe.close()
    database.init(uri, pragmas=READ_ONLY_PRAGMAS, uri=True)
    database.connect()
    database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()  # readable this way, really


def _bind_memory(source: sqlite3.Connection, version: int, as_is: bool) -> None:
    """Bind the models to a copy in memory of what ``source`` holds, upgraded there if older (never the
    file), then read-only."""
    global _memory
    uri = memory_uri()
    _memory = sqlite3.connect(uri, uri=True, check_same_thread=False)
    source.backup(_memory)
    database.init(uri, pragmas={**READ_ONLY_PRAGMAS, "query_only": 0}, uri=True)
    database.connect()
    if version < LATEST and not as_is:
        migrate(version)  # the copy in memory, never the file
        database.execute_sql(f"PRAGMA user_version = {version}")  # schema_version() tells the file's
    database.init(uri, pragmas=READ_ONLY_PRAGMAS, uri=True)  # from now on every connection only reads
    database.connect()


def open_image(image: sqlite3.Connection, shown: Path) -> None:
    """Bind the models, read-only, to a copy in memory of the database ``image`` holds (a backup read by
    :func:`curator_app.backup.load_backup`), upgraded there if an older program made it: nothing is written
    anywhere, no plain copy is left behind. :func:`current_path` names it as ``shown``."""
    global _path, _read_only
    close_database()
    app_id, version = (image.execute(f"PRAGMA {name}").fetchone()[0] for name in ("application_id",
                                                                                  "user_version"))
    _refuse_foreign(shown, app_id, version)
    try:
        _bind_memory(image, version, as_is=False)
    except BaseException:
        _close_read_only()
        raise
    _path, _read_only = shown, True


def _close_read_only() -> None:
    global _memory
    if not database.deferred and not database.is_closed():
        database.close()
    if _memory is not None:
        _memory.close()
        _memory = None


def _refuse_foreign(db_path: Path, app_id: int, version: int) -> None:
    """What opening for work refuses, said without changing anything."""
    if app_id != APPLICATION_ID:
        raise NotACuratorDatabaseError(f"Файл «{db_path}» — не база данных программы «Куратор».")
    if version > LATEST:
        raise SchemaTooNewError(
            f"База «{db_path}» создана более новой версией программы (схема {version}, "
            f"эта версия понимает до {LATEST}). Обновите программу."
        )


@contextlib.contextmanager
def writing_briefly(wait: float) -> Iterator[None]:
    """For a command that opened the database to look (``backup``) and has one thing to record (when the
    copy was made): the file opened for writing for the length of the block — never created, locked or
    migrated — waiting up to ``wait`` seconds for another program that is writing it. Raises
    :class:`CuratorError` when the file cannot take it (a write-protected medium, an older schema)."""
    path = _path
    if path is None or not _read_only or not writable(path):
        raise CuratorError("База открыта только для чтения: записать в неё нельзя.")
    _close_read_only()
    try:
        database.init(str(path), pragmas={**PRAGMAS, "busy_timeout": int(wait * 1000)}, timeout=max(1, round(wait)))
        database.connect()
        if schema_version() != LATEST:
            raise CuratorError("База создана предыдущей версией программы: откройте её в программе, чтобы "
                               "обновить.")
        yield
    finally:
        if not database.is_closed():
            database.close()
        _connect_read_only(path, as_is=False)


def replace_content(image: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Put the content of ``image`` (a checked database in memory) in place of the open database's, and open
    the result (migrating it if older). Used by restore.

    SQLite's backup API writes every page in one transaction of the file itself, under a rollback journal:
    a crash at any moment leaves the old content or the new, and no copy of either is written anywhere
    else. If the new content then does not open, :class:`ReplacedButNotOpened` says so (the caller puts the
    old content back); any earlier failure leaves the old database open as it was. ``progress(done, total)``
    hears of the pages written (the transaction stays one).
    """
    if _path is None or _read_only:
        raise CuratorError("База данных не открыта для записи.")
    db_path = _path
    if not database.is_closed():
        database.close()
    replaced = False
    try:
        target = sqlite3.connect(db_path, isolation_level=None)
        try:
            target.execute("PRAGMA busy_timeout = 5000")
            target.execute("PRAGMA journal_mode = DELETE")  # the WAL folded in; any page size may come
            if progress is None:
                image.backup(target)
            else:
                image.backup(target, pages=64, progress=lambda status, left, total: progress(total - left, total))
            replaced = True
            target.execute("PRAGMA journal_mode = WAL")
        finally:
            target.close()
        _connect(db_path, read_only=False)
    except BaseException as exc:
        if not replaced:
            _connect(db_path, read_only=False)  # the old content, as it was
            raise
        raise ReplacedButNotOpened(str(exc)) from exc


class ReplacedButNotOpened(CuratorError):
    """The new content was written but does not open (an upgrade failed); the database is closed."""


def close_database() -> None:
    global _lock, _path, _read_only
    if database.deferred:
        pass
    elif not database.is_closed():
        database.close()
    _close_read_only()
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
    folder = db_path.parent / SAFETY_FOLDER
    try:
        private_folder(folder)
    except OSError as exc:
        raise CuratorError(f"Не удалось создать папку «{folder}» для копии перед обновлением базы: "
                           f"{exc.strerror}.") from exc
    copy_database(db_path, folder, tag=f"перед-обновлением-схемы-{version}")


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
           "APPLICATION_ID", "SAFETY_FOLDER", "database", "is_read_only", "open_image", "writable", "replace_content",
           "ReplacedButNotOpened", "writing_briefly"]
