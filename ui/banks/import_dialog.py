"""Import of a bank from Excel, LibreOffice or CSV: the columns not loaded first, with a field to choose for
each, then the whole mapping and the preview; the import runs on a worker thread with progress and cancel.
The core decides everything (``curator_app.banks.importer``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
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

from curator_app.banks import read as bank_read
from curator_app.banks.importer import ImportPlan, apply_import, auto_mapping, ignored_text, plan_import
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
        self.ignored_box = QFrame()  # the columns not loaded, above everything else: nothing dropped unseen
        self.ignored_box.setObjectName("ignored")
        self.ignored_box.setStyleSheet("#ignored { background: #fff6e0; border: 1px solid #e0b252; }")
        self.ignored_grid = QGridLayout(self.ignored_box)
        self.ignored_scroll = QScrollArea()
        self.ignored_scroll.setWidgetResizable(True)
        self.ignored_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.ignored_scroll.setWidget(self.ignored_box)
        self.ignored_scroll.setMaximumHeight(180)
        self.ignored_scroll.hide()
        layout.addWidget(self.ignored_scroll)
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
        view = self.preview_view = QTableView()
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
        self.import_button.setDefault(True)  # Enter imports; «Проверить заново» is for a changed mapping
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
        self.ignored_combos: dict[int, QComboBox] = {}
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
        for col, header in enumerate(sheet.headers):
            if not header and not any(not bank_read.is_blank(cells[col]) for _, cells in sheet.rows):
                continue
            combo = self._field_combo(mapping.get(col, ""))
            combo.setProperty("column", col)
            combo.currentIndexChanged.connect(lambda _, c=combo: self._mapping_changed(c))
            self.mapping_form.addRow(f"{col + 1}. {header or '(без заголовка)'}", combo)
            self.combos.append(combo)
        self.make_plan()

    def _field_combo(self, current: str) -> QComboBox:
        other = set(bank_read.ROLE_FIELDS["mentor" if self.role == "mentee" else "mentee"])
        combo = QComboBox()
        combo.addItem("— не загружать —", "")
        for key, label in bank_read.FIELD_LABELS.items():
            if key not in other:
                combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _show_ignored(self, plan: ImportPlan) -> None:
        """One row per column not loaded: its header, the field to load it as, and the field its values suggest."""
        while self.ignored_grid.count():
            item = self.ignored_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.ignored_combos = {}
        self.ignored_scroll.setVisible(bool(plan.ignored))
        if not plan.ignored:
            return
        title = QLabel(f"<b>Не загружаются столбцы ({len(plan.ignored)})</b> — их данные не попадут в банк. "
                       "Выберите поле, если столбец нужен, и нажмите «Проверить заново».")
        title.setWordWrap(True)
        self.ignored_grid.addWidget(title, 0, 0, 1, 3)
        main = {int(c.property("column")): c for c in self.combos}
        for row, column in enumerate(plan.ignored, 1):
            combo = self._field_combo(main[column.col].currentData() if column.col in main else "")
            combo.currentIndexChanged.connect(lambda _, c=combo, col=column.col: self._ignored_changed(col, c))
            self.ignored_grid.addWidget(QLabel(f"{column.col + 1}. «{column.header}»"), row, 0)
            self.ignored_grid.addWidget(combo, row, 1)
            self.ignored_combos[column.col] = combo
            if column.suggestion:
                label = bank_read.FIELD_LABELS[column.suggestion]
                offer = QPushButton(f"Похоже на «{label}»: загружать")
                offer.clicked.connect(lambda _=False, c=combo, key=column.suggestion: c.setCurrentIndex(c.findData(key)))
                self.ignored_grid.addWidget(offer, row, 2)
        self.ignored_grid.setColumnStretch(1, 1)
        for index in range(self.ignored_grid.count()):  # shown now, so the panel takes the height they need
            widget = self.ignored_grid.itemAt(index).widget()
            if widget is not None:
                widget.show()
        self.ignored_scroll.setMinimumHeight(min(self.ignored_box.sizeHint().height() + 2, 180))

    def _ignored_changed(self, col: int, combo: QComboBox) -> None:
        for main in self.combos:
            if int(main.property("column")) == col:
                main.setCurrentIndex(max(0, main.findData(combo.currentData())))

    def mapping(self) -> dict[int, str]:
        return {int(c.property("column")): c.currentData() for c in self.combos if c.currentData()}

    def _mapping_changed(self, combo: QComboBox) -> None:
        mirror = self.ignored_combos.get(int(combo.property("column")))
        if mirror is not None and mirror.currentData() != combo.currentData():
            mirror.blockSignals(True)
            mirror.setCurrentIndex(max(0, mirror.findData(combo.currentData())))
            mirror.blockSignals(False)
        self.plan = None
        self.summary.setText("Сопоставление изменено — нажмите «Проверить заново».")
        self.import_button.setEnabled(False)

    def make_plan(self) -> None:
        """Check the file on the worker thread; the preview fills in when it is done."""
        self.plan = None
        self.import_button.setEnabled(False)
        self.summary.setText("Проверяю файл…")
        mapping, sheet = self.mapping(), self.sheet
        self._run(lambda state: plan_import(self.path, self.role, mapping, state=state, sheet=sheet), self.show_plan)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        bad = len(plan.rejected_rows)
        self.summary.setText(
            f"Будет добавлено: <b>{len(plan.added)}</b>, обновлено: <b>{len(plan.updated)}</b>, "
            f"отклонено строк: <b style='color:{'#c0392b' if bad else '#333'}'>{bad}</b>; пропущено пустых и "
            f"итоговых строк: {plan.skipped}."
            + (f"<br><span style='color:#a0522d'>Не загружены столбцы: {ignored_text(plan)}.</span>"
               if plan.ignored else "")
            + ("<br>Есть ошибки: без отметки «Пропускать ошибочные строки» ничего не будет записано." if bad else ""))
        self._show_ignored(plan)
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
        self._run(lambda state: apply_import(plan, skip, state), self._done)

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
        for widget in (self.check_button, self.close_button, self.mapping_box, self.ignored_box, self.skip_invalid):
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
        """Loaded: the window closes and the tab says what was loaded, with the next step (no box to click away)."""
        self.result = result
        self.ctx.notify(Changed.PEOPLE)
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


def result_text(result: dict[str, Any]) -> str:
    """«Добавлено: 12, обновлено: 0, отклонено строк: 0. Не загружены столбцы: «№ кабинета».»"""
    ignored = result.get("ignored_columns") or []
    return (f"Добавлено: {result['added']}, обновлено: {result['updated']}, отклонено строк: {result['rejected']}."
            + (f" Не загружены столбцы: {', '.join(f'«{h}»' for h in ignored)}." if ignored else ""))


def _brief(row: Any) -> str:
    p = row.person
    parts = [p.get("grade") and f"{p['grade']}{p.get('grade_letter') or ''}", p.get("position"),
             p.get("birth_date") and p["birth_date"].strftime("%d.%m.%Y")]
    return ", ".join(str(x) for x in parts if x)
