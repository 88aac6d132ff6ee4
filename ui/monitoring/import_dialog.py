"""Мониторинг → Загрузить ответы: a table from an online form, its columns mapped to the name and the
questions, loaded all or nothing (or without the bad rows), with the error report shown in full."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from curator_app.monitoring.answers_import import (
    NAME_LABELS,
    ImportReport,
    SurveyImportError,
    import_answers,
    read_table,
    suggest_mapping,
    wave_questions,
)
from curator_app.tasks import TaskState
from ui.common import worker


class SurveyImportDialog(QDialog):
    """Shows every column with a mapping combo and the first values; ``report`` holds the result."""

    def __init__(self, path: str | Path, wave_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.wave_id = Path(path), wave_id
        self.report: ImportReport | None = None
        self.setWindowTitle(f"Загрузка ответов: {self.path.name}")
        self.resize(900, 620)
        headers, rows = read_table(self.path)
        self.headers = headers
        mapping = suggest_mapping(headers, wave_id)
        questions = wave_questions(wave_id)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Строк с ответами: {len(rows)}. Укажите, что лежит в каждом столбце; "
                                "столбцы «не загружать» пропускаются."))
        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(QLabel("<b>Столбец файла</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Что это</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Первые значения</b>"), 0, 2)
        self.combos: list[QComboBox] = []
        for i, header in enumerate(headers):
            combo = QComboBox()
            combo.addItem("— не загружать —", None)
            for key, label in NAME_LABELS.items():
                combo.addItem(label, key)
            for code, question in questions.items():
                combo.addItem(f"Вопрос: {question.text[:70]} [{code}]", code)
            wanted = mapping.get(i)
            combo.setCurrentIndex(max(0, combo.findData(wanted)) if wanted else 0)
            sample = ", ".join(str(r[i]) for r in rows[:3] if i < len(r) and r[i] not in (None, ""))
            name = QLabel(header or f"(столбец {i + 1})")
            name.setWordWrap(True)
            grid.addWidget(name, i + 1, 0)
            grid.addWidget(combo, i + 1, 1)
            grid.addWidget(QLabel(sample[:60]), i + 1, 2)
            self.combos.append(combo)
        grid.setRowStretch(len(headers) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.skip = QCheckBox("Загрузить верные строки, ошибочные пропустить")
        layout.addWidget(self.skip)
        self.errors = QPlainTextEdit()
        self.errors.setReadOnly(True)
        self.errors.setPlaceholderText("Здесь появится отчёт об ошибках, если они найдутся.")
        self.errors.setMaximumHeight(150)
        layout.addWidget(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Загрузить")
        self.buttons.accepted.connect(self._load)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData()}

    def _load(self) -> None:
        mapping, skip = self.mapping(), self.skip.isChecked()
        self.buttons.setEnabled(False)
        self.errors.setPlainText("Загрузка…")
        def run(state: TaskState) -> ImportReport | str:
            try:
                return import_answers(self.path, self.wave_id, mapping=mapping, skip_invalid=skip)
            except SurveyImportError as error:  # the full list, one error a line
                return f"{str(error).split(' — ')[0]}:\n" + "\n".join(error.errors)

        worker.start(self, run, self._done, self._failed)

    def _done(self, report: ImportReport | str) -> None:
        if isinstance(report, str):
            self._failed(report)
            return
        self.report = report
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.errors.setPlainText(message)
