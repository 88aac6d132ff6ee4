"""Import of banks from sheets that look like a school's: title rows, a merged two-storey header, mixed
dates, a blank row, a total row, a bad date; CSV in cp1251 with «;»; all-or-nothing; no duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curator_app.banks import ImportCancelled, apply_import, plan_import
from curator_app.banks import read as rd
from curator_app.cli import main
from curator_app.errors import CuratorError
from curator_app.models import Consent, Mentee, Mentor, Person


def letters(n: int) -> str:
    """A distinct Cyrillic word for a number: 0 → «Ааа», 1 → «Ааб»…"""
    abc = "абвгдежзиклмнопрстуфхцчшэюя"
    word = ""
    for _ in range(3):
        n, rest = divmod(n, len(abc))
        word = abc[rest] + word
    return word.capitalize()


def mentee_sheet(path: Path, bad_date: bool = True, extra: int = 0) -> Path:
    """A mentee bank the way a school keeps it in Excel."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws["A1"] = "Банк наставляемых МБОУ «СОШ № 5» на 2026-2027 учебный год"
    ws.merge_cells("A1:H1")
    ws["A2"] = "Приложение 2 к приказу № 470-п"
    # a two-storey header: «ФИО» spans two rows, «Контакты» sits over two columns
    ws.append([])
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["F4"], ws["G4"], ws["H4"] = (
        "№", "ФИО обучающегося", "Класс", "Дата рождения", "Ключевой запрос", "Согласие на обработку ПД",
        "Форма наставничества")
    ws["E4"] = "Контакты"
    for col in "ABCDFGH":
        ws.merge_cells(f"{col}4:{col}5")
    ws["E5"] = "Телефон родителя"
    rows = [
        (1, "  ИВАНОВ  Пётр Сергеевич ", "7 б", dt.datetime(2013, 3, 5), "адаптация в новом классе", "да",
         "ученик – ученик"),
        (2, "Смирнова Анна Игоревна", "7-Б", "12.11.2012", "подготовка к олимпиаде по математике", "+", None),
        (3, "Кузнецов Илья", "8а", 41338, "Мотивация к учёбе", "нет", "Педагог – обучающийся"),
        (None, None, None, None, None, None, None),
        (4, "Орлова Ёлка Андреевна", 9, "5 марта 2011", "профориентация", "12.09.2026", None),
        (5, "Петров Олег Олегович", "10В", "31.02.2010" if bad_date else "28.02.2010", "лидерство", "да", None),
    ]
    for i in range(extra):
        rows.append((6 + i, f"Учеников Ученик {letters(i)}", "6А", dt.datetime(2014, 1, 1 + i % 28),
                     "успеваемость", "да", None))
    for r in rows:
        ws.append([r[0], r[1], r[2], r[3], "+7 910 000-00-00" if r[1] else None, r[4], r[5], r[6]])
    ws.append(["Итого: 5 чел."])
    book.save(path)
    return path


def test_header_recognition_and_cleaning() -> None:
    assert rd.header_field("ФИО") == "full_name"
    assert rd.header_field("Ф.И.О.") == "full_name"
    assert rd.header_field("Согласие на обработку ПД") == "consent"
    assert rd.header_field("Телефон родителя") == "guardian_phone"
    assert rd.header_field("Дата рождения (дд.мм.гггг)") == "birth_date"
    assert rd.grade("7 б") == (7, "Б") and rd.grade("7-Б") == (7, "Б") and rd.grade(11.0) == (11, None)
    assert rd.date("05.03.2013") == dt.date(2013, 3, 5) and rd.date(41338) == dt.date(2013, 3, 5)
    assert rd.date("5 марта 2013 г.") == dt.date(2013, 3, 5)
    assert rd.yes_no("+") and rd.yes_no("да") and rd.yes_no("нет") is False
    with pytest.raises(rd.CellError):
        rd.date("31.02.2013")
    with pytest.raises(rd.CellError):
        rd.grade("15Б")
    assert rd.is_total_row(["Итого: 248 чел.", None]) and rd.is_total_row([1, 2, 3, 4])


