"""The roadmap as a table: section rows (bold, spanning) and event rows, filtered by status and
responsible. Holds plain ``EventRow`` values from the core; never queries the database itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from curator_app.lang.fmt import date_short
from curator_app.roadmap import EventRow

STATUS_COLORS = {"planned": "#5b7fa6", "in_progress": "#e6a23c", "done": "#3c9d5d", "overdue": "#c0392b",
                 "cancelled": "#9e9e9e"}
UNPARSED = "unparsed"  # a status filter value: periods the parser flagged
COLUMNS = ["№", "Мероприятие", "Срок", "Начало", "Окончание", "Ответственный", "Статус", "Результат / документ"]
C_NUMBER, C_TITLE, C_PERIOD, C_START, C_END, C_RESP, C_STATUS, C_RESULT = range(8)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SectionRow:
    number: str
    title: str


class RoadmapTableModel(QAbstractTableModel):
    """Rows are ``SectionRow`` or ``EventRow``; a section is shown only if one of its events passes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: list[SectionRow] = []
        self._events: list[EventRow] = []
        self._rows: list[SectionRow | EventRow] = []
        self.status_filter = ""
        self.responsible_filter = ""
        self._bold = QFont()
        self._bold.setBold(True)

    def set_data(self, sections: list[tuple[str, str]], events: list[EventRow]) -> None:
        self._sections = [SectionRow(n, t) for n, t in sections]
        self._events = events
        self._rebuild()

    def set_filters(self, status: str = "", responsible: str = "") -> None:
        self.status_filter, self.responsible_filter = status, responsible
        self._rebuild()

    def passes(self, e: EventRow) -> bool:
        if self.status_filter == UNPARSED and not e.unparsed:
            return False
        if self.status_filter and self.status_filter != UNPARSED and e.status != self.status_filter:
            return False
        return not self.responsible_filter or self.responsible_filter.lower() in e.responsible.lower()

    def visible_events(self) -> list[EventRow]:
        return [r for r in self._rows if isinstance(r, EventRow)]

    def responsibles(self) -> list[str]:
        return sorted({" ".join(e.responsible.split()) for e in self._events if e.responsible.strip()})

    def _rebuild(self) -> None:
        self.beginResetModel()
        events = [e for e in self._events if self.passes(e)]
        by_section: dict[str, list[EventRow]] = {}
        for e in events:
            by_section.setdefault(e.section_number, []).append(e)
        rows: list[SectionRow | EventRow] = list(by_section.pop("", []))
        for s in self._sections:
            items = by_section.pop(s.number, [])
            children = any(k.startswith(s.number) for k in by_section) or any(
                o.number.startswith(s.number) and o.number != s.number for o in self._sections)
            if items or (children and not self.status_filter and not self.responsible_filter):
                rows.append(s)
                rows.extend(items)
        for rest in by_section.values():
            rows.extend(rest)
        self._rows = rows
        self.endResetModel()

    # --- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def row_at(self, row: int) -> SectionRow | EventRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def is_section(self, row: int) -> bool:
        return isinstance(self.row_at(row), SectionRow)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row())
        if item is None:
            return None
        col = index.column()
        if isinstance(item, SectionRow):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{item.number} {item.title}" if col == C_NUMBER else None
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#eef2f6"))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == C_PERIOD and item.unparsed:
                return "Срок не удалось прочитать полностью — проверьте и исправьте его в карточке мероприятия."
            return self._display(item, col) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == C_STATUS or (col in (C_END, C_PERIOD) and item.status == "overdue"):
                return QBrush(QColor(STATUS_COLORS[item.status]))
        if role == Qt.ItemDataRole.DecorationRole and col == C_PERIOD and item.unparsed:
            return _warning_icon()  # a picture, not «⚠»: the bundled font has no such glyph
        if role == Qt.ItemDataRole.BackgroundRole and col == C_PERIOD and item.unparsed:
            return QBrush(QColor("#fff3cd"))
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    @staticmethod
    def _display(e: EventRow, col: int) -> str:
        if col == C_NUMBER:
            return e.number
        if col == C_TITLE:
            return " ".join(e.title.split())
        if col == C_PERIOD:
            return e.period_text + (f" ({e.recurrence})" if e.recurrence and
                                                                   e.recurrence not in e.period_text else "")
        if col == C_START:
            return date_short(e.start)
        if col == C_END:
            return date_short(e.end)
        if col == C_RESP:
            return " ".join(e.responsible.split())
        if col == C_STATUS:
            return e.status_label + (f" {date_short(e.done_on)}" if e.done_on else "")
        if col == C_RESULT:
            return " ".join((e.result or e.document).split())
        return ""


def _warning_icon() -> QIcon:
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def day_text(value: dt.date | None) -> str:
    return date_short(value) if value else "—"
