"""Reading a school's table back: the file is checked before a value is trusted.

A school's table is recognised by the hidden sheet «Curator» (format ``school-row``, a version this
program knows) and by the headers of the row sheet; anything else is refused with the reason, naming the
file. The values are read by header, so a table from a newer program with more columns still reads, and
each must be of its column's kind (a count a whole number, a share 0–100 %, a date a date). Shares are
worked out again from the counts, so a school that corrected a count by hand gets a consistent row.

python-calamine reads a table in well under a millisecond; the cells' extent is checked in the XML first,
since a sheet whose last value sits at XFD1048576 would be laid out as a grid of a billion cells.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from curator_app.errors import CuratorError

from .columns import (
    BY_HEADER,
    BY_KEY,
    COLUMNS,
    DISTRICT_FORMAT,
    FORMAT_VERSION,
    MARKER_SHEET,
    ROW_SHEET,
    SCHOOL_FORMAT,
    SchoolRow,
    derive,
)

MAX_FILE = 20_000_000  # a school's table is tens of kilobytes
MAX_CELLS = 200_000
_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3})(\d{1,7})"')
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
NOT_A_TABLE = ("это не таблица школы из программы «Куратор» (её делает команда report --out ФАЙЛ.xlsx или кнопка "
               "«Таблица для муниципалитета (XLSX)…» на вкладке «Мониторинг»)")


class SchoolFileError(CuratorError):
    """A file given for the district's summary that cannot be used; ``reason`` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"«{path.name}»: {reason}")
        self.path = path
        self.reason = reason


class DistrictTableGiven(SchoolFileError):
    """The file is a district's summary, not a school's table (skipped when met in a folder)."""


def read_school_table(path: Path) -> SchoolRow:
    """The school's row from its table at ``path``; :class:`SchoolFileError` says what is wrong."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SchoolFileError(path, f"файл не читается ({exc.strerror or exc})") from exc
    if size > MAX_FILE:
        raise SchoolFileError(path, f"файл слишком велик для таблицы школы ({size // 1_000_000} МБ)")
    try:
        _check_extent(path)
        with CalamineWorkbook.from_path(str(path)) as book:
            names = list(book.sheet_names)
            if MARKER_SHEET not in names:
                raise SchoolFileError(path, f"нет отметки «Куратора»: {NOT_A_TABLE}")
            _check_marker(path, book.get_sheet_by_name(MARKER_SHEET).to_python())
            if ROW_SHEET not in names:
                raise SchoolFileError(path, f"нет листа «{ROW_SHEET}»: {NOT_A_TABLE}")
            grid = book.get_sheet_by_name(ROW_SHEET).to_python()
    except (CalamineError, OSError, ValueError, zipfile.BadZipFile) as exc:
        raise SchoolFileError(path, f"файл не читается как таблица Excel ({exc})") from exc
    return SchoolRow(_values(path, grid), source=path)


def _check_extent(path: Path) -> None:
    with zipfile.ZipFile(path) as book:
        for info in book.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            refs = _CELL.findall(book.read(info))
            if not refs:
                continue
            rows = max(int(r) for _, r in refs)
            letters = max((c for c, _ in refs), key=lambda c: (len(c), c))
            width = 0
            for ch in letters:
                width = width * 26 + ch - 64
            if rows * width > MAX_CELLS:
                raise SchoolFileError(path, f"лист доходит до строки {rows} и столбца {width}: это не таблица "
                                      "школы (она занимает две строки)")


def _check_marker(path: Path, grid: list[list[Any]]) -> None:
    marker = {str(row[0]).strip(): row[1] for row in grid if len(row) >= 2}
    kind = str(marker.get("format") or "")
    if kind == DISTRICT_FORMAT:
        raise DistrictTableGiven(path, "это сводка по школам, а не таблица школы")
    if kind != SCHOOL_FORMAT:
        raise SchoolFileError(path, f"отметка «Куратора» не та («{kind}»): {NOT_A_TABLE}")
    version = marker.get("version")
    if not isinstance(version, int | float) or version < 1:
        raise SchoolFileError(path, "не указана версия формата таблицы школы")
    if version > FORMAT_VERSION:
        raise SchoolFileError(path, f"таблица сделана более новой версией программы (формат {int(version)}, эта "
                              f"версия понимает до {FORMAT_VERSION}): обновите программу")


def _values(path: Path, grid: list[list[Any]]) -> dict[str, Any]:
    rows = [row for row in grid if any(cell not in ("", None) for cell in row)]
    if not rows:
        raise SchoolFileError(path, f"лист «{ROW_SHEET}» пуст")
    headers = [str(cell).strip() for cell in rows[0]]
    missing = [c.header for c in COLUMNS if c.header not in headers]
    if missing:
        shown = ", ".join(f"«{h}»" for h in missing[:3]) + (f" и ещё {len(missing) - 3}" if len(missing) > 3 else "")
        raise SchoolFileError(path, f"на листе «{ROW_SHEET}» нет столбцов {shown}")
    if len(rows) != 2:
        raise SchoolFileError(path, f"на листе «{ROW_SHEET}» должна быть одна строка школы под заголовками, "
                              f"а их {len(rows) - 1}")
    data = rows[1] + [""] * (len(headers) - len(rows[1]))
    values: dict[str, Any] = {}
    for header, cell in zip(headers, data, strict=False):
        column = BY_HEADER.get(header)
        if column is not None:
            values[column.key] = _value(path, column.header, column.kind, cell)
    if not (values.get("full_name") or values.get("short_name")):
        raise SchoolFileError(path, "не указано наименование организации (заполните реквизиты школы в программе "
                              "и сохраните таблицу заново)")
    if values.get("as_of") is None:
        raise SchoolFileError(path, f"не указана дата в столбце «{BY_KEY['as_of'].header}»")
    return derive(values)


def _value(path: Path, header: str, kind: str, cell: Any) -> Any:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return "" if kind == "text" else None
    if kind == "text":
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))
        return str(cell).strip()
    if kind == "date":
        return _date(path, header, cell)
    number = _number(cell)
    if number is None:
        raise SchoolFileError(path, f"в столбце «{header}» не число: «{cell}»")
    if kind == "count":
        if not number.is_integer() or number < 0:
            raise SchoolFileError(path, f"в столбце «{header}» должно быть целое неотрицательное число, а не {cell}")
        return int(number)
    if kind == "share" and not 0 <= number <= 1:
        raise SchoolFileError(path, f"в столбце «{header}» доля вне 0–100 %: {cell}")
    if kind == "score" and not -10 <= number <= 10:
        raise SchoolFileError(path, f"в столбце «{header}» балл вне шкалы 1–10: {cell}")
    return number


def _number(cell: Any) -> float | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    text = str(cell).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    share = text.endswith("%")
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        return None
    return value / 100 if share else value


def _date(path: Path, header: str, cell: Any) -> dt.date:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = str(cell).strip()
    match = _DATE.fullmatch(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise SchoolFileError(path, f"в столбце «{header}» не дата: «{text}»")
