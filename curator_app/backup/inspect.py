"""What a backup file holds, read without changing it: the checks a copy must pass before it is trusted."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from curator_app.db.copy import COPY_NAME, STAMP, read_setting, table_counts
from curator_app.errors import CuratorError, NotACuratorDatabaseError, SchemaTooNewError


@dataclass
class BackupInfo:
    """What a backup holds, read from a verified copy."""

    path: Path
    school: str
    schema_version: int
    people: int
    mentorships: int
    made_at: dt.datetime | None = None
    encrypted: bool = False
    counts: dict[str, int] = field(default_factory=dict)


def describe_plain(path: Path, shown_as: Path | None = None) -> BackupInfo:
    """Verify an unencrypted copy (a real Curator database, sound, schema not newer than the program)
    and say what it holds, without changing it."""
    from curator_app.db import APPLICATION_ID, LATEST

    shown = shown_as or path
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise CuratorError(f"Не удалось прочитать «{shown}»: {exc.strerror or exc}.") from exc
    if header != b"SQLite format 3\x00":
        raise NotACuratorDatabaseError(f"Файл «{shown}» не является резервной копией «Куратора».")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise NotACuratorDatabaseError(f"Файл «{shown}» — база данных другой программы, не «Куратора».")
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                raise CuratorError(f"Резервная копия «{shown}» повреждена: {rows[0]}.")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST:
                raise SchemaTooNewError(f"Копия «{shown}» сделана более новой версией программы "
                                        f"(схема {version}, эта версия понимает до {LATEST}). Обновите программу.")
            counts = table_counts(conn)
            school = read_setting(conn, "school.short_name") or read_setting(conn, "school.full_name")
            made = read_setting(conn, "backup.copy_made_at")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CuratorError(f"Резервная копия «{shown}» повреждена: {exc}.") from exc
    return BackupInfo(shown, str(school or ""), version, counts.get("person", 0), counts.get("mentorship", 0),
                      _made_at(shown, made), counts=counts)


def _made_at(path: Path, recorded: object) -> dt.datetime | None:
    match = COPY_NAME.match(path.name)
    if match:
        return dt.datetime.strptime(match["stamp"], STAMP)
    if isinstance(recorded, str):
        with contextlib.suppress(ValueError):
            return dt.datetime.fromisoformat(recorded)
    with contextlib.suppress(OSError):
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    return None
