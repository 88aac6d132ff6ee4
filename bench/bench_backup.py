"""Backup of a 50 MB database (a demo school of 27,500 people): plain, encrypted, and a full restore."""

from __future__ import annotations

import time
from pathlib import Path

from common import best_of, demo_database

TARGETS = {"backup_50mb_s": 1.0, "backup_encrypted_50mb_s": 2.0, "restore_50mb_s": 3.0}


def run(workdir: Path) -> dict[str, float]:
    from curator_app import backup
    from curator_app.db import close_database, open_database

    db = demo_database(workdir, mentees=22000, mentors=5500)  # about 50 MB
    size_mb = db.stat().st_size / 1e6
    usb = workdir / "usb"
    usb.mkdir()
    open_database(db)
    try:
        plain = best_of(5, lambda: backup.write_backup(usb, db, keep=3))
        encrypted = best_of(3, lambda: backup.write_backup(usb, db, password="пароль", keep=3))
        copy = sorted(usb.glob("*.enc"))[-1]
        start = time.perf_counter()
        backup.restore_backup(copy, "пароль")
        restore = time.perf_counter() - start
    finally:
        close_database()
    return {"database_mb": round(size_mb, 1), "backup_50mb_s": plain, "backup_encrypted_50mb_s": encrypted,
            "restore_50mb_s": round(restore, 3)}
