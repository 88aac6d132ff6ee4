"""The table model of a bank: the rows the core read in one query, filtered and sorted in memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from curator_app.banks.rows import (
    CONSENT_LABELS,
    STATUS_LABELS,
    BankFilter,
    BankRow,
    category_label,
    filter_rows,
    sort_key,
)
from curator_app.lang.text import fold

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _d(value: str | None) -> str:
    return f"{value[8:10]}.{value[5:7]}.{value[:4]}" if value else ""


# (key for sorting, title, display getter)
Column = tuple[str, str, Callable[[BankRow], Any]]
COMMON_HEAD: list[Column] = [
    ("name", "ФИО", lambda r: r.full_name),
    ("consent", "Согласие", lambda r: CONSENT_LABELS[r.consent]),
]
COLUMNS: dict[str, list[Column]] = {
    "mentee": COMMON_HEAD + [
        ("place", "Класс / должность", lambda r: r.place),
        ("birth_date", "Дата рождения", lambda r: _d(r.birth_date)),
        ("main_text", "Ключевой запрос", lambda r: r.main_text or ""),
        ("interests", "Интересы", lambda r: r.interests or ""),
        ("form", "Форма", lambda r: r.form or ""),
        ("partners", "Наставник", lambda r: r.partners),
        ("load", "Статус", lambda r: STATUS_LABELS[r.status]),
        ("entry_date", "Вход в программу", lambda r: _d(r.entry_date)),
        ("phone", "Телефон", lambda r: r.phone or ""),
        ("guardian_name", "Законный представитель",
         lambda r: " ".join(p for p in (r.guardian_name, r.guardian_phone) if p)),
        ("category", "Категория", lambda r: category_label(r.category)),
    ],
    "mentor": COMMON_HEAD + [
        ("category", "Категория", lambda r: category_label(r.category)),
        ("place", "Место работы / класс", lambda r: r.place),
        ("main_text", "Компетенции", lambda r: r.main_text or ""),
        ("interests", "Интересы", lambda r: r.interests or ""),
        ("desired", "Желаемые наставляемые", lambda r: r.desired or ""),
        ("load", "Наставляемых", lambda r: f"{r.load} из {r.capacity or 1}"),
        ("trained", "Обучение", lambda r: ("да " + _d(r.trained_on)).strip() if r.trained else "нет"),
        ("form", "Форма", lambda r: r.form or ""),
        ("partners", "Наставляемые", lambda r: r.partners),
        ("phone", "Телефон", lambda r: r.phone or ""),
        ("birth_date", "Дата рождения", lambda r: _d(r.birth_date)),
    ],
}
DEFAULT_HIDDEN = {"mentee": {"guardian_name", "category", "entry_date", "interests"},
                  "mentor": {"interests", "birth_date", "phone"}}
_CONSENT_COLORS = {"valid": "#2e9d4f", "invalid": "#d9822b", "none": "#c0392b"}


def _dot(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(130))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class BankTableModel(QAbstractTableModel):
    """Holds every row of one bank (``all_rows``) and the filtered, sorted ones shown (``rows``)."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role
        self.columns = COLUMNS[role]
        self.all_rows: list[BankRow] = []
        self.rows: list[BankRow] = []
        self.filter = BankFilter()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._icons: dict[str, QIcon] = {}
        self._archived = QBrush(QColor("#888888"))

    # --- data in ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[BankRow]) -> None:
        self.all_rows = rows
        self.apply()

    def set_filter(self, flt: BankFilter) -> None:
        previous, self.filter = self.filter, flt
        narrower = (dataclasses.replace(previous, text=flt.text) == flt
                    and fold(flt.text).startswith(fold(previous.text)))
        if narrower:  # typing on: the new matches are among the rows shown, already sorted
            self.beginResetModel()
            self.rows = filter_rows(self.rows, BankFilter(text=flt.text, status=""))
            self.endResetModel()
        else:
            self.apply()

    def apply(self) -> None:
        """Filter and sort ``all_rows`` again and reset the view."""
        self.beginResetModel()
        rows = filter_rows(self.all_rows, self.filter)
        column, order = self._sort
        if column != 0 or order != Qt.SortOrder.AscendingOrder:  # rows come sorted by name already
            rows.sort(key=sort_key(self.columns[column][0]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = rows
        self.endResetModel()

    # --- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][1]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][2](row)
        if role == PERSON_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DecorationRole and key == "consent":
            if row.consent not in self._icons:
                self._icons[row.consent] = _dot(_CONSENT_COLORS[row.consent])
            return self._icons[row.consent]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "consent":
                return {"valid": "Согласие на обработку персональных данных действует",
                        "invalid": "Согласие отозвано или истёк срок: нельзя включать в пару и в приказ",
                        "none": "Нет согласия на обработку персональных данных: нельзя включать в пару и в "
                                "приказ"}[row.consent]
            if key in ("main_text", "interests", "partners"):
                return self.columns[index.column()][2](row) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.archived_on:
            return self._archived
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.apply()

    # --- helpers -----------------------------------------------------------------------------------
    def person_id(self, row: int) -> int:
        return self.rows[row].id

    def row_of(self, person_id: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == person_id:
                return i
        return None

