"""Настройки → Реквизиты школы: what orders and reports print about the school."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from curator_app import settings as settings_service
from curator_app.settings import SchoolSettings

_NAME = re.compile(r"^[А-ЯЁ][а-яё-]+ [А-ЯЁ][а-яё-]+( [А-ЯЁ][а-яё-]+)?$")


class SettingsDialog(QDialog):
    """Edits :class:`SchoolSettings`; a field in error shows its message right under it."""

    def __init__(self, parent: QWidget | None = None, intro: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Реквизиты школы")
        self.setMinimumWidth(620)
        school = settings_service.load_school()
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        self.full_name = QPlainTextEdit(school.full_name)
        self.full_name.setFixedHeight(60)
        self.short_name = QLineEdit(school.short_name)
        self.city = QLineEdit(school.city)
        self.address = QLineEdit(school.address)
        self.address.setPlaceholderText("248000, г. Калуга, ул. Ленина, д. 1")
        self.director_position = QLineEdit(school.director_position)
        self.director_name = QLineEdit(school.director_name)
        self.curator_name = QLineEdit(school.curator_name)
        self.curator_position = QLineEdit(school.curator_position)
        self.academic_year = QLineEdit(school.academic_year)
        self.pupils_total = QSpinBox(maximum=100000, value=school.pupils_total)
        self.young_teachers_total = QSpinBox(maximum=10000, value=school.young_teachers_total)
        self.full_name.setPlaceholderText("Муниципальное бюджетное общеобразовательное учреждение …")
        self.short_name.setPlaceholderText("МБОУ «СОШ № 17»")
        self.city.setPlaceholderText("г. Калуга")
        self.director_name.setPlaceholderText("Фамилия Имя Отчество")
        self.curator_name.setPlaceholderText("Фамилия Имя Отчество")
        self.academic_year.setPlaceholderText("2026-2027")
        self.errors: dict[str, QLabel] = {}
        rows = [
            ("full_name", "Полное наименование", self.full_name),
            ("short_name", "Краткое наименование", self.short_name),
            ("city", "Город (населённый пункт)", self.city),
            ("address", "Адрес (для согласий на обработку ПДн)", self.address),
            ("director_position", "Должность руководителя", self.director_position),
            ("director_name", "ФИО руководителя", self.director_name),
            ("curator_name", "ФИО куратора", self.curator_name),
            ("curator_position", "Должность куратора", self.curator_position),
            ("academic_year", "Учебный год", self.academic_year),
            ("pupils_total", "Обучающихся 10–18 лет в школе", self.pupils_total),
            ("young_teachers_total", "Педагогов до 35 лет", self.young_teachers_total),
        ]
        for key, label, widget in rows:
            error = QLabel()
            error.setStyleSheet("color: #c0392b;")
            error.hide()
            self.errors[key] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(label, box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> SchoolSettings:
        return dataclasses.replace(
            settings_service.load_school(),
            full_name=" ".join(self.full_name.toPlainText().split()),
            short_name=self.short_name.text().strip(), city=self.city.text().strip(),
            address=" ".join(self.address.text().split()),
            director_position=self.director_position.text().strip(),
            director_name=" ".join(self.director_name.text().split()),
            curator_name=" ".join(self.curator_name.text().split()),
            curator_position=self.curator_position.text().strip(),
            academic_year=self.academic_year.text().strip().replace("–", "-"),
            pupils_total=self.pupils_total.value(), young_teachers_total=self.young_teachers_total.value(),
        )

    def validate(self, school: SchoolSettings) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not school.full_name:
            problems["full_name"] = "Укажите полное наименование: оно печатается в шапке приказа."
        if not school.city:
            problems["city"] = "Укажите город: он печатается под датой приказа."
        for key in ("director_name", "curator_name"):
            value = getattr(school, key)
            if not value:
                problems[key] = "Укажите фамилию, имя и отчество."
            elif not _NAME.match(value):
                problems[key] = "Нужны фамилия, имя и (если есть) отчество русскими буквами, например «Смирнова Ольга Викторовна»."
        match = re.fullmatch(r"(\d{4})-(\d{4})", school.academic_year)
        if not match or int(match[2]) != int(match[1]) + 1:
            problems["academic_year"] = "Учебный год записывается как 2026-2027."
        return problems

    def accept(self) -> None:
        school = self.values()
        problems = self.validate(school)
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if problems:
            return
        settings_service.save_school(school)
        super().accept()
