"""The backup CLI (backup, restore, check on a backup) and opening a database read-only."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from curator_app.cli import main
from curator_app.db import close_database, is_read_only, open_database, schema_version
from curator_app.models import Person, database


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def school(demo_db: Path) -> Path:
    close_database()
    return demo_db


def test_backup_restore_check_from_the_command_line(school: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    password = tmp_path / "pass.txt"
    password.write_text("Весна2027\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", str(school), "backup", "--to", str(usb), "--password-file", str(password))
    assert code == 0, err
    written = Path(out.strip())
    assert written.parent == usb and written.suffix == ".enc" and written.exists()

    code, out, err = run_cli(capsys, "--db", str(written), "check", "--password-file", str(password))
    assert code == 0 and "в порядке" in out, err
    code, _, err = run_cli(capsys, "--db", str(written), "check")
    assert code == 1 and "укажите --password-file" in err

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Осень", encoding="utf-8")
    before = _digest(school)
    code, _, err = run_cli(capsys, "--db", str(school), "restore", str(written), "--password-file", str(wrong))
    assert code == 1 and err.startswith("Ошибка: Неверный пароль") and err.count("\n") == 1
    assert _digest(school) == before

    code, out, err = run_cli(capsys, "--db", str(school), "restore", str(written), "--password-file", str(password))
    assert code == 0, err
    assert out.startswith("База восстановлена из копии") and "Прежняя база сохранена в" in out


def test_check_on_older_backup_changes_nothing(school: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "old.curator-backup.sqlite"
    conn = sqlite3.connect(school)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA user_version = 0")  # as if written by an older program
    conn.commit()
    conn.backup(sqlite3.connect(copy))
    conn.close()
    before = _digest(copy)
    code, out, err = run_cli(capsys, "--db", str(copy), "check")
    assert code == 0 and "будет обновлена" in out, err
    assert _digest(copy) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("old")) == [copy.name]  # no lock, no wal


def test_check_reports_a_damaged_backup(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = run_cli(capsys, "--db", str(school), "backup", "--to", str(usb))
    written = Path(out.strip())
    data = bytearray(written.read_bytes())
    data[len(data) // 2: len(data) // 2 + 8192] = b"\xff" * 8192
    written.write_bytes(bytes(data))
    code, _, err = run_cli(capsys, "--db", str(written), "check")
    assert code == 1 and err.strip()
    assert "Traceback" not in err


def test_restore_over_a_damaged_database(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _, out, _ = run_cli(capsys, "--db", str(school), "backup", "--to", str(usb))
    written = Path(out.strip())
    school.write_bytes(b"garbage" * 1000)
    code, out, err = run_cli(capsys, "--db", str(school), "restore", str(written))
    assert code == 0, err
    assert "будет сохранена и заменена" in err
    kept = list((school.parent / "Резервные копии").glob("*повреждённая*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"garbage" * 1000
    open_database(school)
    assert Person.select().count() > 0


def test_backup_options_are_checked(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--db", str(school), "backup", "--to", str(tmp_path / "нет"))
    assert code == 1 and "не найдена" in err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run_cli(capsys, "--db", str(school), "backup", "--to", str(tmp_path), "--password-file", str(empty))
    assert code == 1 and "пуст" in err


def test_read_only_open_writes_nothing(school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import curator_app.db as db

    before = _digest(school)
    monkeypatch.setattr(db, "writable", lambda path: False)  # as on a write-protected flash drive
    open_database(school, read_only=True)
    try:
        assert is_read_only() and schema_version() >= 1 and Person.select().count() > 0
        with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
            Person.create(last_name="Новый", first_name="Человек")
    finally:
        close_database()
    assert not is_read_only()
    assert _digest(school) == before


def test_read_only_refuses_missing_file(tmp_path: Path) -> None:
    from curator_app.errors import CuratorError

    with pytest.raises(CuratorError, match="не найден"):
        open_database(tmp_path / "нет.sqlite", read_only=True)
    assert not (tmp_path / "нет.sqlite").exists()
    assert database.is_closed()
