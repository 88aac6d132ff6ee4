"""The text of a paper's template, as the school edits it: kept in the database, the default one back with a
button. A registered document keeps the text it was registered with."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from curator_app.documents import papers


class TemplateDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setWindowTitle(f"Шаблон: {papers.TEMPLATES[name]}")
        self.resize(860, 620)
        layout = QVBoxLayout(self)
        hint = QLabel("Строка «# …» — заголовок по центру, «## …» — раздел, «- …» — пункт списка, пустая строка — "
                      "новый абзац. Поля в фигурных скобках ({short}, {curator_acc}, {year} …) программа заполнит "
                      "сама. Уже зарегистрированные документы от изменения шаблона не меняются.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(papers.template_text(name))
        self.editor.setFont(QFont("PT Sans", 11))
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.reset = QPushButton("Вернуть исходный текст")
        buttons.addButton(self.reset, QDialogButtonBox.ButtonRole.ResetRole)
        self.reset.clicked.connect(lambda: self.editor.setPlainText(papers.default_text(name)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        papers.save_template(self.name, self.editor.toPlainText())
