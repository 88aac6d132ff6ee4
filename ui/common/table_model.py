"""The one table-model base: typed rows shown through columns, formatted in ``data()``, sorted by value.

A row is any object (a core ``NamedTuple``, a dataclass, a list of values); a :class:`Column` reads the
cell's *value* from it — a date stays a date, a score a number — and the model turns it into text only
for display (:func:`display`). Sorting uses the values themselves (``SORT_ROLE`` gives them to a view or
a test), so «02.01.2026» never sorts before «15.03.2025», empty cells go last in either order, and the
order chosen (or the model's default, e.g. candidates by score) survives a reload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from curator_app.lang.fmt import date_short, number

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 10  # the cell's value, as sorted
ROW_ROLE = Qt.ItemDataRole.UserRole + 11  # the row object itself


@dataclass(frozen=True)
class Column:
    """``value(row)`` is the typed cell; ``text(value)`` how it is shown (default :func:`display`);
    ``color(row)`` a text colour; ``tip(row)`` a tooltip (default: long texts in full)."""

    title: str
    value: Callable[[Any], Any]
    text: Callable[[Any], str] | None = None
    color: Callable[[Any], str | None] | None = None
    tip: Callable[[Any], str | None] | None = None


def columns(*titles: str) -> list[Column]:
    """Columns over rows that are sequences of values, one title each."""
    return [Column(title, itemgetter(i)) for i, title in enumerate(titles)]


def display(value: Any) -> str:
    """A value as the curator reads it: dates «02.01.2026», decimals «3,5», yes/no, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return date_short(value)
    if isinstance(value, float):
        return number(value)
    return str(value)


def sort_key(value: Any) -> tuple[int, Any]:
    """Numbers, then dates, then texts (case and «ё» folded); one kind per column in practice."""
    if isinstance(value, bool | int | float):
        return (0, value)
    if isinstance(value, dt.datetime):
        return (1, value)
    if isinstance(value, dt.date):
        return (1, dt.datetime.combine(value, dt.time()))
    return (2, str(value).casefold().replace("ё", "е"))


class RowsModel(QAbstractTableModel):
    """``rows`` shown through ``columns``; ``sort`` is the order kept across reloads (the default one
    until the curator clicks a header)."""

    def __init__(self, cols: Sequence[Column], parent: Any = None,
                 sort: tuple[int, Qt.SortOrder] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(cols)
        self.rows: list[Any] = []
        self.default_sort = sort
        self._sort = sort

    # --- data in --------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._set(list(rows))
        if self._sort is not None:
            self._apply_order(self._order(*self._sort))
        self.endResetModel()

    def _set(self, rows: list[Any]) -> None:
        """Store a new set of rows (a subclass stores what goes with each row here)."""
        self.rows = rows

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def value(self, row: int, column: int) -> Any:
        return self.columns[column].value(self.rows[row])

    # --- sorting by value -----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return  # «no column»: the rows keep the order they came in
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._apply_order(self._order(column, order))
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        get = self.columns[column].value
        values = [get(r) for r in self.rows]
        empty = [i for i, v in enumerate(values) if v is None or v == ""]
        filled = [i for i, v in enumerate(values) if not (v is None or v == "")]
        filled.sort(key=lambda i: sort_key(values[i]), reverse=order == Qt.SortOrder.DescendingOrder)
        return filled + empty  # empty cells last either way

    def _apply_order(self, order: list[int]) -> None:
        """Put the rows in ``order`` (a subclass reorders what goes with each row too)."""
        self.rows = [self.rows[i] for i in order]

    # --- Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt name
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column, row = self.columns[index.column()], self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return column.text(value) if column.text else display(value)
        if role == SORT_ROLE:
            return column.value(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tip:
                return column.tip(row)
            text = self.data(index)
            return text if text and len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = column.value(row)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column.color:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        return None
