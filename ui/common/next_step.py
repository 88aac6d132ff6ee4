"""A strip inside a tab saying what just happened and offering the next step as a button: «Загружено 24
наставляемых — [Подобрать пары]», «Принято 24 пары — [Подготовить приказ…]». No window to close, nothing
modal: the curator may take the step or carry on."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

STYLE = "#next_step { background: #e8f5e9; border: 1px solid #a5d6a7; border-radius: 3px; }"


class NextStep(QFrame):
    """Hidden until :meth:`offer`; ``buttons`` are the steps offered last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("next_step")
        self.setStyleSheet(STYLE)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(10, 5, 6, 5)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("border: none; background: transparent;")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.layout_.addWidget(self.text, 1)
        self.buttons: list[QPushButton] = []
        self.close_button = QPushButton("Скрыть")
        self.close_button.clicked.connect(self.hide)
        self.layout_.addWidget(self.close_button)
        self.hide()

    def offer(self, text: str, steps: Sequence[tuple[str, Callable[[], object]]] = ()) -> None:
        """Say ``text`` and offer ``steps`` ((button text, action)); a step taken hides the strip."""
        for button in self.buttons:
            self.layout_.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.text.setText(text)
        for index, (caption, action) in enumerate(steps):
            button = QPushButton(caption)
            button.setDefault(index == 0)
            button.clicked.connect(lambda _=False, act=action: self._take(act))
            self.layout_.insertWidget(self.layout_.count() - 1, button)
            self.buttons.append(button)
        self.show()

    def _take(self, action: Callable[[], object]) -> None:
        self.hide()
        action()
