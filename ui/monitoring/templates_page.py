"""Мониторинг → Анкеты: the current version of every questionnaire template and its questions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.models import Questionnaire
from curator_app.monitoring.questionnaires import (
    AUDIENCE_LABELS,
    KIND_LABELS,
    current_questionnaires,
    questions_of,
)
from ui.common.context import AppContext
from ui.common.table_model import Column, RowsModel


def _view(model: RowsModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(True)
    return view


class TemplatesPage(QWidget):
    """``changed`` after a template got a new version."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.edit_button = QPushButton("Изменить анкету…")
        self.edit_button.setEnabled(not ctx.read_only)
        self.edit_button.clicked.connect(self._edit)
        bar.addWidget(self.edit_button)
        info = QLabel("Изменение анкеты создаёт её новую версию; ответы хранят ту версию, на которую отвечали.")
        info.setStyleSheet("color: #555;")
        bar.addWidget(info, 1)
        layout.addLayout(bar)
        self.list_model = RowsModel([
            Column("Анкета", lambda q: q.title),
            Column("Кто отвечает", lambda q: AUDIENCE_LABELS.get(q.audience, q.audience)),
            Column("Форма", lambda q: q.form.name if q.form_id else "любая"),
            Column("Версия", lambda q: q.version),
        ], self)
        self.questions_model = RowsModel([
            Column("№", lambda q: q.position + 1),
            Column("Вопрос", lambda q: q.text + (" *" if q.required else "")),
            Column("Вид", lambda q: KIND_LABELS.get(q.kind, q.kind)),
            Column("Варианты", lambda q: "; ".join(q.options or [])),
        ], self)
        self.list_view = _view(self.list_model, 0)
        self.questions_view = _view(self.questions_model, 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.questions_view)
        splitter.setSizes([170, 420])
        layout.addWidget(splitter, 1)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.list_view.doubleClicked.connect(self._edit)

    def load(self) -> None:
        keep = self.selected()
        rows = current_questionnaires()
        self.list_model.set_rows(rows)
        index = next((i for i, q in enumerate(rows) if keep and q.code == keep.code), 0)
        if rows:
            self.list_view.selectRow(index)
        self._show()

    def selected(self) -> Questionnaire | None:
        index = self.list_view.currentIndex()
        return self.list_model.row_at(index.row()) if index.isValid() else None

    def _show(self) -> None:
        q = self.selected()
        self.questions_model.set_rows(questions_of(q.id) if q else [])
        self.questions_view.resizeRowsToContents()

    def _edit(self) -> None:
        from .template_dialog import SurveyTemplateDialog

        q = self.selected()
        if q is None or self.ctx.read_only:
            return
        if SurveyTemplateDialog(q, self).exec():
            self.load()
            self.changed.emit()
