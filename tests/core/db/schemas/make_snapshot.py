"""Freeze the current schema, with a little demo data, as ``v<LATEST>.sql``.

Run it whenever a migration is added (after the migration and the model change):
    .venv/bin/python -m tests.core.db.schemas.make_snapshot
The migration test builds every older version from its snapshot and migrates it to the current one.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

from curator_app.db import APPLICATION_ID, LATEST, close_database, open_database
from curator_app.demo import fill_demo

HERE = Path(__file__).resolve().parent


def snapshot_sql(version: int, db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    lines = [f"PRAGMA application_id = {APPLICATION_ID};", f"PRAGMA user_version = {version};"]
    lines += [line for line in conn.iterdump() if line not in ("BEGIN TRANSACTION;", "COMMIT;")]
    conn.close()
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "snap.sqlite"
        open_database(path, lock=False)
        fill_demo(mentees=12, mentors=4, seed=1, today=dt.date(2026, 11, 22))
        close_database()
        target = HERE / f"v{LATEST}.sql"
        target.write_text(snapshot_sql(LATEST, path), encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main()
