"""Copies of the database file, made one way: SQLite's online backup API from a read-only connection of
their own (:func:`.readable.connect_readable`, which sees the rows still in a ``-wal`` even on a
write-protected medium) into a private temporary file (``.<name>.<pid>.part``, 0600), the copy switched to a
plain journal, verified (``integrity_check`` and the row count of every table against the database at the
moment of copying), flushed and only then renamed. A copy cut off half-way never looks like a good one.
A copy that is to be encrypted is made and verified in memory (:func:`copy_to_memory`): its plain bytes
never reach a disk.

The copy made before a migration is made here (:func:`copy_database`); backups (``curator_app.backup``)
build on the same pieces and add encryption, rotation and the settings. How copies are named lives here
too, so a copy made before a migration is listed and restored like any backup.

Touches no peewee state: a worker thread may run it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

from curator_app.errors import CuratorError, cause_of
from curator_app.files import create_private, fsync_dir, fsync_file, sweep, temp_path
from curator_app.tasks import QUIET, TaskState

from .readable import connect_readable, image

STAMP = "%Y-%m-%d_%H-%M-%S"
SUFFIX_PLAIN = ".curator-backup.sqlite"
SUFFIX_ENCRYPTED = ".curator-backup.enc"
COPY_NAME = re.compile(r"^(?P<school>.+)_(?P<stamp>\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d)(?:_\d+)?"
                       r"\.curator-backup\.(?:sqlite|enc)$")
_PAGES_PER_STEP = 2048


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows in every table of the database behind ``conn``."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def read_setting(conn: sqlite3.Connection, key: str) -> object:
    """A value of the ``setting`` table read through a plain connection (None when absent or unreadable)."""
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] is None:
        return None
    try:
        return json.loads(row[0])
    except (TypeError, ValueError):
        return row[0]


def school_slug(conn: sqlite3.Connection) -> str:
    """The school's short name as a file-name part: «МБОУ СОШ № 17» → «МБОУ_СОШ_17»."""
    name = str(read_setting(conn, "school.short_name") or "Куратор")
    return re.sub(r"[^\w]+", "_", name).strip("_")[:40] or "curator"


def copy_name(dest: Path, slug: str, when: dt.datetime, encrypted: bool = False, tag: str = "") -> Path:
    """A free name in ``dest`` for a copy: ``<school>_<date_time>[_<tag>][_<n>].curator-backup.<sqlite|enc>``."""
    suffix = SUFFIX_ENCRYPTED if encrypted else SUFFIX_PLAIN
    base = f"{slug}_{when.strftime(STAMP)}"
    if tag:
        base += f"_{tag}"
    candidate, n = dest / f"{base}{suffix}", 1
    while candidate.exists():
        n += 1
        candidate = dest / f"{base}_{n}{suffix}"
    return candidate


def open_source(path: Path) -> sqlite3.Connection:
    """A read-only connection to the database at ``path`` for copying it (its committed rows, WAL included)."""
    try:
        return connect_readable(path, check_same_thread=False)
    except sqlite3.Error as exc:
        raise CuratorError(f"Не удалось открыть базу «{path}» для копирования: {exc}.") from exc


def database_size(conn: sqlite3.Connection) -> int:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return int(pages) * int(conn.execute("PRAGMA page_size").fetchone()[0])


def check_free_space(dest: Path, needed: int) -> None:
    free = shutil.disk_usage(dest).free
    if free < needed:
        raise CuratorError(f"На диске с папкой «{dest}» недостаточно места для резервной копии: свободно "
                           f"{_mb(free)}, нужно около {_mb(needed)}. Освободите место или выберите другой носитель.")


