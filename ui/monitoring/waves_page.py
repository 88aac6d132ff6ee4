"""Мониторинг → Волны: the waves with their progress, and for the chosen wave who should answer and who has
not yet; from here the curator creates waves, prints blanks, loads answers and starts the entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.errors import CuratorError
from curator_app.lang.fmt import percent
from curator_app.monitoring import build_blanks
from curator_app.monitoring.questionnaires import ROLE_LABELS
from curator_app.monitoring.waves import (
    WAVE_KIND_LABELS,
    Respondent,
    WaveProgress,
    delete_wave,
    progress,
    roster,
    waves,
)
from ui.common import files, worker
from ui.common.context import AppContext
from ui.common.table_model import Column, RowsModel


def _wave_color(p: WaveProgress) -> str | None:
    import datetime as dt

    if p.wave.closed:
        return "#777777"
    if p.wave.due_date and p.wave.due_date < dt.date.today() and p.answered < p.expected:
        return "#b00020"
    return None


class WavesPage(QWidget):
    """``enter(wave_id, person_id)`` asks the tab to open the entry form; ``changed`` after any change."""

    enter = Signal(int, int)  # person id 0: the first who has not answered
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.create_button = QPushButton("Создать волну…")
        self.edit_button = QPushButton("Изменить…")
        self.delete_button = QPushButton("Удалить")
        self.enter_button = QPushButton("Ввести ответы")
        self.blank_button = QPushButton("Бланки анкет (PDF)…")
        self.import_button = QPushButton("Загрузить ответы из Excel/CSV…")
        for button in (self.create_button, self.edit_button, self.delete_button, self.enter_button,
                       self.blank_button, self.import_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.waves_model = RowsModel([
            Column("Волна", lambda p: p.wave.title),
            Column("Вид", lambda p: WAVE_KIND_LABELS.get(p.wave.kind, p.wave.kind)),
            Column("Учебный год", lambda p: p.wave.academic_year),
            Column("Срок", lambda p: p.wave.due_date),
            Column("Должны ответить", lambda p: p.expected),
            Column("Ответили", lambda p: p.answered),
            Column("Доля", lambda p: p.rate if p.expected else None, lambda v: "—" if v is None else percent(v)),
            Column("Состояние", lambda p: "закрыта" if p.wave.closed else "идёт", color=_wave_color),
        ], self)
        self.waves_view = self._view(self.waves_model)
        self.roster_model = RowsModel([
            Column("Участник", lambda r: r.name),
            Column("Роль", lambda r: ROLE_LABELS.get(r.role, r.role)),
            Column("Форма", lambda r: r.form_name),
            Column("Анкета", lambda r: "заполнена" if r.answered else "не заполнена",
                   color=lambda r: "#2e7d32" if r.answered else "#b00020"),
        ], self, sort=(0, Qt.SortOrder.AscendingOrder))  # by name: the curator looks people up
        self.roster_view = self._view(self.roster_model)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.roster_label = QLabel()
        self.only_missing = QCheckBox("Только не ответившие")
        row.addWidget(self.roster_label, 1)
        row.addWidget(self.only_missing)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.roster_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.waves_view)
        splitter.addWidget(lower)
        splitter.setSizes([180, 400])
        layout.addWidget(splitter, 1)
        self.people: list[Respondent] = []

        self.create_button.clicked.connect(self._create)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.enter_button.clicked.connect(lambda: self._enter(0))
        self.blank_button.clicked.connect(self._blanks)
        self.import_button.clicked.connect(self._import)
        self.only_missing.toggled.connect(self._show_roster)
        self.waves_view.selectionModel().currentRowChanged.connect(lambda *_: self._load_roster())
        self.roster_view.doubleClicked.connect(self._roster_double)
        for button in (self.create_button, self.edit_button, self.delete_button, self.import_button):
            button.setEnabled(not ctx.read_only)

    def _view(self, model: RowsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.setAlternatingRowColors(True)
        return view

    def load(self, select_id: int | None = None) -> None:
        keep = select_id or self.wave_id()
        rows = [progress(w.id) for w in waves()]
        self.waves_model.set_rows(rows)
        index = next((i for i, p in enumerate(rows) if p.wave.id == keep), 0)
        if rows:
            self.waves_view.selectRow(index)
        self._load_roster()

    def wave_id(self) -> int | None:
        index = self.waves_view.currentIndex()
        p = self.waves_model.row_at(index.row()) if index.isValid() else None
        return p.wave.id if p else None

    def _load_roster(self) -> None:
        wave_id = self.wave_id()
        self.people = roster(wave_id) if wave_id else []
        for button in (self.edit_button, self.delete_button, self.enter_button, self.blank_button,
                       self.import_button):
            button.setEnabled(wave_id is not None and (button is self.blank_button or not self.ctx.read_only))
        self.blank_button.setEnabled(True)
        self._show_roster()

    def _show_roster(self) -> None:
        shown = [r for r in self.people if not (self.only_missing.isChecked() and r.answered)]
        self.roster_model.set_rows(shown)
        answered = sum(1 for r in self.people if r.answered)
        self.roster_label.setText(f"Должны ответить: {len(self.people)}, ответили: {answered}, "
                                  f"не ответили: {len(self.people) - answered}. Двойной щелчок — ввести анкету."
                                  if self.people else "Выберите волну, чтобы увидеть, кто должен ответить.")

    def _roster_double(self) -> None:
        respondent = self.roster_model.row_at(self.roster_view.currentIndex().row())
        if respondent and not self.ctx.read_only:
            self._enter(respondent.person_id)

    def _enter(self, person_id: int) -> None:
        wave_id = self.wave_id()
        if wave_id:
            self.enter.emit(wave_id, person_id)

    def _create(self) -> None:
        from .wave_dialog import SurveyWaveDialog

        dialog = SurveyWaveDialog(None, self)
        if dialog.exec() and dialog.wave:
            self.load(dialog.wave.id)
            self.changed.emit()

    def _edit(self) -> None:
        from curator_app.monitoring import get_wave

        from .wave_dialog import SurveyWaveDialog

        wave_id = self.wave_id()
        if wave_id and SurveyWaveDialog(get_wave(wave_id), self).exec():
            self.load(wave_id)
            self.changed.emit()

    def _delete(self) -> None:
        wave_id = self.wave_id()
        p = self.waves_model.row_at(self.waves_view.currentIndex().row())
        if not wave_id or not p:
            return
        answer = QMessageBox.question(self, "Удалить волну", f"Удалить волну «{p.wave.title}» вместе с "
                                      f"{p.answered} введёнными анкетами? Это нельзя отменить.")
        if answer == QMessageBox.StandardButton.Yes:
            delete_wave(wave_id)
            self.load()
            self.changed.emit()

    def _blanks(self) -> None:
        wave_id = self.wave_id()
        path = files.ask_save(self, "monitoring", "Бланки анкет", "Анкеты.pdf", "PDF (*.pdf)")
        if path is None:
            return
        missing = self.only_missing.isChecked()
        self.blank_button.setEnabled(False)

        def done(count: int) -> None:
            self.blank_button.setEnabled(True)
            QMessageBox.information(self, "Бланки анкет", f"Сохранено анкет: {count}\n{path}")

        def failed(message: str) -> None:
            self.blank_button.setEnabled(True)
            QMessageBox.warning(self, "Бланки анкет", message)

        worker.start(self, lambda state: build_blanks(path, wave_id, only_unanswered=missing), done, failed)

    def _import(self) -> None:
        from .import_dialog import SurveyImportDialog

        wave_id = self.wave_id()
        if not wave_id:
            return
        path = files.ask_open(self, "monitoring", "Ответы онлайн-формы", "Таблицы (*.xlsx *.csv)")
        if path is None:
            return
        try:
            dialog = SurveyImportDialog(path, wave_id, self)
        except CuratorError as error:
            QMessageBox.warning(self, "Загрузка ответов", str(error))
            return
        if dialog.exec() and dialog.report:
            r = dialog.report
            QMessageBox.information(self, "Загрузка ответов", f"Новых анкет: {r.imported}, заменено: {r.replaced}, "
                                    f"пропущено строк с ошибками: {r.skipped}."
                                    + ("\n\n" + "\n".join(r.errors[:20]) if r.errors else ""))
            self.load(wave_id)
            self.changed.emit()
