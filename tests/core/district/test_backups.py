"""A school's row from its backup: plain, encrypted, older, read beside an open database; no plain copy left."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from curator_app.backup import make_backup
from curator_app.cli import main
from curator_app.db import close_database, current_path, open_database
from curator_app.district import SchoolFileError, read_school_file
from curator_app.models import Person
from tests.core.district.conftest import School

INFO_KEYS = ("mentors", "mentees", "mentorships", "mentorships_active")
SCHEMAS = Path(__file__).resolve().parents[1] / "db" / "schemas"


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system's temporary folder, watched: whatever a test decrypts there must be gone after it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == []


def _backups(school: School, usb: Path, password: str) -> tuple[Path, Path]:
    usb.mkdir(exist_ok=True)
    open_database(school.db)
    try:
        plain = make_backup(usb, keep=10)
        encrypted = make_backup(usb, password=password, keep=10)
    finally:
        close_database()
    return plain, encrypted


def test_rows_from_plain_and_encrypted_backups(schools: list[School], tmp_path: Path, private_temp: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "флешка"
    _backups(schools[0], usb, "Весна-2027")
    _backups(schools[2], usb, "Весна-2027")
    secret = tmp_path / "пароль.txt"
    secret.write_text("Весна-2027\n", encoding="utf-8")
    out = tmp_path / "район.xlsx"
    code = main(["municipal", "--out", str(out), str(usb), "--password-file", str(secret)])
    report, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(report)
    assert report["files"] == 4 and report["schools"] == 2 and len(report["notes"]) == 2  # each school twice
    from tests.core.district.test_municipal import district_rows

    rows = district_rows(out)
    for school, row in zip((schools[2], schools[0]), rows[:2], strict=True):
        assert row["full_name"] == school.row["full_name"]
        assert {k: row[k] for k in INFO_KEYS} == {k: school.info[k] for k in INFO_KEYS}

    code = main(["municipal", "--out", str(out.with_suffix(".pdf")), str(usb)])
    _, err = capsys.readouterr()
    assert code == 1 and "резервная копия зашифрована: укажите пароль (--password-file)" in err
    secret.write_text("Осень\n", encoding="utf-8")
    code = main(["municipal", "--out", str(out.with_suffix(".pdf")), str(usb), "--password-file", str(secret)])
    _, err = capsys.readouterr()
    assert code == 1 and err.count("пароль не подходит к этой резервной копии") == 2 and not out.with_suffix(".pdf").exists()


def test_a_backup_is_read_beside_an_open_database_without_touching_it(schools: list[School], tmp_path: Path,
                                                                      private_temp: Path) -> None:
    _, encrypted = _backups(schools[1], tmp_path / "usb", "Весна-2027")
    opened = open_database(schools[0].db)
    people = Person.select().count()
    try:
        row = read_school_file(encrypted, "Весна-2027")  # read by a child process: the binding stays here
        assert current_path() == opened and Person.select().count() == people
    finally:
        close_database()
    assert {k: row[k] for k in INFO_KEYS} == {k: schools[1].info[k] for k in INFO_KEYS}
    assert row["full_name"] == schools[1].row["full_name"] and row.source == encrypted
    with pytest.raises(SchoolFileError, match="пароль не подходит к этой резервной копии"):
        read_school_file(encrypted, "не тот")


def test_a_backup_of_an_older_program_is_read_from_its_migrated_private_copy(tmp_path: Path,
                                                                              private_temp: Path) -> None:
    old = tmp_path / "МБОУ_СОШ_9_2021-05-20_10-00-00.curator-backup.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript((SCHEMAS / "v1.sql").read_text(encoding="utf-8"))
    conn.execute("UPDATE setting SET value = ? WHERE key = 'school.full_name'", (json.dumps("МБОУ «СОШ № 9»"),))
    conn.commit()
    mentees, ships = (conn.execute(sql).fetchone()[0] for sql in (
        "SELECT count(*) FROM mentee WHERE archived_on IS NULL", "SELECT count(*) FROM mentorship"))
    conn.close()
    before = old.read_bytes()
    row = read_school_file(old)
    assert row["full_name"] == "МБОУ «СОШ № 9»" and (row["mentees"], row["mentorships"]) == (mentees, ships)
    assert mentees > 0
    assert row.as_of is not None and row.as_of.isoformat() == "2021-05-20"  # the day the copy was made
    assert old.read_bytes() == before
