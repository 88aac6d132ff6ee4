"""One of the school's two lists on the first-run page: the file chosen and its check, made on a worker as soon
as it is chosen — who will be added, rows with mistakes, columns that will not be loaded, said right there
in the row, with the full import window («Подробнее…») to choose a field for a column or fix the mapping."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from curator_app.banks.importer import ImportPlan, ignored_text, plan_import
from curator_app.lang.fmt import plural
from curator_app.stats import counts
from ui.common import files, worker
from ui.common.context import AppContext

WORDS = {"mentor": ("Список наставников", ("наставник", "наставника", "наставников"), "наставников"),
         "mentee": ("Список наставляемых", ("наставляемый", "наставляемых", "наставляемых"), "наставляемых")}


class ListChoice(QWidget):
    """``plan`` is the checked file not loaded yet (None before a file is chosen and after it is loaded);
    ``in_bank`` how many of the role are in the bank already. ``changed`` after either changes."""

    changed = Signal()

    def __init__(self, ctx: AppContext, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.role = ctx, role
        self.path: Path | None = None
        self.plan: ImportPlan | None = None
        self.in_bank = 0
        title, _, _ = WORDS[role]
        self.title = QLabel(f"<b>{title}</b>")
        self.choose_button = QPushButton("Выбрать файл…")
        self.choose_button.clicked.connect(self.choose)
        self.details_button = QPushButton("Подробнее…")
        self.details_button.setToolTip("Окно импорта: все столбцы файла и поля, в которые они загружаются, "
                                       "строки с ошибками")
        self.details_button.clicked.connect(self.details)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.choose_button, 0, 1)
        grid.addWidget(self.details_button, 0, 2)
        grid.addWidget(self.state, 1, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self.refresh()

    def refresh(self) -> None:
        """After a load (here or in the import window): the bank's count, no file pending."""
        self.in_bank = counts()["mentors" if self.role == "mentor" else "mentees"]
        self.plan = None
        self.details_button.setVisible(False)
        _, forms, _ = WORDS[self.role]
        if self.in_bank:
            self._show(f"<span style='color:#1b5e20'>✓ В банке {plural(self.in_bank, *forms)}.</span> Можно "
                       "выбрать ещё один файл: те же люди обновятся, а не задвоятся.")
        else:
            self._show("<span style='color:#555'>Файл ещё не выбран. Подойдёт таблица, в которой есть столбец "
                       "«ФИО» (или «Фамилия», «Имя», «Отчество»).</span>")
        self.changed.emit()

    def _show(self, html: str) -> None:
        self.state.setText(html)

    def choose(self) -> None:
        title, _, _ = WORDS[self.role]
        path = files.ask_open(self, "lists", title, files.LIST_FILTER)
        if path is not None:
            self.check(path)

    def check(self, path: Path) -> None:
        """Read and check the file on a worker; nothing is written."""
        self.path, self.plan = path, None
        self._show(f"Проверяю «{path.name}»…")
        role = self.role
        worker.start(self, lambda state: plan_import(path, role, state=state), self._checked, self._failed,
                     key="check")

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.details_button.setVisible(True)
        _, forms, _ = WORDS[self.role]
        assert self.path is not None
        parts = [f"<b>«{self.path.name}»</b>: добавится {plural(len(plan.added), *forms)}"
                 + (f", обновится {len(plan.updated)}" if plan.updated else "") + "."]
        if plan.rejected:
            rows = ", ".join(map(str, plan.rejected_rows[:8])) + (" …" if len(plan.rejected_rows) > 8 else "")
            parts.append(f"<span style='color:#c0392b'>Строки с ошибками: {rows} — откройте «Подробнее…».</span>")
        if plan.ignored:
            parts.append(f"<span style='color:#a0522d'>Не загружается {_columns(len(plan.ignored))} "
                         f"{ignored_text(plan)} — если нужен, выберите поле в «Подробнее…».</span>")
        self._show("<br>".join(parts))
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self.plan = None
        self.details_button.setVisible(self.path is not None)
        self._show(f"<span style='color:#c0392b'>{message}</span>")
        self.changed.emit()

    def broken_text(self) -> str:
        _, _, genitive = WORDS[self.role]
        return (f"В списке {genitive} есть строки с ошибками: откройте «Подробнее…», чтобы увидеть их и решить, "
                "загружать ли остальные.")

    def details(self) -> None:
        """The full import window for this file; loading from there counts as loaded here."""
        from ui.banks.import_dialog import BankImportDialog

        if self.path is None:
            return
        dialog = BankImportDialog(self.ctx, self.role, self.path, self)
        dialog.exec()
        if dialog.result is not None:
            self.refresh()


def _columns(n: int) -> str:
    return "столбец" if n == 1 else "столбцы"
