"""``municipal``: three schools summed into the district's table, broken files named, duplicates told."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from curator_app.cli import main
from curator_app.district import COLUMNS, ROW_SHEET, SchoolRow, read_school_table, total_row
from curator_app.district.columns import MARKER_SHEET
from curator_app.district.xlsx import DISTRICT_SHEET, FILES_SHEET
from tests.core.district.conftest import School

INFO_KEYS = ("mentors", "mentees", "mentorships", "mentorships_active")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:
    code = main(["municipal", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if code == 0 else {}, err


def district_rows(path: Path) -> list[dict]:
    sheet = load_workbook(path)[DISTRICT_SHEET]
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    rows = []
    for cells in sheet.iter_rows(min_row=2):
        if cells[0].value is None:
            break
        rows.append({c.key: cell.value for c, cell in zip(COLUMNS, cells, strict=True)})
    return rows


def test_three_schools_summed_row_by_row_and_in_total(schools: list[School], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "район.xlsx"
    code, report, err = run(capsys, "--out", str(out), *(str(s.table) for s in schools))
    assert code == 0, err
    assert report["schools"] == 3 and report["files"] == 3 and report["notes"] == []
    rows = district_rows(out)
    assert len(rows) == 4 and rows[-1]["full_name"] == "Итого"
    by_name = {r["full_name"]: r for r in rows[:-1]}
    for school in schools:
        row = by_name[school.row["full_name"]]
        assert {k: row[k] for k in INFO_KEYS} == {k: school.info[k] for k in INFO_KEYS}
        counts = [c.key for c in COLUMNS if c.kind == "count"]
        assert {k: row[k] for k in counts} == {k: school.row[k] for k in counts}
    total = rows[-1]
    for column in COLUMNS:
        values = [school.row[column.key] for school in schools]
        if column.total == "sum":
            assert total[column.key] == sum(v for v in values if v is not None), column.key
        elif column.total == "ratio":
            top, bottom = (sum(s.row[k] or 0 for s in schools) for k in column.of)
            assert total[column.key] == pytest.approx(top / bottom), column.key
        elif column.total == "mean":
            weights = [s.row[column.of[0]] or 0 for s in schools]
            expected = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
            assert total[column.key] == pytest.approx(expected), column.key
    assert total["mentees"] == sum(s.info["mentees"] for s in schools)

    book = load_workbook(out)
    sheet = book[DISTRICT_SHEET]
    assert sheet.cell(2, 1).data_type == "s" and any(r["full_name"].startswith("=") for r in rows)
    rules = [rule for rng in sheet.conditional_formatting for rule in rng.rules]
    assert len(rules) == 1 and "<" in rules[0].formula[0]
    assert report["below_target"] == [r["full_name"] for r in rows[:-1] if r["pupils_share"] < r["target"]]
    assert book[MARKER_SHEET].sheet_state == "hidden"
    files = [[c.value for c in r] for r in book[FILES_SHEET].iter_rows(min_row=2, max_row=4)]
    assert sorted(Path(f[2]).name for f in files) == sorted(s.table.name for s in schools)


def _write(path: Path, rows: list[list[object]], sheet: str = "Лист1") -> Path:
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_broken_file_is_named_with_its_reason_and_nothing_is_written(
        schools: list[School], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "письмо.xlsx"
    junk.write_bytes(b"not a spreadsheet at all")
    foreign = _write(tmp_path / "чужая.xlsx", [["ФИО", "Класс"], ["Иванов Иван", "7Б"]])
    cut = tmp_path / "без столбца.xlsx"
    book = load_workbook(schools[0].table)
    book[ROW_SHEET].delete_cols(9)
    book.save(cut)
    bad = tmp_path / "буквы.xlsx"
    book = load_workbook(schools[0].table)
    book[ROW_SHEET].cell(2, 8).value = "много"
    book.save(bad)
    out = tmp_path / "район.xlsx"
    code, _, err = run(capsys, "--out", str(out), str(schools[0].table), str(junk), str(foreign), str(cut),
                       str(bad), str(tmp_path / "нет такого.xlsx"))
    assert code == 1 and not out.exists()
    assert err.count("\n") == 1 and "Не прочитано файлов: 5 из 6; сводка не записана" in err
    assert "«письмо.xlsx»: не таблица Excel (.xlsx) и не резервная копия «Куратора»" in err
    assert "«чужая.xlsx»: нет отметки «Куратора»" in err
    assert f"«без столбца.xlsx»: на листе «{ROW_SHEET}» нет столбцов «{COLUMNS[8].header}»" in err
    assert f"«буквы.xlsx»: в столбце «{COLUMNS[7].header}» не число: «много»" in err
    assert "«нет такого.xlsx»: файл не найден" in err


def test_a_district_table_in_the_folder_is_skipped_but_refused_when_named(
        schools: list[School], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "почта"
    folder.mkdir()
    for school in schools:
        (folder / school.table.name).write_bytes(school.table.read_bytes())
    (folder / "~$large.xlsx").write_bytes(b"Excel's lock file")
    summary = folder / "сводка.xlsx"
    code, report, err = run(capsys, "--out", str(summary), str(folder))
    assert code == 0 and report["schools"] == 3, err
    code, report, err = run(capsys, "--out", str(folder / "сводка-2.xlsx"), str(folder))
    assert code == 0 and report["schools"] == 3 and report["files"] == 4
    assert report["notes"] == ["«сводка.xlsx» пропущен: это сводка по школам, а не таблица школы."]
    code, _, err = run(capsys, "--out", str(tmp_path / "x.xlsx"), str(summary))
    assert code == 1 and "«сводка.xlsx»: это сводка по школам, а не таблица школы" in err


def test_the_same_school_twice_keeps_the_later_table_and_says_so(
        schools: list[School], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = tmp_path / "СОШ 3 май.xlsx"
    book = load_workbook(schools[1].table)
    sheet = book[ROW_SHEET]
    as_of = next(i for i, c in enumerate(COLUMNS, start=1) if c.key == "as_of")
    mentees = next(i for i, c in enumerate(COLUMNS, start=1) if c.key == "mentees")
    sheet.cell(2, as_of).value = dt.date(2027, 5, 20)
    sheet.cell(2, mentees).value = 999
    book.save(later)
    out = tmp_path / "район.xlsx"
    code, report, err = run(capsys, "--out", str(out), str(later), str(schools[1].table), str(schools[0].table))
    assert code == 0, err
    assert report["schools"] == 2 and report["files"] == 3
    assert report["notes"] == [f"=МБОУ «СОШ № 3»: таблица дана дважды — взята на 20.05.2027 («{later.name}»), на "
                               f"16.11.2026 («{schools[1].table.name}») не учтена."]
    rows = district_rows(out)
    kept = next(r for r in rows if r["short_name"] == "=МБОУ «СОШ № 3»")
    assert kept["mentees"] == 999 and rows[-1]["mentees"] == 999 + schools[0].info["mentees"]


def test_a_table_is_refused_for_what_is_wrong_in_it(schools: list[School], tmp_path: Path) -> None:
    from curator_app.district import SchoolFileError

    book = load_workbook(schools[0].table)
    book[MARKER_SHEET].cell(3, 2).value = 99
    book.save(newer := tmp_path / "новее.xlsx")
    with pytest.raises(SchoolFileError, match="более новой версией программы"):
        read_school_table(newer)
    book = load_workbook(schools[0].table)
    book[ROW_SHEET].append(list(book[ROW_SHEET].iter_rows(min_row=2, values_only=True))[0])
    book.save(twice := tmp_path / "две строки.xlsx")
    with pytest.raises(SchoolFileError, match="одна строка школы под заголовками, а их 2"):
        read_school_table(twice)
    book = load_workbook(schools[0].table)
    book[ROW_SHEET]["XFD1048576"] = 1
    book.save(huge := tmp_path / "огромная.xlsx")
    with pytest.raises(SchoolFileError, match="строки 1048576 и столбца 16384"):
        read_school_table(huge)


def test_the_total_counts_sums_and_weighs_means() -> None:
    a = SchoolRow({"full_name": "А", "pupils_total": 100, "pupils_covered": 80, "target": 0.7, "rated": 10,
                   "mean_score": 8.0, "satisfied_share": 0.5, "mentors": 3, "mentors_trained": 3})
    b = SchoolRow({"full_name": "Б", "pupils_total": 300, "pupils_covered": 90, "target": 0.7, "rated": 30,
                   "mean_score": 6.0, "satisfied_share": 0.1, "mentors": 0, "mentors_trained": 0})
    c = SchoolRow({"full_name": "В", "pupils_total": None, "pupils_covered": 5, "target": 0.7})
    total = total_row([a, b, c])
    assert (total["pupils_total"], total["pupils_covered"]) == (400, 175)
    assert total["pupils_share"] == pytest.approx(175 / 400)
    assert total["mean_score"] == pytest.approx((8 * 10 + 6 * 30) / 40)
    assert total["satisfied_share"] == pytest.approx((0.5 * 10 + 0.1 * 30) / 40)
    assert total["target"] == pytest.approx(0.7) and total["mentors_trained_share"] == 1.0
    assert total["mean_change"] is None and total["young_specialists_share"] is None
