"""One way to put a value into a cell of a workbook the program exports: text is written as text.

openpyxl stores a string that starts with «=» as a formula. A school's name, an event's title or a
person's note comes from files the curator imported; written as a formula, «=HYPERLINK(…)» or
«=cmd|' /C calc'!A0» would come alive in the workbook the curator sends to the district. Every export
writes its cells through :func:`append` / :func:`put` (openpyxl) or :func:`xml_cell` (the streaming bank
writer): strings become text cells, with the characters XML cannot hold removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean(value: Any) -> Any:
    """A string without the control characters XML cannot hold; anything else as it is."""
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def put(cell: Any, value: Any) -> None:
    """Set an openpyxl cell: a string is text, never a formula."""
    cell.value = clean(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"


def append(sheet: Any, values: Iterable[Any]) -> int:
    """Append a row to an openpyxl sheet, strings as text; returns the row's number."""
    sheet.append([clean(v) for v in values])
    row = int(sheet.max_row)
    for cell in sheet[row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
    return row


def xml_cell(ref: str, value: Any, style: int = 0) -> str:
    """A cell of a worksheet's XML: a bool, a number, or an inline string (text, never a formula)."""
    s = f' s="{style}"' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    text = escape(clean(str(value)))
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
