"""A strip above the tabs for things the curator must not miss: a read-only database, an old backup."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QSizePolicy, QToolBar, QWidget

from curator_app.errors import READ_ONLY_MESSAGE

READ_ONLY_TEXT = READ_ONLY_MESSAGE

_STYLES = {
    "warning": "background: #fff4ce; color: #3d2e00; border-bottom: 1px solid #e0c36a;",
    "error": "background: #fde7e9; color: #5c0b12; border-bottom: 1px solid #e3a1a8;",
}


def add_banner(window: QMainWindow, text: str, *, kind: str = "warning", action_text: str = "",
               action: Callable[[], object] | None = None, closable: bool = True) -> QToolBar:
    """Show ``text`` in a strip at the top of ``window``; returns the strip (``objectName`` ``banner``)."""
    bar = QToolBar(window)
    bar.setObjectName("banner")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setEnabled(False)
    box = QWidget(bar)
    box.setStyleSheet(_STYLES.get(kind, _STYLES["warning"]))
    layout = QHBoxLayout(box)
    layout.setContentsMargins(10, 6, 10, 6)
    label = QLabel(text, box)
    label.setObjectName("banner_text")
    label.setToolTip(text)
    label.setStyleSheet("border: none;")
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # a narrow window clips it
    layout.addWidget(label, 1)
    if action_text and action is not None:
        button = QPushButton(action_text, box)

        def act() -> None:
            bar.hide()
            action()

        button.clicked.connect(act)
        layout.addWidget(button)
    if closable:
        close = QPushButton("Скрыть", box)
        close.clicked.connect(bar.hide)
        layout.addWidget(close)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(box)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
