"""The first-run page, shown inside the window on a new database (however it was opened: the first start,
``--db new.sqlite``, «Создать базу…», «Открыть базу…»): the school's requisites, the school's two lists — each
checked as soon as it is chosen, what will be loaded and what will not shown right there — and one button
that loads them and makes the draft of pairs. Or the demo school, or straight to the tabs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from curator_app import settings as settings_service
from curator_app.stats import counts
from ui.common import worker
from ui.common.context import AppContext, Changed

from .list_choice import ListChoice
from .school_form import ESSENTIAL, SchoolForm


def _step(title: str, note: str) -> QFrame:
    """A numbered step of the page: a bold title, a grey note, then what the step holds."""
    box = QFrame()
    box.setObjectName("step")
    box.setStyleSheet("#step { background: #fafafa; border: 1px solid #d8d8d8; border-radius: 4px; }")
    layout = QVBoxLayout(box)
    head = QHBoxLayout()
    head.addWidget(_heading(title, 12))
    if note:
        hint = QLabel(note)
        hint.setStyleSheet("color: #666;")
        head.addWidget(hint, 1)
    else:
        head.addStretch(1)
    layout.addLayout(head)
    return box


def _heading(text: str, size: int) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet("color: #2c3e50;")
    return label


class FirstRunPage(QWidget):
    """``finished`` when the curator goes on to the tabs without loading anything; after the lists are loaded
    the page asks the window (``AppContext.open``) for the pairs tab with the draft."""

    finished = Signal()

    def __init__(self, ctx: AppContext, open_demo: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: worker.Task | None = None
        title = _heading("Добро пожаловать!", 18)
        intro = QLabel("Три шага от списков школы до приказа о закреплении наставнических пар. Всё, что здесь "
                       "указано, можно изменить позже.")
        intro.setWordWrap(True)

        self.form = SchoolForm(ESSENTIAL)
        school_box = _step("1. Реквизиты школы", "Печатаются в приказах и справках.")
        school_box.layout().addWidget(self.form)

        self.mentors = ListChoice(ctx, "mentor")
        self.mentees = ListChoice(ctx, "mentee")
        lists_box = _step("2. Списки школы", "Таблицы Excel, LibreOffice или CSV — как их уже ведёт школа.")
        lists = lists_box.layout()
        assert isinstance(lists, QVBoxLayout)
        lists.addWidget(self.mentors)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #ddd;")
        lists.addWidget(line)
        lists.addWidget(self.mentees)
        lists.addStretch(1)

        self.start_button = QPushButton("Загрузить списки и подобрать пары")
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(34)
        self.start_button.setToolTip("Сохранить реквизиты, загрузить выбранные списки и составить черновик пар "
                                     "(ничего не закрепляется, пока вы не примете черновик)")
        self.start_button.clicked.connect(self.start)
        demo = QPushButton("Посмотреть демо-школу")
        demo.setToolTip("Демонстрационная школа живёт в отдельном файле и не смешивается с вашими данными")
        demo.clicked.connect(open_demo)
        skip = QPushButton("Перейти к программе")
        skip.setToolTip("Реквизиты сохранятся, если заполнены; списки можно загрузить на вкладках «Наставники» и "
                        "«Наставляемые»")
        skip.clicked.connect(self.skip)
        self.status = QLabel("Черновик пар можно будет проверить и поправить: ничего не закрепляется, пока вы его "
                             "не примете. Затем — приказ о закреплении пар.")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        steps = _step("3. Пары и приказ", "")
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.status, 1)
        steps.layout().addLayout(row)  # type: ignore[attr-defined]
        others = QHBoxLayout()
        others.addStretch(1)
        others.addWidget(QLabel("Или:"))
        others.addWidget(demo)
        others.addWidget(skip)

        columns = QHBoxLayout()
        columns.addWidget(school_box, 5)
        columns.addWidget(lists_box, 6)
        content = QWidget()
        content.setMaximumWidth(1240)
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addStretch(1)  # the steps a little above the middle of the window
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addWidget(steps)
        layout.addLayout(others)
        layout.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(content, 12)
        outer.addStretch(1)
        self.mentors.changed.connect(self._update)
        self.mentees.changed.connect(self._update)
        self._update()

    def wait_for_tasks(self) -> None:
        """Before the page goes: its checks and the load may still be closing their connections."""
        for owner in (self, self.mentors, self.mentees):
            worker.wait_for(owner)

    def _update(self) -> None:
        self.start_button.setEnabled(self.task is None)
        ready = [c.plan is not None or bool(c.in_bank) for c in (self.mentors, self.mentees)]
        self.start_button.setText("Загрузить список" if sum(ready) == 1 else "Загрузить списки и подобрать пары")

    def skip(self) -> None:
        school = self.form.values()
        if school != settings_service.load_school() and not SchoolForm.validate(school):
            self.form.save()
            self.ctx.notify(Changed.SETTINGS)
        self.finished.emit()

    def start(self) -> None:
        """Save the requisites, load the lists chosen, make the draft of pairs and show it."""
        if self.task is not None:
            return
        if not self.form.save():
            self._say("Проверьте реквизиты: ошибки показаны под полями.", error=True)
            return
        self.ctx.notify(Changed.SETTINGS)
        choices = (self.mentors, self.mentees)
        broken = [c for c in choices if c.plan is not None and c.plan.rejected]
        if broken:
            self._say(" ".join(c.broken_text() for c in broken), error=True)
            return
        plans = [c.plan for c in choices if c.plan is not None]
        if not plans:
            self._say("Выберите файлы списков (кнопки «Выбрать файл…» выше).", error=True)
            return
        self._say("Загружаю списки и подбираю пары…")

        def work(state: Any) -> tuple[list[dict[str, Any]], Any]:
            from curator_app.banks.importer import apply_import
            from curator_app.matching import propose

            results = [apply_import(plan, False, state) for plan in plans]
            numbers = counts()
            return results, propose() if numbers["mentors"] and numbers["mentees"] else None

        self.task = worker.start(self, work, self._loaded, self._failed, key="start")
        self.task.finished.connect(self._task_done)
        self._update()

    def _task_done(self) -> None:
        self.task = None
        self._update()

    def _loaded(self, result: tuple[list[dict[str, Any]], Any]) -> None:
        loaded, draft = result
        self.ctx.notify(Changed.PEOPLE)
        for choice in (self.mentors, self.mentees):
            choice.refresh()
        self._say("Загружено: " + "; ".join(f"добавлено {r['added']}, обновлено {r['updated']}" for r in loaded) + ".")
        if draft is not None:
            self.ctx.open("pairs", "draft", draft)
        else:
            self.ctx.open("mentors" if self.mentors.in_bank else "mentees")

    def _failed(self, message: str) -> None:
        for choice in (self.mentors, self.mentees):
            choice.refresh()
        self._say(message, error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.status.setText(text)
