"""A Gantt-like timeline of roadmap events: month columns, a today line, bars coloured by status
(overdue in red), deadlines as diamonds; zoom by the whole period, academic year, quarter or month.
Paints only the rows inside the exposed rectangle, so hundreds of events stay cheap."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QToolTip, QWidget

from curator_app.lang.fmt import date_short
from curator_app.roadmap import EventRow

from .table_model import STATUS_COLORS

MONTHS_SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
ZOOMS = {"all": "Весь период", "year": "Учебный год", "quarter": "Квартал", "month": "Месяц"}
LABEL_W, HEADER_H, ROW_H = 250, 38, 22


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class TimelineWidget(QWidget):
    """Draws ``events`` across a window of dates; ``eventClicked(id)`` when a row is clicked."""

    eventClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events: list[EventRow] = []
        self.today = dt.date.today()
        self.period: tuple[dt.date | None, dt.date | None] = (None, None)
        self.zoom = "year"
        self.anchor = self.today
        self.selected_id: int | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(HEADER_H + ROW_H)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self._bold = QFont(self._small)
        self._bold.setBold(True)

    # --- state ------------------------------------------------------------------------------------
    def set_events(self, events: list[EventRow], period: tuple[dt.date | None, dt.date | None],
                   today: dt.date | None = None) -> None:
        self.events = events
        self.period = period
        self.today = today or dt.date.today()
        start, end = period
        if start and end and start <= self.today <= end:
            self.anchor = self.today
        else:  # a past or future roadmap opens at its own start (or its first event)
            starts = [d for e in events for d in (e.start, e.end) if d]
            self.anchor = start or (min(starts) if starts else self.today)
        self.setMinimumHeight(HEADER_H + ROW_H * max(1, len(events)) + 4)
        self.updateGeometry()
        self.update()

    def set_zoom(self, zoom: str) -> None:
        self.zoom = zoom
        self.update()

    def shift(self, steps: int) -> None:
        months = {"year": 12, "quarter": 3, "month": 1}.get(self.zoom, 0)
        if months:
            self.anchor = _add_months(self.anchor.replace(day=1), months * steps)
            self.update()

    def window(self) -> tuple[dt.date, dt.date]:
        a = self.anchor
        if self.zoom == "all":
            start, end = self.period
            dates = [d for e in self.events for d in (e.start, e.end) if d]
            start = start or (min(dates) if dates else dt.date(a.year, 1, 1))
            end = end or (max(dates) if dates else dt.date(a.year, 12, 31))
            return start.replace(day=1), _add_months(end.replace(day=1), 1) - dt.timedelta(days=1)
        if self.zoom == "year":
            y = a.year if a.month >= 9 else a.year - 1
            return dt.date(y, 9, 1), dt.date(y + 1, 8, 31)
        if self.zoom == "quarter":
            first = dt.date(a.year, 3 * ((a.month - 1) // 3) + 1, 1)
            return first, _add_months(first, 3) - dt.timedelta(days=1)
        first = a.replace(day=1)
        return first, _add_months(first, 1) - dt.timedelta(days=1)

    def window_text(self) -> str:
        start, end = self.window()
        return f"{date_short(start)} – {date_short(end)}"

    def sizeHint(self) -> QSize:
        return QSize(900, HEADER_H + ROW_H * max(1, len(self.events)) + 4)

    # --- geometry ---------------------------------------------------------------------------------
    def _x(self, day: dt.date, start: dt.date, per_day: float) -> float:
        return LABEL_W + (day - start).days * per_day

    def _scale(self) -> tuple[dt.date, dt.date, float]:
        start, end = self.window()
        days = max(1, (end - start).days + 1)
        return start, end, max(1, self.width() - LABEL_W - 8) / days

    def row_at(self, y: int) -> int:
        return (y - HEADER_H) // ROW_H if y >= HEADER_H else -1

    # --- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        clip = event.rect()
        p.fillRect(clip, QColor("white"))
        start, end, per_day = self._scale()
        first_row = max(0, (clip.top() - HEADER_H) // ROW_H)
        last_row = min(len(self.events) - 1, (clip.bottom() - HEADER_H) // ROW_H + 1)
        for i in range(first_row, last_row + 1):
            self._paint_row_background(p, i)
        self._paint_grid(p, clip, start, end, per_day)
        for i in range(first_row, last_row + 1):
            self._paint_row(p, i, start, end, per_day)
        if clip.top() < HEADER_H:
            self._paint_header(p, start, end, per_day)
        if start <= self.today <= end:
            x = self._x(self.today, start, per_day)
            p.setPen(QPen(QColor("#d0342c"), 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, HEADER_H - 6), QPointF(x, max(clip.bottom(), HEADER_H)))
            if clip.top() < HEADER_H:
                p.setFont(self._bold)
                p.drawText(QRectF(x - 40, 0, 80, 14), Qt.AlignmentFlag.AlignCenter, "сегодня")
        if not self.events:
            p.setPen(QColor("#777"))
            p.drawText(QRect(LABEL_W, HEADER_H, self.width() - LABEL_W, 40), Qt.AlignmentFlag.AlignCenter,
                       "Нет мероприятий для показа")
        p.end()

    def _paint_header(self, p: QPainter, start: dt.date, end: dt.date, per_day: float) -> None:
        p.fillRect(QRect(0, 0, self.width(), HEADER_H), QColor("#f4f6f8"))
        p.setPen(QColor("#2c3e50"))
        p.setFont(self._bold)
        p.drawText(QRect(6, 0, LABEL_W - 12, HEADER_H), Qt.AlignmentFlag.AlignVCenter, "Мероприятие")
        p.setFont(self._small)
        month = start.replace(day=1)
        while month <= end:
            nxt = _add_months(month, 1)
            x1 = self._x(max(month, start), start, per_day)
            x2 = self._x(min(nxt, end + dt.timedelta(days=1)), start, per_day)
            label = MONTHS_SHORT[month.month - 1]
            if x2 - x1 > 60:
                label += f" {month.year}"
            elif month.month == 1:
                label = str(month.year)
            if x2 - x1 > 18:
                p.drawText(QRectF(x1, 16, x2 - x1, HEADER_H - 16), Qt.AlignmentFlag.AlignCenter, label)
            month = nxt
        if self.zoom in ("month", "quarter"):
            step = 1 if self.zoom == "month" else 7
            day = start
            while day <= end:
                x = self._x(day, start, per_day)
                p.drawText(QRectF(x, 2, 24, 14), Qt.AlignmentFlag.AlignLeft, str(day.day))
                day += dt.timedelta(days=step)
        p.setPen(QColor("#c8d0d8"))
        p.drawLine(0, HEADER_H - 1, self.width(), HEADER_H - 1)

    def _paint_grid(self, p: QPainter, clip: QRect, start: dt.date, end: dt.date, per_day: float) -> None:
        p.setPen(QPen(QColor("#e3e7eb"), 1))
        month = _add_months(start.replace(day=1), 1) if start.day != 1 else start
        while month <= end:
            x = int(self._x(month, start, per_day))
            p.drawLine(x, max(clip.top(), 0), x, clip.bottom())
            month = _add_months(month, 1)
        p.setPen(QColor("#c8d0d8"))
        p.drawLine(LABEL_W, max(clip.top(), 0), LABEL_W, clip.bottom())

    def _paint_row_background(self, p: QPainter, i: int) -> None:
        y = HEADER_H + i * ROW_H
        if self.events[i].id == self.selected_id:
            p.fillRect(QRect(0, y, self.width(), ROW_H), QColor("#dbe9f7"))
        elif i % 2:
            p.fillRect(QRect(0, y, self.width(), ROW_H), QColor("#f7f9fb"))

    def _paint_row(self, p: QPainter, i: int, start: dt.date, end: dt.date, per_day: float) -> None:
        e = self.events[i]
        y = HEADER_H + i * ROW_H
        color = QColor(STATUS_COLORS.get(e.status, "#5b7fa6"))
        p.setFont(self._small)
        p.setPen(QColor("#c0392b") if e.status == "overdue" else QColor("#222"))
        label = f"{e.number} {' '.join(e.title.split())}".strip()
        metrics = p.fontMetrics()
        p.drawText(QRect(6, y, LABEL_W - 10, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                   metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_W - 10))
        if e.end is None and e.start is None:
            p.setPen(QColor("#999"))
            text = "срок не разобран" if e.unparsed else (e.recurrence or "без дат")
            p.drawText(QRect(LABEL_W + 6, y, 300, ROW_H), Qt.AlignmentFlag.AlignVCenter, text)
            return
        left = max(e.start or e.end or start, start)
        right = min(e.end or e.start or end, end)
        if (e.start or e.end or start) > end or (e.end or e.start or end) < start:
            return  # outside the window
        top = y + 5
        if e.start is None:  # a deadline: a diamond on its day
            x = self._x(e.end or start, start, per_day) + per_day / 2
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            h = (ROW_H - 10) / 2 + 1
            cy = y + ROW_H / 2
            p.drawPolygon(QPolygonF([QPointF(x, cy - h), QPointF(x + h, cy), QPointF(x, cy + h), QPointF(x - h, cy)]))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            return
        x1 = self._x(left, start, per_day)
        x2 = self._x(right + dt.timedelta(days=1), start, per_day)
        rect = QRectF(x1, top, max(3.0, x2 - x1), ROW_H - 10)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color.lighter(115) if e.status != "cancelled" else QColor("#cfcfcf"))
        p.drawRect(rect)
        if e.recurrence:
            p.setPen(QPen(color.darker(140), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(1, 1, -1, -1))

    # --- interaction ------------------------------------------------------------------------------
    def _event_at(self, pos: QPoint) -> EventRow | None:
        row = self.row_at(pos.y())
        return self.events[row] if 0 <= row < len(self.events) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self._event_at(event.position().toPoint())
        if found is not None:
            self.selected_id = found.id
            self.update()
            self.eventClicked.emit(found.id)
        super().mousePressEvent(event)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            found = self._event_at(event.pos())
            if found is not None:
                dates = f"{date_short(found.start) or '…'} – {date_short(found.end) or '…'}"
                QToolTip.showText(event.globalPos(), f"{found.number} {found.title}\nСрок: {found.period_text}\n"
                                  f"Даты: {dates}\nСтатус: {found.status_label}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
