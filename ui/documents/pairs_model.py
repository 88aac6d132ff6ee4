"""The pairs a document is made for, with a check box each (all checked after a load)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from curator_app.documents.data import PairInfo
from curator_app.models import MENTORSHIP_STATUS_LABELS
from ui.common.table_model import Column, Index, RowsModel

CHECK, MENTOR, MENTEES, FORM, STATUS = range(5)


def _mentees(pair: PairInfo) -> str:
    names = ", ".join(m.name.short + (f" ({m.grade})" if m.grade else "") for m in pair.mentees)
    return f"«{pair.group_name}»: {names}" if pair.group_name else names


def _names(pair: PairInfo) -> str:
    return "\n".join([pair.mentor.name.full, *[m.name.full for m in pair.mentees]])


COLUMNS = (
    Column("", lambda p: None),
    Column("Наставник", lambda p: p.mentor.name.short, tip=_names),
    Column("Наставляемые", _mentees, tip=_names),
    Column("Форма", lambda p: p.form),
    Column("Статус", lambda p: MENTORSHIP_STATUS_LABELS.get(p.status, p.status)),
)


class PairsChoiceModel(RowsModel):
    """Holds the pairs (``PairInfo``) and which of them are checked."""

    rows: list[PairInfo]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self.checked: set[int] = set()

    @property
    def pairs(self) -> list[PairInfo]:
        return self.rows

    def set_pairs(self, pairs: list[PairInfo]) -> None:
        self.checked = {p.id for p in pairs}
        self.set_rows(pairs)

    def chosen(self) -> list[PairInfo]:
        return [p for p in self.rows if p.id in self.checked]

    def choose(self, ids: list[int]) -> None:
        """Check exactly these pairs (those just accepted, for «Подготовить приказ…»)."""
        wanted = set(ids)
        self.checked = {p.id for p in self.rows if p.id in wanted}
        if self.rows:
            self.dataChanged.emit(self.index(0, CHECK), self.index(len(self.rows) - 1, CHECK))

    def set_all(self, on: bool) -> None:
        self.checked = {p.id for p in self.rows} if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, CHECK), self.index(len(self.rows) - 1, CHECK))

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == CHECK else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.CheckStateRole and index.column() == CHECK:
            return Qt.CheckState.Checked if self.rows[index.row()].id in self.checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != CHECK:
            return False
        pair_id = self.rows[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(pair_id)
        else:
            self.checked.discard(pair_id)
        self.dataChanged.emit(index, index)
        return True


def pairs_view(model: PairsChoiceModel) -> QTableView:
    """The chooser's table: the check column fits its box, the mentees' column takes the room left."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    header.resizeSection(MENTOR, 150)
    header.setSectionResizeMode(MENTEES, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(FORM, 165)
    header.resizeSection(STATUS, 100)
    return view
