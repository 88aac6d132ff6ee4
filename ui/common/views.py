"""Table views the curator can read: no column narrower than its own title. A centred title cut on both sides
reads as another word («Желаемые наставляемые» became «Келаемые наставляемые»)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

# a tool button whose text ends in «▾»: Qt's own menu arrow would be drawn over the last letter
NO_MENU_ARROW = "QToolButton::menu-indicator { image: none; width: 0px; }"


def fit_headers(view: QTableView) -> None:
    """Widen every column whose width is less than its title (and sort mark) needs; wider ones stay."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        needed = header.sectionSizeHint(column)
        if view.columnWidth(column) < needed:
            view.setColumnWidth(column, needed)
