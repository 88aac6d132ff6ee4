"""Crash safety: a process killed with SIGKILL in the middle of a big transaction leaves a sound database
holding all of the change or none of it; the single-instance lock holds while a process lives and is
gone when it dies."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from curator_app.db import close_database, open_database
from curator_app.errors import DatabaseLockedError
from curator_app.models import Person

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


def _cli(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "curator_app", "--db", str(db), *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_mid_transaction(proc: subprocess.Popen[bytes], db: Path, timeout: float = 30) -> bool:
    """SIGKILL ``proc`` once its transaction has started spilling pages into the WAL; True if killed."""
    wal = Path(f"{db}-wal")
    deadline = time.monotonic() + timeout
    start = wal.stat().st_size if wal.exists() else 0
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > start + 2_000_000:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.005)
    proc.wait()
    return False


def _sound(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)  # recovers the WAL as the program would
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return conn


def test_kill_9_in_the_middle_of_demo_fill_leaves_none_of_it(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite"
    open_database(db)
    people_before = Person.select().count()
    close_database()
    proc = _cli(db, "demo", "--mentees", "20000", "--mentors", "2000")
    assert _kill_mid_transaction(proc, db), "the demo finished before it could be killed"
    conn = _sound(db)
    people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    conn.close()
    assert people == people_before  # none of it (the transaction never committed)
    open_database(db)  # the program opens it normally afterwards: the lock died with the process
    close_database()


def _bank_csv(path: Path, rows: int) -> None:
    syllables = ["ба", "ве", "ги", "до", "жу", "зо", "ка", "ле", "ми", "но", "пу", "ра", "си", "то", "фа", "хо"]
    lines = ["Фамилия;Имя;Отчество;Класс"]
    for i, parts in enumerate(itertools.product(syllables, repeat=4)):
        if i >= rows:
            break
        lines.append(f"{''.join(parts).capitalize()}ов;Пётр;Сергеевич;{5 + i % 6}А")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_kill_9_in_the_middle_of_bank_import_leaves_all_or_none(tmp_path: Path) -> None:
    rows = 30000
    source = tmp_path / "bank.csv"
    _bank_csv(source, rows)
    db = tmp_path / "import.sqlite"
    open_database(db)
    close_database()
    proc = _cli(db, "import", "bank", "mentees", str(source))
    killed = _kill_mid_transaction(proc, db)
    conn = _sound(db)
    people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    conn.close()
    assert people in (0, rows)
    if killed:
        assert people == 0
    else:  # the import was faster than the watcher on this machine
        assert proc.returncode == 0 and people == rows


_HOLDER = """
import sys, time
from curator_app.db import open_database
open_database(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


def test_lock_refuses_a_second_copy_while_the_first_lives(tmp_path: Path) -> None:
    db = tmp_path / "locked.sqlite"
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLockedError, match=f"уже открыта другой копией программы \\(PID {holder.pid}"):
            open_database(db)
        result = subprocess.run([sys.executable, "-m", "curator_app", "--db", str(db), "backup", "--to",
                                 str(tmp_path)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
        assert result.returncode == 0, result.stderr  # a backup only reads: allowed while the window is open
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    open_database(db)  # the OS dropped the lock with the killed process
    close_database()
