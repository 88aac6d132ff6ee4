"""Reading a school's bank sheet as it is: .xlsx, .xls, .ods or CSV, title rows above the header, Russian
wordings of the header (``headers``), and the cleaning of every cell (names, grades «7 б», «ученица 10А»,
dates, «да»/«нет»/«+», «да, 02.09.2026»).

The spreadsheets are read by python-calamine (Rust): 10,000 rows of .xlsx in 0.1 s where openpyxl takes
0.8 s, and the same call reads .xls and .ods.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator_app.errors import CuratorError
from curator_app.lang.text import clean_spaces, fold
from curator_app.limits import check_input_file, csv_rows, decode_text

from .headers import FIELD_LABELS, ROLE_FIELDS, SYNONYMS, header_field, header_key

__all__ = ["FIELD_LABELS", "ROLE_FIELDS", "SYNONYMS", "CellError", "Sheet", "consent", "date", "grade",
           "header_field", "is_blank", "is_total_row", "names_pupil", "number", "pupil_grade", "read_sheet", "split_full_name",
           "text", "yes_no"]

BOOKS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
TEXTS = (".csv", ".txt", ".tsv")
# calamine lays a sheet out as a full grid of 32-byte cells from A1 to the last value, before Python sees
# it: one stray value in XFD1048576 asks for 512 GB and aborts the process. Larger grids are refused.
MAX_CELLS = 4_000_000
_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "август": 8,
           "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
YES = {"да", "+", "1", "есть", "имеется", "пройдено", "прошел", "прошла", "v", "✓", "yes", "true", "получено",
       "подписано"}
NO = {"нет", "-", "0", "–", "не пройдено", "no", "false", "отсутствует"}


class CellError(ValueError):
    """A value that cannot be read; the message is Russian and becomes the rejection reason."""


@dataclass
class Sheet:
    """The table found in a file: its header row (1-based number in the file) and the rows below it."""

    path: Path
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number in the file, cells)


def read_sheet(path: str | Path) -> Sheet:
    """Read a bank (.xlsx, .xls, .ods or .csv) and find its header row among the first 30 rows."""
    path = Path(path)
    if not path.is_file():
        raise CuratorError(f"Файл «{path}» не найден.")
    check_input_file(path)  # sizes, declared dimensions, zip bombs: refused before any cell is read
    suffix = path.suffix.lower()
    if suffix in BOOKS:
        raw = _read_book(path)
    elif suffix in TEXTS:
        raw = _read_csv(path)
    else:
        raise CuratorError(f"Файл «{path.name}»: нужна таблица Excel (.xlsx, .xls), LibreOffice (.ods) или .csv.")
    best, best_score = -1, 0
    for index, cells in enumerate(raw[:30]):
        fields = {header_field(c) for c in cells} - {None}
        score = len(fields) + (2 if fields & {"full_name", "last_name"} else 0)
        if score > best_score:
            best, best_score = index, score
    if best < 0 or best_score < 3:
        raise CuratorError(f"В файле «{path.name}» не найдена строка заголовков: нужны столбцы вроде «ФИО», "
                           "«Класс», «Дата рождения».")
    headers = [text(c) or "" for c in raw[best]]
    if best > 0:  # a two-storey merged header: «ФИО» spans both rows, «Контакты» sits over «Телефон»
        above = raw[best - 1]
        for col, value in enumerate(above[:len(headers)]):
            if not headers[col] and header_field(value):
                headers[col] = clean_spaces(str(value))
    start = best + 1
    below = [(col, c) for col, c in enumerate(raw[start][:len(headers)]) if not is_blank(c)] if start < len(raw) else []
    if below and all(header_field(c) for _, c in below):  # the lower storey names the columns more exactly
        for col, value in below:
            headers[col] = clean_spaces(str(value))
        start += 1
    width = max([len(headers), *(len(cells) for cells in raw[start:])])  # values beyond the header count too
    headers += [""] * (width - len(headers))
    rows = [(i + 1, (cells + [None] * width)[:width]) for i, cells in enumerate(raw) if i >= start]
    return Sheet(path, best + 1, headers, rows)


def _read_book(path: Path) -> list[list[Any]]:
    """Every row of the first sheet, blank rows kept (list index + 1 is the row number in the file)."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            if not book.sheet_names:
                raise CuratorError(f"В файле «{path.name}» нет листов.")
            sheet = book.get_sheet_by_index(0)
            end = sheet.end
            if end is not None:
                _check_size(path, end[0] + 1, end[1] + 1)
            return sheet.to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError, zipfile.BadZipFile) as exc:
        raise CuratorError(f"Файл «{path.name}» не читается как таблица ({exc}). Откройте его в Excel или "
                           "LibreOffice Calc и сохраните заново как .xlsx или .ods.") from exc


