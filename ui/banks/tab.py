"""What the tabs «Наставники» and «Наставляемые» share: search, filters, the table, bulk actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app import settings as settings_service
from curator_app.banks import people
from curator_app.banks.rows import CONSENT_LABELS, BankFilter, bank_rows, form_names
from curator_app.errors import CuratorError
from curator_app.lang.fmt import plural
from curator_app.models import CATEGORY_LABELS
from curator_app.stats import counts
from ui.common import files, keys
from ui.common.context import AppContext, Changed
from ui.common.next_step import NextStep
from ui.common.tab import BaseTab, EmptyState
from ui.common.views import fit_headers, menu_button

from .model import DEFAULT_HIDDEN, BankTableModel

COLUMN_WIDTHS = {"mentee": (240, 100, 120, 100, 260, 160, 150, 80, 100, 130),
                 "mentor": (240, 100, 110, 190, 260, 160, 140, 100, 120, 150, 200)}


class BankTab(BaseTab):
    """One bank (``role`` = "mentor" or "mentee") as a searchable, filterable table."""

    role = "mentee"
    subjects = (Changed.PEOPLE, Changed.MENTORSHIPS, Changed.SETTINGS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = BankTableModel(self.role)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_filters())
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate(COLUMN_WIDTHS[self.role]):
            self.view.setColumnWidth(col, width)
        fit_headers(self.view)
        self.view.doubleClicked.connect(lambda _: self.edit_person())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        card = QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, context=Qt.ShortcutContext.WidgetShortcut)
        card.activated.connect(self.edit_person)
        self.next_step = NextStep()
        layout.addWidget(self.next_step)
        whom = "наставников" if self.role == "mentor" else "наставляемых"
        self.empty = EmptyState(
            f"В банке {whom} пока никого нет",
            f"Загрузите список {whom}, который уже ведёт школа (Excel, LibreOffice или CSV): столбцы узнаются "
            "по названиям, а что не загрузится, видно до записи. Или добавьте человека вручную.",
            actions=[(f"Загрузить список {whom}…", self.import_file), ("Добавить вручную…", self.add_person)])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.count_label = QLabel()
        self._totals = (0, 0)  # (in the bank, archived), counted on load
        layout.addWidget(self.count_label)
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------------
    def _button(self, text: str, slot: object, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        return button

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Поиск: фамилия, имя, класс, должность, " +
                                       ("запрос" if self.role == "mentee" else "компетенции"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self.refilter())
        self.search.setMinimumWidth(220)
        row.addWidget(self.search, 1)
        self.add_button = self._button("Добавить…", self.add_person, "Новая карточка")
        self.edit_button = self._button("Карточка…", self.edit_person, "Открыть карточку (двойной щелчок)")
        self.archive_button = self._button("В архив", self.archive_selected, "Переместить выбранных в архив")
        self.restore_button = self._button("Из архива", self.restore_selected, "Вернуть выбранных из архива")
        self.delete_button = self._button("Удалить", self.delete_selected, "Удалить выбранных из банка")
        self.import_button = self._button("Импорт…", self.import_file, "Загрузить таблицу Excel или CSV")
        self.export_button = self._button("Экспорт…", self.export_file, "Выгрузить показанные строки в Excel")
        self.columns_button = menu_button("Столбцы")
        self.columns_menu = QMenu(self)
        self.column_actions: list[QAction] = []
        for col, (_, title, _) in enumerate(self.model.columns):
            action = QAction(title, self, checkable=True)
            action.setEnabled(col != 0)
            action.toggled.connect(lambda on, c=col: self._toggle_column(c, on))
            self.columns_menu.addAction(action)
            self.column_actions.append(action)
        self.columns_button.setMenu(self.columns_menu)
        for widget in (self.add_button, self.edit_button, self.archive_button, self.restore_button,
                       self.delete_button, self.import_button, self.export_button, self.columns_button):
            row.addWidget(widget)
        keys.bind(self.import_button, "Ctrl+I")
        keys.bind(self.export_button, "Ctrl+E")
        keys.bind(self.add_button, "Ins")
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.search.setFocus)
        self.search.setToolTip("Поиск по мере ввода (Ctrl+F)")
        delete = QAction(self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.triggered.connect(self.delete_selected)
        self.addAction(delete)
        return row

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _: self.refilter())
        return combo

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.category_combo = self._combo([("Все категории", "")] + [(v, k) for k, v in CATEGORY_LABELS.items()])
        self.grade_combo = self._combo([("Все классы", None)] + [(f"{g} класс", g) for g in range(1, 12)])
        self.form_combo = self._combo([("Все формы", "")])
        self.status_combo = self._combo([("Действующие", "active"), ("В паре", "in_pair"), ("Без пары", "without_pair"),
                                         ("В архиве", "archived"), ("Все, с архивом", "")])
        self.consent_combo = self._combo([("Согласие: любое", "")] +
                                         [(f"Согласие: {v.lower()}", k) for k, v in CONSENT_LABELS.items()])
        self.trained_combo = self._combo([("Обучение: любое", None), ("Обучение пройдено", True),
                                          ("Не обучен(а)", False)])
        self.trained_combo.setVisible(self.role == "mentor")
        for widget in (self.category_combo, self.grade_combo, self.form_combo, self.status_combo,
                       self.consent_combo, self.trained_combo):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # --- loading and filtering -------------------------------------------------------------------------
    def load(self) -> None:
        if not self.loaded:
            self._apply_column_choice()
        current = self.form_combo.currentData()
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        self.form_combo.addItem("Все формы", "")
        for name in form_names():
            self.form_combo.addItem(name, name)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(current)))
        self.form_combo.blockSignals(False)
        self.model.filter = self.current_filter()
        self.model.set_rows(bank_rows(self.role))
        self.stack.setCurrentWidget(self.view if self.model.all_rows else self.empty)
        archived = len([r for r in self.model.all_rows if r.archived_on])
        self._totals = (len(self.model.all_rows) - archived, archived)
        self._update_count()

    def current_filter(self) -> BankFilter:
        return BankFilter(text=self.search.text(), category=self.category_combo.currentData() or "",
                          grade=self.grade_combo.currentData(), form=self.form_combo.currentData() or "",
                          status=self.status_combo.currentData(), consent=self.consent_combo.currentData() or "",
                          trained=self.trained_combo.currentData() if self.role == "mentor" else None)

    def refilter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total, archived = len(self.model.rows), self._totals[0], self._totals[1]
        no_consent = len([r for r in self.model.rows if r.consent != "valid"])
        self.count_label.setText(
            f"Показано: {shown} из {plural(total, 'действующего', 'действующих', 'действующих')}"
            f" (в архиве {archived}); без действующего согласия среди показанных: {no_consent}")

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.person_id(r) for r in rows]

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        chosen = [self.model.rows[i.row()] for i in self.view.selectionModel().selectedRows()]
        self.edit_button.setEnabled(len(ids) == 1)
        self.archive_button.setEnabled(any(not r.archived_on for r in chosen))
        self.restore_button.setEnabled(any(r.archived_on for r in chosen))
        self.delete_button.setEnabled(bool(ids))

    # --- columns ---------------------------------------------------------------------------------------
    def _columns_key(self) -> str:
        return f"bank.hidden_columns.{self.role}"

    def _apply_column_choice(self) -> None:
        hidden = set(settings_service.get(self._columns_key(), sorted(DEFAULT_HIDDEN[self.role])) or [])
        for col, (key, _, _) in enumerate(self.model.columns):
            self.column_actions[col].blockSignals(True)
            self.column_actions[col].setChecked(key not in hidden)
            self.column_actions[col].blockSignals(False)
            self.view.setColumnHidden(col, key in hidden)

    def _toggle_column(self, col: int, on: bool) -> None:
        self.view.setColumnHidden(col, not on)
        hidden = [key for c, (key, _, _) in enumerate(self.model.columns) if self.view.isColumnHidden(c)]
        settings_service.put(self._columns_key(), hidden)

    # --- actions ---------------------------------------------------------------------------------------
    def add_person(self) -> None:
        from .person_card import PersonCard

        card = PersonCard(self.ctx, self.role, None, self)
        if card.exec():
            self.ctx.notify(Changed.PEOPLE)

    def edit_person(self) -> None:
        from .person_card import PersonCard

        ids = self.selected_ids()
        if len(ids) != 1:
            return
        card = PersonCard(self.ctx, self.role, ids[0], self)
        card.exec()
        if card.changed:
            self.ctx.notify(Changed.PEOPLE)

    def _run(self, title: str, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except CuratorError as error:
            QMessageBox.warning(self, title, str(error))
            return
        self.ctx.notify(Changed.PEOPLE)

    def archive_selected(self) -> None:
        ids = [r.id for r in self._chosen() if not r.archived_on]
        if not ids:
            return
        reason, ok = QInputDialog.getText(self, "В архив", f"Переместить в архив: {len(ids)} чел.\n"
                                          "Причина (необязательно), например «завершил программу»:")
        if ok:
            self._run("Архив", lambda: people.archive(self.role, ids, reason))

    def restore_selected(self) -> None:
        ids = [r.id for r in self._chosen() if r.archived_on]
        if ids:
            self._run("Архив", lambda: people.restore(self.role, ids))

    def delete_selected(self) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        names = "\n".join(r.full_name for r in chosen[:10]) + (f"\n… и ещё {len(chosen) - 10}" if len(chosen) > 10
                                                              else "")
        answer = QMessageBox.question(self, "Удалить?", f"Удалить из банка ({len(chosen)} чел.):\n{names}\n\n"
                                      "Это нельзя отменить. Тех, кто уже был в паре, лучше переместить в архив.")
        if answer == QMessageBox.StandardButton.Yes:
            self._run("Удаление", lambda: people.delete(self.role, [r.id for r in chosen]))

    def _chosen(self) -> list:  # type: ignore[type-arg]
        return [self.model.rows[i.row()] for i in self.view.selectionModel().selectedRows()]

    def perform(self, action: str, argument: object = None) -> None:
        if action == "import":
            self.import_file()

    def import_file(self) -> None:
        from .import_dialog import BankImportDialog, result_text

        path = files.ask_open(self, "lists", "Импорт банка", files.LIST_FILTER)
        if path is None:
            return
        dialog = BankImportDialog(self.ctx, self.role, path, self)
        dialog.exec()
        if dialog.result is not None:
            self._offer_next_step(f"Загружено из «{path.name}». {result_text(dialog.result)}")

    def _offer_next_step(self, done: str) -> None:
        """After an import: the pairs when both banks have people, else the other list."""
        numbers = counts()
        if numbers["mentors"] and numbers["mentees"]:
            self.next_step.offer(f"{done} Следующий шаг — пары.", [("Подобрать пары",
                                                                      lambda: self.ctx.open("pairs", "match"))])
            return
        other, whom = ("mentees", "наставляемых") if self.role == "mentor" else ("mentors", "наставников")
        self.next_step.offer(f"{done} Следующий шаг — список {whom}.",
                             [(f"Загрузить список {whom}…", lambda: self.ctx.open(other, "import"))])

    def export_file(self) -> None:
        from curator_app.banks import export_bank

        title = "Банк наставников" if self.role == "mentor" else "Банк наставляемых"
        chosen = files.ask_save(self, "lists", "Экспорт в Excel", f"{title}.xlsx", "Книга Excel (*.xlsx)")
        if chosen is None:
            return
        path = str(chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(chosen.name + ".xlsx"))
        try:
            n = export_bank(self.role, path, rows=list(self.model.rows))
        except CuratorError as error:
            QMessageBox.critical(self, "Экспорт не выполнен", str(error))
            return
        QMessageBox.information(self, "Экспорт", f"Выгружено строк: {n}\n{path}")



class MentorsTab(BankTab):
    """Tab «Наставники»: competencies, capacity, training, consent."""

    role = "mentor"


class MenteesTab(BankTab):
    """Tab «Наставляемые»: grade, key request, mentor, consent."""

    role = "mentee"
