"""Is the database sound? SQLite's own checks plus the program's mark and schema version."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from peewee import DatabaseError

from curator_app.models import database


@dataclass
class CheckResult:
    ok: bool
    problems: list[str] = field(default_factory=list)


def check_database(*, allow_older: bool = False) -> CheckResult:
    """Run ``PRAGMA integrity_check`` and ``foreign_key_check`` on the open database.

    ``allow_older``: an older schema is no fault (it is migrated when the file is opened for work).
    """
    from curator_app.db import APPLICATION_ID, LATEST, schema_version

    problems: list[str] = []
    try:
        rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems += [f"Нарушена целостность файла: {r}" for r in rows[:20]]
        for table, rowid, parent, _ in database.execute_sql("PRAGMA foreign_key_check").fetchall()[:20]:
            problems.append(f"Таблица {table}, строка {rowid}: ссылка на несуществующую запись в {parent}")
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        return CheckResult(ok=False, problems=[f"Файл базы данных повреждён: {exc}"])
    if database.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        problems.append("Файл не помечен как база данных «Куратора»")
    version = schema_version()
    if version > LATEST or (version < LATEST and not allow_older):
        problems.append(f"Версия схемы {version}, ожидалась {LATEST}")
    return CheckResult(ok=not problems, problems=problems)
