"""Backups: a verified copy, rotation, free space, a full disk; restore refuses anything but a sound copy."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from curator_app import backup
from curator_app.backup import make as backup_make
from curator_app.backup import settings as backup_settings
from curator_app.db import copy as db_copy
from curator_app.db import current_path
from curator_app.errors import CuratorError, NotACuratorDatabaseError
from curator_app.models import Person, database
from curator_app.stats import counts


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot() -> tuple[str, dict[str, int]]:
    """The open database's content, independent of WAL state: a dump hash and the counts."""
    conn = sqlite3.connect(current_path())  # type: ignore[arg-type]
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    return hashlib.sha256(dump.encode()).hexdigest(), counts()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_backup_is_named_verified_and_remembered(demo_db: Path, usb: Path) -> None:
    written = backup.make_backup(usb)
    assert written.parent == usb and written.name.endswith(".curator-backup.sqlite")
    assert written.name.startswith("МБОУ_СОШ_17_")
    assert [p.name for p in usb.iterdir()] == [written.name]  # no temporary leftovers
    info = backup.inspect_backup(written)
    assert (info.people, info.mentorships) == (Person.select().count(), counts()["mentorships"])
    assert info.school == "МБОУ «СОШ № 17»" and info.made_at is not None
    conn = sqlite3.connect(written)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    state = backup.load_settings()
    assert state.last_path == str(written) and state.folder == str(usb)
    assert state.last_at is not None and dt.datetime.now() - state.last_at < dt.timedelta(minutes=1)


def _content() -> str:
    """The data itself, leaving out the audit log and settings, which a backup and a restore write to."""
    conn = sqlite3.connect(current_path())  # type: ignore[arg-type]
    try:
        lines = [line for line in conn.iterdump()
                 if not line.startswith(('INSERT INTO "audit_log"', 'INSERT INTO "setting"'))]
    finally:
        conn.close()
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def test_round_trip_restores_exactly_and_keeps_safety_copy(demo_db: Path, usb: Path) -> None:
    before = _content()
    written = backup.make_backup(usb)
    people = Person.select().count()
    Person.update(notes="изменено после копии").execute()
    for n in range(5):
        Person.create(last_name="Новый", first_name=f"Человек{n}")
    safety = backup.restore_backup(written)
    assert current_path() == demo_db
    assert _content() == before
    assert backup.inspect_backup(safety).people == people + 5  # the database as it was just before the restore
    assert safety.parent == demo_db.parent / "Резервные копии"
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(demo_db.parent.glob(".*.part"))


def test_encrypted_round_trip_and_no_plain_text_in_file(demo_db: Path, usb: Path) -> None:
    first = Person.select().order_by(Person.id).first()
    written = backup.make_backup(usb, password="Пароль-123")
    assert written.name.endswith(".curator-backup.enc")
    data = written.read_bytes()
    needles = [first.last_name, first.first_name, "МБОУ", "SQLite format 3", "CREATE TABLE"]
    plain = backup.make_backup(usb).read_bytes()
    assert all(n.encode() in plain for n in needles)  # the same search finds them in a plain copy
    for needle in needles:
        assert needle.encode("utf-8") not in data
    assert not list(demo_db.parent.glob(".*.part"))  # the plain snapshot beside the database is gone
    info = backup.inspect_backup(written, "Пароль-123")
    assert info.encrypted and info.people == Person.select().count()
    Person.create(last_name="Новый", first_name="Человек")
    backup.restore_backup(written, "Пароль-123")
    assert Person.select().count() == info.people


def test_wrong_password_and_missing_password_are_refused(demo_db: Path, usb: Path) -> None:
    written = backup.make_backup(usb, password="верный")
    before = _snapshot()
    with pytest.raises(CuratorError, match="Неверный пароль"):
        backup.restore_backup(written, "неверный")
    with pytest.raises(CuratorError, match="зашифрована: нужен пароль"):
        backup.restore_backup(written)
    assert _snapshot() == before
    assert not (demo_db.parent / "Резервные копии").exists()  # refused before anything was done


def _overwrite_middle(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(4096))


@pytest.mark.parametrize("password", [None, "секрет"])
def test_corrupt_backup_is_refused_and_database_untouched(demo_db: Path, usb: Path, password: str | None) -> None:
    written = backup.make_backup(usb, password=password)
    _overwrite_middle(written)
    before = _snapshot()
    with pytest.raises(CuratorError, match="поврежден"):
        backup.restore_backup(written, password)
    assert _snapshot() == before
    assert not list(demo_db.parent.glob(".*.part"))


