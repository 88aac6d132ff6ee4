"""The panel «Ближайшие 14 дней и просроченные»: overdue events first, then what starts or is due soon."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from curator_app.lang.fmt import date_short, plural
from curator_app.roadmap import EventRow
from ui.common.table_model import Column, Index, RowsModel


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


def _red(e: EventRow) -> str | None:
    return "#c0392b" if e.status == "overdue" else None


class UpcomingModel(RowsModel):
    """Rows are ``EventRow`` values chosen by :func:`curator_app.roadmap.ops.upcoming`, in that order; the
    first column reads «срок 20.12.2026, через 5 дней» against the day given with them."""

    rows: list[EventRow]

    def __init__(self, parent: Any = None) -> None:
        self.today = dt.date.today()
        super().__init__([
            Column("Когда", lambda e: e, lambda e: when_text(e, self.today), color=_red),
            Column("№", lambda e: e.number, color=_red),
            Column("Мероприятие", lambda e: " ".join(e.title.split()), color=_red),
            Column("Ответственный", lambda e: " ".join(e.responsible.split()), color=_red),
        ], parent)

    def set_rows(self, rows: list[EventRow], today: dt.date) -> None:  # type: ignore[override]
        self.today = today
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            return self.rows[index.row()].id
        return super().data(index, role)
