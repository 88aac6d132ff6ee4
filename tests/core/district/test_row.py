"""The school's row: what it counts, that it holds ``info``'s own counts, and the sheet ``report`` adds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator_app.cli import main
from curator_app.district import COLUMNS, ROW_SHEET, read_school_table
from curator_app.district.columns import FORMS, MARKER_SHEET
from tests.core.district.conftest import School

INFO_KEYS = ("mentors", "mentees", "mentorships", "mentorships_active")


def test_each_school_row_holds_exactly_its_info_counts(schools: list[School]) -> None:
    sizes = [s.info["mentees"] for s in schools]
    assert sizes == sorted(sizes) and len(set(sizes)) == 3  # three schools of different sizes
    for school in schools:
        assert {k: school.row[k] for k in INFO_KEYS} == {k: school.info[k] for k in INFO_KEYS}
        back = read_school_table(school.table)
        assert {k: back[k] for k in INFO_KEYS} == {k: school.info[k] for k in INFO_KEYS}
        assert back.values == pytest.approx(school.row)  # the whole row survives the file, value for value
        assert back.source == school.table


def test_the_parts_of_a_row_add_up(schools: list[School]) -> None:
    for school in schools:
        row = school.row
        categories = ("mentors_staff", "mentors_pupils", "mentors_students", "mentors_employers", "mentors_other")
        assert sum(row[k] for k in categories) == row["mentors"]
        assert sum(row[f"form_{code}"] for code, _ in FORMS) + row["form_other"] == row["mentorships_active"]
        assert row["pairs_active"] + row["groups_active"] == row["mentorships_active"]
        statuses = ("mentorships_active", "mentorships_planned", "mentorships_completed", "mentorships_ended_early")
        assert sum(row[k] for k in statuses) == row["mentorships"]
        assert row["pupils_covered"] + row["teachers_covered"] <= row["mentees_in_mentoring"]
        assert 0 < row["young_specialists_covered"] <= row["young_specialists"]
        assert row["mentors_trained"] <= row["mentors"] and row["mentors_working"] <= row["mentors"]
        assert row["pupils_share"] == pytest.approx(row["pupils_covered"] / row["pupils_total"])
        assert row["response_rate"] == pytest.approx(row["answered"] / row["expected"])
        assert row["mean_change"] == pytest.approx(row["mean_after"] - row["mean_before"])
        assert row["improved"] + row["worsened"] <= row["compared"]
        assert row["as_of"].isoformat() == "2026-11-16" and row["academic_year"] == "2026-2027"
        assert row["responsible"] and row["partners"] >= 1


def test_report_out_xlsx_adds_the_row_sheet(schools: list[School], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    school = schools[1]  # its name begins with «=»
    out = tmp_path / "мониторинг.xlsx"
    assert main(["--db", str(school.db), "report", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", str(school.db), "info"]) == 0
    info = json.loads(capsys.readouterr().out)
    book = load_workbook(out)
    assert book.sheetnames[:2] == ["Показатели", "Вопросы анкет"] and ROW_SHEET in book.sheetnames
    assert book[MARKER_SHEET].sheet_state == "hidden"
    sheet = book[ROW_SHEET]
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    assert sheet.max_row == 2
    cells = {c.key: sheet.cell(2, i) for i, c in enumerate(COLUMNS, start=1)}
    assert cells["full_name"].value.startswith("=Муниципальное") and cells["full_name"].data_type == "s"
    for key in INFO_KEYS:
        assert cells[key].value == info[key] and type(cells[key].value) is int
    assert cells["pupils_share"].number_format == "0.0%" and isinstance(cells["pupils_share"].value, float)
    assert cells["as_of"].is_date
    back = read_school_table(out)
    assert {k: back[k] for k in INFO_KEYS} == {k: info[k] for k in INFO_KEYS}