def test_school_sheet_all_or_nothing(db: Path, tmp_path: Path) -> None:
    plan = plan_import(mentee_sheet(tmp_path / "bank.xlsx"), "mentee")
    assert len(plan.added) == 4 and plan.skipped == 2
    [bad] = plan.rejected
    assert (bad.row, bad.column) == (11, "Дата рождения") and "31.02.2010" in bad.reason
    with pytest.raises(CuratorError, match="строка 11, столбец «Дата рождения»"):
        apply_import(plan)
    assert Person.select().count() == 0
    result = apply_import(plan, skip_invalid=True)
    assert (result["added"], result["rejected"]) == (4, 1)
    ivanov = Person.get(Person.last_name == "Иванов")
    assert (ivanov.first_name, ivanov.grade, ivanov.grade_letter) == ("Пётр", 7, "Б")
    assert ivanov.birth_date == dt.date(2013, 3, 5) and ivanov.guardian_phone == "+7 910 000-00-00"
    assert Mentee.get(Mentee.person == ivanov).form.code == "pupil_pupil"
    assert Person.get(Person.last_name == "Кузнецов").birth_date == dt.date(2013, 3, 5)
    orlova = Person.get(Person.last_name == "Орлова")
    assert "елка" in orlova.search_text
    assert Consent.get(Consent.person == orlova).signed_on == dt.date(2026, 9, 12)
    assert Consent.get(Consent.person == ivanov).signed_by == "guardian"
    assert not Consent.select().where(Consent.person == Person.get(Person.last_name == "Кузнецов")).exists()


def test_reimport_adds_no_duplicates(db: Path, tmp_path: Path) -> None:
    path = mentee_sheet(tmp_path / "bank.xlsx", bad_date=False)
    assert apply_import(plan_import(path, "mentee"))["added"] == 5
    again = apply_import(plan_import(path, "mentee"))
    assert (again["added"], again["updated"]) == (0, 5)
    assert Person.select().count() == 5 and Mentee.select().count() == 5
    assert Consent.select().count() == 4


class Stopping:
    """Hears the progress and asks to stop after the first report."""

    def __init__(self, calls: list[int]) -> None:
        self.calls = calls

    def progress(self, done: int, total: int, stage: str = "") -> None:
        self.calls.append(done)

    def cancelled(self) -> bool:
        return bool(self.calls)


def test_cancel_leaves_nothing(db: Path, tmp_path: Path) -> None:
    plan = plan_import(mentee_sheet(tmp_path / "bank.xlsx", bad_date=False, extra=1200), "mentee")
    calls: list[int] = []
    with pytest.raises(ImportCancelled):
        apply_import(plan, state=Stopping(calls))
    assert calls == [500] and Person.select().count() == 0


def test_csv_cp1251_semicolon_mentors(db: Path, tmp_path: Path) -> None:
    text = ("Банк наставников\n\nФамилия;Имя;Отчество;Должность;Стаж;Компетенции;Обучение;Ресурс времени\n"
            "СОКОЛОВА;ольга;викторовна;учитель математики;25;математика, ОГЭ;да;3\n"
            "Зайцев;Максим;;студент;;программирование;нет;2\n;;;;;;;\nВсего;2;;;;;;\n")
    path = tmp_path / "mentors.csv"
    path.write_bytes(text.encode("cp1251"))
    result = apply_import(plan_import(path, "mentor"))
    assert result["added"] == 2
    sokolova = Person.get(Person.last_name == "Соколова")
    assert (sokolova.first_name, sokolova.middle_name, sokolova.category) == ("Ольга", "Викторовна", "teacher")
    mentor = Mentor.get(Mentor.person == sokolova)
    assert (mentor.capacity, mentor.trained, mentor.competencies) == (3, True, "математика, ОГЭ")
    assert Person.get(Person.last_name == "Зайцев").category == "student"


def test_csv_delimiter_is_not_fooled_by_commas_in_text() -> None:
    lines = ["Банк наставников", "ФИО;Компетенции;Интересы", "Иванов Иван;математика, физика, ОГЭ;шахматы, театр",
             "Петров Пётр;химия, биология;футбол"]
    assert rd._delimiter(lines) == ";"
    assert rd._delimiter(["ФИО,Класс,Запрос", "Белова Мария,5А,чтение", "Орлов Иван,6Б,\"письмо, чтение\""]) == ","


def test_csv_utf8_comma(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("ФИО,Класс,Дата рождения,Запрос\nБелова Мария Ивановна,5 а,01.02.2015,чтение\n", encoding="utf-8")
    assert apply_import(plan_import(path, "mentee"))["added"] == 1
    assert Person.get().grade_letter == "А"


def test_cli_import_and_export(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.db import close_database

    close_database()
    sheet = mentee_sheet(tmp_path / "bank.xlsx")
    assert main(["--db", str(db), "import", "bank", "mentees", str(sheet)]) == 1
    out = capsys.readouterr()
    assert "строка 11" in out.err and '"written": false' in out.out
    assert main(["--db", str(db), "import", "bank", "mentees", str(sheet), "--skip-invalid"]) == 0
    assert '"added": 4' in capsys.readouterr().out
    target = tmp_path / "out.xlsx"
    assert main(["--db", str(db), "export", "bank", "mentees", str(target)]) == 0
    from openpyxl import load_workbook

    ws = load_workbook(target).active
    assert ws["A4"].value == "ФИО" and ws["A4"].font.b and ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:M8"
    assert sorted(ws.cell(row=r, column=1).value for r in range(5, 9))[0] == "Иванов Пётр Сергеевич"
