"""Reading a school's bank sheet as it is: Excel or CSV, title rows above the header, Russian synonyms in
the header, and the cleaning of every cell (names, grades «7 б», dates, «да»/«нет»/«+»)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator_app.errors import CuratorError
from curator_app.lang.text import clean_spaces, fold
from curator_app.limits import check_input_file, csv_rows, decode_text

# field key → Russian label shown in the mapping dialog
FIELD_LABELS: dict[str, str] = {
    "full_name": "ФИО полностью", "last_name": "Фамилия", "first_name": "Имя", "middle_name": "Отчество",
    "birth_date": "Дата рождения", "category": "Категория", "grade": "Класс", "position": "Должность",
    "subject": "Предмет", "workplace": "Место работы / учёбы", "experience_years": "Стаж (лет)",
    "phone": "Телефон", "email": "Электронная почта", "guardian_name": "Законный представитель",
    "guardian_phone": "Телефон представителя", "key_request": "Ключевой запрос", "competencies": "Компетенции",
    "interests": "Интересы", "achievements": "Достижения", "desired_mentees": "Желаемые наставляемые",
    "capacity": "Сколько наставляемых", "trained": "Обучение пройдено", "trained_on": "Дата обучения",
    "entry_date": "Дата вхождения в программу", "form": "Форма наставничества", "consent": "Согласие на обработку ПД",
    "notes": "Примечание",
}
ROLE_FIELDS = {
    "mentee": ("key_request", "interests"),
    "mentor": ("competencies", "interests", "achievements", "desired_mentees", "capacity", "trained", "trained_on"),
}

# folded header (punctuation dropped) → field; checked exactly first, then as a prefix, longest first
SYNONYMS: dict[str, str] = {
    "фио": "full_name", "ф и о": "full_name", "фамилия имя отчество": "full_name", "фио наставника": "full_name",
    "фио наставляемого": "full_name", "фио обучающегося": "full_name", "фио участника": "full_name",
    "фамилия": "last_name", "имя": "first_name", "отчество": "middle_name",
    "дата рождения": "birth_date", "д р": "birth_date", "дата рожд": "birth_date", "год рождения": "birth_date",
    "категория": "category", "класс": "grade", "класс литера": "grade", "должность": "position",
    "предмет": "subject", "преподаваемый предмет": "subject", "место работы": "workplace",
    "место учебы": "workplace", "место работы учебы": "workplace", "организация": "workplace",
    "стаж": "experience_years", "педагогический стаж": "experience_years",
    "телефон родителя": "guardian_phone", "телефон законного представителя": "guardian_phone",
    "контакты родителя": "guardian_phone",
    "телефон": "phone", "контактный телефон": "phone", "контакты": "phone", "тел": "phone",
    "e mail": "email", "email": "email", "электронная почта": "email", "почта": "email",
    "законный представитель": "guardian_name", "фио родителя": "guardian_name", "родитель": "guardian_name",
    "фио законного представителя": "guardian_name",
    "ключевой запрос": "key_request", "запрос": "key_request", "запрос наставляемого": "key_request",
    "компетенции": "competencies", "ключевые компетенции": "competencies", "интересы": "interests",
    "достижения": "achievements", "желаемый возраст": "desired_mentees", "желаемые наставляемые": "desired_mentees",
    "желаемый класс": "desired_mentees", "ресурс времени": "capacity", "количество наставляемых": "capacity",
    "отметка о прохождении обучения": "trained", "обучение": "trained", "прохождение обучения": "trained",
    "дата обучения": "trained_on", "дата вхождения": "entry_date", "дата входа": "entry_date",
    "форма наставничества": "form", "форма": "form", "согласие": "consent", "примечание": "notes",
    "комментарий": "notes",
}
_BY_LENGTH = sorted(SYNONYMS, key=len, reverse=True)
_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "август": 8,
           "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
YES = {"да", "+", "1", "есть", "имеется", "пройдено", "прошел", "прошла", "v", "✓", "yes", "true"}
NO = {"нет", "-", "0", "–", "не пройдено", "no", "false", "отсутствует"}


class CellError(ValueError):
    """A value that cannot be read; the message is Russian and becomes the rejection reason."""


def header_field(text: Any) -> str | None:
    """The field a header cell names, or None."""
    key = re.sub(r"[^a-zа-я0-9]+", " ", fold(str(text or ""))).strip()
    if not key:
        return None
    if key in SYNONYMS:
        return SYNONYMS[key]
    for synonym in _BY_LENGTH:
        if len(synonym) >= 4 and key.startswith(synonym + " "):
            return SYNONYMS[synonym]
    return None


@dataclass
class Sheet:
    """The table found in a file: its header row (1-based number in the file) and the rows below it."""

    path: Path
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number in the file, cells)


def read_sheet(path: str | Path) -> Sheet:
    """Read an .xlsx or .csv bank and find its header row among the first 30 rows."""
    path = Path(path)
    if not path.is_file():
        raise CuratorError(f"Файл «{path}» не найден.")
    check_input_file(path)  # sizes, declared dimensions, zip bombs: refused before any cell is read
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        raw = _read_csv(path)
    elif suffix == ".xls":
        raise CuratorError(f"Файл «{path.name}» в старом формате .xls: сохраните его в Excel как .xlsx и повторите.")
    else:
        raise CuratorError(f"Файл «{path.name}»: нужна таблица .xlsx или .csv.")
    best, best_score = -1, 0
    for index, cells in enumerate(raw[:30]):
        fields = {header_field(c) for c in cells} - {None}
        score = len(fields) + (2 if fields & {"full_name", "last_name"} else 0)
        if score > best_score:
            best, best_score = index, score
    if best < 0 or best_score < 3:
        raise CuratorError(f"В файле «{path.name}» не найдена строка заголовков: нужны столбцы вроде «ФИО», "
                           "«Класс», «Дата рождения».")
    headers = [clean_spaces(str(c)) if c is not None else "" for c in raw[best]]
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
    width = len(headers)
    rows = [(i + 1, (cells + [None] * width)[:width]) for i, cells in enumerate(raw) if i >= start]
    return Sheet(path, best + 1, headers, rows)


def _read_xlsx(path: Path) -> list[list[Any]]:
    from .xlsx_read import read_rows

    try:
        return read_rows(path)
    except Exception:  # noqa: BLE001 - anything unusual: let openpyxl read it (slower, more forgiving)
        return _read_xlsx_openpyxl(path)


def _read_xlsx_openpyxl(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise CuratorError(f"Файл «{path.name}» не читается как книга Excel: {exc}.") from exc
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # files written by other programs often lack the size: do not scan for it
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - a sheet broken inside a sound zip
        raise CuratorError(f"Файл «{path.name}» не читается как книга Excel: {exc}.") from exc
    finally:
        book.close()


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
