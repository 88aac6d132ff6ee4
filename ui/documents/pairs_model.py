"""The pairs a document is made for, with a check box each (all checked after a load)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from curator_app.documents.data import PairInfo
from curator_app.models import MENTORSHIP_STATUS_LABELS

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("", "Наставник", "Наставляемые", "Форма", "Статус")
CHECK, MENTOR, MENTEES, FORM, STATUS = range(5)


class PairsChoiceModel(QAbstractTableModel):
    """Holds the pairs (``PairInfo``) and which of them are checked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pairs: list[PairInfo] = []
        self.checked: set[int] = set()

    def set_pairs(self, pairs: list[PairInfo]) -> None:
        self.beginResetModel()
        self.pairs = pairs
        self.checked = {p.id for p in pairs}
        self.endResetModel()

    def chosen(self) -> list[PairInfo]:
        return [p for p in self.pairs if p.id in self.checked]

    def set_all(self, on: bool) -> None:
        self.checked = {p.id for p in self.pairs} if on else set()
        if self.pairs:
            self.dataChanged.emit(self.index(0, CHECK), self.index(len(self.pairs) - 1, CHECK))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt names
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == CHECK else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pair, column = self.pairs[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == CHECK:
            return Qt.CheckState.Checked if pair.id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MENTOR:
                return pair.mentor.name.short
            if column == MENTEES:
                names = ", ".join(m.name.short + (f" ({m.grade})" if m.grade else "") for m in pair.mentees)
                return f"«{pair.group_name}»: {names}" if pair.group_name else names
            if column == FORM:
                return pair.form
            if column == STATUS:
                return MENTORSHIP_STATUS_LABELS.get(pair.status, pair.status)
        if role == Qt.ItemDataRole.ToolTipRole and column in (MENTOR, MENTEES):
            return "\n".join([pair.mentor.name.full, *[m.name.full for m in pair.mentees]])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != CHECK:
            return False
        pair_id = self.pairs[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(pair_id)
        else:
            self.checked.discard(pair_id)
        self.dataChanged.emit(index, index)
        return True
