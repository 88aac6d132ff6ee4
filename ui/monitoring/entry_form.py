"""Keyboard-only entry of paper questionnaires: digits for the answers, Enter to go on, and after the last
question the questionnaire is saved and the next respondent who has not answered comes up at once.

Keys: scale — the number 1…10; yes/no — 1 (да) or 0 (нет); one choice — the option's number; several
choices — their numbers with spaces («1 3»); number — the number; open answer — the text. An empty field
skips a question that is not required. PageDown/PageUp move to the next/previous respondent.
"""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from curator_app.errors import CuratorError
from curator_app.models import Question
from curator_app.monitoring.questionnaires import (
    ROLE_LABELS,
    AnswerValue,
    check_value,
    format_value,
    questions_of,
    response_values,
    save_response,
)
from curator_app.monitoring.waves import Respondent, roster
from ui.common.context import AppContext


def hint_for(question: Question) -> str:
    options = list(question.options or [])
    if question.kind == "scale":
        return f"{int(question.min_value or 1)}–{int(question.max_value or 10)}"
    if question.kind == "yes_no":
        return "1 — да, 0 — нет"
    if question.kind == "single":
        return "; ".join(f"{i} — {o}" for i, o in enumerate(options, start=1))
    if question.kind == "multi":
        return "номера через пробел: " + "; ".join(f"{i} — {o}" for i, o in enumerate(options, start=1))
    if question.kind == "number":
        return "число"
    return "текст (можно пропустить)"


def parse_typed(question: Question, text: str) -> AnswerValue:
    """What the curator typed, as an answer; raises ValueError with a Russian reason."""
    text = text.strip()
    if not text:
        return AnswerValue()
    kind, count = question.kind, len(question.options or [])
    if kind == "text":
        return AnswerValue(text=text)
    if kind == "yes_no":
        if text in ("1", "0", "2"):
            return AnswerValue(1 if text == "1" else 0)
        raise ValueError("введите 1 (да) или 0 (нет)")
    if kind in ("scale", "number"):
        try:
            value = AnswerValue(float(text.replace(",", ".")))
        except ValueError:
            raise ValueError("нужно число") from None
    elif kind == "single":
        if not text.isdigit() or not 1 <= int(text) <= count:
            raise ValueError(f"номер варианта от 1 до {count}")
        value = AnswerValue(int(text) - 1)
    else:  # multi
        parts = re.split(r"[\s,;]+", text)
        if len(parts) == 1 and count < 10 and len(text) > 1:
            parts = list(text)  # «13» means options 1 and 3 when there are fewer than ten
        if not all(p.isdigit() and 1 <= int(p) <= count for p in parts):
            raise ValueError(f"номера вариантов от 1 до {count} через пробел")
        value = AnswerValue(text=json.dumps(sorted({int(p) - 1 for p in parts})))
    problem = check_value(question, value)
    if problem:
        raise ValueError(problem)
    return value


def typed_text(question: Question, value: AnswerValue) -> str:
    """An answer back as the curator would type it (to correct a saved questionnaire)."""
    if value.empty:
        return ""
    if question.kind == "single" and value.number is not None:
        return str(int(value.number) + 1)
    if question.kind == "multi":
        return " ".join(str(i + 1) for i in json.loads(value.text or "[]"))
    if question.kind in ("yes_no", "scale", "number") and value.number is not None:
        return f"{value.number:g}".replace(".", ",")
    return value.text or ""


class AnswerField(QLineEdit):
    """The field of one question; PageUp/PageDown are handed to the form (next/previous respondent)."""

    page = Signal(int)

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setPlaceholderText(hint_for(question) if question.kind in ("scale", "yes_no", "number") else "")
        if question.kind != "text":
            self.setMaximumWidth(160)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = 1 if event.key() == Qt.Key.Key_PageDown else -1
            QTimer.singleShot(0, lambda: self.page.emit(step))  # the move rebuilds the form, this field too
            return
        super().keyPressEvent(event)


