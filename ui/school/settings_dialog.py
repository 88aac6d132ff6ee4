"""Настройки → Реквизиты школы: what orders and reports print about the school."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .school_form import SchoolForm


class SettingsDialog(QDialog):
    """Edits every requisite (:class:`SchoolForm`); a field in error shows its message right under it."""

    def __init__(self, parent: QWidget | None = None, intro: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Реквизиты школы")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.form = SchoolForm(parent=self)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.form.save():
            super().accept()
