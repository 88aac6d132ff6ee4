"""The tables of «Пары и группы»: rows of typed values with an id each (a pair, a person), on the common
base, optionally with a check column (the draft), bold rows (locked draft rows) and drag of a person
(mentors dragged onto mentees)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QFont

from ui.common.table_model import Index, RowsModel, columns

PERSON_MIME = "application/x-curator-person-id"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class IdRowsModel(RowsModel):
    """Rows (sequences of values, one per header) with ``ids`` and ``tips`` kept in step when sorted."""

    def __init__(self, headers: Sequence[str], checkable: bool = False, drag: bool = False,
                 sort: tuple[int, Qt.SortOrder] | None = None) -> None:
        super().__init__(columns(*headers), sort=sort)
        self.ids: list[int] = []
        self.tips: list[str] = []
        self.checked: set[int] = set()  # ids
        self.bold: set[int] = set()  # ids shown in bold (locked draft rows)
        self.checkable, self.drag = checkable, drag
        self._pending: tuple[list[int], list[str]] = ([], [])

    def set_rows(self, rows: Sequence[Sequence[Any]], ids: Sequence[int] = (),  # type: ignore[override]
                 tips: Sequence[str] = ()) -> None:
        self._pending = (list(ids), list(tips))
        super().set_rows([list(r) for r in rows])

    def _set(self, rows: list[Any]) -> None:
        self.rows = rows
        self.ids, tips = self._pending
        self.tips = tips or [""] * len(rows)
        self.checked &= set(self.ids)

    def _apply_order(self, order: list[int]) -> None:
        self.rows = [self.rows[i] for i in order]
        self.ids = [self.ids[i] for i in order]
        self.tips = [self.tips[i] for i in order]

    def id_at(self, row: int) -> int:
        return self.ids[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.ToolTipRole and self.tips[row]:
            return self.tips[row]
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and col == 0:
            return Qt.CheckState.Checked if self.ids[row] in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and self.ids[row] in self.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return self.ids[row]
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            self.set_checked(self.ids[index.row()], Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        return False

    def set_checked(self, row_id: int, on: bool) -> None:
        (self.checked.add if on else self.checked.discard)(row_id)
        row = self.ids.index(row_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.CheckStateRole])

    def set_all_checked(self, on: bool) -> None:
        self.checked = set(self.ids) if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if self.drag:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt name
        return [PERSON_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt name
        data = QMimeData()
        if indexes:
            data.setData(PERSON_MIME, str(self.ids[indexes[0].row()]).encode())
        return data
