"""A full disk, a write-protected medium, a busy or failing drive: named in the curator's words, through the
whole exception chain (a failed COMMIT on a full disk surfaces as «cannot rollback - no transaction is
active»); ``info``/``check`` on a full disk read the database instead of dying (they once died with SIGBUS
from memory-mapped I/O: no connection maps the file now)."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest

from curator_app.db import close_database, database, open_database
from curator_app.errors import CuratorError, cause_of, user_message

ROOT = Path(__file__).resolve().parents[3]


def _raised_during(outer: BaseException, inner: BaseException) -> BaseException:
    try:
        try:
            raise inner
        except BaseException:
            raise outer  # noqa: B904 - the way peewee's rollback hides the failed commit
    except BaseException as caught:
        return caught


def _full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(("error", "words"), [
    (_raised_during(peewee.OperationalError("cannot rollback - no transaction is active"), _full()),
     "На диске закончилось место"),
    (_raised_during(peewee.InterfaceError("x"), OSError(errno.ENOSPC, "No space left on device")),
     "На диске закончилось место"),
    (peewee.OperationalError(sqlite3.OperationalError("attempt to write a readonly database")), "только для чтения"),
    (OSError(errno.EROFS, "Read-only file system"), "только для чтения"),
    (peewee.OperationalError("database is locked"), "База занята"),
    (sqlite3.OperationalError("disk I/O error"), "носитель извлечён или неисправен"),
    (OSError(errno.EACCES, "Permission denied"), "Нет прав на запись"),
    (CuratorError("Своё сообщение"), "Своё сообщение"),
])
def test_one_translation_looks_through_the_chain(error: BaseException, words: str) -> None:
    assert words in user_message(error)


def test_the_first_cause_is_named_not_the_last_error() -> None:
    chained = _raised_during(peewee.OperationalError("cannot rollback - no transaction is active"), _full())
    assert cause_of(chained) == "disk_full"
    assert "rollback" not in user_message(chained)


def test_no_connection_maps_the_file(db: Path) -> None:
    assert database.execute_sql("PRAGMA mmap_size").fetchone()[0] == 0
    close_database()
    open_database(db, read_only=True)
    assert database.execute_sql("PRAGMA mmap_size").fetchone()[0] == 0


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "curator_app", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.name == "nt" or os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "none", str(folder)], capture_output=True).returncode:
        pytest.skip("нужен root, чтобы смонтировать маленький tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def _fill(folder: Path, leave: int) -> Path:
    import shutil

    filler = folder / "filler"
    with open(filler, "wb") as handle:
        handle.write(b"\0" * max(0, shutil.disk_usage(folder).free - leave))
    return filler


def test_a_full_disk_is_named_and_reading_still_works(small_disk: Path) -> None:
    db = small_disk / "school.sqlite"
    assert _cli(db, "settings", "--city", "Тула").returncode == 0
    filler = _fill(small_disk, leave=300_000)
    done = _cli(db, "demo", "--mentees", "400", "--mentors", "80")  # needs megabytes: fails at the commit
    assert done.returncode == 1 and "закончилось место" in done.stderr, done.stderr
    for command in (["info"], ["check"]):
        done = _cli(db, *command)
        assert done.returncode == 0, (command, done.returncode, done.stderr)  # not -7 (SIGBUS)
    filler.unlink()
    _fill(small_disk, leave=0)
    done = _cli(db, "settings", "--city", "Тверь")
    assert done.returncode == 1 and "закончилось место" in done.stderr and "Traceback" not in done.stderr
    assert all(_cli(db, *c).returncode == 0 for c in (["info"], ["check"]))
    (small_disk / "filler").unlink()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0  # none of the demo was kept
    conn.close()
