"""Opening a database that may be read-only: the one way (``curator_app.db.readable``).

The attack's worst case: a database on a write-protected medium with its last committed rows still in the
``-wal`` was opened ``immutable=1``, which ignores the WAL: ``info`` showed 38 people instead of 40 and a
backup «succeeded» without the 2 newest. The medium is simulated the way the rest of the suite does it:
the code path that decides «read-only» (``writable``) says so, and as root a tmpfs is remounted read-only.
Read-only commands never migrate or create: ``info`` on an empty file, on an older schema while another
copy of the program holds the lock.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import curator_app.db as db
from curator_app import backup
from curator_app.cli import main
from curator_app.db import readable
from curator_app.models import Person

ROOT = Path(__file__).resolve().parents[3]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_rows_in_wal(source: Path, target: Path, extra: int = 2) -> int:
    """Copy ``source`` to ``target`` as a crash would leave it: ``extra`` people committed, still only in the
    ``-wal``. Returns how many people the database holds."""
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for n in range(extra):
        conn.execute("INSERT INTO person (last_name, first_name, category, search_text, created_at, updated_at) "
                     "VALUES (?, ?, 'pupil', ?, '2026-11-16 10:00:00', '2026-11-16 10:00:00')",
                     ("Новиков", f"Последний{n}", f"новиков последний{n}"))
    conn.commit()
    total = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    shutil.copyfile(source, target)
    shutil.copyfile(f"{source}-wal", f"{target}-wal")
    conn.close()
    assert Path(f"{target}-wal").stat().st_size > 0
    return int(total)


@pytest.fixture(params=["writable says no", "read-only mount"])
def medium(request: pytest.FixtureRequest, tmp_path: Path, demo_db: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, int]]:
    """A write-protected medium holding a database whose 2 newest people are only in its ``-wal``."""
    db.close_database()
    folder = tmp_path / "stick"
    folder.mkdir()
    mounted = False
    if request.param == "read-only mount":
        if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "none", str(folder)],
                                               capture_output=True).returncode != 0:
            pytest.skip("нужен root, чтобы смонтировать tmpfs")
        mounted = True
    total = _with_rows_in_wal(demo_db, folder / "school.sqlite")
    try:
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        else:
            for module in (db, readable):
                monkeypatch.setattr(module, "writable", lambda path: Path(path).parent != folder and
                                    Path(path) != folder)
        yield folder / "school.sqlite", total
    finally:
        db.close_database()
        if mounted:
            subprocess.run(["umount", str(folder)], capture_output=True)


def test_rows_still_in_the_wal_are_seen_and_backed_up(medium: tuple[Path, int], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path, total = medium
    before = sorted((p.name, _digest(p)) for p in path.parent.iterdir())
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    assert main(["--db", str(path), "info"]) == 0
    assert json.loads(capsys.readouterr().out)["people"] == total  # not total - 2, as immutable=1 showed
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--db", str(path), "backup", "--to", str(usb)]) == 0
    written = Path(capsys.readouterr().out.strip().splitlines()[0])
    assert backup.inspect_backup(written).people == total
    password = tmp_path / "pass.txt"
    password.write_text("секрет-123\n", encoding="utf-8")
    assert main(["--db", str(path), "backup", "--to", str(usb), "--password-file", str(password)]) == 0
    encrypted = Path(capsys.readouterr().out.strip().splitlines()[0])
    assert backup.inspect_backup(encrypted, "секрет-123").people == total
    assert list(temp.iterdir()) == []  # the WAL was replayed in a private folder, gone at once
    assert main(["--db", str(path), "check"]) == 0
    db.open_database(path, read_only=True)
    assert db.is_read_only() and Person.select().count() == total
    db.close_database()
    assert sorted((p.name, _digest(p)) for p in path.parent.iterdir()) == before  # nothing written there


def test_info_on_an_empty_file_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "пусто.sqlite"
    empty.write_bytes(b"")
    assert main(["--db", str(empty), "info"]) == 1
    assert "пуст" in capsys.readouterr().err
    assert empty.stat().st_size == 0 and [p.name for p in tmp_path.iterdir()] == ["пусто.sqlite"]
    assert main(["--db", str(tmp_path / "нет.sqlite"), "info"]) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["пусто.sqlite"]


_HOLDER = """
import sys, time
from curator_app.db.lock import DatabaseLock
from pathlib import Path
lock = DatabaseLock(Path(sys.argv[1]))
lock.acquire()  # an older copy of the program holds the file
print("open", flush=True)
time.sleep(60)
"""


def test_read_only_commands_never_migrate(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """An older database held by another copy of the program: ``info``, ``export`` and ``backup`` read an
    upgraded copy in memory; the file, its folder and its schema stay as they are."""
    from curator_app.db.migrations import MIGRATIONS

    db.close_database()
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    monkeypatch.setattr(db, "LATEST", db.LATEST + 1)
    monkeypatch.setitem(MIGRATIONS, db.LATEST, lambda migrator: None)
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(demo_db)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = _digest(demo_db)
        assert main(["--db", str(demo_db), "info"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["schema_version"] == db.LATEST - 1 and shown["mentees"] > 0
        usb = tmp_path / "usb"
        usb.mkdir()
        assert main(["--db", str(demo_db), "export", "bank", "mentees", str(usb / "банк.xlsx")]) == 0
        assert main(["--db", str(demo_db), "backup", "--to", str(usb)]) == 0
        out, err = capsys.readouterr()
        assert "предыдущей версией" in err  # the copy is made; its time is not written into an older file
        assert backup.inspect_backup(Path(out.strip().splitlines()[-1])).schema_version == db.LATEST - 1
    finally:
        holder.kill()
        holder.wait()
    assert _digest(demo_db) == before
    assert not (demo_db.parent / db.SAFETY_FOLDER).exists()
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.LATEST - 1
    conn.close()
