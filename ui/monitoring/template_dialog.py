"""Мониторинг → Анкеты → Изменить: edit a questionnaire template; saving makes its next version (answers
already given keep the version they answered)."""

from __future__ import annotations

import copy
import re
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.errors import CuratorError
from curator_app.models import Questionnaire
from curator_app.monitoring.questionnaires import (
    KIND_LABELS,
    save_new_version,
    template_dict,
    validate_template,
)
from ui.common.table_model import Column, RowsModel


class SurveyTemplateDialog(QDialog):
    """Holds the edited template as a dict; ``saved`` is the new version after ``accept``."""

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = questionnaire.code
        self.template: dict[str, Any] = copy.deepcopy(template_dict(questionnaire))
        self.saved: Questionnaire | None = None
        self.setWindowTitle(f"Анкета «{questionnaire.title}», версия {questionnaire.version}")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        head = QFormLayout()
        self.title = QLineEdit(self.template["title"])
        self.description = QLineEdit(self.template["description"])
        head.addRow("Название", self.title)
        head.addRow("Пояснение", self.description)
        layout.addLayout(head)
        body = QHBoxLayout()
        self.model = RowsModel([
            Column("№", lambda q: q["_n"]),
            Column("Вопрос", lambda q: q["text"]),
            Column("Вид", lambda q: KIND_LABELS.get(q["kind"], q["kind"])),
        ], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        body.addWidget(self.view, 3)
        editor = QVBoxLayout()
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(70)
        self.kind = QComboBox()
        for code, label in KIND_LABELS.items():
            self.kind.addItem(label, code)
        self.options = QPlainTextEdit()
        self.options.setPlaceholderText("варианты ответа, по одному в строке")
        self.required = QCheckBox("Обязательный вопрос")
        form.addRow("Текст", self.text)
        form.addRow("Вид", self.kind)
        form.addRow("Варианты", self.options)
        form.addRow("", self.required)
        editor.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Добавить вопрос")
        self.remove_button = QPushButton("Удалить")
        self.up_button = QPushButton("Выше")
        self.down_button = QPushButton("Ниже")
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        editor.addLayout(buttons)
        editor.addStretch(1)
        body.addLayout(editor, 2)
        layout.addLayout(body, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        note = QLabel("Сохранение создаёт новую версию анкеты. Уже введённые ответы остаются привязаны к своей "
                      "версии; открытые волны без ответов переходят на новую.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

        self.current = -1
        self._refresh(0)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur.row()))
        self.text.textChanged.connect(self._store)
        self.kind.currentIndexChanged.connect(self._store)
        self.options.textChanged.connect(self._store)
        self.required.toggled.connect(self._store)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._shift(-1))
        self.down_button.clicked.connect(lambda: self._shift(1))

    @property
    def items(self) -> list[dict[str, Any]]:
        return self.template["questions"]  # type: ignore[no-any-return]

    def _refresh(self, select: int) -> None:
        for n, item in enumerate(self.items, start=1):
            item["_n"] = n
        self.model.set_rows(self.items)
        if self.items:
            self.view.selectRow(max(0, min(select, len(self.items) - 1)))
            self._select(max(0, min(select, len(self.items) - 1)))

    def _select(self, row: int) -> None:
        self.current = -1  # no storing while the editor is filled
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.text.setPlainText(item["text"])
        self.kind.setCurrentIndex(max(0, self.kind.findData(item["kind"])))
        self.options.setPlainText("\n".join(item.get("options") or []))
        self.required.setChecked(bool(item.get("required")))
        self.current = row

    def _store(self) -> None:
        if not 0 <= self.current < len(self.items):
            return
        item = self.items[self.current]
        item["text"] = self.text.toPlainText().strip()
        item["kind"] = self.kind.currentData()
        options = [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]
        if item["kind"] in ("single", "multi"):
            item["options"] = options
        else:
            item.pop("options", None)
        item["required"] = self.required.isChecked()
        self.options.setEnabled(item["kind"] in ("single", "multi"))
        self.model.dataChanged.emit(self.model.index(self.current, 0), self.model.index(self.current, 2))

    def _add(self) -> None:
        used = {item["code"] for item in self.items}
        n = len(self.items) + 1
        while f"q{n}" in used:
            n += 1
        self.items.append({"code": f"q{n}", "kind": "scale", "text": "Новый вопрос", "required": False})
        self._refresh(len(self.items) - 1)
        self.text.setFocus()
        self.text.selectAll()

    def _remove(self) -> None:
        if 0 <= self.current < len(self.items):
            del self.items[self.current]
            self._refresh(self.current)

    def _shift(self, step: int) -> None:
        i, j = self.current, self.current + step
        if 0 <= i < len(self.items) and 0 <= j < len(self.items):
            self.items[i], self.items[j] = self.items[j], self.items[i]
            self._refresh(j)

    def result_template(self) -> dict[str, Any]:
        items = [{k: v for k, v in item.items() if k != "_n"} for item in self.items]
        for item in items:
            item["code"] = re.sub(r"\s+", "_", str(item["code"]).strip())
        return {"title": self.title.text().strip(), "description": self.description.text().strip(),
                "questions": items}

    def _save(self) -> None:
        template = self.result_template()
        try:
            validate_template(template)
            self.saved = save_new_version(self.code, template)
        except CuratorError as error:
            self.error.setText(str(error))
            return
        self.accept()
