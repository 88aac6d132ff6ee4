"""A deleted person is gone: not in the audit log (their name was kept in every entry about them), not in
the database file's free pages (the program no longer relies on the system SQLite being built with
``secure_delete``)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from curator_app.banks import people
from curator_app.db import close_database, database
from curator_app.models import AuditLog

NAME = "Засекречиваева"


def test_deleted_person_leaves_no_name_behind(db: Path) -> None:
    assert database.execute_sql("PRAGMA secure_delete").fetchone()[0] == 1
    pid = people.save_person("mentee", {"last_name": NAME, "first_name": "Тайна", "middle_name": "Петровна",
                                        "category": "pupil", "grade": 7, "grade_letter": "б"},
                             {"key_request": "чтение"})
    people.save_person("mentee", {"last_name": NAME, "first_name": "Тайна", "middle_name": "Петровна", "grade": 8},
                       {}, person_id=pid)
    people.save_consent(pid, {"signer": "self", "signed_on": dt.date(2026, 9, 1), "purposes": "наставничество"})
    people.archive("mentee", [pid, pid])
    people.restore("mentee", [pid])
    kept = people.save_person("mentee", {"last_name": "Оставленова", "first_name": "Вера", "category": "pupil",
                                         "grade": 7}, {})
    assert any(NAME in (a.summary + str(a.details)) for a in AuditLog.select())
    people.delete("mentee", [pid])
    entries = [(a.action, a.summary, str(a.details)) for a in AuditLog.select()]
    assert not any(NAME in summary + details for _, summary, details in entries)
    assert any(f"[удалён № {pid}]" in summary for _, summary, _ in entries)  # what was done stays
    assert any("Оставленова" in summary for _, summary, _ in entries) and kept
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    conn = sqlite3.connect(db)
    conn.close()
    data = db.read_bytes() + (Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b"")
    assert NAME.encode() not in data
