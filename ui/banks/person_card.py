"""The person card: every field of the bank (DOMAIN §4), consent, and the history of pairs.

Mistakes are shown next to the field they concern; nothing is saved until the card is right.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from curator_app.banks import people
from curator_app.banks import read as bank_read
from curator_app.db.reference import forms
from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.models import CATEGORY_LABELS, Person
from ui.common.context import AppContext
from ui.common.table_model import RowsModel, columns

from .person_consent import ConsentPanel

ERROR_STYLE = "color: #c0392b; font-size: 9pt;"


class PersonCard(QDialog):
    """Edits one person of the ``role`` bank (``person_id`` None: a new one). ``changed`` tells the caller
    whether anything was written (the consent panel writes at once)."""

    def __init__(self, ctx: AppContext, role: str, person_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.role, self.person_id = ctx, role, person_id
        self.changed = False
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, tuple[QFormLayout, QWidget]] = {}  # key → (its form, its row's field) to hide it
        self.setWindowTitle(("Наставник" if role == "mentor" else "Наставляемый") +
                            (": новая карточка" if person_id is None else ""))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_person(), "Основное")
        self.tabs.addTab(self._build_profile(), "Участие в программе")
        self.consent = ConsentPanel(person_id, self)
        self.consent.changed.connect(self._consent_changed)
        self.tabs.addTab(self.consent, "Согласие на обработку ПД")
        self.history = RowsModel(columns("Роль", "С кем", "Форма", "Статус", "Начало", "Окончание"))
        view = QTableView()
        view.setModel(self.history)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(1, 220)
        self.tabs.addTab(view, "История пар")
        layout.addWidget(self.tabs)
        self.summary_error = QLabel()
        self.summary_error.setStyleSheet(ERROR_STYLE)
        self.summary_error.setWordWrap(True)
        layout.addWidget(self.summary_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()

    # --- building --------------------------------------------------------------------------------------
    def _add(self, form: QFormLayout, label: str, key: str, editor: QWidget) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(1)
        inner.addWidget(editor)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        inner.addWidget(error)
        form.addRow(label, box)
        self.editors[key], self.errors[key] = editor, error
        self.rows[key] = (form, box)
        return editor

    def _line(self, form: QFormLayout, label: str, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self._add(form, label, key, edit)
        return edit

    def _text(self, form: QFormLayout, label: str, key: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setFixedHeight(54)
        edit.setTabChangesFocus(True)
        self._add(form, label, key, edit)
        return edit

    def _build_person(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._line(form, "Фамилия*", "last_name")
        self._line(form, "Имя*", "first_name")
        self._line(form, "Отчество", "middle_name", "если есть")
        self._line(form, "Дата рождения", "birth_date", "дд.мм.гггг")
        category = QComboBox()
        for key, label in CATEGORY_LABELS.items():
            category.addItem(label, key)
        category.currentIndexChanged.connect(lambda _: self._category_changed())
        self._add(form, "Категория", "category", category)
        grade_box = QWidget()
        row = QHBoxLayout(grade_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.grade = QSpinBox()
        self.grade.setRange(0, 11)
        self.grade.setSpecialValueText("—")
        self.grade_letter = QLineEdit()
        self.grade_letter.setMaxLength(1)
        self.grade_letter.setFixedWidth(40)
        self.grade_letter.setPlaceholderText("Б")
        row.addWidget(self.grade)
        row.addWidget(QLabel("буква"))
        row.addWidget(self.grade_letter)
        row.addStretch(1)
        self._add(form, "Класс", "grade", grade_box)
        self._line(form, "Должность", "position", "учитель математики")
        self._line(form, "Предмет", "subject")
        self._line(form, "Место работы / учёбы", "workplace", "если не эта школа")
        self._line(form, "Стаж, лет", "experience_years")
        self._line(form, "Телефон", "phone")
        self._line(form, "Электронная почта", "email")
        self._line(form, "Законный представитель", "guardian_name", "ФИО — для несовершеннолетнего")
        self._line(form, "Телефон представителя", "guardian_phone")
        self._text(form, "Примечания", "notes")
        return page

    def _build_profile(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        combo = QComboBox()
        combo.addItem("— не выбрана —", None)
        for f in forms():
            combo.addItem(f.name, f.id)
        self._add(form, "Форма наставничества", "form", combo)
        if self.role == "mentee":
            self._text(form, "Ключевой запрос", "key_request")
            self._text(form, "Интересы", "interests")
            self._line(form, "Место проведения", "place")
        else:
            self._text(form, "Ключевые компетенции", "competencies")
            self._text(form, "Интересы", "interests")
            self._text(form, "Достижения", "achievements")
            grades = QWidget()
            row = QHBoxLayout(grades)
            row.setContentsMargins(0, 0, 0, 0)
            self.grade_min, self.grade_max = QSpinBox(), QSpinBox()
            for spin in (self.grade_min, self.grade_max):
                spin.setRange(0, 11)
                spin.setSpecialValueText("—")
            row.addWidget(QLabel("с"))
            row.addWidget(self.grade_min)
            row.addWidget(QLabel("по"))
            row.addWidget(self.grade_max)
            row.addStretch(1)
            self._add(form, "Желаемые классы", "desired_grade_min", grades)
            self._line(form, "Желаемые наставляемые", "desired_mentees", "молодые специалисты, 5–7 классы")
            capacity = QSpinBox()
            capacity.setRange(1, 30)
            self._add(form, "Сколько наставляемых", "capacity", capacity)
            self._add(form, "Обучение", "trained", QCheckBox("пройдено обучение наставников"))
            self._line(form, "Дата обучения", "trained_on", "дд.мм.гггг")
        self._line(form, "Дата вхождения в программу", "entry_date", "дд.мм.гггг")
        self._line(form, "Дата окончания", "end_date", "дд.мм.гггг")
        self._text(form, "Результаты", "results")
        self._line(form, "Ссылка на кейс / отзыв", "case_link")
        return page

    # --- values ----------------------------------------------------------------------------------------
    def _fill(self) -> None:
        if self.person_id is None:
            self._set("category", "pupil" if self.role == "mentee" else "teacher")
            self._set("entry_date", dt.date.today())
            self._category_changed()
            return
        person, profile = people.load_card(self.role, self.person_id)
        for key, value in {**person, **profile}.items():
            self._set(key, value)
        self.grade.setValue(person.get("grade") or 0)
        self.grade_letter.setText(person.get("grade_letter") or "")
        if self.role == "mentor":
            self.grade_min.setValue(profile.get("desired_grade_min") or 0)
            self.grade_max.setValue(profile.get("desired_grade_max") or 0)
        self.setWindowTitle(f"{self.windowTitle()}: {Person.get_by_id(self.person_id).full_name}")
        role_label = {"mentor": "наставник", "mentee": "наставляемый"}
        self.history.set_rows([(role_label[r.role], r.partners, r.form, r.status, r.start, r.end)
                              for r in people.pair_history(self.person_id)])
        self._category_changed()

    def _set(self, key: str, value: Any) -> None:
        editor = self.editors.get(key)
        if isinstance(editor, QLineEdit):
            if isinstance(value, dt.date):
                value = date_short(value)
            elif isinstance(value, float):
                value = f"{value:g}".replace(".", ",")
            editor.setText("" if value is None else str(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(value or editor.minimum())
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))

    def _raw(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        return None

    def _category_changed(self) -> None:
        """A pupil's card shows the grade and the guardian, an adult's the position, subject, workplace and
        experience: the fields that do not apply are hidden (their values are kept)."""
        category = self._raw("category")
        shown = {"grade": category in ("pupil", "graduate"), "guardian_name": category == "pupil",
                 "guardian_phone": category == "pupil"}
        for key in ("position", "subject", "workplace", "experience_years"):
            shown[key] = category != "pupil"
        for key, visible in shown.items():
            form, box = self.rows[key]
            form.setRowVisible(box, visible)

    def collect(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
        """The card's values, and the mistakes found while reading dates and numbers."""
        errors: dict[str, str] = {}
        person = {k: self._raw(k) for k in people.PERSON_FIELDS if k in self.editors and k != "grade"}
        person["grade"] = self.grade.value() or None
        person["grade_letter"] = self.grade_letter.text()
        fields = people.MENTOR_FIELDS if self.role == "mentor" else people.MENTEE_FIELDS
        profile = {k: self._raw(k) for k in fields if k in self.editors and k != "desired_grade_min"}
        if self.role == "mentor":
            profile["desired_grade_min"] = self.grade_min.value() or None
            profile["desired_grade_max"] = self.grade_max.value() or None
        for target, key in ((person, "birth_date"), (profile, "trained_on"), (profile, "entry_date"),
                            (profile, "end_date")):
            if key in target:
                try:
                    target[key] = bank_read.date(target[key])
                except bank_read.CellError as exc:
                    target[key] = None
                    errors[key] = str(exc).capitalize() + "."
        try:
            person["experience_years"] = bank_read.number(person.get("experience_years"), "стаж")
        except bank_read.CellError as exc:
            person["experience_years"] = None
            errors["experience_years"] = str(exc).capitalize() + "."
        return person, profile, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        self.summary_error.setText("Исправьте отмеченные поля." if errors else "")
        for key in errors:  # show the page with the first mistake
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).isAncestorOf(self.editors.get(key, self)):
                    self.tabs.setCurrentIndex(index)
                    return

    def save(self) -> None:
        person, profile, errors = self.collect()
        if errors:  # show every mistake at once, not only the unreadable dates
            self.show_errors({**people.validate(self.role, dict(person), dict(profile)), **errors})
            return
        try:
            self.person_id = people.save_person(self.role, person, profile, self.person_id)
        except people.PersonInvalid as invalid:
            self.show_errors(invalid.errors)
            return
        except CuratorError as error:
            self.show_errors({})
            self.summary_error.setText(str(error))
            return
        self.changed = True
        self.accept()

    def _consent_changed(self) -> None:
        self.changed = True