def _check_size(path: Path, rows: int, cols: int) -> None:
    if rows * cols > MAX_CELLS:
        raise CuratorError(f"Лист в файле «{path.name}» слишком велик: значения доходят до строки {rows} и "
                           f"столбца {cols}. Удалите лишние ячейки за пределами таблицы и сохраните файл заново.")


def _read_csv(path: Path) -> list[list[Any]]:
    text = decode_text(path.read_bytes(), path.name)
    delimiter = _delimiter(text.splitlines()[:40])
    return list(csv_rows(csv.reader(io.StringIO(text), delimiter=delimiter), path.name))


def _delimiter(lines: list[str]) -> str:
    """«;» (Excel in a Russian locale), «,» or a tab: the one that splits most lines into the same number of
    columns (commas inside «математика, ОГЭ» must not win over the semicolons between columns)."""
    best, choice = (-1, 0), ";"
    for candidate in (";", ",", "\t"):
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=candidate) if any(c.strip() for c in row)]
        except csv.Error:  # an over-long or broken line: csv_rows names it when the file is read
            continue
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) if mode >= 2 else 0, mode)
        if score > best:
            best, choice = score, candidate
    return choice


# --- cleaning cells -------------------------------------------------------------------------------

def is_blank(value: Any) -> bool:
    return value is None or (value.__class__ is str and not value.strip())  # strip() takes \xa0 too


