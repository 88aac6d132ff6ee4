"""The two spreadsheets of the district's work, written with openpyxl:

- the school's sheet «Для сводки по району», added to the school's monitoring table: a header row and the
  school's one row, a value per cell (numbers as numbers, dates as dates, text as text — a name beginning
  with «=» stays a name, never a formula), with a hidden sheet «Curator» saying what the file is;
- the district's table «Сводка по школам»: the same columns, a row per school, «Итого», schools below the
  coverage target filled in colour (conditional formatting, so it follows a corrected figure), and a sheet
  of the files it was made from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curator_app.files import atomic_path

from .columns import (
    COLUMNS,
    DISTRICT_FORMAT,
    FORMAT_VERSION,
    MARKER_SHEET,
    ROW_SHEET,
    SCHOOL_FORMAT,
    SchoolRow,
    total_row,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from curator_app.monitoring import WaveAnalytics

DISTRICT_SHEET = "Сводка по школам"
FILES_SHEET = "Файлы школ"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMATS = {"share": "0.0%", "score": "0.00", "date": "DD.MM.YYYY", "count": "0"}
BELOW_TARGET_FILL = "FFF4C7C3"


def put(sheet: Worksheet, row: int, column: int, value: Any, kind: str = "text") -> None:
    """One value in its own type: text always as text (openpyxl would take «=…» for a formula)."""
    cell = sheet.cell(row, column)
    if value is None or value == "":
        return
    if kind == "text" or isinstance(value, str):
        cell.value = _ILLEGAL.sub("", str(value))
        cell.data_type = "s"
        return
    if kind == "count" and isinstance(value, float) and value.is_integer():
        value = int(value)
    cell.value = value
    if kind in _FORMATS:
        cell.number_format = _FORMATS[kind]


def _header(sheet: Worksheet) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(COLUMNS, start=1):
        put(sheet, 1, index, column.header)
        cell = sheet.cell(1, index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = 44 if index == 1 else (
            18 if column.kind in ("text", "date") else 14)
    sheet.row_dimensions[1].height = 64
    sheet.freeze_panes = "C2"


def _row(sheet: Worksheet, number: int, row: SchoolRow) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        put(sheet, number, index, row[column.key], column.kind)


def _marker(book: Workbook, kind: str) -> None:
    sheet = book.create_sheet(MARKER_SHEET)
    sheet.sheet_state = "hidden"
    for r, (name, value) in enumerate((("program", "Куратор наставничества"), ("format", kind),
                                       ("version", FORMAT_VERSION),
                                       ("made", dt.date.today())), start=1):
        put(sheet, r, 1, name)
        put(sheet, r, 2, value, "date" if isinstance(value, dt.date) else
            ("count" if isinstance(value, int) else "text"))


def school_sheet(row: SchoolRow) -> Callable[[Workbook], None]:
    """What :func:`curator_app.monitoring.build_table` adds to the school's table: the row sheet and the
    hidden marker."""

    def add(book: Workbook) -> None:
        sheet = book.create_sheet(ROW_SHEET)
        _header(sheet)
        _row(sheet, 2, row)
        _marker(book, SCHOOL_FORMAT)

    return add


def build_school_table(analytics: WaveAnalytics, path: str | Path, as_of: dt.date) -> Path:
    """The school's monitoring table (``monitoring.build_table``) with the row sheet for the district."""
    from curator_app.monitoring import build_table

    from .row import school_row

    return build_table(analytics, path, sheets=[school_sheet(school_row(as_of, analytics))])


def build_district_table(rows: Sequence[SchoolRow], path: str | Path, notes: Sequence[str] = ()) -> Path:
    """The district's table at ``path`` (atomically): a row per school, «Итого», the files sheet."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = DISTRICT_SHEET
    _header(sheet)
    for number, row in enumerate(rows, start=2):
        _row(sheet, number, row)
    last = len(rows) + 1
    total = last + 1
    _row(sheet, total, total_row(list(rows)))
    for cell in sheet[total]:
        cell.font = Font(bold=True)
    keys = [c.key for c in COLUMNS]
    share = get_column_letter(keys.index("pupils_share") + 1)
    target = get_column_letter(keys.index("target") + 1)
    if rows:
        fill = PatternFill(start_color=BELOW_TARGET_FILL, end_color=BELOW_TARGET_FILL, fill_type="solid")
        rule = FormulaRule(formula=[f"AND(ISNUMBER(${share}2),ISNUMBER(${target}2),${share}2<${target}2)"],
                           fill=fill)
        sheet.conditional_formatting.add(f"A2:{get_column_letter(len(COLUMNS))}{last}", rule)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    put(sheet, total + 2, 1, "Строки школ с охватом обучающихся ниже целевого выделены цветом. «Итого»: "
        "численность — сумма; доли — из суммы численностей; баллы — среднее, взвешенное по числу ответивших.")

    files = book.create_sheet(FILES_SHEET)
    for c, header in enumerate(("Образовательная организация", "По состоянию на", "Файл", "Примечание"), start=1):
        put(files, 1, c, header)
        files.cell(1, c).font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        put(files, number, 1, row.name)
        put(files, number, 2, row.as_of, "date")
        put(files, number, 3, str(row.source) if row.source else "")
        put(files, number, 4, "; ".join(row.notes))
    for offset, note in enumerate(notes, start=len(rows) + 3):
        put(files, offset, 1, note)
    for letter, width in zip("ABCD", (50, 16, 60, 60), strict=True):
        files.column_dimensions[letter].width = width
    _marker(book, DISTRICT_FORMAT)
    with atomic_path(path) as temp:
        book.save(temp)
    return Path(path)
