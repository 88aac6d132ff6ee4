"""Is the database sound? SQLite's own checks plus the program's mark and schema version."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from peewee import DatabaseError

from curator_app.models import database


@dataclass
class CheckResult:
    ok: bool
    problems: list[str] = field(default_factory=list)
    version: int = 0  # the schema version of the file checked


def check_database(*, allow_older: bool = False, conn: sqlite3.Connection | None = None) -> CheckResult:
    """Run ``PRAGMA integrity_check`` and ``foreign_key_check`` on the open database, or on ``conn`` (a backup
    read into memory).

    ``allow_older``: an older schema is no fault (it is migrated when the file is opened for work).
    """
    from curator_app.db import APPLICATION_ID, LATEST

    def one(sql: str) -> list[tuple[Any, ...]]:
        return list(conn.execute(sql).fetchall() if conn is not None else database.execute_sql(sql).fetchall())

    problems: list[str] = []
    try:
        rows = [r[0] for r in one("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems += [f"Нарушена целостность файла: {r}" for r in rows[:20]]
        for table, rowid, parent, _ in one("PRAGMA foreign_key_check")[:20]:
            problems.append(f"Таблица {table}, строка {rowid}: ссылка на несуществующую запись в {parent}")
        app_id, version = one("PRAGMA application_id")[0][0], one("PRAGMA user_version")[0][0]
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        return CheckResult(ok=False, problems=[f"Файл базы данных повреждён: {exc}"], version=0)
    if app_id != APPLICATION_ID:
        problems.append("Файл не помечен как база данных «Куратора»")
    if version > LATEST or (version < LATEST and not allow_older):
        problems.append(f"Версия схемы {version}, ожидалась {LATEST}")
    return CheckResult(ok=not problems, problems=problems, version=version)
