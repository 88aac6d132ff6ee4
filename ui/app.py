"""Starting the window: the Qt application, fonts, the database (with its lock), first start."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from curator_app import APP_NAME
from curator_app.db import open_database, writable
from curator_app.errors import CuratorError, user_message
from ui.common import qt_russian
from ui.common.context import AppContext
from ui.common.fonts import register_fonts, ui_font

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Curator")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("Curator")
    register_fonts()
    app.setFont(ui_font(10))
    qt_russian.install(app)
    return app


class _FirstPaint(QObject):
    """For the start-up benchmark: print the wall time of the first paint and quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint:
            print(f"first_paint {time.time():.4f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def show_backup_reminder(window: MainWindow, ctx: AppContext) -> None:
    """A strip above the tabs when the last backup is older than a week, with a button to make one."""
    from curator_app.backup import reminder
    from ui.common.banner import add_banner

    text = reminder()
    if text:
        add_banner(window, text, action_text="Сделать копию сейчас", action=window.make_backup)


def show_unexpected(exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """The last resort for an exception that escaped a slot: the curator gets a Russian message (a
    write to a read-only database, a full disk, …) instead of silence; the traceback goes to stderr."""
    traceback.print_exception(exc_type, error, tb)
    if isinstance(error, KeyboardInterrupt):
        return
    QMessageBox.critical(QApplication.activeWindow(), APP_NAME, user_message(error))


def run(db_path: Path, *, screenshot: str | None = None, tab: str | None = None,
        size: tuple[int, int] = (1366, 768)) -> int:
    """The window on ``db_path``; a new database (by default, ``--db`` or created) opens on the first-run page."""
    if screenshot and not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    qt_russian.russian_dates_without_locale()
    app = make_application()
    sys.excepthook = show_unexpected
    # a database on a write-protected flash drive or a CD opens read-only (with a banner) instead of failing
    read_only = Path(db_path).is_file() and not writable(db_path)
    try:
        open_database(db_path, read_only=read_only)
    except CuratorError as error:
        if screenshot:
            raise
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    from ui.main_window import MainWindow

    ctx = AppContext()
    window = MainWindow(ctx)
    if not screenshot and not read_only:
        show_backup_reminder(window, ctx)
    window.resize(*size)
    if tab and not window.show_tab(tab):
        raise CuratorError(f"Вкладки «{tab}» нет. Есть: roadmap, mentors, mentees, pairs, monitoring, documents.")
    if os.environ.get("CURATOR_BENCH_FIRST_PAINT"):
        probe = _FirstPaint(window)
        window.installEventFilter(probe)
    if not tab and not window.on_first_run:
        window.show_tab("roadmap")
    if screenshot:
        window.show()
        for _ in range(3):
            app.processEvents()
        if not window.grab().save(screenshot):
            raise CuratorError(f"Не удалось сохранить снимок в «{screenshot}».")
        print(screenshot)
        return 0
    window.show()
    return int(app.exec())
