"""Every older schema, with data in it, migrates to one identical to a freshly created database.

Older schemas are frozen in ``schemas/v<N>.sql`` (see ``schemas/make_snapshot.py``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from curator_app.db import LATEST, MIGRATIONS, close_database, open_database, schema_version
from curator_app.db.integrity import check_database
from curator_app.models import ALL_MODELS, database

SCHEMAS = Path(__file__).resolve().parent / "schemas"


def _schema(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    shape: dict[str, list[tuple]] = {}
    for table in tables:
        columns = sorted((r[1], r[2].upper(), r[3], r[5]) for r in conn.execute(f'PRAGMA table_info("{table}")'))
        indexes = sorted((r[2], tuple(c[2] for c in conn.execute(f'PRAGMA index_info("{r[1]}")')))
                         for r in conn.execute(f'PRAGMA index_list("{table}")'))
        fks = sorted((r[2], r[3], r[4], r[6]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")'))
        shape[table] = [*columns, *indexes, *fks]
    return shape


def _build(version: int, path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((SCHEMAS / f"v{version}.sql").read_text(encoding="utf-8"))
    conn.commit()
    conn.close()


def test_snapshot_of_latest_version_exists() -> None:
    assert (SCHEMAS / f"v{LATEST}.sql").exists(), (
        "Схема изменилась: добавьте миграцию и снимок (python -m tests.core.db.schemas.make_snapshot)")


def test_models_match_latest_snapshot(tmp_path: Path) -> None:
    """A model changed without a migration shows up here."""
    _build(LATEST, tmp_path / "snap.sqlite")
    open_database(tmp_path / "fresh.sqlite")
    fresh = _schema(database.connection())
    close_database()
    assert _schema(sqlite3.connect(tmp_path / "snap.sqlite")) == fresh


def test_migration_steps_are_contiguous() -> None:
    assert sorted(MIGRATIONS) == list(range(2, LATEST + 1))
    assert all(model._meta.table_name for model in ALL_MODELS)


@pytest.mark.parametrize("version", range(1, LATEST))
def test_older_version_migrates_with_its_data(tmp_path: Path, version: int) -> None:
    old = tmp_path / "old.sqlite"
    _build(version, old)
    conn = sqlite3.connect(old)
    before = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _schema(conn)}
    conn.close()
    assert before["person"] > 0
    open_database(old)
    try:
        assert schema_version() == LATEST
        assert check_database().ok
        migrated = _schema(database.connection())
        after = {t: database.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in before}
    finally:
        close_database()
    open_database(tmp_path / "fresh.sqlite")
    fresh = _schema(database.connection())
    close_database()
    assert migrated == fresh
    assert after == before
