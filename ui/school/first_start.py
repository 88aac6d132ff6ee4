"""The first start: ask for the school's requisites, or offer the demo school to look around."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton

from curator_app import settings as settings_service
from curator_app.db import open_database
from curator_app.models import Person
from curator_app.paths import user_data_dir

from .settings_dialog import SettingsDialog


def maybe_first_start(db_path: Path) -> Path:
    """Returns the database to work on: the same one, or the demo school's if the curator chose it."""
    if settings_service.load_school().is_complete or Person.select().exists():
        return db_path
    box = QMessageBox()
    box.setWindowTitle("Добро пожаловать")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText("<b>Куратор наставничества</b>")
    box.setInformativeText(
        "Это первый запуск. Заполните реквизиты школы — они нужны для приказов и справок.\n\n"
        "Можно сначала посмотреть программу на демонстрационной школе: она хранится в отдельном файле "
        "и не смешивается с вашими данными.")
    fill = box.addButton("Заполнить реквизиты", QMessageBox.ButtonRole.AcceptRole)
    demo = box.addButton("Открыть демо-школу", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Позже", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked: QPushButton | None = box.clickedButton()  # type: ignore[assignment]
    if clicked is fill:
        SettingsDialog(None, intro="Реквизиты печатаются в приказах, памятках и справках. "
                       "Их можно изменить позже: Настройки → Реквизиты школы.").exec()
        return db_path
    if clicked is demo:
        return open_demo_school()
    return db_path


def open_demo_school() -> Path:
    """Open (filling on first use) the demo school's own file in the user's data folder."""
    from curator_app.demo import fill_demo

    path = open_database(user_data_dir() / "demo-school.sqlite")
    if not Person.select().exists():
        fill_demo()
    return path
