"""The event card: edit an event (the period is re-read as you type), its status, the date it was done,
and the evidence (files or links). Plus the small «Отметить выполненным» date question."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.models import EventEvidence, RoadmapEvent
from curator_app.models.roadmap import EVENT_STATUS_LABELS
from curator_app.roadmap import ops as service
from curator_app.roadmap.period import YearContext, parse_period
from ui.common import files


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def ask_done_date(parent: QWidget | None, title: str) -> dt.date | None:
    """Ask when the event was done (today by default); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Отметить выполненным")
    layout = QVBoxLayout(dialog)
    label = QLabel(f"Мероприятие «{title}» выполнено:")
    label.setWordWrap(True)
    layout.addWidget(label)
    edit = QDateEdit(_qdate(dt.date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    layout.addWidget(edit)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Отметить")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.date_edit = edit  # type: ignore[attr-defined]  # for tests
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.date().toPython()  # type: ignore[no-any-return]


class RoadmapEventDialog(QDialog):
    """Edits one stored event; saves through :mod:`curator_app.roadmap.ops` in one go."""

    def __init__(self, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        event = RoadmapEvent[event_id]
        roadmap = event.roadmap
        self.ctx = YearContext(roadmap.start_date, roadmap.end_date, academic=bool(roadmap.academic_year))
        self.setWindowTitle(f"Мероприятие {event.number}".strip())
        self.resize(720, 620)
        form = QFormLayout()
        self.number = QLineEdit(event.number)
        self.title_edit = QPlainTextEdit(event.title)
        self.title_edit.setFixedHeight(60)
        self.period = QLineEdit(event.period_text or "")
        self.period_read = QLabel()
        self.period_read.setWordWrap(True)
        self.responsible = QLineEdit(" ".join((event.responsible or "").split()))
        self.result = QPlainTextEdit(event.result or "")
        self.result.setFixedHeight(60)
        self.document = QLineEdit(event.document_type or "")
        self.notes = QPlainTextEdit(event.notes or "")
        self.notes.setFixedHeight(70)
        self.status = QComboBox()
        for code in service.STORED_STATUSES:
            self.status.addItem(EVENT_STATUS_LABELS[code], code)
        self.status.setCurrentIndex(list(service.STORED_STATUSES).index(event.status))
        self.done_on = QDateEdit(_qdate(event.done_on or dt.date.today()))
        self.done_on.setCalendarPopup(True)
        self.done_on.setDisplayFormat("dd.MM.yyyy")
        form.addRow("№", self.number)
        form.addRow("Мероприятие", self.title_edit)
        form.addRow("Срок (как в документе)", self.period)
        form.addRow("", self.period_read)
        form.addRow("Ответственный", self.responsible)
        form.addRow("Результат / индикатор", self.result)
        form.addRow("Вид документа", self.document)
        form.addRow("Содержание, заметки", self.notes)
        form.addRow("Статус", self.status)
        form.addRow("Дата выполнения", self.done_on)
        self.evidence = QListWidget()
        self.evidence.setFixedHeight(70)
        for item in event.evidence:
            self.evidence.addItem(item.value)
        self.link = QLineEdit()
        self.link.setPlaceholderText("ссылка на новость, протокол или путь к файлу")
        add_link = QPushButton("Добавить")
        add_link.clicked.connect(self.add_link)
        add_file = QPushButton("Файл…")
        add_file.clicked.connect(self.add_file)
        row = QHBoxLayout()
        row.addWidget(self.link, 1)
        row.addWidget(add_link)
        row.addWidget(add_file)
        form.addRow("Подтверждения", self.evidence)
        form.addRow("", row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.period.textChanged.connect(self._show_period)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._show_period()
        self._status_changed()

    def _show_period(self) -> None:
        p = parse_period(self.period.text(), self.ctx)
        if p.problem:
            self.period_read.setText(f"Внимание: {p.problem}")
            self.period_read.setStyleSheet("color: #b8860b;")
        else:
            dates = f"{date_short(p.start) or 'без начала'} – {date_short(p.end) or 'без окончания'}"
            extra = f"; периодичность: {p.recurrence}" if p.recurrence else ""
            self.period_read.setText(f"Прочитано как: {dates}{extra}")
            self.period_read.setStyleSheet("color: #3c6e47;")

    def _status_changed(self) -> None:
        self.done_on.setEnabled(self.status.currentData() == "done")

    def add_link(self) -> None:
        try:
            service.add_evidence(self.event_id, self.link.text(), kind="link")
        except CuratorError as error:
            self.error.setText(str(error))
            return
        self.evidence.addItem(self.link.text().strip())
        self.link.clear()

    def add_file(self) -> None:
        path = files.ask_open(self, "evidence", "Файл-подтверждение", "Все файлы (*)")
        if path is not None:
            service.add_evidence(self.event_id, str(path), kind="file")
            self.evidence.addItem(str(path))

    def save(self) -> None:
        try:
            service.update_event(
                self.event_id, title=self.title_edit.toPlainText(), number=self.number.text(),
                result=self.result.toPlainText(), document=self.document.text(), responsible=self.responsible.text(),
                period_text=self.period.text(), notes=self.notes.toPlainText(), status=self.status.currentData(),
                done_on=self.done_on.date().toPython())
        except CuratorError as error:
            self.error.setText(str(error))
            return
        self.accept()


def evidence_count(event_id: int) -> int:
    return EventEvidence.select().where(EventEvidence.event == event_id).count()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes
