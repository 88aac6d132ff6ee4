"""The same school lists as .xlsx, .xls, .ods and CSV (three encodings, three separators) give the same bank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from curator_app.banks import read as rd
from curator_app.banks.importer import apply_import, plan_import
from curator_app.db import close_database, open_database
from curator_app.errors import CuratorError
from curator_app.models import Consent, Mentee, Mentor, Person

from .conftest import CONSENTING_MENTEES, FORMATS, IMPORT_DAY, MENTEES, MENTORS


def bank() -> dict[str, Any]:
    """Everything the import wrote, as plain sortable values."""
    people = sorted((p.last_name, p.first_name, p.middle_name, p.category, p.grade, p.grade_letter, p.position,
                     p.birth_date) for p in Person.select())
    mentors = sorted((m.person.last_name, m.capacity, m.form.code if m.form else None, m.competencies)
                     for m in Mentor.select())
    mentees = sorted((m.person.last_name, m.key_request) for m in Mentee.select())
    consents = sorted((c.person.last_name, c.signed_on, c.signed_by) for c in Consent.select())
    return {"people": people, "mentors": mentors, "mentees": mentees, "consents": consents}


def import_lists(lists: tuple[Path, Path], db: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    open_database(db)
    try:
        summaries = [apply_import(plan_import(path, role, today=IMPORT_DAY))
                     for path, role in zip(lists, ("mentor", "mentee"), strict=True)]
        return bank(), summaries
    finally:
        close_database()


@pytest.mark.parametrize("school_list", FORMATS, indirect=True)
def test_every_format_gives_the_same_bank(school_list: tuple[Path, Path], school_lists: dict[str, tuple[Path, Path]],
                                          tmp_path: Path) -> None:
    expected, _ = import_lists(school_lists["xlsx"], tmp_path / "from_xlsx.sqlite")
    got, summaries = import_lists(school_list, tmp_path / "other.sqlite")
    assert [s["added"] for s in summaries] == [len(MENTORS), len(MENTEES)]
    assert [s["rejected"] for s in summaries] == [0, 0]
    assert summaries[0]["ignored_columns"] == ["Номер кабинета"] and summaries[1]["ignored_columns"] == ["Пол"]
    assert got == expected


def test_the_xlsx_bank_is_what_the_sheet_says(school_lists: dict[str, tuple[Path, Path]], tmp_path: Path) -> None:
    got, _ = import_lists(school_lists["xlsx"], tmp_path / "bank.sqlite")
    places = {p[0]: p[3:7] for p in got["people"]}
    assert places["Соколова"] == ("teacher", None, None, "учитель математики")
    assert places["Ершова"] == ("pupil", 10, "А", None)
    assert places["Лебедев"] == ("pupil", 11, "Б", None)
    assert places["Михайлов"] == ("pupil", 9, "В", None)
    assert places["Фёдоров"][:3] == ("pupil", 8, "Б")  # «8 «Б»»
    assert {m[0]: m[1] for m in got["mentors"]} == {"Соколова": 3, "Ершова": 2, "Лебедев": 3, "Михайлов": 2,
                                                     "Петрова": 4}
    signed = {c[0]: c[1] for c in got["consents"]}
    assert len(signed) == 4 + CONSENTING_MENTEES and "Петрова" not in signed
    assert signed["Соколова"] is None and signed["Михайлов"] is None  # «да», «+»: on file, no date stated
    assert str(signed["Ершова"]) == "2026-09-02" and str(signed["Лебедев"]) == "2026-09-01"


def test_csv_encodings_and_separators(tmp_path: Path) -> None:
    rows = [["ФИО", "Класс", "Дата рождения", "Запрос"], ["Белова Мария Ивановна", "5 а", "01.02.2015", "чтение, письмо"]]
    for name, encoding, sep in (("a", "utf-16-le", "\t"), ("b", "utf-16-be", ";"), ("c", "cp1251", ","),
                                ("d", "utf-8", "\t")):
        text = "\r\n".join(sep.join(f'"{c}"' if sep in c or "," in c else c for c in r) for r in rows)
        path = tmp_path / f"{name}.csv"
        path.write_bytes(text.encode(encoding))  # no byte-order mark: found by the zero bytes
        sheet = rd.read_sheet(path)
        assert sheet.headers == rows[0] and sheet.rows[0][1] == rows[1], name


def test_a_stray_value_far_away_is_refused_not_fatal(tmp_path: Path) -> None:
    """calamine lays out the grid up to the last value: XFD1048576 would ask for 512 GB and abort."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.active.append(["ФИО", "Класс", "Дата рождения"])
    book.active["XFD1048576"] = "забыли здесь"
    book.active["XFD1048575"].font = Font(bold=True)  # a style alone is harmless
    book.save(tmp_path / "far.xlsx")
    with pytest.raises(CuratorError, match="1 048 576 строк при пределе 100 000"):
        rd.read_sheet(tmp_path / "far.xlsx")


def test_unreadable_and_unknown_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xls"
    broken.write_bytes(b"<html><table><tr><td>not a workbook</td></tr></table></html>")
    with pytest.raises(CuratorError, match="не читается как таблица"):
        rd.read_sheet(broken)
    (tmp_path / "list.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(CuratorError, match=r"\.xlsx, \.xls.*\.ods"):
        rd.read_sheet(tmp_path / "list.pdf")


def _ods(path: Path, rows_xml: str) -> Path:
    """A minimal OpenDocument spreadsheet written by hand: what a stray value or a repeated cell looks like."""
    import zipfile

    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Лист1">'
               f'{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", content)
    return path


@pytest.mark.parametrize(("rows_xml", "limit"), [
    ('<table:table-row><table:table-cell office:value-type="string"><text:p>ФИО</text:p></table:table-cell>'
     '</table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell/></table:table-row>'
     '<table:table-row><table:table-cell office:value-type="string"><text:p>забыли</text:p></table:table-cell>'
     '</table:table-row>', "1 048 572 строк при пределе 100 000"),
    ('<table:table-row table:number-rows-repeated="90000"><table:table-cell table:number-columns-repeated="900" '
     'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
     "90 000 × 900 ячеек при пределе 3 000 000"),
])
def test_an_ods_that_would_unfold_into_millions_of_cells_is_refused(tmp_path: Path, rows_xml: str, limit: str) -> None:
    """calamine unfolds repeated rows and cells into a full grid: a few kilobytes could ask for gigabytes."""
    path = _ods(tmp_path / "far.ods", rows_xml)
    assert path.stat().st_size < 2000
    with pytest.raises(CuratorError, match=limit):
        rd.read_sheet(path)