def text(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_spaces(str(value))


def date(value: Any) -> dt.date | None:
    """Excel dates, Excel serial numbers, «05.03.2013», «5.3.13», «2013-03-05», «5 марта 2013»."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and 1900 <= value <= 2100:
        raise CellError(f"указан только год «{int(value)}», нужна полная дата (05.03.2013)")
    if isinstance(value, (int, float)) and 1 < value < 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    raw = clean_spaces(str(value)).rstrip(" г.").strip()
    try:
        if m := re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})", raw):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
            if year < 100:
                year += 2000 if year <= dt.date.today().year % 100 else 1900
            return dt.date(year, month, day)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", raw):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})\s+([а-яё]+)\s+(\d{4})", fold(raw)):
            found = next((n for stem, n in _MONTHS.items() if m[2].startswith(stem)), None)
            if found:
                return dt.date(int(m[3]), found, int(m[1]))
    except ValueError:
        pass
    raise CellError(f"дата «{raw}» не распознана (нужен вид 05.03.2013)")


def grade(value: Any) -> tuple[int, str | None] | None:
    """«7 б», «7-Б», «7Б», «7», «11 А класс» → (7, "Б")."""
    if is_blank(value):
        return None
    raw = clean_spaces(str(int(value) if isinstance(value, float) else value))
    m = re.fullmatch(r"(\d{1,2})\s*[-–\s]?\s*[\"«]?([А-Яа-яЁё])?[\"»]?(?:\s*кл(?:асс)?\.?)?", raw, re.IGNORECASE)
    if not m:
        raise CellError(f"класс «{raw}» не распознан (нужен вид 7Б)")
    number = int(m[1])
    if not 1 <= number <= 11:
        raise CellError(f"класс «{raw}»: номер должен быть от 1 до 11")
    return number, (m[2].upper() if m[2] else None)


def yes_no(value: Any) -> bool | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = fold(str(value)).strip(" .")
    if key in YES or key.startswith(("да", "пройден", "прош")):
        return True
    if key in NO or key.startswith(("нет", "не ")):
        return False
    try:
        date(value)
        return True  # a date in a yes/no column means «yes, on that day»
    except CellError:
        raise CellError(f"«{clean_spaces(str(value))}»: ожидалось «да» или «нет»") from None


_DATE_IN_TEXT = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[а-я]+\s+\d{4}")
_CONSENT_YES = ("да", "есть", "имеется", "получен", "подписан")


def consent(value: Any) -> tuple[bool, dt.date | None] | None:
    """A consent cell as it was stated: (on file?, signed on). «да» is on file with the date not stated
    (None: nobody said when); «да, 02.09.2026», «подписано 2 сентября 2026» or a bare date keep that date;
    «нет» is no consent; blank is None."""
    if is_blank(value):
        return None
    if isinstance(value, bool) or (isinstance(value, (int, float)) and value in (0, 1)):
        return bool(value), None
    if isinstance(value, (dt.date, int, float)):
        return True, date(value)
    raw = clean_spaces(str(value))
    key = fold(raw).strip(" .")
    if key in NO or key.startswith(("нет", "не ")):
        return False, None
    found = _DATE_IN_TEXT.search(key)
    signed = date(found[0]) if found else None
    if signed or key in YES or key.startswith(_CONSENT_YES):
        return True, signed
    raise CellError(f"«{raw}»: ожидалось «да», «нет» или дата подписания согласия")


_PUPIL_WORD = re.compile(r"(?:^|[^а-я])(?:учени|учащ|обучающ|школьни)")
_GRADE_IN_TEXT = re.compile(r"(?<![\d.])(\d{1,2})\s*[-–]?\s*[«\"]?([а-я])?[»\"]?(?![а-я\d])")


def names_pupil(value: Any) -> bool:
    """«ученица», «обучающийся 10 А»: the cell speaks of a pupil."""
    return bool(_PUPIL_WORD.search(fold(text(value))))


def pupil_grade(value: Any) -> tuple[int, str | None] | None:
    """The grade of a pupil named in a position cell: «ученица 10А», «обучающийся 10 А», «ученик 11 «Б»
    класса» → (10, "А"); None when the cell does not speak of a pupil with a grade."""
    if not names_pupil(value):
        return None
    for m in _GRADE_IN_TEXT.finditer(fold(text(value))):
        if 1 <= int(m[1]) <= 11:
            return int(m[1]), (m[2].upper() if m[2] else None)
    return None


def number(value: Any, what: str) -> float | None:
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raw = clean_spaces(str(value)).replace(",", ".")
    m = re.match(r"^(\d+(?:\.\d+)?)", raw)
    if not m:
        raise CellError(f"{what} «{raw}» — не число")
    return float(m[1])


def split_full_name(value: str) -> tuple[str, str, str | None]:
    parts = value.replace(".", ". ").split()
    if len(parts) < 2:
        raise CellError(f"«{value}»: в ФИО нужны хотя бы фамилия и имя")
    return parts[0], parts[1], " ".join(parts[2:]) or None


def is_total_row(cells: list[Any]) -> bool:
    """«Итого: 248 чел.», «Всего», and the row of column numbers «1 2 3 4» under a form's header."""
    filled = [c for c in cells if not is_blank(c)]
    if not filled:
        return False
    first = fold(str(filled[0]))
    if first.startswith(("итого", "всего")):
        return True
    numbers = [c for c in filled if isinstance(c, (int, float)) or (isinstance(c, str) and c.strip().isdigit())]
    if len(filled) >= 3 and len(numbers) == len(filled):
        values = [int(float(c)) for c in numbers]
        return values == list(range(values[0], values[0] + len(values)))
    return False


def suggest_field(header: str, values: Iterable[Any], role: str) -> str | None:
    """A field an unrecognised column could be, judged by its values beside its header's words: small whole
    numbers under «Наставляемые» are a capacity, addresses with «@» are e-mail, «7Б» are grades."""
    sample = [v for v in values if v is not None and str(v).strip()][:200]
    if not sample:
        return None
    words = header_key(header).split()
    texts = [str(v).strip() for v in sample]

    def share(test: Any) -> float:
        return sum(1 for v in sample if test(v)) / len(sample)

    def small_number(v: Any) -> bool:
        return (isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer()
                and 1 <= v <= 30) or (isinstance(v, str) and v.strip().isdigit() and 1 <= int(v) <= 30)

    def is_grade(v: Any) -> bool:
        try:
            return isinstance(v, str) and grade(v) is not None
        except ValueError:
            return False

    if role == "mentor" and share(small_number) >= 0.8 and \
            any(w.startswith(("наставляем", "подопечн", "учеников", "обучающихся")) for w in words):
        return "capacity"
    if sum("@" in t for t in texts) / len(texts) >= 0.8:
        return "email"
    if sum(bool(re.fullmatch(r"[+\d][\d\s()\-]{8,}", t)) for t in texts) / len(texts) >= 0.8:
        return "guardian_phone" if any(w.startswith(("родител", "мам", "пап")) for w in words) else "phone"
    if share(is_grade) >= 0.8 and not share(small_number) >= 0.8:
        return "grade"
    return None
