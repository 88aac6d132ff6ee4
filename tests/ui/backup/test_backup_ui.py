"""Файл → Резервная копия / Восстановить, the copy on exit, the read-only banner and the weekly reminder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from curator_app import backup, settings
from curator_app.db import open_database
from curator_app.models import Person
from ui.backup import actions as backup_actions
from ui.backup.dialog import BackupDialog
from ui.common.context import AppContext
from ui.main_window import MainWindow

SHOTS = Path("/work/brief/shots")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _banner_texts(window: MainWindow) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [bar.findChild(QLabel, "banner_text").text() for bar in window.findChildren(QToolBar, "banner")
            if not bar.isHidden()]


def test_backup_dialog_makes_a_verified_encrypted_copy(qtbot: QtBot, demo_db: Path, usb: Path,
                                                        tmp_path: Path) -> None:
    dialog = BackupDialog(AppContext())
    qtbot.addWidget(dialog)
    dialog.set_folder(usb)
    dialog.encrypt.setChecked(True)
    dialog.password.setText("Пароль-1")
    dialog.repeat.setText("Пароль-2")
    dialog.start.click()
    assert "не совпадают" in dialog.status.text() and list(usb.iterdir()) == []
    dialog.repeat.setText("Пароль-1")
    dialog.keep.setValue(5)
    dialog.on_exit.setChecked(True)
    dialog.show()
    dialog.start.click()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=10000)
    written = dialog.result_path
    assert written is not None and written.parent == usb and written.suffix == ".enc"
    assert "сохранена и проверена" in dialog.status.text() and dialog.start.isEnabled()
    assert backup.inspect_backup(written, "Пароль-1").people == Person.select().count()
    state = backup.load_settings()
    assert (state.keep, state.on_exit, state.folder, state.last_path) == (5, True, str(usb), str(written))
    assert dialog.grab().save(str(tmp_path / "backup_dialog.png"))
    if SHOTS.is_dir():
        dialog.grab().save(str(SHOTS / "backup_dialog.png"))


def test_backup_dialog_tells_a_missing_drive(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    dialog = BackupDialog(AppContext())
    qtbot.addWidget(dialog)
    dialog.set_folder(tmp_path / "вынутая флешка")
    dialog.start.click()
    qtbot.waitUntil(lambda: dialog.start.isEnabled() and "не найдена" in dialog.status.text(), timeout=5000)
    assert dialog.result_path is None


def test_restore_from_menu_replaces_the_database(qtbot: QtBot, demo_db: Path, usb: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = AppContext()
    written = backup.make_backup(usb, password="секрет")
    people = Person.select().count()
    Person.create(last_name="Лишний", first_name="Человек")
    asked: list[str] = []
    answers = iter(["неверно", "секрет"])
    monkeypatch.setattr(backup_actions, "_ask_password", lambda parent, name, again: next(answers))
    monkeypatch.setattr(backup_actions, "_question", lambda parent, title, text: asked.append(text) or True)
    shown: list[str] = []
    monkeypatch.setattr(backup_actions, "_information", lambda parent, title, text: shown.append(text))
    changed: list[str] = []
    ctx.changed.connect(changed.append)
    outcome: list[bool] = []
    backup_actions.run_restore(None, ctx, str(written), outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10000)
    assert outcome == [True]
    assert "Школа: МБОУ «СОШ № 17»" in asked[0] and f"Людей: {people}" in asked[0]
    assert Person.select().count() == people and changed == ["all"]
    assert "Прежняя база сохранена" in shown[0]


def test_restore_refuses_a_damaged_copy_and_keeps_the_database(qtbot: QtBot, demo_db: Path, usb: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    written = backup.make_backup(usb)
    data = bytearray(written.read_bytes())
    data[len(data) // 2: len(data) // 2 + 8192] = bytes(8192)
    written.write_bytes(bytes(data))
    Person.create(last_name="Новый", first_name="Человек")
    people = Person.select().count()
    errors: list[str] = []
    monkeypatch.setattr(backup_actions, "_critical", lambda parent, title, text: errors.append(text))
    outcome: list[bool] = []
    backup_actions.run_restore(None, AppContext(), str(written), outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10000)
    assert outcome == [False]
    assert "повреждена" in errors[0] and "Текущая база не изменена" in errors[0]
    assert Person.select().count() == people


def test_backup_on_exit_writes_a_copy_when_switched_on(qtbot: QtBot, demo_db: Path, usb: Path) -> None:
    backup.save_settings(on_exit=True, folder=str(usb))
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert window.isVisible()  # it stays open while the copy is written, then closes itself
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    open_database(demo_db)  # the window closed the database on its way out
    copies = list(usb.iterdir())
    assert len(copies) == 1 and copies[0].name.endswith(".curator-backup.sqlite")
    assert backup.load_settings().last_path == str(copies[0])


def test_backup_on_exit_asks_when_the_drive_is_gone(qtbot: QtBot, demo_db: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    backup.save_settings(on_exit=True, folder=str(tmp_path / "нет флешки"))
    asked: list[str] = []
    monkeypatch.setattr(backup_actions, "_question", lambda parent, title, text: bool(asked.append(text)))
    assert not backup_actions.backup_on_exit(None, AppContext(), lambda: None)
    assert "не найдена" in asked[0]


def test_read_only_database_shows_a_banner(qtbot: QtBot, demo_db: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from curator_app.db import close_database, open_database

    close_database()
    open_database(demo_db, read_only=True)
    ctx = AppContext()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1100, 600)
    window.show()
    assert any("только для чтения" in text for text in _banner_texts(window))
    errors: list[str] = []
    monkeypatch.setattr(backup_actions, "_warning", lambda parent, title, text: errors.append(text))
    outcome: list[bool] = []
    backup_actions.run_restore(window, ctx, "x.sqlite", outcome.append)
    assert outcome == [False] and "только для чтения" in errors[0]
    assert backup_actions.backup_on_exit(window, ctx, lambda: None)
    assert window.grab().save(str(tmp_path / "read_only.png"))
    if SHOTS.is_dir():
        window.grab().save(str(SHOTS / "read_only_banner.png"))


def test_reminder_banner_after_a_week(qtbot: QtBot, demo_db: Path) -> None:
    from ui.app import show_backup_reminder

    settings.put("backup.last_at", (dt.datetime.now() - dt.timedelta(days=9)).isoformat(timespec="seconds"))
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    show_backup_reminder(window, window.ctx)
    assert any("9 дн. назад" in text for text in _banner_texts(window))
    settings.put("backup.last_at", dt.datetime.now().isoformat(timespec="seconds"))
    fresh = MainWindow(AppContext())
    qtbot.addWidget(fresh)
    show_backup_reminder(fresh, fresh.ctx)
    assert _banner_texts(fresh) == []
