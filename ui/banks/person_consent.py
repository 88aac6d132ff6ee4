"""The consent page of the person card (152-ФЗ): the consents on record, a new one, withdrawal."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.banks import consent_problem, people
from curator_app.banks import read as bank_read
from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.models import Person
from ui.common.table_model import Column, RowsModel, columns

ERROR_STYLE = "color: #c0392b; font-size: 9pt;"
KINDS = {"processing": "обработка ПД", "dissemination": "распространение (сайт, фото)"}


class ConsentPanel(QWidget):
    """Consents of one person; ``changed`` is emitted after each write (they are saved at once)."""

    changed = Signal()

    def __init__(self, person_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id = person_id
        self.ids: list[int] = []
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = RowsModel([*columns("Вид", "Подписал"),
                                Column("Дата", lambda r: r[2], lambda v: date_short(v) or "дата не указана"),
                                *columns("Вид", "Подписал", "Дата", "Цели")[3:],
                                Column("Действует до", lambda r: r[4], lambda v: date_short(v) or "до отзыва"),
                                Column("Отозвано", lambda r: r[5])])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(1, 200)
        layout.addWidget(self.view, 1)
        self.withdraw_button = QPushButton("Отозвать выбранное согласие…")
        self.withdraw_button.clicked.connect(self.withdraw)
        layout.addWidget(self.withdraw_button)
        layout.addWidget(QLabel("<b>Новое согласие</b>"))
        form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.signed_by = QComboBox()
        self.signed_by.addItem("сам участник", "self")
        self.signed_by.addItem("законный представитель", "guardian")
        self.signed_by.currentIndexChanged.connect(lambda _: self._guardian_visible())
        self.guardian_name = QLineEdit()
        self.guardian_document = QLineEdit()
        self.guardian_document.setPlaceholderText("свидетельство о рождении II-БО № 123456")
        self.signed_on = QLineEdit(date_short(dt.date.today()))
        self.purposes = QLineEdit("участие в программе наставничества; учёт в банке")
        self.valid_until = QLineEdit()
        self.valid_until.setPlaceholderText("дд.мм.гггг или пусто — до отзыва")
        for label, key, widget in (("Вид согласия", "kind", self.kind), ("Кто подписал", "signed_by", self.signed_by),
                                   ("ФИО представителя", "guardian_name", self.guardian_name),
                                   ("Документ о полномочиях", "guardian_document", self.guardian_document),
                                   ("Дата подписания", "signed_on", self.signed_on),
                                   ("Цели обработки", "purposes", self.purposes),
                                   ("Срок действия до", "valid_until", self.valid_until)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(widget)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            inner.addWidget(error)
            self.errors[key] = error
            form.addRow(label, box)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.record_button = QPushButton("Записать согласие")
        self.record_button.clicked.connect(self.record)
        row.addStretch(1)
        row.addWidget(self.record_button)
        layout.addLayout(row)
        self._suggest_guardian()
        self._guardian_visible()
        self.reload()

    def _suggest_guardian(self) -> None:
        """A minor's consent is signed by the legal guardian: offer that, with the guardian from the card."""
        if self.person_id is None:
            return
        person = Person.get_by_id(self.person_id)
        age = people.age_on(person.birth_date, dt.date.today())
        if age is not None and age < 18:
            self.signed_by.setCurrentIndex(self.signed_by.findData("guardian"))
            self.guardian_name.setText(person.guardian_name or "")

    def _guardian_visible(self) -> None:
        guardian = self.signed_by.currentData() == "guardian"
        self.guardian_name.setEnabled(guardian)
        self.guardian_document.setEnabled(guardian)

    def reload(self) -> None:
        enabled = self.person_id is not None
        for widget in (self.record_button, self.withdraw_button, self.view):
            widget.setEnabled(enabled)
        if not enabled:
            self.status.setText("Сохраните карточку, чтобы записать согласие на обработку персональных данных.")
            return
        records = people.consents(self.person_id)  # type: ignore[arg-type]
        self.ids = [c.id for c in records]
        self.model.set_rows([(KINDS.get(c.kind, c.kind),
                              "сам участник" if c.signed_by == "self" else
                              f"представитель: {c.guardian_name or '—'} ({c.guardian_document or 'документ не указан'})",
                              c.signed_on, c.purposes or "", c.valid_until, c.withdrawn_on) for c in records])
        problem = consent_problem(self.person_id)  # type: ignore[arg-type]
        self.status.setText("<span style='color:#2e9d4f'>• Согласие на обработку ПД действует.</span>" if problem
                            is None else f"<span style='color:#c0392b'>• {problem.capitalize()}: человека нельзя "
                            "включить в пару и напечатать в приказе.</span>")

    def record(self) -> None:
        errors: dict[str, str] = {}
        values: dict[str, object] = {"kind": self.kind.currentData(), "signed_by": self.signed_by.currentData(),
                                     "purposes": self.purposes.text()}
        if values["signed_by"] == "guardian":
            values.update(guardian_name=self.guardian_name.text(), guardian_document=self.guardian_document.text())
        for key, edit in (("signed_on", self.signed_on), ("valid_until", self.valid_until)):
            try:
                values[key] = bank_read.date(edit.text())
            except bank_read.CellError as exc:
                errors[key] = str(exc).capitalize() + "."
        if not errors:
            try:
                people.save_consent(self.person_id, values)  # type: ignore[arg-type]
            except people.PersonInvalid as invalid:
                errors = invalid.errors
        for key, label in self.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        if not errors:
            self.reload()
            self.changed.emit()

    def withdraw(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "Отзыв согласия", "Выберите согласие в списке.")
            return
        answer = QMessageBox.question(self, "Отозвать согласие?", "Отметить согласие отозванным сегодняшним днём? "
                                      "Без действующего согласия человека нельзя включать в пары и документы.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            people.withdraw_consent(self.ids[rows[0].row()])
        except CuratorError as error:
            QMessageBox.warning(self, "Отзыв согласия", str(error))
            return
        self.reload()
        self.changed.emit()
