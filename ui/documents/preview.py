"""Pages of a document shown one under another, as the printer will print them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


class PreviewWidget(QScrollArea):
    """Holds the page images of the last preview; ``show_message`` replaces them with a line of text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setStyleSheet("QScrollArea { background: #8a8f96; }")
        self.body = QWidget()
        self.body.setStyleSheet("background: #8a8f96;")
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.layout_.setSpacing(12)
        self.setWidget(self.body)
        self.pages: list[QLabel] = []
        self.images: list[QImage] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet("color: white; font-size: 11pt; padding: 16px;")
        self.layout_.addWidget(self.note)
        self.show_message("Выберите документ и пары слева и нажмите «Предпросмотр».")

    def _clear(self) -> None:
        for label in self.pages:
            self.layout_.removeWidget(label)
            label.deleteLater()
        self.pages, self.images = [], []

    def show_message(self, text: str) -> None:
        self._clear()
        self.note.setText(text)
        self.note.show()

    def show_pages(self, images: list[QImage], note: str = "") -> None:
        self._clear()
        self.note.setText(note)
        self.note.setVisible(bool(note))
        for _ in images:
            label = QLabel()
            label.setStyleSheet("background: white; border: 1px solid #555;")
            self.layout_.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(label)
        self.images = list(images)
        self._fit()
        self.verticalScrollBar().setValue(0)

    def _fit(self) -> None:
        """Pages as wide as the view (never wider than rendered), each label exactly its page's size."""
        width = max(200, self.viewport().width() - 40)
        for label, image in zip(self.pages, self.images, strict=True):
            pixmap = QPixmap.fromImage(image)
            if pixmap.width() > width:
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())
        self.layout_.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        if self.images:
            self._fit()
