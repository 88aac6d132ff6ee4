"""The draft of «Подобрать всем»: rows to accept, remove, lock or re-pair, and the mentees left without a
pair with the reason. The draft lives only here until the curator accepts rows."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from curator_app.lang.fmt import number, plural
from curator_app.matching import Draft, DraftRow, Suggestion, Unmatched
from curator_app.pairs import life as mentorships

from .common import make_view, run_safely, selected_id
from .models import IdRowsModel

DRAFT_HEADERS = ["Принять", "Наставляемый", "Наставник", "Форма", "Баллы", "Почему"]


class DraftPanel(QWidget):
    """Holds the current draft rows (by mentee id) and the unmatched list; ``accepted`` after saving rows,
    ``row_selected(mentee_id)`` when the curator picks a draft row."""

    accepted = Signal(list)  # the ids of the pairs (groups) made
    row_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[int, DraftRow] = {}
        self.unmatched: list[Unmatched] = []
        self.accepted_text = ""  # «24 пары»: what the last acceptance made
        self.model = IdRowsModel(DRAFT_HEADERS, checkable=True, sort=(2, Qt.SortOrder.AscendingOrder))  # by mentor
        self.view = make_view(self.model, (70, 215, 215, 155, 50), multi=True)
        self.view.setWordWrap(True)  # «Почему» in full, on two lines where it needs them
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(self._on_select)
        self.unmatched_model = IdRowsModel(["Наставляемый", "Почему без пары"], sort=(0, Qt.SortOrder.AscendingOrder))
        self.unmatched_view = make_view(self.unmatched_model, (220,))

        self.accept_button = QPushButton("Принять отмеченные")
        self.accept_button.setToolTip("Сохранить отмеченные строки как планируемые пары и группы")
        self.accept_button.clicked.connect(self.accept_checked)
        self.remove_button = QPushButton("Убрать отмеченные")
        self.remove_button.clicked.connect(self.remove_checked)
        self.lock_button = QPushButton("Закрепить отмеченные")
        self.lock_button.setToolTip("Закреплённые строки (жирным) «Подобрать всем» оставит как есть")
        self.lock_button.clicked.connect(self.toggle_lock)
        self.check_all = QCheckBox("все")
        self.check_all.setChecked(True)
        self.check_all.toggled.connect(self.model.set_all_checked)
        self.group_box = QCheckBox("объединять в группы")
        self.group_box.setToolTip("Подопечных одного наставника одной формы принять одной группой (один план, "
                                  "групповые встречи). Без отметки каждая строка — отдельная пара; в приказе "
                                  "наставник всё равно назван один раз.")
        self.summary = QLabel("Нажмите «Подобрать всем»: программа предложит лучшие пары для всей школы.")
        self.summary.setWordWrap(True)

        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        for widget in (self.check_all, self.accept_button, self.remove_button, self.lock_button, self.group_box):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        box.addLayout(buttons)
        right = self.unmatched_box = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        self.unmatched_label = QLabel("Без пары")
        rbox.addWidget(self.unmatched_label)
        rbox.addWidget(self.unmatched_view, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([800, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._update()

    # --- content --------------------------------------------------------------------------------------
    def set_draft(self, draft: Draft) -> None:
        self.rows = {r.mentee_id: r for r in draft.rows}
        self.unmatched = draft.unmatched
        self.model.checked = set(self.rows)
        self._refresh()

    def locked_rows(self) -> list[DraftRow]:
        return [r for r in self.rows.values() if r.locked]

    def drop_row(self, mentee_id: int) -> None:
        """The mentee was paired another way (by hand): their draft row goes."""
        if self.rows.pop(mentee_id, None) is not None:
            self._refresh()

    def replace_mentor(self, mentee_id: int, suggestion: Suggestion, form_id: int) -> None:
        """The curator's change of a draft row: another mentor, kept (locked) on the next run."""
        row = self.rows[mentee_id]
        self.rows[mentee_id] = dataclasses.replace(
            row, mentor_id=suggestion.person_id, mentor_name=suggestion.name, form_id=form_id,
            form_name=suggestion.form_name, score=suggestion.score, reasons=suggestion.reasons, locked=True)
        self._refresh()
    def _refresh(self) -> None:
        rows = sorted(self.rows.values(), key=lambda r: (r.mentor_name, r.mentee_name))
        self.model.set_rows([["", r.mentee_name, r.mentor_name, r.form_name, r.score, "; ".join(r.reasons)]
                             for r in rows], [r.mentee_id for r in rows],
                            ["\n".join([f"{r.mentee_name} — {r.mentor_name}", *r.reasons]) for r in rows])
        self.model.bold = {r.mentee_id for r in rows if r.locked}
        self.unmatched_model.set_rows([[u.mentee_name, u.reason] for u in self.unmatched],
                                      [u.mentee_id for u in self.unmatched])
        self._update()

    def _update(self) -> None:
        total = sum(r.score for r in self.rows.values())
        if self.rows or self.unmatched:
            self.summary.setText(f"Черновик: {plural(len(self.rows), 'пара', 'пары', 'пар')}, сумма баллов "
                                 f"{number(total)}. Отметьте строки и примите их; закреплённые (жирным) "
                                 "сохранятся при новом подборе.")
        self.unmatched_label.setText(f"Без пары: {len(self.unmatched)}")
        self.unmatched_box.setVisible(bool(self.unmatched))  # «Почему» gets the width when everyone is placed
        has = bool(self.rows)
        for button in (self.accept_button, self.remove_button, self.lock_button):
            button.setEnabled(has)

    def _on_select(self) -> None:
        mentee_id = selected_id(self.view)
        if mentee_id is not None:
            self.row_selected.emit(mentee_id)

    # --- actions --------------------------------------------------------------------------------------
    def checked_rows(self) -> list[DraftRow]:
        return [self.rows[i] for i in self.model.ids if i in self.model.checked]
    def accept_checked(self) -> None:
        rows = self.checked_rows()
        if not rows:
            self.summary.setText("Отметьте строки черновика, которые нужно принять.")
            return
        group = self.group_box.isChecked()
        ids = run_safely(self, lambda: mentorships.accept_draft(rows, group=group))
        if ids is None:
            return
        for row in rows:
            self.rows.pop(row.mentee_id, None)
        self._refresh()
        self.accepted_text = (plural(len(ids), "пара или группа", "пары или группы", "пар и групп") if group
                              else plural(len(ids), "пара", "пары", "пар"))
        self.summary.setText(f"Принято: {self.accepted_text} (статус «Планируется»). В черновике осталось строк: "
                             f"{len(self.rows)}.")
        self.accepted.emit(list(ids))

    def remove_checked(self) -> None:
        for row in self.checked_rows():
            self.rows.pop(row.mentee_id, None)
        self._refresh()

    def toggle_lock(self) -> None:
        rows = self.checked_rows()
        lock = not all(r.locked for r in rows)
        for row in rows:
            self.rows[row.mentee_id] = dataclasses.replace(row, locked=lock)
        self._refresh()