@pytest.mark.parametrize("password", [None, "секрет"])
def test_truncated_backup_is_refused(demo_db: Path, usb: Path, password: str | None) -> None:
    written = backup.make_backup(usb, password=password)
    data = written.read_bytes()
    written.write_bytes(data[: len(data) * 2 // 3])
    before = _snapshot()
    with pytest.raises(CuratorError, match="поврежден|обрезан"):
        backup.restore_backup(written, password)
    assert _snapshot() == before


def test_encrypted_cut_at_chunk_boundary_is_named_as_cut(demo_db: Path, usb: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from curator_app.backup import crypto as backup_crypto

    monkeypatch.setattr(backup_crypto, "CHUNK", 64 * 1024)
    written = backup.make_backup(usb, password="секрет")
    assert written.stat().st_size > backup_crypto.HEADER_SIZE + backup_crypto.CHUNK + 16  # several chunks
    data = written.read_bytes()
    written.write_bytes(data[: backup_crypto.HEADER_SIZE + backup_crypto.CHUNK + 16])
    with pytest.raises(backup_crypto.DamagedBackupError, match="обрезана"):
        backup.inspect_backup(written, "секрет")


def test_non_database_and_foreign_files_are_refused(demo_db: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.curator-backup.sqlite"
    text.write_text("это не база данных", encoding="utf-8")
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = _snapshot()
    with pytest.raises(NotACuratorDatabaseError, match="не является резервной копией"):
        backup.restore_backup(text)
    with pytest.raises(NotACuratorDatabaseError, match="другой программы"):
        backup.restore_backup(foreign)
    with pytest.raises(CuratorError, match="не найден"):
        backup.restore_backup(tmp_path / "нет.sqlite")
    assert _snapshot() == before


def test_newer_schema_backup_is_refused(demo_db: Path, usb: Path) -> None:
    from curator_app.db import LATEST
    from curator_app.errors import SchemaTooNewError

    written = backup.make_backup(usb)
    conn = sqlite3.connect(written)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError, match="более новой версией"):
        backup.restore_backup(written)


def test_rotation_keeps_last_n_of_this_school_only(demo_db: Path, usb: Path) -> None:
    stranger = usb / "Другая_школа_2020-01-01_10-00-00.curator-backup.sqlite"
    stranger.write_bytes(b"x")
    notes = usb / "заметки.txt"
    notes.write_text("не трогать", encoding="utf-8")
    for day in range(1, 5):  # older copies of this school
        (usb / f"МБОУ_СОШ_17_2026-01-0{day}_10-00-00.curator-backup.sqlite").write_bytes(b"old")
    backup.save_settings(keep=3)
    written = backup.make_backup(usb)
    names = sorted(p.name for p in usb.iterdir())
    ours = [n for n in names if n.startswith("МБОУ_СОШ_17_")]
    assert ours == ["МБОУ_СОШ_17_2026-01-03_10-00-00.curator-backup.sqlite",
                    "МБОУ_СОШ_17_2026-01-04_10-00-00.curator-backup.sqlite", written.name]
    assert stranger.exists() and notes.exists()


def test_not_enough_free_space_is_told_before_writing(demo_db: Path, usb: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    real = shutil.disk_usage
    monkeypatch.setattr(db_copy.shutil, "disk_usage",
                        lambda p: real(p)._replace(free=100_000) if Path(p) == usb else real(p))
    with pytest.raises(CuratorError, match="недостаточно места.*свободно 0,1 МБ"):
        backup.make_backup(usb)
    assert list(usb.iterdir()) == []


def test_disk_full_mid_copy_leaves_nothing(demo_db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(src: sqlite3.Connection, dst: sqlite3.Connection, state: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db_copy, "_copy_pages", full)
    before = _snapshot()
    with pytest.raises(CuratorError, match="закончилось место"):
        backup.make_backup(usb)
    assert list(usb.iterdir()) == [] and _snapshot() == before
    assert backup.load_settings().last_at is None


def test_disk_full_while_writing_encrypted_copy(demo_db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FullDisk:
        def __init__(self, path: Path) -> None:
            self.handle = open(path, "xb")  # noqa: SIM115
            self.written = 0

        def write(self, data: bytes) -> int:
            self.written += len(data)
            if self.written > 300_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(data)

        def flush(self) -> None:
            self.handle.flush()

        def fileno(self) -> int:
            return self.handle.fileno()

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    monkeypatch.setattr(backup_make, "_open_target", FullDisk)
    with pytest.raises(CuratorError, match="закончилось место"):
        backup.make_backup(usb, password="секрет")
    assert list(usb.iterdir()) == []
    assert not list(demo_db.parent.glob(".*.part"))


def test_missing_folder_is_told(demo_db: Path, tmp_path: Path) -> None:
    with pytest.raises(CuratorError, match="не найдена. Вставьте флешку"):
        backup.make_backup(tmp_path / "E:")


def test_reminder_after_a_week(demo_db: Path, usb: Path) -> None:
    assert "ни разу" in backup.reminder()
    backup.make_backup(usb)
    assert backup.reminder() == ""
    later = dt.datetime.now() + dt.timedelta(days=8)
    assert "8 дн. назад" in backup.reminder(later)


def test_restore_checks_before_safety_copy_uses_restore_module(demo_db: Path, usb: Path) -> None:
    written = backup.make_backup(usb)
    info = backup.inspect_backup(written)
    assert info.counts["person"] == info.people and not info.encrypted


def test_older_database_is_copied_before_it_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import curator_app.db as db
    from curator_app.db import close_database, open_database, schema_version
    from curator_app.db.migrations import MIGRATIONS

    path = open_database(tmp_path / "old.sqlite")
    Person.create(last_name="Старый", first_name="Человек")
    close_database()
    monkeypatch.setattr(db, "LATEST", db.LATEST + 1)
    monkeypatch.setitem(MIGRATIONS, db.LATEST, lambda migrator: None)  # a do-nothing next version
    open_database(path)
    assert schema_version() == db.LATEST
    kept = list((tmp_path / "Резервные копии").glob("*перед-обновлением-схемы-*.curator-backup.sqlite"))
    assert len(kept) == 1
    conn = sqlite3.connect(kept[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.LATEST - 1
    assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 1
    conn.close()
    close_database()


def test_removable_drives_are_offered_first(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    media, run_media = tmp_path / "media", tmp_path / "run_media"
    stick, old_style, empty_dir = run_media / "anna" / "KINGSTON", media / "USB", media / "anna" / "не-смонтировано"
    for folder in (stick, old_style, empty_dir):
        folder.mkdir(parents=True)
    mounts = {str(stick), str(old_style)}
    monkeypatch.setattr(backup_settings, "LINUX_ROOTS", (media, run_media))
    monkeypatch.setattr(backup_settings.os.path, "ismount", lambda p: str(p) in mounts)
    if os.name != "nt":
        assert backup.removable_drives() == [old_style, stick]
        assert backup.suggested_folder() == old_style
    mounts.clear()
    assert backup.suggested_folder() == Path.home()
    backup.save_settings(folder=str(tmp_path))
    assert backup.suggested_folder() == tmp_path


def test_older_backup_is_migrated_when_restored(demo_db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import curator_app.db as db
    from curator_app.db import schema_version
    from curator_app.db.migrations import MIGRATIONS

    written = backup.make_backup(usb)  # made by "the previous version" of the program
    monkeypatch.setattr(db, "LATEST", db.LATEST + 1)
    monkeypatch.setitem(MIGRATIONS, db.LATEST, lambda migrator: None)
    database.execute_sql(f"PRAGMA user_version = {db.LATEST}")  # the current database is already upgraded
    assert backup.inspect_backup(written).schema_version == db.LATEST - 1
    backup.restore_backup(written)
    assert schema_version() == db.LATEST
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_that_fails_to_upgrade_is_put_back(demo_db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import curator_app.db as db
    from curator_app.db import schema_version
    from curator_app.db.migrations import MIGRATIONS

    written = backup.make_backup(usb)
    Person.create(last_name="После", first_name="Копии")
    before = _content()

    def broken(migrator: object) -> None:
        raise RuntimeError("шаг обновления сломан")

    monkeypatch.setattr(db, "LATEST", db.LATEST + 1)
    monkeypatch.setitem(MIGRATIONS, db.LATEST, broken)
    database.execute_sql(f"PRAGMA user_version = {db.LATEST}")
    with pytest.raises(CuratorError, match="не открылась после замены.*прежняя база возвращена"):
        backup.restore_backup(written)
    assert current_path() == demo_db and schema_version() == db.LATEST
    assert _content() == before


def test_short_password_is_refused_before_writing(demo_db: Path, usb: Path) -> None:
    with pytest.raises(CuratorError, match="слишком короткий"):
        backup.make_backup(usb, password="12345")
    assert list(usb.iterdir()) == []
