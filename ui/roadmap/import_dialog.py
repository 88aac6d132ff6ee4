"""Import of a roadmap with a preview: from a file (.docx, .pdf, .xlsx, .txt) read on a worker thread, or
from text pasted from the clipboard. Periods the parser could not read are marked for the curator;
nothing is stored until «Сохранить»."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short, plural
from curator_app.roadmap import ParsedRoadmap, parse_file, save_parsed
from ui.common import worker
from ui.common.worker import Task

Index = QModelIndex | QPersistentModelIndex
FILE_FILTER = "Дорожная карта (*.docx *.pdf *.xlsx *.txt *.md);;Все файлы (*)"


class PreviewModel(QAbstractTableModel):
    COLUMNS = ["Раздел", "№", "Мероприятие", "Срок (как в документе)", "Начало", "Окончание", "Периодичность",
               "Замечание", "Ответственный", "Результат"]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.parsed: ParsedRoadmap | None = None

    def set_parsed(self, parsed: ParsedRoadmap | None) -> None:
        self.beginResetModel()
        self.parsed = parsed
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.parsed is None else len(self.parsed.events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.parsed is None:
            return None
        e = self.parsed.events[index.row()]
        p = e.period
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [e.section, e.number, " ".join(e.title.split()), p.text, date_short(p.start), date_short(p.end),
                    p.recurrence or "", p.problem or "", " ".join(e.responsible.split()),
                    " ".join(e.result.split())][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and p.problem:
            return QBrush(QColor("#fff3cd"))
        return None


class RoadmapImportDialog(QDialog):
    """``RoadmapImportDialog(parent, path=…)`` reads a file; without ``path`` it offers a paste box."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Загрузка дорожной карты")
        self.resize(1100, 640)
        self.path = path
        self.parsed: ParsedRoadmap | None = None
        self.saved_id: int | None = None
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText("Вставьте сюда таблицу дорожной карты, скопированную из Word, PDF или Excel "
                                      "(вместе с заголовком документа — из него берётся учебный год).")
        self.read_button = QPushButton("Прочитать текст")
        self.read_button.clicked.connect(self.read_text)
        self.paste_button = QPushButton("Вставить из буфера обмена")
        self.paste_button.clicked.connect(self.paste_clipboard)
        if path is None:
            layout.addWidget(self.paste, 1)
            layout.addWidget(self.paste_button)
            layout.addWidget(self.read_button)
        self.summary = QLabel("Читаю файл…" if path else "")
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 4)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((60, 60, 360, 220, 80, 80, 130, 260, 200, 260)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Сохранить как новую дорожную карту")
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if path is not None:
            self.task = worker.start(self, lambda state: parse_file(path), self.show_parsed, self.show_error)

    def paste_clipboard(self) -> None:
        self.paste.setPlainText(QGuiApplication.clipboard().text())
        self.read_text()

    def read_text(self) -> None:
        from curator_app.roadmap import parse_text

        try:
            parsed = parse_text(self.paste.toPlainText(), source="вставленный текст")
        except CuratorError as error:
            self.show_error(str(error))
            return
        self.show_parsed(parsed)

    def show_error(self, message: str) -> None:
        self.parsed = None
        self.model.set_parsed(None)
        self.save_button.setEnabled(False)
        self.summary.setStyleSheet("color: #c0392b;")
        self.summary.setText(message)

    def show_parsed(self, parsed: ParsedRoadmap) -> None:
        self.parsed = parsed
        self.model.set_parsed(parsed)
        problems = parsed.problems
        period = ""
        if parsed.ctx.start and parsed.ctx.end:
            period = f" Период: {date_short(parsed.ctx.start)} – {date_short(parsed.ctx.end)}."
        text = (f"<b>{parsed.title}</b><br>{plural(len(parsed.sections), 'раздел', 'раздела', 'разделов')}, "
                f"{plural(len(parsed.events), 'мероприятие', 'мероприятия', 'мероприятий')}.{period}")
        if problems:
            text += (f"<br><span style='color:#b8860b'>Сроки не разобраны у "
                     f"{plural(len(problems), 'мероприятия', 'мероприятий', 'мероприятий')} (выделены жёлтым): их "
                     "даты останутся пустыми, исправьте их после загрузки в карточке мероприятия.</span>")
        if parsed.note:
            text += f"<br><span style='color:#1f5fa8'>{parsed.note}</span>"
        self.summary.setStyleSheet("")
        self.summary.setText(text)
        self.save_button.setEnabled(bool(parsed.events))

    def save(self) -> None:
        if self.parsed is None:
            return
        try:
            roadmap = save_parsed(self.parsed, self.path.name if self.path else "вставленный текст")
        except CuratorError as error:
            self.show_error(str(error))
            return
        self.saved_id = roadmap.id
        self.accept()

    def done(self, result: int) -> None:
        if self.task is not None and self.task.isRunning():
            self.task.wait(5000)
        super().done(result)
