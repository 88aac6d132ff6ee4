"""The register of issued documents (orders with their numbers, memos, letters), newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from curator_app.documents.ops import RegisterRow
from curator_app.lang.fmt import date_short

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Дата", "Номер", "Документ", "Пар", "Файл")
DATE, NUMBER, TITLE, PAIRS, FILE = range(5)


class RegisterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RegisterRow] = []

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt names
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {DATE: date_short(row.date), NUMBER: row.number, TITLE: row.title,
                    PAIRS: str(row.pairs) if row.pairs else "", FILE: row.file_path}[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, FILE):
            return f"{row.kind_label}\n{row.title}" if column == TITLE else row.file_path
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PAIRS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