class EntryForm(QWidget):
    """Enters the questionnaires of one wave, respondent after respondent. ``saved`` fires after each save."""

    saved = Signal(int)  # response id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.wave_id: int | None = None
        self.people: list[Respondent] = []
        self.current = -1
        self.fields: list[AnswerField] = []
        self.readouts: list[QLabel] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Участник:"))
        self.who = QComboBox()
        self.who.setMinimumWidth(420)
        self.who.activated.connect(self._choose)
        top.addWidget(self.who, 1)
        self.next_button = QPushButton("Следующий не ответивший (PageDown)")
        self.next_button.clicked.connect(lambda: self.go(1))
        top.addWidget(self.next_button)
        layout.addLayout(top)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.help = QLabel("Цифры — ответ, Enter — следующий вопрос; после последнего вопроса анкета сохраняется "
                           "и сразу открывается следующий участник. Пустое поле — вопрос пропущен.")
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #555;")
        layout.addWidget(self.help)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        layout.addWidget(self.area, 1)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.save_button = QPushButton("Сохранить анкету")
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self.setEnabled(False)

    # ---- respondents ---------------------------------------------------------------------------------

    def set_wave(self, wave_id: int | None, person_id: int | None = None) -> None:
        """Load the wave's respondents; open ``person_id`` or the first who has not answered."""
        self.wave_id = wave_id
        self.people = roster(wave_id) if wave_id is not None else []
        self.who.clear()
        for r in self.people:
            self.who.addItem(self._label(r))
        self.setEnabled(bool(self.people) and not self.ctx.read_only)
        if not self.people:
            self.current = -1
            self.title.setText("В этой волне некому отвечать: нет работающих пар с действующим согласием."
                               if wave_id else "Выберите волну на странице «Волны».")
            self._build([])
            return
        index = next((i for i, r in enumerate(self.people) if r.person_id == person_id), None)
        if index is None:
            index = next((i for i, r in enumerate(self.people) if not r.answered), 0)
        self.open(index)

    def reload(self) -> None:
        """Re-read the wave keeping the respondent on screen."""
        person = self.people[self.current].person_id if 0 <= self.current < len(self.people) else None
        self.set_wave(self.wave_id, person)

    def _label(self, r: Respondent) -> str:
        mark = "√ " if r.answered else "   "  # PT Sans has «√», not «✔»
        return f"{mark}{r.name} — {ROLE_LABELS.get(r.role, r.role).lower()}, {r.form_name}"

    def _choose(self, index: int) -> None:
        self.open(index)

    def go(self, step: int) -> None:
        """To the next (or previous) respondent who has not answered; all answered → just the next one."""
        if not self.people:
            return
        n = len(self.people)
        for k in range(1, n + 1):
            index = (self.current + step * k) % n
            if not self.people[index].answered:
                self.open(index)
                return
        self.open((self.current + step) % n)

    def open(self, index: int) -> None:
        self.current = index
        respondent = self.people[index]
        self.who.setCurrentIndex(index)
        questions = questions_of(respondent.questionnaire_id)
        left = sum(1 for r in self.people if not r.answered)
        self.title.setText(f"{respondent.name} — {ROLE_LABELS.get(respondent.role, respondent.role).lower()} "
                           f"({respondent.form_name}). Анкета {index + 1} из {len(self.people)}; не ответили: {left}.")
        self._build(questions)
        if respondent.response_id:
            values = response_values(respondent.response_id)
            for field in self.fields:
                field.setText(typed_text(field.question, values.get(field.question.id, AnswerValue())))
            self.status.setText("Эта анкета уже введена: исправьте ответы и сохраните заново.")
        else:
            self.status.setText("")
        if self.fields:
            self.fields[0].setFocus()

    # ---- the questions -------------------------------------------------------------------------------

    def _build(self, questions: list[Question]) -> None:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        self.fields, self.readouts = [], []
        for row, question in enumerate(questions):
            mark = " *" if question.required else ""
            text = QLabel(f"{row + 1}. {question.text}{mark}")
            text.setWordWrap(True)
            hint = QLabel(hint_for(question))
            hint.setStyleSheet("color: #777; font-size: 9pt;")
            hint.setWordWrap(True)
            field = AnswerField(question)
            field.returnPressed.connect(lambda i=row: self._enter(i))
            field.textEdited.connect(lambda _t, i=row: self._readout(i))
            field.page.connect(self.go)
            readout = QLabel()
            readout.setMinimumWidth(160)
            grid.addWidget(text, row * 2, 0, 1, 2)
            grid.addWidget(field, row * 2 + 1, 0)
            grid.addWidget(hint, row * 2 + 1, 1)
            grid.addWidget(readout, row * 2 + 1, 2)
            self.fields.append(field)
            self.readouts.append(readout)
        grid.setRowStretch(len(questions) * 2, 1)
        self.area.setWidget(body)

    def _readout(self, i: int) -> bool:
        field, readout = self.fields[i], self.readouts[i]
        try:
            value = parse_typed(field.question, field.text())
        except ValueError as error:
            readout.setText(str(error))
            readout.setStyleSheet("color: #b00020;")
            return False
        readout.setText(format_value(field.question, value) if field.question.kind != "text" else "")
        readout.setStyleSheet("color: #2e7d32;")
        return True

    def _enter(self, i: int) -> None:
        if not self._readout(i):
            self.status.setText(f"Вопрос {i + 1}: {self.readouts[i].text()}.")
            return
        if i + 1 < len(self.fields):
            self.fields[i + 1].setFocus()
            self.area.ensureWidgetVisible(self.fields[i + 1])
        else:
            # after the key event: saving rebuilds the questions, and this field is still handling Enter
            QTimer.singleShot(0, self.save)

    def values(self) -> dict[int, AnswerValue]:
        """The parsed answers; raises ValueError naming the first bad question (and focuses it)."""
        result = {}
        for i, field in enumerate(self.fields):
            try:
                result[field.question.id] = parse_typed(field.question, field.text())
            except ValueError as error:
                field.setFocus()
                raise ValueError(f"Вопрос {i + 1}: {error}") from None
        return result

    def save(self) -> None:
        if not (0 <= self.current < len(self.people)) or self.wave_id is None:
            return
        respondent = self.people[self.current]
        try:
            values = self.values()
            response = save_response(self.wave_id, respondent.questionnaire_id, respondent.person_id, respondent.role,
                                     values, mentorship_id=respondent.mentorship_id, source="paper")
        except (ValueError, CuratorError) as error:
            self.status.setText(str(error))
            self.status.setStyleSheet("color: #b00020;")
            return
        respondent.response_id = response.id
        self.who.setItemText(self.current, self._label(respondent))
        self.status.setStyleSheet("")
        done = respondent.name
        self.go(1)
        self.status.setText(f"Сохранена анкета: {done}.")
        self.saved.emit(response.id)
