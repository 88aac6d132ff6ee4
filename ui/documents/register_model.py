"""The register of issued documents (orders with their numbers, memos, letters), newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from curator_app.documents import RegisterRow
from ui.common.table_model import Column, RowsModel

COLUMNS = (
    Column("Дата", lambda r: r.date),
    Column("Номер", lambda r: r.number),
    Column("Документ", lambda r: r.title, tip=lambda r: f"{r.kind_label}\n{r.title}"),
    Column("Пар", lambda r: r.pairs or None),
    Column("Файл", lambda r: r.file_path, tip=lambda r: r.file_path),
)


class RegisterModel(RowsModel):
    """Rows are ``RegisterRow`` values from :func:`curator_app.documents.register_rows`."""

    rows: list[RegisterRow]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)


class RegisterPanel(QWidget):
    """The register of issued documents with «Открыть файл» / «Открыть папку»; ``say`` reports a problem
    in the tab's status line."""

    def __init__(self, say: Callable[..., None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.say = say
        layout = QVBoxLayout(self)
        self.model = RegisterModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _: self.open_file())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        open_file, open_folder = QPushButton("Открыть файл"), QPushButton("Открыть папку")
        open_file.clicked.connect(lambda: self.open_file())
        open_folder.clicked.connect(lambda: self.open_file(folder=True))
        row.addWidget(open_file)
        row.addWidget(open_folder)
        row.addStretch(1)
        layout.addLayout(row)

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()

    def open_file(self, folder: bool = False) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.say("Выберите документ в реестре.", error=True)
            return
        path = Path(self.model.rows[rows[0].row()].file_path)
        if not path.exists():
            self.say(f"Файл «{path}» не найден: его переместили или удалили.", error=True)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent if folder else path)))
