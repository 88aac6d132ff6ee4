"""Backups against the faults a school PC and a flash drive meet: an encrypted copy into the database's own
folder, another program writing while a backup records its time, leftovers of killed copies, and rights:
everything the program writes is private to its user (0600 files, 0700 folders on POSIX)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from curator_app import backup
from curator_app.cli import main
from curator_app.db import SAFETY_FOLDER, close_database, current_path, open_database
from curator_app.models import Person

ROOT = Path(__file__).resolve().parents[3]
POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX rights")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_encrypted_backup_into_the_databases_own_folder(demo_db: Path) -> None:
    """Both temporary files once took the same name there («File exists»); now the plain copy stays in memory."""
    before = {p.name for p in demo_db.parent.iterdir()}
    written = backup.make_backup(demo_db.parent, password="секрет-123")
    assert written.parent == demo_db.parent and written.suffix == ".enc"
    assert {p.name for p in demo_db.parent.iterdir()} - before == {written.name}
    assert backup.inspect_backup(written, "секрет-123").people == Person.select().count()


_WRITER = """
import sys, time
from curator_app.db import open_database, database
open_database(sys.argv[1])  # holds the lock, as the window does
database.execute_sql("BEGIN IMMEDIATE")
database.execute_sql("UPDATE person SET notes = 'импорт' WHERE id = 1")
print("busy", flush=True)
time.sleep(float(sys.argv[2]))
database.execute_sql("COMMIT")
print("done", flush=True)
time.sleep(60)
"""


def test_backup_while_another_program_writes_records_its_time(demo_db: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy is made from a snapshot while the other program's import runs; recording its time waits for
    the import to commit (it used to give up after 5 s and report the whole backup as failed)."""
    import curator_app.db as db

    close_database()
    monkeypatch.setitem(db.PRAGMAS, "busy_timeout", 200)  # what gave up before: the ordinary wait, made short
    monkeypatch.setitem(db.READ_ONLY_PRAGMAS, "busy_timeout", 200)
    usb = tmp_path / "usb"
    usb.mkdir()
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(demo_db), "0.8"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "busy"
        started = time.monotonic()
        assert main(["--db", str(demo_db), "backup", "--to", str(usb)]) == 0
        out, err = capsys.readouterr()
        assert err == "" and Path(out.strip()).parent == usb
        assert time.monotonic() - started < 30
        assert writer.stdout.readline().strip() == "done"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    open_database(demo_db)
    state = backup.load_settings()
    assert state.last_path == out.strip() and state.last_at is not None


def test_stale_leftovers_are_swept_and_live_ones_kept(demo_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    dead, alive = _dead_pid(), os.getpid()
    usb = tmp_path / "usb"
    usb.mkdir()
    stale_copy = usb / f".МБОУ_СОШ_17_2026-01-01_10-00-00.curator-backup.sqlite.{dead}.part"
    live_copy = usb / f".МБОУ_СОШ_17_2026-01-02_10-00-00.curator-backup.sqlite.{alive}.part"
    strangers = usb / f".отчёт.docx.{dead}.part"
    for path in (stale_copy, live_copy, strangers):
        path.write_bytes(b"SQLite format 3\x00 half a copy")
    backup.make_backup(usb)  # a killed backup's leftover goes at the next backup, not an hour later
    assert not stale_copy.exists() and live_copy.exists() and strangers.exists()

    close_database()
    leftovers = [demo_db.parent / f".{demo_db.name}.restore-{dead}.part",  # earlier versions' names too
                 demo_db.parent / f".{demo_db.name}.{dead}.part",
                 demo_db.parent / f".МБОУ_СОШ_17_2026-01-01_10-00-00.curator-backup.enc.{dead}.part"]
    (demo_db.parent / SAFETY_FOLDER).mkdir(exist_ok=True)
    leftovers.append(demo_db.parent / SAFETY_FOLDER / f".demo_2026-01-01_10-00-00_перед-восстановлением"
                                                      f".curator-backup.sqlite.{dead}.part")
    for path in leftovers:
        path.write_bytes(b"SQLite format 3\x00 plain data")
    open_database(demo_db)
    assert not any(p.exists() for p in leftovers)

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    (temp / f"curator-{dead}-abc123").mkdir()
    (temp / f"curator-{dead}-abc123" / "copy.sqlite").write_bytes(b"SQLite format 3\x00")
    old = temp / "curator-check-ab12cd34"
    old.mkdir()
    (old / "copy.sqlite").write_bytes(b"SQLite format 3\x00")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    mine = temp / f"curator-{alive}-xyz"
    mine.mkdir()
    close_database()
    assert main(["--db", str(demo_db), "info"]) == 0  # any start of the program sweeps the temporary folder
    assert sorted(p.name for p in temp.iterdir()) == [mine.name]


@POSIX
def test_what_the_program_writes_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_mask = os.umask(0o022)  # the usual default: what others may read unless the program says otherwise
    try:
        home = tmp_path / "home"
        monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(home / "Curator"))
        from curator_app.paths import default_db_path

        db = open_database(default_db_path())
        from curator_app.demo import fill_demo

        fill_demo(mentees=10, mentors=3, seed=1)
        assert _mode(db.parent) == 0o700 and _mode(db) == 0o600
        assert all(_mode(p) == 0o600 for p in db.parent.iterdir() if p.is_file())  # -wal, -shm, .lock
        usb = tmp_path / "usb"
        usb.mkdir()
        plain, encrypted = backup.make_backup(usb), backup.make_backup(usb, password="секрет-123")
        assert _mode(plain) == 0o600 and _mode(encrypted) == 0o600
        safety = backup.restore_backup(plain)
        assert _mode(safety) == 0o600 and _mode(safety.parent) == 0o700
        for name, command in (("bank.xlsx", ["export", "bank", "mentees"]), ("map.json", ["export", "roadmap"])):
            close_database()
            assert main(["--db", str(db), *command, str(tmp_path / name)]) == 0
            assert _mode(tmp_path / name) == 0o600
        old = tmp_path / "old.sqlite"  # a database an earlier version left readable by everyone
        old.write_bytes(db.read_bytes())
        old.chmod(0o644)
        close_database()
        open_database(old)
        assert _mode(old) == 0o600
        assert current_path() == old
    finally:
        os.umask(old_mask)
        close_database()


def test_checking_an_encrypted_backup_writes_no_plain_file(demo_db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """``check --password-file`` and the restore preview decrypted into «copy.sqlite» in the temporary folder
    (left there when killed); now they decrypt into memory."""
    usb, temp = tmp_path / "usb", tmp_path / "temp"
    usb.mkdir()
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    written = backup.make_backup(usb, password="секрет-123")
    password = tmp_path / "pass.txt"
    password.write_text("секрет-123\n", encoding="utf-8")
    close_database()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert main(["--db", str(written), "check", "--password-file", str(password)]) == 0
    assert "в порядке" in capsys.readouterr().out
    assert backup.inspect_backup(written, "секрет-123").encrypted
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_refused_restore_over_a_damaged_database_lets_it_go(demo_db: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    written = backup.make_backup(usb, password="секрет-123")
    close_database()
    demo_db.write_bytes(b"garbage" * 1000)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("не тот пароль\n", encoding="utf-8")
    assert main(["--db", str(demo_db), "restore", str(written), "--password-file", str(wrong)]) == 1
    assert "Неверный пароль" in capsys.readouterr().err
    demo_db.unlink()
    open_database(demo_db)  # the lock was released: no «уже открыта другой копией программы»
    close_database()
