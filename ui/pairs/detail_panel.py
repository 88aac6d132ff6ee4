"""One pair or group: who, form, status and period with the actions of its life; the plan's goals, the
meetings log and the history of changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from curator_app.lang.fmt import date_short
from curator_app.matching import suggest as matching
from curator_app.pairs import life as mentorships
from curator_app.pairs.query import MentorshipRow, changes, get_row, goals, meetings

from .common import make_view, run_safely, selected_id
from .dialogs import DateTextDialog, MeetingDialog, PeriodDialog
from .models import IdRowsModel


def _buttons(*items: tuple[str, object]) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    made = []
    for text, slot in items:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    return row, made


class DetailPanel(QWidget):
    """Shows :attr:`row`; ``changed`` after any change (the tab reloads and notifies the window)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: MentorshipRow | None = None
        self.title = QLabel("Выберите пару или группу в таблице.")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 11pt;")
        life, (self.start_b, self.period_b, self.complete_b, self.end_b, self.delete_b) = _buttons(
            ("Начать работу…", self.activate), ("Срок…", self.set_period), ("Завершить…", self.complete),
            ("Прекратить досрочно…", self.end_early), ("Удалить", self.delete))
        self.start_b.setToolTip("Обычно пары начинают работу по приказу: его регистрация на вкладке «Документы» "
                                "делает это сама")

        self.member_model = IdRowsModel(["Наставляемый"])
        self.member_view = make_view(self.member_model)
        member_row, (self.add_member_b, self.remove_member_b, self.rename_b) = _buttons(
            ("Добавить наставляемого…", self.add_member), ("Вывести из группы", self.remove_member),
            ("Название группы…", self.rename))
        self.goal_model = IdRowsModel(["Цель", "Срок", "Выполнена"])
        self.goal_view = make_view(self.goal_model, (330, 90))
        goal_row, _ = _buttons(("Добавить цель…", self.add_goal), ("Выполнена", self.goal_done),
                               ("Удалить цель", self.remove_goal))
        self.meeting_model = IdRowsModel(["Дата", "Тема", "Формат", "Заметки"])
        self.meeting_view = make_view(self.meeting_model, (85, 230, 90))
        meeting_row, _ = _buttons(("Добавить встречу…", self.add_meeting), ("Удалить встречу", self.remove_meeting))
        self.history_model = IdRowsModel(["Когда", "Что"])
        self.history_view = make_view(self.history_model, (130,))

        tabs = QTabWidget()
        for title, view, row in (("Состав", self.member_view, member_row), ("План", self.goal_view, goal_row), ("Встречи", self.meeting_view, meeting_row),
                                 ("История", self.history_view, None)):
            page = QWidget()
            box = QVBoxLayout(page)
            box.setContentsMargins(2, 2, 2, 2)
            box.addWidget(view, 1)
            if row is not None:
                box.addLayout(row)
            tabs.addTab(page, title)
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(life)
        layout.addWidget(tabs, 1)
        self.show_row(None)
    def show_row(self, row: MentorshipRow | None) -> None:
        self.row = row
        for b in (self.start_b, self.period_b, self.complete_b, self.end_b, self.delete_b):
            b.setEnabled(False)
        self.tabs.setEnabled(row is not None)
        if row is None:
            self.title.setText("Выберите пару или группу в таблице.")
            for model in (self.member_model, self.goal_model, self.meeting_model, self.history_model):
                model.set_rows([], [])
            return
        names = ", ".join(n for _, n in row.mentees) or "нет наставляемых"
        head = f"«{row.name}» — " if row.name else ""
        period = (f"{date_short(row.start_date) or 'не начата'} – {date_short(row.planned_end_date) or '…'}"
                  + (f", окончена {date_short(row.end_date)}" if row.end_date else ""))
        score = f"; баллы подбора {row.score:.1f}".replace(".", ",") if row.score is not None else ""
        self.title.setText(f"<b>{head}{row.mentor_name}</b> → {names}<br>{row.form_name}; "
                           f"<b>{row.status_label}</b>; {period}{score}")
        self.start_b.setEnabled(row.status == "planned")
        self.period_b.setEnabled(row.status in ("planned", "active"))
        self.complete_b.setEnabled(row.status == "active")
        self.end_b.setEnabled(row.status in ("planned", "active"))
        self.delete_b.setEnabled(row.status == "planned")
        self.member_model.set_rows([[n] for _, n in row.mentees], [pid for pid, _ in row.mentees])
        current = row.status in ("planned", "active")
        for b in (self.add_member_b, self.remove_member_b, self.rename_b):
            b.setEnabled(current)
        gs = goals(row.id)
        self.goal_model.set_rows([[g.text, g.due_date, g.done_on] for g in gs],
                                 [g.id for g in gs])
        ms = meetings(row.id)
        self.meeting_model.set_rows([[m.date, m.topic, m.format or "", m.notes or ""] for m in ms],
                                    [m.id for m in ms])
        hs = changes(row.id)
        self.history_model.set_rows([[h.at, h.summary] for h in hs],
                                    [h.id for h in hs])

    def _done(self, result: object) -> None:
        if result is not False and self.row is not None:
            self.show_row(get_row(self.row.id))
            self.changed.emit()

    def _do(self, action: Callable[[], object]) -> None:
        if run_safely(self, lambda: action() or True):
            self._done(True)

    # --- life --------------------------------------------------------------------------------------------
    def activate(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        dialog = DateTextDialog("Начать работу пары", "Дата начала (дата приказа):", parent=self)
        if dialog.exec():
            day, _ = dialog.value()
            self._do(lambda: mentorships.activate([rid], day))

    def set_period(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        dialog = PeriodDialog(self.row.start_date, self.row.planned_end_date, self)
        if dialog.exec():
            start, end = dialog.value()
            self._do(lambda: mentorships.set_period(rid, start, end))

    def complete(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        dialog = DateTextDialog("Завершить программу", "Дата завершения:", "Результаты:", parent=self)
        if dialog.exec():
            day, text = dialog.value()
            self._do(lambda: mentorships.complete(rid, day, text))

    def end_early(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        dialog = DateTextDialog("Прекратить досрочно", "Дата:", "Причина:", text_required=True, parent=self)
        if dialog.exec():
            day, text = dialog.value()
            self._do(lambda: mentorships.end_early(rid, day, text))

    def delete(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        answer = QMessageBox.question(self, "Удалить пару", "Удалить планируемую пару? Наставляемые вернутся "
                                      "в список ожидающих наставника.")
        if answer == QMessageBox.StandardButton.Yes:
            def delete() -> bool:
                mentorships.delete_planned(rid)
                return True

            if run_safely(self, delete):
                self.show_row(None)
                self.changed.emit()

    # --- members ----------------------------------------------------------------------------------------
    def add_member(self) -> None:
        if self.row is None:
            return
        rid, form_id = self.row.id, self.row.form_id
        _, waiting, _ = matching.workspace()
        fitting = [e for e in waiting if e.form_id in (None, form_id) and e.consent]
        if not fitting:
            QMessageBox.information(self, "Состав группы", "Нет наставляемых без пары, подходящих этой форме.")
            return
        names = [f"{e.name} ({e.grade} класс)" if e.grade else e.name for e in fitting]
        choice, ok = QInputDialog.getItem(self, "Состав группы", "Наставляемый:", names, 0, False)
        if ok:
            pid = fitting[names.index(choice)].person_id
            self._do(lambda: mentorships.add_member(rid, pid))

    def remove_member(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        pid = selected_id(self.member_view)
        if pid is not None:
            self._do(lambda: mentorships.remove_member(rid, pid))

    def rename(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        text, ok = QInputDialog.getText(self, "Название группы", "Название (пусто — без названия):",
                                        text=self.row.name)
        if ok:
            self._do(lambda: mentorships.update(rid, name=text.strip()))

    # --- plan and meetings -----------------------------------------------------------------------------
    def add_goal(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        text, ok = QInputDialog.getText(self, "Цель плана", "Цель:")
        if ok and text.strip():
            self._do(lambda: mentorships.add_goal(rid, text))

    def goal_done(self) -> None:
        goal_id = selected_id(self.goal_view)
        if goal_id is not None:
            self._do(lambda: mentorships.set_goal_done(goal_id, dt.date.today()))

    def remove_goal(self) -> None:
        goal_id = selected_id(self.goal_view)
        if goal_id is not None:
            self._do(lambda: mentorships.remove_goal(goal_id))

    def add_meeting(self) -> None:
        if self.row is None:
            return
        rid = self.row.id
        dialog = MeetingDialog(self)
        if dialog.exec():
            day, topic, fmt, notes = dialog.value()
            self._do(lambda: mentorships.add_meeting(rid, day, topic, fmt, notes))

    def remove_meeting(self) -> None:
        meeting_id = selected_id(self.meeting_view)
        if meeting_id is not None:
            self._do(lambda: mentorships.remove_meeting(meeting_id))
