"""Table models of the tab «Пары и группы»: plain rows with an id each, sortable in the model, optionally
with a check column (the draft) and drag of a person (mentors dragged onto mentees)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
PERSON_MIME = "application/x-curator-person-id"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel):
    """``headers`` over ``rows`` (display values) with ``ids`` (one per row); sorts itself by a column.
    ``checkable`` adds check boxes in column 0; ``drag`` lets rows be dragged as a person id."""

    def __init__(self, headers: Sequence[str], checkable: bool = False, drag: bool = False) -> None:
        super().__init__()
        self.headers = list(headers)
        self.rows: list[list[Any]] = []
        self.ids: list[int] = []
        self.tips: list[str] = []
        self.checked: set[int] = set()  # ids
        self.bold: set[int] = set()  # ids shown in bold (locked draft rows)
        self.checkable, self.drag = checkable, drag
        self._sort: tuple[int, Qt.SortOrder] | None = None  # kept across reloads

    def set_rows(self, rows: Sequence[Sequence[Any]], ids: Sequence[int], tips: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.ids = list(ids)
        self.tips = list(tips) or [""] * len(self.rows)
        self.checked &= set(self.ids)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt name
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        value = self.rows[row][col]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):
                return f"{value:.1f}".replace(".", ",")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[row] or (None if value is None else str(value))
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and col == 0:
            return Qt.CheckState.Checked if self.ids[row] in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and self.ids[row] in self.bold:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return self.ids[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
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

    def flags(self, index: _Index) -> Qt.ItemFlag:
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        def key(i: int) -> Any:
            value = self.rows[i][column]
            return value if isinstance(value, int | float) else str(value).casefold()

        empty = [i for i in range(len(self.rows)) if self.rows[i][column] in (None, "")]
        filled = [i for i in range(len(self.rows)) if self.rows[i][column] not in (None, "")]
        order_ = sorted(filled, key=key, reverse=order == Qt.SortOrder.DescendingOrder) + empty  # empties last
        self.rows = [self.rows[i] for i in order_]
        self.ids = [self.ids[i] for i in order_]
        self.tips = [self.tips[i] for i in order_]

    def id_at(self, row: int) -> int:
        return self.ids[row]
