"""The pairs and groups table with filters (form, status, mentor, text) and the detail panel beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from curator_app.matching.pool import load_forms
from curator_app.models import MENTORSHIP_STATUS_LABELS
from curator_app.pairs import MentorshipRow, get_row, list_mentorships

from .common import make_view, selected_id
from .detail_panel import DetailPanel
from .models import IdRowsModel

HEADERS = ["№", "Пара / группа", "Наставник", "Наставляемые", "Форма", "Статус", "Начало", "Окончание", "Встреч"]


class ListPage(QWidget):
    """Rows are read on :meth:`load`; filters by form and status go to SQL, mentor and text in memory."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MentorshipRow] = []
        self.form_combo = QComboBox()
        self.status_combo = QComboBox()
        self.status_combo.addItem("все статусы", None)
        for key, label in MENTORSHIP_STATUS_LABELS.items():
            self.status_combo.addItem(label, key)
        self.form_combo.setMinimumWidth(170)
        self.status_combo.setMinimumWidth(150)
        self.mentor_combo = QComboBox()
        self.mentor_combo.setMinimumWidth(220)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Поиск по ФИО или названию группы")
        self.search.setClearButtonEnabled(True)
        for combo in (self.form_combo, self.status_combo, self.mentor_combo):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        self.search.textChanged.connect(lambda _: self._fill())
        filters = QHBoxLayout()
        for label, widget in (("Форма:", self.form_combo), ("Статус:", self.status_combo),
                              ("Наставник:", self.mentor_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)

        self.model = IdRowsModel(HEADERS)
        self.view = make_view(self.model, (40, 100, 175, 175, 150, 100, 80, 80))  # «Статус» in view at 1366
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._on_select())
        self.count = QLabel()
        self.detail = DetailPanel()
        self.detail.changed.connect(self._detail_changed)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.search)
        box.addWidget(self.view, 1)
        box.addWidget(self.count)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setSizes([900, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
    def load(self) -> None:
        current = self.form_combo.currentData()
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        self.form_combo.addItem("все формы", None)
        for form in load_forms():
            self.form_combo.addItem(form.name, form.id)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(current)))
        self.form_combo.blockSignals(False)
        self.reload(refresh_mentors=True)
    def reload(self, refresh_mentors: bool = False) -> None:
        self.rows = list_mentorships(self.form_combo.currentData(), self.status_combo.currentData())
        if refresh_mentors:
            chosen = self.mentor_combo.currentData()
            mentors = sorted({(r.mentor_name, r.mentor_id) for r in list_mentorships()})
            self.mentor_combo.blockSignals(True)
            self.mentor_combo.clear()
            self.mentor_combo.addItem("все наставники", None)
            for name, pid in mentors:
                self.mentor_combo.addItem(name, pid)
            self.mentor_combo.setCurrentIndex(max(0, self.mentor_combo.findData(chosen)))
            self.mentor_combo.blockSignals(False)
        self._fill()
    def _fill(self) -> None:
        chosen = selected_id(self.view)
        mentor = self.mentor_combo.currentData()
        from curator_app.lang.text import fold

        wanted = fold(self.search.text())
        rows = [r for r in self.rows if (mentor is None or r.mentor_id == mentor)
                and (not wanted or wanted in r.search_text)]
        self.model.set_rows([[r.id, r.name or r.kind, r.mentor_name, ", ".join(n for _, n in r.mentees), r.form_name,
                              r.status_label, r.start_date, r.planned_end_date, r.meetings]
                             for r in rows], [r.id for r in rows],
                            ["\n".join(n for _, n in r.mentees) for r in rows])
        self.count.setText(f"Показано: {len(rows)} из {len(self.rows)}")
        if chosen in self.model.ids:
            self.view.selectRow(self.model.ids.index(chosen))
        else:
            self.detail.show_row(None)
    def _on_select(self) -> None:
        ship_id = selected_id(self.view)
        self.detail.show_row(next((r for r in self.rows if r.id == ship_id), None))
    def _detail_changed(self) -> None:
        kept = self.detail.row.id if self.detail.row else None
        self.reload()
        if kept is not None and self.detail.row is None:  # filtered out by its new status: keep showing it
            self.detail.show_row(get_row(kept))
        self.changed.emit()
