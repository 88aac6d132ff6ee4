"""Reading the first sheet of an .xlsx as rows of plain values, quickly.

openpyxl's read-only mode builds an object per cell (about 20 µs each); a bank of 10,000 rows has
70,000 cells or more. This reader walks the sheet's XML with lxml once, keeps shared strings, and turns
numbers with a date format into dates. Anything it does not understand raises, and the caller falls back
to openpyxl.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))
_COLUMN = re.compile(r"([A-Z]+)(\d+)")
_EPOCH = dt.datetime(1899, 12, 30)


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def _is_date_format(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    return bool(re.search(r"[dy]|m{3,}", code)) or ("m" in code and ("d" in code or "y" in code))


def _first_sheet(book: zipfile.ZipFile) -> str:
    workbook = etree.fromstring(book.read("xl/workbook.xml"))
    first = workbook.find(f"{_NS}sheets/{_NS}sheet")
    rel_id = first.get(f"{_REL_NS}id")
    rels = etree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{_PKG_REL}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target") or ""
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
    raise KeyError(rel_id)


def _shared_strings(book: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    root = etree.fromstring(book.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{_NS}t")) for si in root.iter(f"{_NS}si")]


def _date_styles(book: zipfile.ZipFile) -> set[int]:
    if "xl/styles.xml" not in book.namelist():
        return set()
    root = etree.fromstring(book.read("xl/styles.xml"))
    custom = {int(f.get("numFmtId")): f.get("formatCode") or "" for f in root.iter(f"{_NS}numFmt")}
    xfs = root.find(f"{_NS}cellXfs")
    dates = set()
    for index, xf in enumerate(xfs if xfs is not None else []):
        fmt = int(xf.get("numFmtId") or 0)
        if fmt in _DATE_IDS or (fmt in custom and _is_date_format(custom[fmt])):
            dates.add(index)
    return dates


def read_rows(path: Path) -> list[list[Any]]:
    """Every row of the first sheet (blank rows kept, so list index + 1 is the row number in Excel)."""
    with zipfile.ZipFile(path) as book:
        strings = _shared_strings(book)
        dates = _date_styles(book)
        rows: list[list[Any]] = []
        with book.open(_first_sheet(book)) as handle:
            for _, row in etree.iterparse(handle, events=("end",), tag=f"{_NS}row"):
                number = int(row.get("r") or len(rows) + 1)
                while len(rows) < number - 1:
                    rows.append([])
                values: list[Any] = []
                for cell in row.iterchildren(f"{_NS}c"):
                    ref = cell.get("r")
                    col = _column_index(_COLUMN.match(ref)[1]) if ref else len(values)  # type: ignore[index]
                    kind = cell.get("t")
                    if kind == "inlineStr":
                        value: Any = "".join(t.text or "" for t in cell.iter(f"{_NS}t"))
                    else:
                        v = cell.findtext(f"{_NS}v")
                        if v is None:
                            continue
                        if kind == "s":
                            value = strings[int(v)]
                        elif kind in ("str", "e"):
                            value = v if kind == "str" else None
                        elif kind == "b":
                            value = v == "1"
                        else:
                            number_value = float(v)
                            if int(cell.get("s") or 0) in dates:
                                value = _EPOCH + dt.timedelta(days=number_value)
                            else:
                                value = int(number_value) if number_value.is_integer() else number_value
                    if value is None:
                        continue
                    values.extend([None] * (col - len(values) + 1))
                    values[col] = value
                rows.append(values)
                row.clear()
        return rows
