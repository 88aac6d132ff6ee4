"""What every tab shares: loading on first show, reloading when its data changed, an empty state that says
what to do next with the buttons to do it, and the steps other tabs may ask it to perform."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .context import AppContext, Changed

TEXT_WIDTH = 640


class BaseTab(QWidget):
    """A tab builds its widgets in ``__init__`` cheaply and reads the database in :meth:`load`, which
    the window calls the first time the tab is shown and again after the data it shows changed.
    ``subjects`` lists the ``AppContext.changed`` subjects that make it stale."""

    subjects: tuple[Changed, ...] = ()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.stale = True
        ctx.changed.connect(self._on_changed)

    def activate(self) -> None:
        """Called when the tab becomes visible."""
        if self.stale:
            self.load()
            self.loaded, self.stale = True, False

    def load(self) -> None:
        """Read the database and fill the widgets."""

    def perform(self, action: str, argument: object = None) -> None:
        """Do a step another tab offered (``AppContext.open``); the tab is shown and loaded by then."""

    def _on_changed(self, subject: str) -> None:
        if subject == Changed.ALL or subject in self.subjects:
            self.stale = True
            if self.isVisible():
                self.activate()


class EmptyState(QWidget):
    """A calm explanation in the middle of an empty tab: what is (not) here, what to do next, and the buttons
    (``actions``: (text, slot)) to do it."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None,
                 actions: Sequence[tuple[str, Callable[[], object]]] = ()) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSize(16)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setStyleSheet("color: #2c3e50;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSize(11)
        self.text.setFont(font)  # a font, not a style sheet: the wrapped height is measured with it
        self.text.setStyleSheet("color: #555;")
        self.text.setFixedWidth(TEXT_WIDTH)
        layout.addWidget(self.title)
        layout.addSpacing(6)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        self.buttons: list[QPushButton] = []
        if actions:
            row = QHBoxLayout()
            row.addStretch(1)
            for caption, slot in actions:
                button = QPushButton(caption)
                button.clicked.connect(slot)
                row.addWidget(button)
                self.buttons.append(button)
            row.addStretch(1)
            layout.addSpacing(12)
            layout.addLayout(row)
        layout.addStretch(2)
        self.set_text(title, text)

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.text.setMinimumHeight(max(0, self.text.heightForWidth(TEXT_WIDTH)))
