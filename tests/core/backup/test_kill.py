"""kill -9 during a backup or a restore, encrypted and plain, at several moments: the database is always
the old one or the new one, and no plain copy of it is left in the temporary folder or on the flash drive
(nor, after an encrypted backup, anywhere); what a killed copy leaves beside the database is private and
gone at the next start.

The work runs in a child process that stops at each progress report until the test lets it go on, so the
moments are exact: in the middle of copying pages, of checking, of encrypting, of writing the restored
content into the database.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from curator_app import backup
from curator_app.db import SAFETY_FOLDER, close_database, open_database
from curator_app.db.copy import sweep_copies
from curator_app.models import Person

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
PASSWORD = "Весна-2027"
SECRET = "Секретова".encode()  # a name only the database and its copies hold
LATER = "Позднеева".encode()  # added after the backup: restoring removes her

_DRIVER = """
import sys
from pathlib import Path
from curator_app.backup import crypto, restore_backup, write_backup
from curator_app.db import copy, open_database
copy._PAGES_PER_STEP = 8  # many reports inside the page copy
crypto.CHUNK = 64 * 1024  # many reports inside the encryption

class Pausing:
    def progress(self, done, total, stage=""):
        print(stage, flush=True)
        sys.stdin.readline()
    def cancelled(self):
        return False

what, db, target, password = sys.argv[1:5]
if what == "backup":
    write_backup(target, Path(db), password=password or None, state=Pausing())
else:
    open_database(db)
    restore_backup(target, password or None, state=Pausing())
print("end", flush=True)
"""


def _run_until(what: str, db: Path, target: Path, password: str, stage: str, occurrence: int, temp: Path) -> None:
    """Run the work and SIGKILL it at the ``occurrence``-th report of ``stage``."""
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    child = subprocess.Popen([sys.executable, "-c", _DRIVER, what, str(db), str(target), password], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdin is not None and child.stdout is not None
    seen = 0
    try:
        for line in child.stdout:
            if line.strip() == stage:
                seen += 1
                if seen == occurrence:
                    child.send_signal(signal.SIGKILL)
                    child.wait()
                    return
            if line.strip() == "end":
                break
            child.stdin.write("\n")
            child.stdin.flush()
        pytest.fail(f"«{stage}» #{occurrence} never came")
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()


def _plain_in(folder: Path) -> list[str]:
    """Files under ``folder`` holding the database's plain data."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if SECRET in data or LATER in data or data.startswith(b"SQLite format 3"):
                found.append(path.name)
    return found


def _people(db: Path) -> set[bytes]:
    conn = sqlite3.connect(db)  # recovers a hot journal as the program would
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {r[0].encode() for r in conn.execute("SELECT last_name FROM person")}
    finally:
        conn.close()


@pytest.fixture
def school(demo_db: Path, tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """The database (with a secret name in it), a flash drive, a private temporary folder, and a plain and an
    encrypted backup of the database made before a later change."""
    Person.create(last_name="Секретова", first_name="Тайна")
    usb, temp = tmp_path / "usb", tmp_path / "temp"
    usb.mkdir()
    temp.mkdir()
    plain = backup.make_backup(usb)
    encrypted = backup.make_backup(usb, password=PASSWORD)
    Person.create(last_name="Позднеева", first_name="Вера")
    close_database()
    return demo_db, usb, temp, Path(f"{plain}|{encrypted}")


BACKUP_MOMENTS = [  # (password?, stage, which report of it)
    (True, "Копирование базы…", 3), (True, "Шифрование…", 4), (True, "Проверка зашифрованной копии…", 1),
    (False, "Копирование базы…", 3), (False, "Проверка копии…", 1),
]


@pytest.mark.parametrize(("encrypted", "stage", "occurrence"), BACKUP_MOMENTS)
def test_killed_backup(school: tuple[Path, Path, Path, Path], tmp_path: Path, encrypted: bool, stage: str,
                       occurrence: int) -> None:
    db, _, temp, _ = school
    stick = tmp_path / "stick"
    stick.mkdir()
    before = {p.name for p in db.parent.iterdir()}
    _run_until("backup", db, stick, PASSWORD if encrypted else "", stage, occurrence, temp)
    assert list(temp.iterdir()) == []
    assert {p.name for p in db.parent.iterdir()} - before <= {f"{db.name}-wal", f"{db.name}-shm"}
    assert LATER in _people(db)  # the database itself is untouched
    if encrypted:
        assert _plain_in(stick) == []  # a killed encrypted backup leaves ciphertext at most
        assert [p.name for p in stick.iterdir() if not p.name.startswith(".")] == []
    else:
        leftovers = [p for p in stick.iterdir() if p.name.startswith(".")]
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in leftovers)
        sweep_copies(stick)  # what the next backup into this folder does first
        assert [p.name for p in stick.iterdir() if p.name.startswith(".")] == []


RESTORE_MOMENTS = [
    (True, "Проверка копии…", 1), (True, "Копия текущей базы…", 1), (True, "Замена базы…", 3),
    (True, "Готово", 1), (False, "Замена базы…", 3),
]


@pytest.mark.parametrize(("encrypted", "stage", "occurrence"), RESTORE_MOMENTS)
def test_killed_restore(school: tuple[Path, Path, Path, Path], encrypted: bool, stage: str,
                        occurrence: int) -> None:
    db, usb, temp, copies = school
    plain, cipher = (Path(p) for p in str(copies).split("|"))
    stick_before = {p.name: p.read_bytes() for p in usb.iterdir()}
    _run_until("restore", db, cipher if encrypted else plain, PASSWORD if encrypted else "", stage, occurrence,
               temp)
    assert list(temp.iterdir()) == []  # nothing decrypted into the temporary folder, ever
    assert {p.name: p.read_bytes() for p in usb.iterdir()} == stick_before
    people = _people(db)
    assert SECRET in people  # the database is the old one (with Позднеева) or the restored one (without)
    allowed = {db.name, f"{db.name}-wal", f"{db.name}-shm", f"{db.name}-journal", f"{db.name}.lock", SAFETY_FOLDER,
               usb.name, temp.name}  # the test keeps the drive and the temporary folder beside the database
    assert {p.name for p in db.parent.iterdir()} <= allowed
    safety = db.parent / SAFETY_FOLDER
    for path in safety.iterdir() if safety.exists() else []:  # finished copies, or one cut off: all private
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    open_database(db)  # the next start
    try:
        assert {p.name for p in db.parent.iterdir()} <= allowed - {f"{db.name}-journal"}
        assert not [p for p in safety.iterdir() if p.name.startswith(".")] if safety.exists() else True
        restored = Person.select().where(Person.last_name == "Позднеева").count() == 0
        assert restored == (stage == "Готово")
    finally:
        close_database()
