"""A school's mentor and mentee lists the way schools send them, built once per session: an Excel workbook
with a title row above the header, ФИО in one column, grades like «7 б», a capacity column worded
«Макс. число наставляемых», a column nobody asked for, senior pupils in the mentor list and consents stated
as «да», «да, 02.09.2026» or in a «Дата согласия» column; the same workbooks saved by LibreOffice as .xls and
.ods, and as CSV in Windows-1251 with «;», UTF-8 with BOM and «,», UTF-16 with tabs."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

IMPORT_DAY = dt.date(2026, 12, 7)  # the school starts using Curator in December

MENTOR_HEADER = ["№ п/п", "Фамилия, имя, отчество", "Должность / класс", "Форма наставничества", "Компетенции",
                 "Макс. число наставляемых", "Согласие на обработку ПД", "Дата согласия", "Номер кабинета",
                 "Дата рождения"]
MENTORS: list[list[Any]] = [
    [1, "Соколова Ольга Викторовна", "учитель математики", "Педагог – обучающийся", "математика, подготовка к ОГЭ",
     3, "да", None, "214", dt.datetime(1980, 5, 12)],
    [2, "Ершова Дарья Андреевна", "ученица 10А", "Ученик – ученик", "олимпиады по математике", 2,
     "да, 02.09.2026", None, None, dt.datetime(2010, 4, 3)],
    [3, "Лебедев Артём Игоревич", "обучающийся 11 Б", None, "программирование, робототехника", 3, "да",
     dt.datetime(2026, 9, 1), None, dt.datetime(2009, 10, 20)],
    [4, "Михайлов Кирилл Олегович", "ученик 9В", "ученик – ученик", "чтение, история", 2, "+", None, None,
     dt.datetime(2011, 2, 14)],
    [5, "Петрова Анна Сергеевна", "учитель русского языка", "Педагог – обучающийся", "русский язык", 4, "нет",
     None, "301", dt.datetime(1975, 1, 30)],
]
MENTEE_HEADER = ["№", "ФИО обучающегося (полностью)", "Класс", "Дата рождения", "Ключевой запрос",
                 "Согласие родителей на обработку ПД", "Пол"]
_GRADES = ["5 а", "5А", "6 б", "6-Б", "7 б", "7 в", "8 а", "8 «Б»", "5 в", "6 а", "7 а", "8 в"]
_NAMES = ["Белова Мария Ивановна", "Орлов Иван Петрович", "Зайцева Ксения Олеговна", "Морозов Глеб Антонович",
          "Волкова Вера Денисовна", "Козлов Егор Ильич", "Новикова Софья Павловна", "Фёдоров Марк Юрьевич",
          "Киселёва Алиса Романовна", "Титов Лев Артёмович", "Гусева Ева Максимовна", "Шубин Роман Львович"]
MENTEES: list[list[Any]] = [
    [i + 1, name, _GRADES[i], dt.datetime(2015 - int(_GRADES[i][0]) + 5, 1 + i, 10),
     ["математика", "олимпиада по математике", "программирование", "история"][i % 4],
     "нет" if i in (3, 9) else "да", "ж" if name.split()[0].endswith("а") else "м"]
    for i, name in enumerate(_NAMES)
]
CONSENTING_MENTEES = 10
FORMATS = ("xlsx", "xls", "ods", "csv-cp1251", "csv-utf8", "csv-utf16")


def _workbook(path: Path, title: str, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws["A1"] = title
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
        for col, value in enumerate(row, 1):
            if isinstance(value, dt.datetime):
                ws.cell(row=ws.max_row, column=col).number_format = "DD.MM.YYYY"
    book.save(path)


def _csv(path: Path, title: str, header: list[str], rows: list[list[Any]], encoding: str, delimiter: str) -> None:
    def cell(value: Any) -> str:
        if isinstance(value, dt.datetime):
            return f"{value:%d.%m.%Y}"
        return "" if value is None else str(value)

    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow([title])
        writer.writerow([])
        writer.writerow(header)
        writer.writerows([cell(v) for v in row] for row in rows)


def convert(paths: list[Path], fmt: str, home: Path) -> list[Path]:
    """One LibreOffice run saving every workbook of ``paths`` as ``fmt`` (xls or ods) beside it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) не установлен: таблицы .xls и .ods для проверки не сделать")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={home.as_uri()}", "--convert-to", fmt,
                    "--outdir", str(paths[0].parent), *map(str, paths)], check=True, capture_output=True, timeout=180)
    out = [p.with_suffix(f".{fmt}") for p in paths]
    assert all(p.exists() for p in out), f"LibreOffice не сохранил {fmt}"
    return out


@pytest.fixture(scope="session")
def school_lists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Format name → (mentor list, mentee list); .xls and .ods only where LibreOffice is installed."""
    folder = tmp_path_factory.mktemp("school_lists")
    mentors, mentees = folder / "наставники.xlsx", folder / "наставляемые.xlsx"
    titles = ("Список наставников МБОУ «СОШ № 5» на 2026/2027 учебный год",
              "Банк наставляемых МБОУ «СОШ № 5» на 2026/2027 учебный год")
    _workbook(mentors, titles[0], MENTOR_HEADER, MENTORS)
    _workbook(mentees, titles[1], MENTEE_HEADER, MENTEES)
    lists = {"xlsx": (mentors, mentees)}
    for name, encoding, delimiter in (("csv-cp1251", "cp1251", ";"), ("csv-utf8", "utf-8-sig", ","),
                                      ("csv-utf16", "utf-16", "\t")):
        pair = (folder / f"наставники-{name}.csv", folder / f"наставляемые-{name}.csv")
        _csv(pair[0], titles[0], MENTOR_HEADER, MENTORS, encoding, delimiter)
        _csv(pair[1], titles[1], MENTEE_HEADER, MENTEES, encoding, delimiter)
        lists[name] = pair
    if shutil.which("soffice"):
        home = tmp_path_factory.mktemp("libreoffice-profile")
        for fmt in ("xls", "ods"):
            made = convert([mentors, mentees], fmt, home)
            lists[fmt] = (made[0], made[1])
    return lists


@pytest.fixture
def school_list(request: pytest.FixtureRequest, school_lists: dict[str, tuple[Path, Path]]) -> tuple[Path, Path]:
    """The lists in the format the test is parametrised with (``indirect``); skipped without LibreOffice."""
    fmt = request.param
    if fmt not in school_lists:
        pytest.skip(f"LibreOffice (soffice) не установлен: файла .{fmt} для проверки нет")
    return school_lists[fmt]
