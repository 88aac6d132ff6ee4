"""Table views the curator can read: no column narrower than its own title. A centred title cut on both sides
reads as another word («Желаемые наставляемые» became «Келаемые наставляемые»)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView, QToolButton, QWidget

# the style draws the menu's arrow (no font has to hold «▾»: the bundled PT Sans does not) in room of its own,
# not over the last letter
_MENU_BUTTON = ("QToolButton { padding: 3px 18px 3px 6px; } "
                "QToolButton::menu-indicator { subcontrol-origin: padding; subcontrol-position: center right; "
                "right: 5px; }")


def menu_button(text: str, parent: QWidget | None = None) -> QToolButton:
    """A button that opens its menu at once, with the style's own arrow beside the text."""
    button = QToolButton(parent)
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setStyleSheet(_MENU_BUTTON)
    return button


def fit_headers(view: QTableView) -> None:
    """Widen every column whose width is less than its title (and sort mark) needs; wider ones stay."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        needed = header.sectionSizeHint(column)
        if view.columnWidth(column) < needed:
            view.setColumnWidth(column, needed)
