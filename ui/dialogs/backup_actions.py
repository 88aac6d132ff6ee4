"""Файл → Резервная копия / Восстановить, and the copy on exit: thin wrappers around
``curator_app.backup`` (the slow parts run on a worker thread)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from curator_app.backup import crypto as backup_crypto
from curator_app.backup import make as backup
from curator_app.backup import restore as backup_restore
from curator_app.backup import settings as backup_settings
from curator_app.backup.inspect import BackupInfo
from curator_app.backup.make import Report
from curator_app.errors import CuratorError
from ui.context import AppContext

from .backup_dialog import BackupDialog
from .backup_task import run_with_progress

BACKUP_FILTER = "Резервные копии «Куратора» (*.curator-backup.sqlite *.curator-backup.enc *.sqlite);;Все файлы (*)"


def removable_drive_hint() -> str:
    """Where to start browsing: a flash drive if one is in, else the last backup folder, else home."""
    return str(backup_settings.suggested_folder())


def run_backup(parent: QWidget, ctx: AppContext) -> Path | None:
    dialog = BackupDialog(ctx, parent)
    dialog.exec()
    return dialog.result_path


# --- the questions, one place each (tests replace these, not Qt's static methods) ----------------------
def _question(parent: QWidget | None, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def _critical(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def _warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def _information(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def _choose_backup_file(parent: QWidget | None) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, "Восстановить из резервной копии", removable_drive_hint(),
                                          BACKUP_FILTER)
    return path


def _inspect(path: str, password: str | None, report: Report) -> BackupInfo:
    return backup_restore.inspect_backup(path, password)


def _ask_password(parent: QWidget | None, name: str, again: bool) -> str | None:
    prompt = ("Пароль не подошёл. Введите пароль ещё раз:" if again
              else f"Копия «{name}» зашифрована. Введите пароль:")
    text, ok = QInputDialog.getText(parent, "Пароль резервной копии", prompt, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def run_restore(parent: QWidget | None, ctx: AppContext, path: str | None = None) -> bool:
    """Choose a backup, show what it holds, confirm, restore. The current database is kept as a safety copy;
    on any refusal it stays exactly as it was."""
    if ctx.read_only:
        _warning(parent, "Восстановление невозможно", "База открыта только для чтения: восстановить в неё копию нельзя.")
        return False
    if path is None:
        path = _choose_backup_file(parent)
    if not path:
        return False
    password: str | None = None
    info = None
    for attempt in range(3):
        if backup_crypto.is_encrypted(path):
            password = _ask_password(parent, Path(path).name, again=attempt > 0)
            if password is None:
                return False
        try:
            info = run_with_progress(parent, "Проверка копии…", partial(_inspect, path, password))
            break
        except backup_crypto.WrongPasswordError:
            continue
        except CuratorError as error:
            _critical(parent, "Копия не подходит", f"{error}\n\nТекущая база не изменена.")
            return False
    if info is None:
        _critical(parent, "Копия не открыта", "Неверный пароль. Текущая база не изменена.")
        return False
    when = f"{info.made_at:%d.%m.%Y %H:%M}" if info.made_at else "неизвестно"
    if not _question(
        parent, "Восстановить базу?",
        f"Копия: {info.path.name}\nСделана: {when}\nШкола: {info.school or '—'}\n"
        f"Людей: {info.people}, пар и групп: {info.mentorships}\n\n"
        "Текущая база будет заменена этой копией. Перед заменой программа сохранит текущую базу в папку "
        f"«{backup_restore.SAFETY_FOLDER}» рядом с ней. Продолжить?"):
        return False
    db_path = ctx.db_path
    try:
        prepared = run_with_progress(parent, "Восстановление…",
                                     lambda report: backup_restore.prepare_restore(path, db_path, password, report))
        safety = backup_restore.finish_restore(prepared)
    except CuratorError as error:
        text = str(error)
        if "не изменена" not in text and "возвращена" not in text:
            text += "\n\nТекущая база не изменена."
        _critical(parent, "База не восстановлена", text)
        return False
    ctx.notify("all")
    _information(parent, "База восстановлена", f"База восстановлена из копии от {when}.\nПрежняя база сохранена в\n{safety}")
    return True


def backup_on_exit(parent: QWidget | None, ctx: AppContext) -> bool:
    """Make the copy on exit if it is switched on; True when the program may close."""
    if ctx.read_only:
        return True
    try:
        state = backup_settings.load()
    except Exception:  # noqa: BLE001 - the database may already be gone; closing must never be blocked
        return True
    if not state.on_exit:
        return True
    folder = Path(state.folder) if state.folder else None
    if folder is None or not folder.is_dir():
        return _close_anyway(parent, f"Папка для копии при выходе «{state.folder}» не найдена (флешка не вставлена?).")
    source, keep = ctx.db_path, state.keep
    try:
        result = run_with_progress(parent, "Резервная копия при выходе…",
                                   lambda report: backup.write_backup(folder, source, keep=keep, report=report))
    except CuratorError as error:
        return _close_anyway(parent, str(error))
    backup_settings.record_backup(result)
    return True


def _close_anyway(parent: QWidget | None, problem: str) -> bool:
    return _question(parent, "Копия при выходе не сделана", f"{problem}\n\nЗакрыть программу без резервной копии?")
