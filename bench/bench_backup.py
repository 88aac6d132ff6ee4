"""Backup of a 50 MB database (a demo school of 27,500 people), plain, encrypted, and a full restore, each
beside its floor: SQLite's own backup API copying the same file, what any backup or restore must do. A backup
adds the check of the copy (integrity and the row count of every table), the flush to the medium and, when
encrypted, AES-GCM and reading it back; a restore decrypts and checks the copy, keeps a verified safety copy
of the database, then renames and reopens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from common import demo_database, paired

TARGETS: dict[str, object] = {"backup_50mb": {"ratio": 4.0}, "backup_encrypted_50mb": {"ratio": 8.0},
                              "restore_50mb": {"ratio": 10.0}}


def _bare_backup(db: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    src, dst = sqlite3.connect(db), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def run(workdir: Path) -> dict[str, object]:
    from curator_app import backup
    from curator_app.db import close_database, open_database

    db = demo_database(workdir, mentees=22000, mentors=5500)  # about 50 MB
    usb = workdir / "usb"
    usb.mkdir()
    open_database(db)
    try:
        floor = workdir / "bare.sqlite"
        figures: dict[str, object] = {"database_mb": round(db.stat().st_size / 1e6, 1)}
        figures["backup_50mb"] = paired(lambda: backup.write_backup(usb, db, keep=3), lambda: _bare_backup(db, floor),
                                        5, floor_is="SQLite backup API в файл")
        figures["backup_encrypted_50mb"] = paired(lambda: backup.write_backup(usb, db, password="пароль", keep=3),
                                                  lambda: _bare_backup(db, floor), 3, floor_is="SQLite backup API в файл")
        copy = sorted(usb.glob("*.enc"))[-1]
        figures["restore_50mb"] = paired(lambda: backup.restore_backup(copy, "пароль"),
                                         lambda: _bare_backup(db, floor), 3,
                                         floor_is="SQLite backup API: копия на место базы")
    finally:
        close_database()
    return figures
