"""The school's requisites as a form, shared by «Настройки → Реквизиты школы» and the first-run page: what orders
and reports print about the school, each field's mistake shown right under it."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from curator_app import settings as settings_service
from curator_app.lang.text import short_school_name
from curator_app.settings import SchoolSettings

_NAME = re.compile(r"^[А-ЯЁ][а-яё-]+ [А-ЯЁ][а-яё-]+( [А-ЯЁ][а-яё-]+)?$")
LABELS = {
    "full_name": "Полное наименование", "short_name": "Краткое наименование", "city": "Город (населённый пункт)",
    "address": "Адрес (для согласий на обработку ПДн)", "director_position": "Должность руководителя", "director_name": "ФИО руководителя",
    "curator_name": "ФИО куратора", "curator_position": "Должность куратора", "academic_year": "Учебный год",
    "pupils_total": "Обучающихся 10–18 лет в школе", "young_teachers_total": "Педагогов до 35 лет",
}
ALL = tuple(LABELS)
# what an order cannot go without: the first-run page asks for these (and the short name, filled in by itself)
ESSENTIAL = ("full_name", "short_name", "city", "director_name", "curator_name")


class SchoolForm(QWidget):
    """Edits the requisites named in ``keys``; the others keep their saved (or default) values."""

    def __init__(self, keys: tuple[str, ...] = ALL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        school = settings_service.load_school()
        self.full_name = QPlainTextEdit(school.full_name)
        self.full_name.setFixedHeight(54)
        self.full_name.setTabChangesFocus(True)
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
        self.full_name.setPlaceholderText("Муниципальное бюджетное общеобразовательное учреждение «Средняя "
                                          "общеобразовательная школа № 5»")
        self.short_name.setPlaceholderText("МБОУ «СОШ № 5» — подставится из полного")
        self.city.setPlaceholderText("г. Калуга")
        self.director_name.setPlaceholderText("Фамилия Имя Отчество")
        self.curator_name.setPlaceholderText("Фамилия Имя Отчество (ваши)")
        self.academic_year.setPlaceholderText("2026-2027")
        self._auto_short = school.short_name if school.short_name == short_school_name(school.full_name) else None
        self.full_name.textChanged.connect(self._suggest_short)
        self.keys = keys
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in keys:
            error = QLabel()
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(getattr(self, key))
            box.addWidget(error)
            form.addRow(LABELS[key], box)

    def _suggest_short(self) -> None:
        """The short name follows the full one until the curator writes their own."""
        current = self.short_name.text().strip()
        if current and current != self._auto_short:
            return
        self._auto_short = short_school_name(self.full_name.toPlainText())
        self.short_name.setText(self._auto_short)

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

    @staticmethod
    def validate(school: SchoolSettings) -> dict[str, str]:
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
                problems[key] = ("Нужны фамилия, имя и (если есть) отчество русскими буквами, например "
                                 "«Смирнова Ольга Викторовна».")
        match = re.fullmatch(r"(\d{4})-(\d{4})", school.academic_year)
        if not match or int(match[2]) != int(match[1]) + 1:
            problems["academic_year"] = "Учебный год записывается как 2026-2027."
        return problems

    def save(self) -> bool:
        """Save when every field is right; otherwise show each mistake under its field and save nothing."""
        school = self.values()
        problems = self.validate(school)
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if problems:
            first = next(k for k in self.keys if k in problems) if any(k in problems for k in self.keys) else None
            if first:
                getattr(self, first).setFocus()
            return False
        settings_service.save_school(school)
        return True
