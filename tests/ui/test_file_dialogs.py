"""File dialogs: Qt's own dialog fully Russian (the catalogue's gaps filled), and every dialog opening in the
folder last used for its kind of file, the filter's extension added to a name typed without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ui.common import files

ENGLISH = ("Look in", "Files of type", "File name", "Open", "Cancel", "Folder", "Save", "Detail View", "Back")


def test_qt_file_dialog_speaks_russian(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "Списки").mkdir()
    (tmp_path / "Наставники.xlsx").write_bytes(b"")
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "Импорт банка", str(tmp_path), "Таблицы (*.xlsx *.csv);;Все файлы (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own: what Astra, ALT, a bare X show
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(200)  # the folder is read in the background
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
        assert "&Папка:" in texts and "&Тип файлов:" in texts and "&Имя файла:" in texts
        shown = " ".join(texts).replace("&", "")
        assert not [word for word in ENGLISH if word in shown], shown


def test_dialogs_open_where_that_kind_of_file_was_last_taken(db: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    lists, orders = tmp_path / "Из школы", tmp_path / "Приказы"
    lists.mkdir()
    orders.mkdir()
    asked: list[str] = []

    def open_name(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(lists / "Наставники.xlsx"), ""

    def save_name(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(orders / "Приказ от 01.12.2026"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    assert files.ask_open(None, "lists", "Список", files.LIST_FILTER) == lists / "Наставники.xlsx"
    files.ask_open(None, "lists", "Список", files.LIST_FILTER)
    assert asked[1] == str(lists)  # the same kind opens where it was taken
    saved = files.ask_save(None, "documents", "Сохранить документ", "Приказ.pdf", "PDF (*.pdf)")
    assert asked[2] == str(lists / "Приказ.pdf")  # a new kind: the last folder used for anything
    assert saved == orders / "Приказ от 01.12.2026.pdf"  # «.2026» is not an extension of the filter
    files.ask_save(None, "documents", "Сохранить документ", "Приказ.pdf", "PDF (*.pdf)")
    assert asked[3] == str(orders / "Приказ.pdf")
    files.ask_open(None, "lists", "Список", files.LIST_FILTER)
    assert asked[4] == str(lists)  # each kind keeps its own
    lists.rmdir()
    assert files.folder("lists").is_dir() and files.folder("lists") != lists  # gone (the flash drive elsewhere)
    assert files.folder("documents") == orders
    assert files.extensions("PDF (*.pdf);;Документ Word (*.docx)") == [".pdf", ".docx"]
