"""Файл → Резервная копия: where to (flash drives first), a password if wanted, how many copies to keep,
a copy on exit; the copy runs on a worker thread with a progress bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from curator_app import backup
from curator_app.errors import CuratorError, user_message
from curator_app.lang import fmt
from ui.common import files
from ui.common.context import AppContext
from ui.common.worker import Task


class BackupDialog(QDialog):
    """Holds the chosen folder and options; ``result_path`` is the copy written (None until then)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_path: Path | None = None
        self._task: Task | None = None
        self.setWindowTitle("Резервная копия базы")
        self.setMinimumWidth(560)
        state = backup.load_settings()

        self.folder = QComboBox()
        self.folder.setMinimumContentsLength(40)
        for drive in backup.removable_drives():
            self._add_folder(drive, f"Флешка: {drive}")
        if state.folder and Path(state.folder).is_dir():
            self._add_folder(Path(state.folder), f"Прошлая папка: {state.folder}")
        self._add_folder(Path.home(), f"Домашняя папка: {Path.home()}")
        browse = QPushButton("Обзор…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        self.encrypt = QCheckBox("Зашифровать копию паролем")
        self.encrypt.setToolTip("Если флешку потеряют, без пароля данные детей не прочитать. "
                                "Забытый пароль восстановить нельзя.")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("пароль")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setPlaceholderText("пароль ещё раз")
        self.encrypt.toggled.connect(self._sync)
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(state.keep)
        self.keep.setSuffix(" последних")
        self.on_exit = QCheckBox("Делать копию в эту папку при выходе (без пароля)")
        self.on_exit.setChecked(state.on_exit)

        form = QFormLayout()
        form.addRow("Куда:", folder_row)
        form.addRow("", self.encrypt)
        form.addRow("Пароль:", self.password)
        form.addRow("Повтор:", self.repeat)
        form.addRow("Хранить копий:", self.keep)
        form.addRow("", self.on_exit)

        where = f" — {state.last_path}" if state.last_path else ""
        last = (f"Последняя копия: {fmt.date_short(state.last_at)} {state.last_at:%H:%M}{where}" if state.last_at
                else "Резервная копия ещё не делалась.")
        self.last_label = QLabel(last)
        self.last_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.start = self.buttons.addButton("Сделать копию", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("Закрыть", QDialogButtonBox.ButtonRole.RejectRole)
        self.start.clicked.connect(self.run_backup)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.last_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._sync()

    # --- choices ------------------------------------------------------------------------------------
    def _add_folder(self, path: Path, label: str) -> None:
        if self.folder.findData(str(path)) < 0:
            self.folder.addItem(label, str(path))

    def set_folder(self, path: str | Path) -> None:
        self._add_folder(Path(path), str(path))
        self.folder.setCurrentIndex(self.folder.findData(str(path)))

    def _browse(self) -> None:
        current = self.folder.currentData()
        chosen = files.ask_folder(self, "backup", "Папка для резервной копии", Path(current) if current else None)
        if chosen is not None:
            self.set_folder(chosen)

    def _sync(self) -> None:
        on = self.encrypt.isChecked()
        self.password.setEnabled(on)
        self.repeat.setEnabled(on)

    def _show(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #a4262c;" if error else "")
        self.status.setText(text)

    def reject(self) -> None:
        if self._task is not None and self._task.isRunning():
            return  # a copy half-written must finish (or fail) before the window may close
        super().reject()

    # --- the copy -----------------------------------------------------------------------------------
    def run_backup(self) -> None:
        folder = self.folder.currentData()
        password = None
        if self.encrypt.isChecked():
            password = self.password.text()
            if not password:
                self._show("Введите пароль или снимите отметку «Зашифровать».", error=True)
                return
            if password != self.repeat.text():
                self._show("Пароли не совпадают: введите один и тот же пароль дважды.", error=True)
                return
        if not self.ctx.read_only:
            try:
                backup.save_settings(keep=self.keep.value(), on_exit=self.on_exit.isChecked(), folder=folder)
            except CuratorError as error:
                self._show(str(error), error=True)
                return
        source, keep = self.ctx.db_path, self.keep.value()
        self._task = Task(lambda state: backup.write_backup(folder, source, password=password, keep=keep,
                                                            state=state), self)
        self._task.progress.connect(self._on_progress)
        self._task.succeeded.connect(self._on_done)
        self._task.failed.connect(self._on_failed)
        for widget in (self.start, self.close_button, self.folder, self.encrypt, self.password, self.repeat):
            widget.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self._show("Копирование…")
        self._task.start()

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setValue(int(100 * done / max(total, 1)))
        self._show(stage)

    def _finish(self) -> None:
        if self._task is not None:
            self._task.wait()
        for widget in (self.start, self.close_button, self.folder, self.encrypt):
            widget.setEnabled(True)
        self._sync()

    def _on_done(self, result: backup.BackupResult) -> None:
        self._finish()
        if not self.ctx.read_only:
            backup.record_backup(result.path)
        self.result_path = result.path
        removed = f" Удалено старых копий: {len(result.removed)}." if result.removed else ""
        locked = " Копия зашифрована: без пароля её не открыть." if result.path.suffix == ".enc" else ""
        self._show(f"Копия сохранена и проверена ({fmt.number(result.size / 1e6)} МБ):<br><b>{result.path.name}</b>"
                   f"<br>в папке {result.path.parent}.{locked}{removed}")
        self.last_label.setText("Последняя копия: только что.")
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))  # the longer text stays whole

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        self.progress.hide()
        self._show(user_message(error), error=True)
