"""Мониторинг → Волны → Создать/Изменить: a wave's title, kind, year, dates and questionnaires."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from curator_app.errors import CuratorError
from curator_app.lang.fmt import academic_year_of
from curator_app.models import SurveyWave
from curator_app.monitoring.questionnaires import AUDIENCE_LABELS, current_questionnaires
from curator_app.monitoring.waves import WAVE_KIND_LABELS, create_wave, default_dates, update_wave


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SurveyWaveDialog(QDialog):
    """Creates a wave (``wave`` None) or edits one; the result is in ``self.wave`` after ``accept``."""

    def __init__(self, wave: SurveyWave | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wave = wave
        self.setWindowTitle("Волна анкетирования" if wave else "Новая волна анкетирования")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        year = wave.academic_year if wave and wave.academic_year else academic_year_of(dt.date.today())
        self.kind = QComboBox()
        for code, label in WAVE_KIND_LABELS.items():
            self.kind.addItem(label, code)
        self.year = QLineEdit(year)
        self.title = QLineEdit(wave.title if wave else f"Входное анкетирование {year}")
        start, due = default_dates("entry", year)
        self.start = QDateEdit(_qdate(wave.start_date if wave and wave.start_date else start))
        self.due = QDateEdit(_qdate(wave.due_date if wave and wave.due_date else due))
        for edit in (self.start, self.due):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        form.addRow("Вид", self.kind)
        form.addRow("Учебный год", self.year)
        form.addRow("Название", self.title)
        form.addRow("Начало", self.start)
        form.addRow("Срок", self.due)
        layout.addLayout(form)
        self.closed = QCheckBox("Волна закрыта (ответы больше не собираются)")
        self.checks: list[tuple[QCheckBox, int]] = []
        if wave:
            self.kind.setCurrentIndex(list(WAVE_KIND_LABELS).index(wave.kind))
            self.kind.setEnabled(False)
            self.closed.setChecked(bool(wave.closed))
            layout.addWidget(self.closed)
        else:
            layout.addWidget(QLabel("Анкеты волны:"))
            for q in current_questionnaires():
                box = QCheckBox(f"{q.title} ({AUDIENCE_LABELS.get(q.audience, q.audience)}, версия {q.version})")
                box.setChecked(q.audience in ("mentee", "mentor"))
                layout.addWidget(box)
                self.checks.append((box, q.id))
            self.kind.currentIndexChanged.connect(self._kind_changed)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        kind, year = self.kind.currentData(), self.year.text().strip()
        try:
            start, due = default_dates(kind, year)
        except (ValueError, IndexError):
            return
        self.start.setDate(_qdate(start))
        self.due.setDate(_qdate(due))
        names = {"entry": "Входное анкетирование", "final": "Итоговое анкетирование", "custom": "Анкетирование"}
        self.title.setText(f"{names[kind]} {year}")

    def _save(self) -> None:
        import re

        year = self.year.text().strip()
        match = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", year)
        if not match or int(match[2]) != int(match[1]) + 1:
            self.error.setText(f"Учебный год «{year}» указан неверно: нужен вид 2026-2027.")
            return
        year = f"{match[1]}-{match[2]}"
        try:
            if self.wave is None:
                chosen = [qid for box, qid in self.checks if box.isChecked()]
                self.wave = create_wave(self.title.text(), self.kind.currentData(), year, _pydate(self.start.date()),
                                        _pydate(self.due.date()), chosen)
            else:
                if _pydate(self.due.date()) < _pydate(self.start.date()):
                    raise CuratorError("Срок волны раньше её начала.")
                if not self.title.text().strip():
                    raise CuratorError("У волны должно быть название.")
                self.wave = update_wave(self.wave.id, title=self.title.text().strip(), academic_year=year,
                                        start_date=_pydate(self.start.date()), due_date=_pydate(self.due.date()),
                                        closed=self.closed.isChecked())
        except CuratorError as error:
            self.error.setText(str(error))
            return
        self.accept()
