"""Файл → Сводка по школам…: the district methodologist's window onto ``curator_app.district``.

Files or a whole folder are added; they are read on the worker (a backup by a child process, so the
database open in the window is never touched) and each file shows what it gave or why it was refused;
the district table is previewed as it will be saved, and saved as XLSX or as the PDF report. Nothing is
saved while a file is refused: the methodologist removes it or replaces it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.district import Collection, collect, school_files
from curator_app.lang.fmt import plural
from curator_app.tasks import TaskState
from ui.common import worker
from ui.common.table_model import RowsModel

from .models import FILE_COLUMNS, PreviewModel, file_rows

FILES_FILTER = ("Таблицы и резервные копии школ (*.xlsx *.curator-backup.sqlite *.curator-backup.enc);;"
                "Все файлы (*)")


# --- the file choosers, one place each (tests replace these, not Qt's static methods) ---------------------
def _choose_files(parent: QWidget) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Таблицы школ", "", FILES_FILTER)
    return list(paths)


def _choose_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(parent, "Папка с таблицами школ")


def _choose_target(parent: QWidget, kind: str) -> str:
    if kind == "pdf":
        path, _ = QFileDialog.getSaveFileName(parent, "Сводная справка", "Сводная справка по школам.pdf", "PDF (*.pdf)")
    else:
        path, _ = QFileDialog.getSaveFileName(parent, "Сводная таблица", "Сводка по школам.xlsx", "Excel (*.xlsx)")
    return path


def _nothing(state: TaskState) -> None:
    return None


class DistrictDialog(QDialog):
    """Holds the files given (``paths``) and what reading them gave (``found``); ``saved`` is the last file
    written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Сводка по школам")
        self.resize(1100, 680)
        self.paths: list[Path] = []
        self.found: Collection | None = None
        self.saved: Path | None = None

        intro = QLabel("Добавьте таблицы мониторинга школ (их делает «Мониторинг → Таблица для муниципалитета» "
                       "или команда report) или резервные копии «Куратора» — по одному файлу или всю папку.")
        intro.setWordWrap(True)
        self.add_files = QPushButton("Добавить файлы…")
        self.add_folder = QPushButton("Добавить папку…")
        self.remove = QPushButton("Убрать выбранные")
        self.clear = QPushButton("Очистить")
        self.add_files.clicked.connect(lambda: self.add_paths(_choose_files(self)))
        self.add_folder.clicked.connect(self._add_folder)
        self.remove.clicked.connect(self.remove_selected)
        self.clear.clicked.connect(lambda: self.set_paths([]))
        tools = QHBoxLayout()
        for button in (self.add_files, self.add_folder, self.remove, self.clear):
            tools.addWidget(button)
        tools.addStretch(1)

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("если копии зашифрованы")
        self.password.editingFinished.connect(self.reload)
        self.district = QLineEdit()
        self.district.setPlaceholderText("например, Управление образования администрации г. Калуги")
        form = QFormLayout()
        form.addRow("Пароль копий:", self.password)
        form.addRow("Кто составляет:", self.district)

        self.files_model = RowsModel(FILE_COLUMNS, self)
        self.files_view = self._view(self.files_model)
        self.files_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview = PreviewModel(self)
        self.preview_view = self._view(self.preview)
        self.preview_view.setSortingEnabled(True)
        header = self.preview_view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap))
        header.setMinimumHeight(58)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.files_view)
        split.addWidget(self.preview_view)
        split.setSizes([220, 360])

        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel("Файлы не выбраны.")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_xlsx = self.buttons.addButton("Сохранить таблицу (XLSX)…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_pdf = self.buttons.addButton("Сохранить справку (PDF)…", QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton("Закрыть", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_xlsx.clicked.connect(lambda: self._save("xlsx"))
        self.save_pdf.clicked.connect(lambda: self._save("pdf"))
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(tools)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._sync()

    def _view(self, model: RowsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.horizontalHeader().setDefaultSectionSize(150)
        return view

    # --- the files --------------------------------------------------------------------------------------
    def add_paths(self, paths: list[str] | list[Path]) -> None:
        """Add files (a folder stands for its schools' files); a file already listed is not added twice."""
        added = list(self.paths)
        for given in paths:
            path = Path(given)
            for item in school_files(path) if path.is_dir() else [path]:
                if item not in added:
                    added.append(item)
        self.set_paths(added)

    def _add_folder(self) -> None:
        folder = _choose_folder(self)
        if folder:
            self.add_paths([folder])

    def remove_selected(self) -> None:
        chosen = {self.files_model.row_at(i.row()).path for i in self.files_view.selectionModel().selectedRows()}
        self.set_paths([p for p in self.paths if p not in chosen])

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.reload()

    def reload(self) -> None:
        """Read every file again on the worker (a newer reading supersedes one under way)."""
        self.found = None
        self.files_model.set_rows(file_rows(self.paths, None))
        self.preview.set_schools([])
        if not self.paths:
            self.status.setText("Файлы не выбраны.")
            worker.start(self, _nothing, self._ignore, self._failed, key="collect")  # drops a reading under way
            self._sync()
            return
        paths, password = list(self.paths), self.password.text() or None
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Чтение файлов…")
        self._sync()

        def read(state: TaskState) -> Collection:
            return collect(paths, password, state)

        worker.start(self, read, self._read, self._failed, key="collect", progress=self._progress)

    def _ignore(self, _result: object) -> None:
        pass

    def _progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _read(self, found: Collection) -> None:
        self.progress.hide()
        self.found = found
        self.files_model.set_rows(file_rows(self.paths, found))
        self.preview.set_schools(found.rows)
        self.files_view.resizeColumnsToContents()
        self.files_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        schools = plural(len(found.rows), "школа", "школы", "школ")
        below = sum(1 for r in found.rows if r.below_target)
        text = f"Прочитано файлов: {len(found.files) - len(found.problems)} из {len(found.files)}; {schools}"
        text += f", из них ниже целевого охвата — {below} (выделены цветом)." if below else "."
        if found.problems:
            text += (f" Не прочитано: {len(found.problems)} — причина в столбце «Итог». Уберите или замените эти "
                     "файлы: пока они в списке, сводка не сохраняется.")
        self.status.setText(text)
        self._sync()

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setText(message)
        self._sync()

    def _sync(self) -> None:
        ready = self.found is not None and not self.found.problems and bool(self.found.rows)
        self.save_xlsx.setEnabled(ready)
        self.save_pdf.setEnabled(ready)
        self.remove.setEnabled(bool(self.paths))
        self.clear.setEnabled(bool(self.paths))

    # --- saving -----------------------------------------------------------------------------------------
    def _save(self, kind: str) -> None:
        path = _choose_target(self, kind)
        if path:
            self.save_to(kind, Path(path))

    def save_to(self, kind: str, path: Path) -> None:
        """Write the district table (``xlsx``) or report (``pdf``) on the worker."""
        found = self.found
        if found is None or found.problems or not found.rows:
            return
        district = self.district.text().strip()
        self.status.setText(f"Сохранение «{path.name}»…")
        self.save_xlsx.setEnabled(False)
        self.save_pdf.setEnabled(False)

        def write(state: TaskState) -> Path:
            if kind == "pdf":
                from curator_app.district import build_district_report

                return build_district_report(found.rows, path, day=dt.date.today(), district=district,
                                             notes=found.notes)
            from curator_app.district import build_district_table

            return build_district_table(found.rows, path, found.notes)

        worker.start(self, write, self._saved, self._failed, key="save")

    def _saved(self, path: Path) -> None:
        self.saved = path
        self.status.setText(f"Сохранено: {path}")
        self._sync()


def open_district_dialog(parent: QWidget | None = None) -> DistrictDialog:
    dialog = DistrictDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
