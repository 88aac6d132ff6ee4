"""The real main window on a demo database: every tab, the status bar, the fonts, the settings dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from curator_app.settings import load_school
from ui.common.context import AppContext
from ui.main_window import MainWindow
from ui.school.settings_dialog import SettingsDialog
from ui.tabs import TABS


def test_bundled_fonts_are_registered() -> None:
    families = QFontDatabase.families()
    assert "PT Sans" in families and "PT Serif" in families


def test_main_window_switches_every_tab(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Дорожная карта", "Наставники", "Наставляемые", "Пары и группы", "Мониторинг", "Документы"]
    for code, _, _, _ in TABS:
        assert window.show_tab(code)
        tab = window.tab(code)
        assert tab.loaded and not tab.stale
    assert str(demo_db) in window.windowTitle() and "МБОУ" in window.windowTitle()
    assert "Наставников: 30" in window.counts_label.text()
    assert "Наставляемых: 120" in window.counts_label.text()
    assert window.grab().save(str(tmp_path / "main.png"))


def test_settings_dialog_validates_next_to_the_field(qtbot: QtBot, db: Path) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.director_name.setText("смирнова")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "Смирнова Ольга Викторовна" in form.errors["director_name"].text()
    assert form.errors["full_name"].isVisible()
    form.full_name.setPlainText("Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»")
    assert form.short_name.text() == "МБОУ «Гимназия № 2»"  # suggested from the full name
    form.city.setText("г. Тула")
    form.director_name.setText("Смирнова Ольга Викторовна")
    form.curator_name.setText("Васильева Наталья Андреевна")
    form.academic_year.setText("2026-2027")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    school = load_school()
    assert school.is_complete and school.city == "г. Тула"


def test_status_bar_follows_changes(qtbot: QtBot, demo_db: Path) -> None:
    from curator_app.models import Mentor

    ctx = AppContext()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    Mentor.update(archived_on="2026-11-01").where(Mentor.id <= 5).execute()
    ctx.notify("people")
    assert "Наставников: 25" in window.counts_label.text()


def test_start_up_loads_no_heavy_library(demo_db: Path) -> None:
    """The window paints before reportlab, scipy or QtCharts load: other tabs are built when first shown."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from ui.app import make_application; make_application(); "
            "from curator_app.db import open_database; from ui.common.context import AppContext; "
            "from ui.main_window import MainWindow; "
            f"open_database({str(demo_db)!r}, lock=False); w = MainWindow(AppContext()); w.show_tab('roadmap'); "
            "print(sorted(m for m in ('reportlab', 'scipy', 'PySide6.QtCharts', 'docx', 'openpyxl') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_an_escaped_error_reaches_the_curator_in_russian(monkeypatch: pytest.MonkeyPatch) -> None:
    from peewee import OperationalError

    from curator_app.errors import READ_ONLY_MESSAGE
    from ui import app

    shown: list[str] = []
    monkeypatch.setattr(app.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    error = OperationalError("attempt to write a readonly database")
    app.show_unexpected(type(error), error, None)
    assert shown == [READ_ONLY_MESSAGE]


def test_qt_standard_buttons_speak_russian(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert [b.text() for b in box.buttons()] == ["Сохранить", "Отмена"]
    question = QMessageBox()
    question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert [b.text().replace("&", "") for b in question.buttons()] == ["Да", "Нет"]
    dialog.show()
    assert dialog.grab().save(str(tmp_path / "settings.png"))
