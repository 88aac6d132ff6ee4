"""The main window: six tabs (or, on a new database, the first-run page in their place), the menus, and a
status bar with counts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QTabWidget, QWidget

from curator_app import APP_NAME, __version__
from curator_app import settings as settings_service
from curator_app.db import current_path, open_database, schema_version, writable
from curator_app.errors import CuratorError, user_message
from curator_app.stats import counts
from ui.common import files
from ui.common.banner import READ_ONLY_TEXT, add_banner
from ui.common.context import AppContext, Changed
from ui.common.tab import BaseTab
from ui.common.worker import run_modal
from ui.tabs import TABS, TabSlot, find_tab_index

if TYPE_CHECKING:
    from ui.school.first_start import FirstRunPage

DB_FILTER = "База «Куратора» (*.sqlite *.db);;Все файлы (*)"


class MainWindow(QMainWindow):
    """Holds the tabs; tabs load their data when first shown (see ``BaseTab``). ``first_run`` is the page shown
    instead of them while the database is new (None once the curator went on)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._may_close = False  # set once the copy on exit is written (or declined)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.first_run: FirstRunPage | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_menus()
        self._build_tabs()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        ctx.changed.connect(self._on_data_changed)
        ctx.go.connect(self.go)
        self.read_only_banner = add_banner(self, READ_ONLY_TEXT, kind="error", closable=False)
        self.refresh_header()
        self._offer_first_run()

    # --- building -------------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        for _, title, module, cls in TABS:
            self.tabs.addTab(TabSlot(module, cls, self.ctx, self.tabs), title)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&Файл")
        self._action(menu, "Создать базу…", self.create_database, QKeySequence.StandardKey.New)
        self._action(menu, "Открыть базу…", self.choose_database, QKeySequence.StandardKey.Open)
        menu.addSeparator()
        self._action(menu, "Резервная копия…", self.make_backup)
        self._action(menu, "Восстановить из копии…", self.restore)
        self._action(menu, "Новый учебный год…", self.new_academic_year)
        self._action(menu, "Сводка по школам…", self.district_summary)
        menu.addSeparator()
        self._action(menu, "Выход", self.close, QKeySequence.StandardKey.Quit)
        menu = self.menuBar().addMenu("&Вкладки")
        for number, (code, title, _, _) in enumerate(TABS, 1):
            self._action(menu, title, lambda _=False, c=code: self.show_tab(c), QKeySequence(f"Ctrl+{number}"))
        menu = self.menuBar().addMenu("&Настройки")
        self._action(menu, "Реквизиты школы…", self.edit_settings)
        menu = self.menuBar().addMenu("&Справка")
        self._action(menu, "Открыть папку с базой данных", self.open_data_folder)
        self._action(menu, "О программе", self.about)

    def _action(self, menu: object, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # --- state ----------------------------------------------------------------------------------
    def tab(self, code: str) -> BaseTab:
        """The tab itself (built now if it has not been shown yet)."""
        index = find_tab_index(code)
        if index is None:
            raise KeyError(code)
        slot = self.tabs.widget(index)
        assert isinstance(slot, TabSlot)
        return slot.tab

    def show_tab(self, name: str) -> bool:
        index = find_tab_index(name)
        if index is None:
            return False
        self.leave_first_run()
        self.tabs.setCurrentIndex(index)
        self._on_tab_changed(index)
        return True

    def go(self, name: str, action: str = "", argument: object = None) -> None:
        """A tab (or the first-run page) asked for another tab and a step there (``AppContext.open``)."""
        if self.show_tab(name) and action:
            self.tab(name).perform(action, argument)

    # --- the first-run page -------------------------------------------------------------------------
    @property
    def on_first_run(self) -> bool:
        return self.first_run is not None and self.stack.currentWidget() is self.first_run

    def _offer_first_run(self) -> None:
        """On a new database (no requisites, nobody in the banks) the window opens on the first-run page; otherwise
        on the tabs, without loading the page's module: the window paints sooner."""
        from curator_app.models import Person

        self.leave_first_run()
        if self.ctx.read_only or settings_service.load_school().is_complete or Person.select().exists():
            return
        from ui.school.first_start import FirstRunPage

        self.first_run = FirstRunPage(self.ctx, self.open_demo)
        self.first_run.finished.connect(self._first_run_finished)
        self.stack.addWidget(self.first_run)
        self.stack.setCurrentWidget(self.first_run)

    def leave_first_run(self) -> None:
        if self.first_run is None:
            return
        page, self.first_run = self.first_run, None
        self.stack.setCurrentWidget(self.tabs)
        self.stack.removeWidget(page)
        page.wait_for_tasks()
        page.deleteLater()

    def _first_run_finished(self) -> None:
        self.leave_first_run()
        self._on_tab_changed(self.tabs.currentIndex())

    def open_demo(self) -> None:
        """The demo school in its own file (filled the first time), to look around without touching real data."""
        from curator_app.models import Person
        from curator_app.paths import user_data_dir

        if not self.switch_database(user_data_dir() / "demo-school.sqlite") or Person.select().exists():
            return

        def filled(_: object) -> None:
            self._offer_first_run()  # a school with people now: the tabs
            self.ctx.notify(Changed.ALL)
            self._on_tab_changed(self.tabs.currentIndex())

        def failed(error: BaseException) -> None:
            QMessageBox.critical(self, "Демо-школа", user_message(error))

        from curator_app.demo import fill_demo

        run_modal(self, "Заполняю демо-школу…", lambda state: fill_demo(), filled, failed)

    def refresh_header(self) -> None:
        self.read_only_banner.setVisible(self.ctx.read_only)
        school = settings_service.load_school()
        where = f" — {school.short_name}" if school.short_name else ""
        self.setWindowTitle(f"{APP_NAME}{where} — {self.ctx.db_path}")
        c = counts()
        self.counts_label.setText(
            f"Наставников: {c['mentors']}   Наставляемых: {c['mentees']}   Пар и групп: {c['mentorships']} "
            f"(действуют {c['mentorships_active']})   Мероприятий: {c['roadmap_events']}   Анкет: {c['responses']}  ")

    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, TabSlot):
            widget.activate()

    def _on_data_changed(self, subject: str) -> None:
        self.refresh_header()

    # --- menu actions (their dialogs are imported when first used: the window paints sooner) ----------------
    def make_backup(self) -> None:
        from ui.backup.actions import run_backup

        run_backup(self, self.ctx)

    def district_summary(self) -> None:
        from ui.district.dialog import open_district_dialog

        open_district_dialog(self)

    def edit_settings(self) -> None:
        from ui.school.settings_dialog import SettingsDialog

        if SettingsDialog(self).exec():
            self.ctx.notify(Changed.SETTINGS)

    def choose_database(self) -> None:
        path = files.ask_open(self, "database", "Открыть базу данных", DB_FILTER, start=self.ctx.db_path.parent)
        if path is not None:
            self.switch_database(path)

    def create_database(self) -> None:
        path = files.ask_save(self, "database", "Создать базу данных", "новая.sqlite", DB_FILTER,
                              start=self.ctx.db_path.parent)
        if path is not None:
            if path.exists():
                QMessageBox.warning(self, "Файл уже есть", f"Файл «{path}» уже существует: откройте его "
                                    "через «Открыть базу…» или выберите другое имя.")
                return
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> bool:
        """Open another database; on failure the current one stays open."""
        previous, was_read_only = self.ctx.db_path, self.ctx.read_only
        read_only = path.exists() and not writable(path)  # a write-protected flash drive: look, don't touch
        try:
            open_database(path, read_only=read_only)
        except CuratorError as error:
            open_database(previous, read_only=was_read_only)
            QMessageBox.critical(self, "База не открыта", str(error))
            return False
        self.ctx.notify(Changed.ALL)
        self._offer_first_run()
        self._on_tab_changed(self.tabs.currentIndex())
        return True

    def new_academic_year(self) -> None:
        from ui.banks.rollover_dialog import run_rollover

        run_rollover(self, self.ctx)

    def restore(self) -> None:
        from ui.backup.actions import run_restore

        run_restore(self, self.ctx)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.db_path.parent)))

    def about(self) -> None:
        QMessageBox.about(self, "О программе", (
            f"<h3>{APP_NAME}</h3><p>Версия {__version__}</p>"
            "<p>Рабочее место куратора целевой модели наставничества: дорожная карта, банки наставников "
            "и наставляемых, пары и группы, мониторинг, приказы и другие документы.</p>"
            f"<p><b>База данных:</b><br>{current_path()}<br>Версия схемы: {schema_version()}</p>"
            "<p>Шрифты PT Sans и PT Serif © ParaType, Свободная лицензия ParaType "
            "(resources/fonts/LICENSE-ParaType.txt).</p>"))

    def _close_after_backup(self) -> None:
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        from curator_app.db import close_database
        from ui.backup.actions import backup_on_exit

        if not self._may_close and not backup_on_exit(self, self.ctx, self._close_after_backup):
            event.ignore()  # the copy on exit is being made, or the curator chose to stay
            return
        close_database()
        super().closeEvent(event)