def copy_verified(src: sqlite3.Connection, target: Path, counts: dict[str, int], dest: Path,
                  state: TaskState = QUIET) -> None:
    """Copy the database behind ``src`` into the new private file ``target`` and verify it against ``counts``
    (taken in the same snapshot). Progress runs 0–50 of 100; ``dest`` names the medium in messages."""
    state.progress(0, 100, "Копирование базы…")
    try:
        create_private(target)
        dst = sqlite3.connect(target, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise write_error(target.parent, exc) from exc
    try:
        _copy_pages(src, dst, state)
        dst.execute("PRAGMA journal_mode = DELETE")  # a copy is one self-contained file
        state.progress(50, 100, "Проверка копии…")
        _check_copy(dst, counts, dest)
    except sqlite3.Error as exc:
        raise write_error(dest, exc) from exc
    finally:
        dst.close()


def copy_to_memory(src: sqlite3.Connection, counts: dict[str, int], dest: Path, state: TaskState = QUIET) -> bytes:
    """The database behind ``src`` as the bytes of a verified self-contained file, made in memory only
    (the plain copy of an encrypted backup never touches a disk). Progress runs 0–50 of 100."""
    state.progress(0, 100, "Копирование базы…")
    dst = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _copy_pages(src, dst, state)
        state.progress(50, 100, "Проверка копии…")
        _check_copy(dst, counts, dest)
        return image(dst)
    finally:
        dst.close()


def _check_copy(dst: sqlite3.Connection, counts: dict[str, int], dest: Path) -> None:
    problem = _verify(dst, counts)
    if problem:
        raise CuratorError(f"Записанная копия в «{dest}» не прошла проверку ({problem}); копия не сохранена. "
                           "Носитель может быть неисправен.")


def _copy_pages(src: sqlite3.Connection, dst: sqlite3.Connection, state: TaskState) -> None:
    def step(status: int, remaining: int, total: int) -> None:
        state.progress(int(45 * (total - remaining) / max(total, 1)), 100, "Копирование базы…")

    src.backup(dst, pages=_PAGES_PER_STEP, progress=step)


def _verify(dst: sqlite3.Connection, counts: dict[str, int]) -> str:
    rows = [r[0] for r in dst.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        return "нарушена целостность"
    copied = table_counts(dst)
    if copied != counts:
        differ = sorted(t for t in set(copied) | set(counts) if copied.get(t) != counts.get(t))
        return "не совпало число записей в таблицах: " + ", ".join(differ[:5])
    return ""


def copy_database(source: Path, dest: Path, tag: str) -> Path:
    """A verified plain copy of the database file ``source`` in the folder ``dest`` (made before a
    migration, before a restore); returns the file written."""
    src = open_source(source)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and the copy
        counts = table_counts(src)
        check_free_space(dest, database_size(src) * 21 // 20 + 1_000_000)
        final = copy_name(dest, school_slug(src), dt.datetime.now(), tag=tag)
        temp = temp_path(final)
        try:
            copy_verified(src, temp, counts, dest)
            fsync_file(temp)
            os.replace(temp, final)
            fsync_dir(dest)
        except OSError as exc:
            raise write_error(dest, exc) from exc
        finally:
            temp.unlink(missing_ok=True)
    finally:
        src.close()
    return final


def sweep_copies(folder: Path) -> list[Path]:
    """Remove temporary files of copies in ``folder`` whose process died (a pulled drive, a power cut, a kill)."""
    return sweep(folder, is_copy_name)


def is_copy_name(name: str) -> bool:
    """A copy's name, regular or tagged (made before a migration or a restore)."""
    return name.endswith((SUFFIX_PLAIN, SUFFIX_ENCRYPTED))


def write_error(dest: Path, exc: BaseException) -> CuratorError:
    """What to say when writing a copy into ``dest`` failed."""
    if isinstance(exc, CuratorError):
        return exc
    kind = cause_of(exc)
    if kind == "disk_full":
        return CuratorError(f"На диске с папкой «{dest}» закончилось место во время записи резервной копии; "
                            "копия не сохранена, база не изменена. Освободите место или выберите другой носитель.")
    if kind in ("read_only", "no_rights"):
        return CuratorError(f"В папку «{dest}» нельзя записать резервную копию: носитель защищён от записи "
                            "или нет прав на папку. Копия не сохранена; база не изменена.")
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return CuratorError(f"Не удалось записать резервную копию в «{dest}»: {detail}. Копия не сохранена "
                        "(носитель извлечён или неисправен?); база не изменена.")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} МБ".replace(".", ",")
