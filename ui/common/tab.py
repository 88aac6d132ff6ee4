"""What every tab shares: loading on first show, reloading when its data changed, an empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .context import AppContext, Changed


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

    def _on_changed(self, subject: str) -> None:
        if subject == Changed.ALL or subject in self.subjects:
            self.stale = True
            if self.isVisible():
                self.activate()


class EmptyState(QWidget):
    """A calm explanation in the middle of an empty tab: what is (not) here and how to get it."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #2c3e50;")
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("font-size: 11pt; color: #555;")
        self.text.setFixedWidth(640)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
