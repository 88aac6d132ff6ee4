"""Opening, creating and refusing database files; the single-instance lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from curator_app.db import APPLICATION_ID, LATEST, close_database, current_path, open_database, schema_version
from curator_app.db.lock import DatabaseLock
from curator_app.errors import DatabaseLockedError, NotACuratorDatabaseError, SchemaTooNewError
from curator_app.models import MentoringForm, Person, database


def test_new_database_is_marked_and_seeded(db: Path) -> None:
    assert schema_version() == LATEST
    assert database.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    codes = {f.code for f in MentoringForm.select()}
    assert {"pupil_pupil", "teacher_teacher", "student_pupil", "employer_pupil", "employer_student",
            "teacher_pupil"} <= codes
    assert current_path() == db


def test_reopen_keeps_data_and_does_not_reseed(db: Path) -> None:
    Person.create(last_name="Иванов", first_name="Иван", middle_name="Иванович")
    forms = MentoringForm.select().count()
    close_database()
    open_database(db)
    assert Person.get().full_name == "Иванов Иван Иванович"
    assert MentoringForm.select().count() == forms


def test_search_text_is_folded(db: Path) -> None:
    person = Person.create(last_name="Ёлкина", first_name="Алёна", grade=7, grade_letter="Б")
    assert person.search_text == "елкина алена 7б"


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("это не база данных", encoding="utf-8")
    with pytest.raises(NotACuratorDatabaseError, match="не является базой данных"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "это не база данных"


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotACuratorDatabaseError, match="другой программы"):
        open_database(path)


def test_newer_schema_is_refused(db: Path) -> None:
    database.execute_sql(f"PRAGMA user_version = {LATEST + 1}")
    close_database()
    with pytest.raises(SchemaTooNewError, match="более новой версией"):
        open_database(db)


def test_second_lock_on_same_file_is_refused(tmp_path: Path) -> None:
    first = DatabaseLock(tmp_path / "a.sqlite")
    first.acquire()
    try:
        with pytest.raises(DatabaseLockedError, match="уже открыта другой копией"):
            DatabaseLock(tmp_path / "a.sqlite").acquire()
    finally:
        first.release()
    again = DatabaseLock(tmp_path / "a.sqlite")
    again.acquire()
    again.release()


def test_second_process_is_refused_with_clear_message(db: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "curator_app", "--db", str(db), "settings", "--city", "Тула"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert "уже открыта другой копией программы" in result.stderr
    assert "Traceback" not in result.stderr


def test_lock_is_released_when_process_dies(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    code = ("import os; from curator_app.db import open_database; "
            f"open_database({str(path)!r}); os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True)
    open_database(path)
    close_database()
