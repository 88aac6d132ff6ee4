"""The panel «Ближайшие 14 дней и просроченные»: overdue events first, then what starts or is due soon."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from curator_app.lang.fmt import date_short, plural
from curator_app.roadmap import EventRow

COLUMNS = ["Когда", "№", "Мероприятие", "Ответственный"]
Index = QModelIndex | QPersistentModelIndex


def when_text(e: EventRow, today: dt.date) -> str:
    if e.status == "overdue" and e.end:
        return f"просрочено, срок {date_short(e.end)}"
    if e.start and today <= e.start and (not e.end or e.start != e.end):
        left = (e.start - today).days
        return "начало сегодня" if left == 0 else f"начало {date_short(e.start)}"
    if e.end:
        left = (e.end - today).days
        return "срок сегодня" if left == 0 else f"срок {date_short(e.end)}, через {plural(left, 'день', 'дня', 'дней')}"
    return ""


class UpcomingModel(QAbstractTableModel):
    """Rows are ``EventRow`` values chosen by :func:`curator_app.roadmap.ops.upcoming`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[EventRow] = []
        self.today = dt.date.today()

    def set_rows(self, rows: list[EventRow], today: dt.date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not (0 <= index.row() < len(self.rows)):
            return None
        e = self.rows[index.row()]
        values = [when_text(e, self.today), e.number, " ".join(e.title.split()), " ".join(e.responsible.split())]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and e.status == "overdue":
            return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        return None
