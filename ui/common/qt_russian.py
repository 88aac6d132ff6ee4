"""Qt's own words in Russian: standard buttons («Сохранить», «Отмена», «Да»), file and print dialogs, context
menus — from the catalogue that ships with PySide6, and the few phrases that catalogue lacks.

The catalogue is older than the Qt it ships with: Qt 6.11 asks for «&Look in:» and «Files of &type:» where the
catalogue has «Look in:», and the file types moved to ``QAbstractFileIconProvider``. Without the gaps filled,
the file dialog (Qt's own, wherever the system has none: Astra, ALT, a bare X server) is half English.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

# (context, source text) → Russian, for what ``qtbase_ru`` misses
GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Папка:",
    ("QFileDialog", "Files of &type:"): "&Тип файлов:",
    ("QFileDialog", "Computer"): "Компьютер",
    ("QAbstractFileIconProvider", "Folder"): "Папка",
    ("QAbstractFileIconProvider", "File Folder"): "Папка",
    ("QAbstractFileIconProvider", "Drive"): "Диск",
    ("QAbstractFileIconProvider", "Computer"): "Компьютер",
    ("QAbstractFileIconProvider", "Alias"): "Ярлык",
    ("QAbstractFileIconProvider", "Shortcut"): "Ярлык",
    ("QAbstractFileIconProvider", "File"): "Файл",
    ("QPageSetupWidget", "Page &order:"): "&Порядок страниц:",
    ("QPageSetupWidget", "Pages &per sheet:"): "Страниц на &листе:",
    ("QPrintSettingsOutput", "Page &Set:"): "&Страницы:",
}


class GapTranslator(QTranslator):
    """Answers only what the catalogue installed after it did not: Qt asks the latest translator first."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str:
        return GAPS.get((context, source), "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt name
        return False


def install(app: QApplication) -> None:
    """Once per application: the gaps first (asked last), then Qt's catalogue; Russian number and date formats."""
    if app.property("curator_ru"):
        return
    app.installTranslator(GapTranslator(app))
    catalogue = QTranslator(app)
    if catalogue.load(QLocale("ru_RU"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(catalogue)
    QLocale.setDefault(QLocale("ru_RU"))
    app.setProperty("curator_ru", True)


def russian_dates_without_locale() -> None:
    """On a system with no locale at all (LANG unset or C, as a bare X server has) Qt's file dialog writes dates
    as «1 12 2026»; the time category set to Russian before Qt starts makes it «01.12.2026». A system with a
    locale of its own keeps it."""
    if os.environ.get("LC_ALL") or os.environ.get("LC_TIME"):
        return
    if os.environ.get("LANG", "C").split(".")[0] in ("", "C", "POSIX"):
        os.environ["LC_TIME"] = "ru_RU.UTF-8"
