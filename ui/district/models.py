"""The tables of the «Сводка по школам» dialog, on the common model base: the files with what each gave,
and the district table's preview (a row per school, «Итого» kept last whatever the order)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from curator_app.district import COLUMNS, Collection, SchoolRow, total_row
from curator_app.lang.fmt import number, percent
from ui.common.table_model import Column, Index, RowsModel, display

ERROR_COLOR = "#b3261e"
BELOW_COLOR = "#a0400b"
NOTE_COLOR = "#6b6b6b"


@dataclass(frozen=True)
class FileRow:
    """One file given: the school it holds (if it read), and what became of it."""

    path: Path
    school: str
    as_of: Any
    outcome: str
    kind: str  # ok | error | dropped | waiting


def file_rows(paths: list[Path], found: Collection | None) -> list[FileRow]:
    """A row per file; before anything is read, every file is «waiting»."""
    if found is None:
        return [FileRow(p, "", None, "читается…", "waiting") for p in paths]
    by_source = {row.source: row for row in found.rows if row.source is not None}
    problems = {p.path: p.reason for p in found.problems}
    rows = []
    for path in found.files:
        row = by_source.get(path)
        if path in problems:
            rows.append(FileRow(path, "", None, problems[path], "error"))
        elif row is not None:
            rows.append(FileRow(path, row.label, row.as_of, "прочитан", "ok"))
        else:
            rows.append(FileRow(path, "", None, found.dropped.get(path, "не учтён"), "dropped"))
    return rows


_FILE_COLORS = {"error": ERROR_COLOR, "dropped": NOTE_COLOR, "waiting": NOTE_COLOR}
FILE_COLUMNS = [
    Column("Файл", lambda r: r.path.name, tip=lambda r: str(r.path)),
    Column("Школа", lambda r: r.school),
    Column("По состоянию на", lambda r: r.as_of),
    Column("Итог", lambda r: r.outcome, color=lambda r: _FILE_COLORS.get(r.kind), tip=lambda r: r.outcome),
]


def _text(kind: str) -> Any:
    if kind == "share":
        return lambda v: "" if v is None else percent(v, 1)
    if kind == "score":
        return lambda v: "" if v is None else number(v, 2)
    return display


def _color(row: SchoolRow) -> str | None:
    return BELOW_COLOR if row.below_target else None


PREVIEW_COLUMNS = [Column(c.header, lambda r, key=c.key: r[key], text=_text(c.kind), color=_color)
                   for c in COLUMNS]


class PreviewModel(RowsModel):
    """The district table as it will be saved: the schools, then «Итого» (last in any order)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PREVIEW_COLUMNS, parent)
        self.schools: list[SchoolRow] = []

    def set_schools(self, rows: list[SchoolRow]) -> None:
        self.schools = list(rows)
        self.set_rows([*rows, total_row(rows)] if rows else [])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() == len(self.rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        indexes = super()._order(column, order)
        last = len(self.rows) - 1
        return [i for i in indexes if i != last] + [last] if self.rows else indexes
