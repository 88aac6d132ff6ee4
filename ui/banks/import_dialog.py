"""Import of a bank from Excel/CSV: map the columns, look at the preview, then import on a worker thread
with progress and cancel. The core decides everything (``curator_app.services.bank_import``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.banks import ImportPlan, apply_import, auto_mapping, plan_import
from curator_app.banks import read as bank_read
from curator_app.errors import CuratorError
from ui.common import worker
from ui.common.context import AppContext, Changed
from ui.common.table_model import RowsModel, columns
from ui.common.worker import Task, TaskFn


class BankImportDialog(QDialog):
    """Holds the file's headers, the chosen mapping, the last plan and the running task, if any."""

    def __init__(self, ctx: AppContext, role: str, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.role, self.path = ctx, role, Path(path)
        self.plan: ImportPlan | None = None
        self.sheet: bank_read.Sheet | None = None
        self.task: Task | None = None
        self.result: dict[str, Any] | None = None
        self.setWindowTitle(f"Импорт банка {'наставников' if role == 'mentor' else 'наставляемых'}: {self.path.name}")
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.mapping_box = QWidget()
        self.mapping_form = QFormLayout(self.mapping_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_box)
        scroll.setMaximumHeight(200)
        layout.addWidget(QLabel("<b>Столбцы файла → поля карточки</b> (выбор запоминается)"))
        layout.addWidget(scroll)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.preview = RowsModel(columns("Строка", "Итог", "ФИО / столбец", "Подробности"))
        view = QTableView()
        view.setModel(self.preview)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(0, 60)
        view.setColumnWidth(1, 100)
        view.setColumnWidth(2, 260)
        layout.addWidget(view, 1)
        self.skip_invalid = QCheckBox("Пропускать ошибочные строки (иначе при любой ошибке ничего не записывается)")
        layout.addWidget(self.skip_invalid)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        self.check_button = QPushButton("Проверить заново")
        self.check_button.clicked.connect(self.make_plan)
        self.import_button = QPushButton("Импортировать")
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton("Отменить импорт")
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        self.close_button = QPushButton("Закрыть")
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.check_button)
        row.addStretch(1)
        for button in (self.import_button, self.cancel_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.combos: list[QComboBox] = []
        self._read_headers()

    def _read_headers(self) -> None:
        try:
            sheet = self.sheet = bank_read.read_sheet(self.path)
        except CuratorError as error:
            self.info.setText(f"<span style='color:#c0392b'>{error}</span>")
            self.import_button.setEnabled(False)
            self.check_button.setEnabled(False)
            return
        self.info.setText(f"Файл: {self.path}<br>Строка заголовков: {sheet.header_row}; строк ниже: {len(sheet.rows)}.")
        mapping = auto_mapping(sheet.headers, self.role)
        other = set(bank_read.ROLE_FIELDS["mentor" if self.role == "mentee" else "mentee"])
        choices = [(k, v) for k, v in bank_read.FIELD_LABELS.items() if k not in other]
        for col, header in enumerate(sheet.headers):
            if not header:
                continue
            combo = QComboBox()
            combo.addItem("— не загружать —", "")
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(col, ""))))
            combo.setProperty("column", col)
            combo.currentIndexChanged.connect(lambda _: self._mapping_changed())
            self.mapping_form.addRow(f"{col + 1}. {header}", combo)
            self.combos.append(combo)
        self.make_plan()

    def mapping(self) -> dict[int, str]:
        return {int(c.property("column")): c.currentData() for c in self.combos if c.currentData()}

    def _mapping_changed(self) -> None:
        self.plan = None
        self.summary.setText("Сопоставление изменено — нажмите «Проверить заново».")
        self.import_button.setEnabled(False)

    def make_plan(self) -> None:
        """Check the file on the worker thread; the preview fills in when it is done."""
        self.plan = None
        self.import_button.setEnabled(False)
        self.summary.setText("Проверяю файл…")
        mapping, sheet = self.mapping(), self.sheet
        self._run(lambda state: plan_import(self.path, self.role, mapping, progress=state.progress,
                                            cancelled=state.cancelled, sheet=sheet), self.show_plan)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        bad = len(plan.rejected_rows)
        self.summary.setText(
            f"Будет добавлено: <b>{len(plan.added)}</b>, обновлено: <b>{len(plan.updated)}</b>, "
            f"отклонено строк: <b style='color:{'#c0392b' if bad else '#333'}'>{bad}</b>; пропущено пустых и "
            f"итоговых строк: {plan.skipped}." + ("<br>Есть ошибки: без отметки «Пропускать ошибочные строки» "
                                                 "ничего не будет записано." if bad else ""))
        rows: list[tuple[object, ...]] = [(r.row, "отклонена", r.column, r.reason) for r in plan.rejected]
        rows += [(r.row, "добавится", r.name, _brief(r)) for r in plan.added]
        rows += [(r.row, "обновится", r.name, _brief(r)) for r in plan.updated]
        self.preview.set_rows(rows)
        self.import_button.setEnabled(bool(plan.added or plan.updated))

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or self.task is not None:
            return
        if plan.rejected and not self.skip_invalid.isChecked():
            QMessageBox.warning(self, "Импорт не выполнен",
                                f"В файле ошибки в строках: {', '.join(map(str, plan.rejected_rows[:15]))}"
                                f"{' …' if len(plan.rejected_rows) > 15 else ''}. Ничего не записано.\n"
                                "Исправьте файл или отметьте «Пропускать ошибочные строки».")
            return
        skip = self.skip_invalid.isChecked()
        self.summary.setText("Импортирую…")
        self._run(lambda state: apply_import(plan, skip, state.progress, state.cancelled), self._done)

    def _run(self, fn: TaskFn, on_success: Callable[[Any], None]) -> None:
        self._on_success = on_success
        self.task = worker.start(self, fn, self._succeeded, self._failed, progress=self._progress)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self._busy(True)
        self.task.start()

    def cancel_import(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def _busy(self, busy: bool) -> None:
        for widget in (self.check_button, self.close_button, self.mapping_box, self.skip_invalid):
            widget.setEnabled(not busy)
        plan = self.plan
        self.import_button.setEnabled(not busy and plan is not None and bool(plan.added or plan.updated))
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def _progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _succeeded(self, result: Any) -> None:
        self._finish_task()
        self._on_success(result)

    def _finish_task(self) -> None:
        if self.task is not None:
            self.task.wait()
            self.task = None
        self._busy(False)
        self.progress.hide()

    def _done(self, result: dict[str, Any]) -> None:
        self.result = result
        self.ctx.notify(Changed.PEOPLE)
        QMessageBox.information(self, "Импорт выполнен", f"Добавлено: {result['added']}, обновлено: "
                                f"{result['updated']}, отклонено строк: {result['rejected']}.")
        self.accept()

    def _failed(self, message: str) -> None:
        self._finish_task()
        self.summary.setText(f"<span style='color:#c0392b'>{message}</span>")
        QMessageBox.warning(self, "Импорт не выполнен", message)

    def reject(self) -> None:
        if self.task is not None:  # never leave a transaction running behind a closed window
            self.task.cancel()
            self.task.wait()
        super().reject()


def _brief(row: Any) -> str:
    p = row.person
    parts = [p.get("grade") and f"{p['grade']}{p.get('grade_letter') or ''}", p.get("position"),
             p.get("birth_date") and p["birth_date"].strftime("%d.%m.%Y")]
    return ", ".join(str(x) for x in parts if x)
