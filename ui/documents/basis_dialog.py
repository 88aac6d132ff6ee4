"""The legal basis of orders («В соответствии с …»): one act per line, kept in the settings for every later
order, with the defaults back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class DocumentBasisDialog(QDialog):
    def __init__(self, acts: list[str], defaults: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Основание приказа")
        self.resize(720, 420)
        self.defaults = defaults
        layout = QVBoxLayout(self)
        hint = QLabel("Документы, на которые ссылается приказ («В соответствии с …»), по одному в строке, "
                      "в творительном падеже: «статьёй 351.8 Трудового кодекса …», «Федеральным законом от …», "
                      "«Положением о программе наставничества …». Список сохраняется в настройках и "
                      "используется во всех следующих приказах.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit("\n".join(acts))
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.reset = QPushButton("Вернуть по умолчанию")
        buttons.addButton(self.reset, QDialogButtonBox.ButtonRole.ResetRole)
        self.reset.clicked.connect(lambda: self.editor.setPlainText("\n".join(self.defaults)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def acts(self) -> list[str]:
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]
