"""Small dialogs of a pair's life: a date with an optional text (start, completion, early end), the
programme's period, a meeting of the log."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

MEETING_FORMATS = ["очно", "онлайн", "групповая встреча", "по телефону"]


def _date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


def _py(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class _Base(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)

    def _finish(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def _check(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
        else:
            self.accept()

    def problem(self) -> str | None:
        return None


class DateTextDialog(_Base):
    """A date and, when ``text_label`` is given, a text (required with ``text_required``)."""

    def __init__(self, title: str, date_label: str, text_label: str | None = None, text_required: bool = False,
                 day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.date = _date_edit(day or dt.date.today())
        self.form.addRow(date_label, self.date)
        self.text: QPlainTextEdit | None = None
        self.text_required = text_required
        if text_label:
            self.text = QPlainTextEdit()
            self.text.setFixedHeight(70)
            self.form.addRow(text_label, self.text)
        self._finish()

    def problem(self) -> str | None:
        if self.text_required and self.text is not None and not self.text.toPlainText().strip():
            return "Заполните поле — без него сохранить нельзя."
        return None

    def value(self) -> tuple[dt.date, str]:
        return _py(self.date), (self.text.toPlainText().strip() if self.text else "")


class PeriodDialog(_Base):
    """Start and planned end of the programme (3–12 months)."""

    def __init__(self, start: dt.date | None, end: dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__("Срок программы", parent)
        from curator_app.pairs import default_end

        first = start or dt.date.today()
        self.start = _date_edit(first)
        self.end = _date_edit(end or default_end(first))
        self.form.addRow("Начало:", self.start)
        self.form.addRow("Плановое окончание:", self.end)
        self.form.addRow(QLabel("Программа длится от 3 месяцев до года."))
        self._finish()

    def problem(self) -> str | None:
        from curator_app.errors import CuratorError
        from curator_app.pairs import check_period

        try:
            check_period(*self.value())
        except CuratorError as error:
            return str(error)
        return None

    def value(self) -> tuple[dt.date, dt.date]:
        return _py(self.start), _py(self.end)


class MeetingDialog(_Base):
    """A meeting of the log: date, topic, format, notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Встреча", parent)
        self.date = _date_edit(dt.date.today())
        self.topic = QLineEdit()
        self.topic.setPlaceholderText("Например: разбор трудных тем")
        self.format = QComboBox()
        self.format.setEditable(True)
        self.format.addItems(MEETING_FORMATS)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        self.form.addRow("Дата:", self.date)
        self.form.addRow("Тема:", self.topic)
        self.form.addRow("Формат:", self.format)
        self.form.addRow("Заметки:", self.notes)
        self._finish()

    def problem(self) -> str | None:
        return None if self.topic.text().strip() else "Укажите тему встречи."

    def value(self) -> tuple[dt.date, str, str, str]:
        return _py(self.date), self.topic.text().strip(), self.format.currentText().strip(), \
            self.notes.toPlainText().strip()
