"""Backups of the database file and restoring from them.

A copy is made with SQLite's online backup API into a temporary name in the target folder, flushed,
checked, and only then renamed, so a pulled flash drive leaves no half-written backup behind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import CuratorError, NotACuratorDatabaseError, SchemaTooNewError
from ..models import database


@dataclass
class BackupInfo:
    path: Path
    school: str
    schema_version: int
    people: int
    mentorships: int


def _school_slug() -> str:
    from .settings import load_school

    name = load_school().short_name or "curator"
    return re.sub(r"[^\w]+", "_", name).strip("_")[:40] or "curator"


def make_backup(dest_dir: str | Path) -> Path:
    """Copy the open database into ``dest_dir``; returns the file written."""
    dest = Path(dest_dir)
    if not dest.is_dir():
        raise CuratorError(f"Папка «{dest}» не найдена.")
    size = Path(database.database).stat().st_size
    if shutil.disk_usage(dest).free < size * 1.1 + 1_000_000:
        raise CuratorError(f"На диске «{dest}» недостаточно места для резервной копии "
                           f"(нужно около {size // 1_000_000 + 1} МБ).")
    stamp = dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    final = dest / f"{_school_slug()}_{stamp}.curator-backup.sqlite"
    temp = final.with_name(final.name + ".part")
    try:
        target = sqlite3.connect(temp)
        try:
            database.connection().backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CuratorError("Проверка записанной копии не прошла.")
        finally:
            target.close()
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, final)
    except OSError as exc:
        raise CuratorError(f"Не удалось записать резервную копию в «{dest}»: {exc.strerror or exc}.") from exc
    finally:
        temp.unlink(missing_ok=True)
    return final


def inspect_backup(path: str | Path) -> BackupInfo:
    """Check that ``path`` is a sound Curator database and say what it holds, without changing it."""
    from ..db import APPLICATION_ID, LATEST

    source = Path(path)
    try:
        with open(source, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise NotACuratorDatabaseError(f"Файл «{source}» не является резервной копией «Куратора».")
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CuratorError(f"Резервная копия «{source}» повреждена.")
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise NotACuratorDatabaseError(f"Файл «{source}» — база другой программы, не «Куратора».")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST:
                raise SchemaTooNewError(f"Копия «{source}» сделана более новой версией программы.")
            school = conn.execute("SELECT value FROM setting WHERE key = 'school.short_name'").fetchone()
            people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
            ships = conn.execute("SELECT count(*) FROM mentorship").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CuratorError(f"Резервная копия «{source}» повреждена: {exc}.") from exc
    except OSError as exc:
        raise CuratorError(f"Не удалось прочитать «{source}»: {exc.strerror or exc}.") from exc
    name = (school[0] or "").strip('"') if school else ""
    return BackupInfo(source, name, version, people, ships)


def restore_backup(path: str | Path) -> Path:
    """Replace the open database with the backup at ``path`` after checking it; the current database is
    first saved beside itself. Returns that safety copy. The database is open again afterwards."""
    from ..db import current_path, open_database

    inspect_backup(path)
    current = current_path()
    if current is None:
        raise CuratorError("База данных не открыта.")
    safety = make_backup(current.parent)
    temp = current.with_name(current.name + ".restore")
    try:
        shutil.copyfile(path, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        database.close()
        for suffix in ("-wal", "-shm"):
            Path(str(current) + suffix).unlink(missing_ok=True)
        os.replace(temp, current)
    except OSError as exc:
        raise CuratorError(f"Не удалось восстановить базу: {exc.strerror or exc}.") from exc
    finally:
        temp.unlink(missing_ok=True)
        open_database(current)
    return safety
