"""Файл → Резервная копия / Восстановить, and the copy on exit: thin wrappers around
``curator_app.services.backup*`` (the slow parts run on a worker thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from curator_app.errors import CuratorError
from curator_app.services import backup, backup_crypto, backup_restore, backup_settings

from ..context import AppContext
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


def _ask_password(parent: QWidget, name: str, again: bool) -> str | None:
    prompt = ("Пароль не подошёл. Введите пароль ещё раз:" if again
              else f"Копия «{name}» зашифрована. Введите пароль:")
    text, ok = QInputDialog.getText(parent, "Пароль резервной копии", prompt, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def run_restore(parent: QWidget, ctx: AppContext, path: str | None = None) -> bool:
    """Choose a backup, show what it holds, confirm, restore. The current database is kept as a safety copy;
    on any refusal it stays exactly as it was."""
    if ctx.read_only:
        QMessageBox.warning(parent, "Восстановление невозможно",
                            "База открыта только для чтения: восстановить в неё копию нельзя.")
        return False
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, "Восстановить из резервной копии", removable_drive_hint(),
                                              BACKUP_FILTER)
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
            info = run_with_progress(parent, "Проверка копии…",
                                     lambda report, pw=password: backup_restore.inspect_backup(path, pw))
            break
        except backup_crypto.WrongPasswordError:
            continue
        except CuratorError as error:
            QMessageBox.critical(parent, "Копия не подходит", f"{error}\n\nТекущая база не изменена.")
            return False
    if info is None:
        QMessageBox.critical(parent, "Копия не открыта", "Неверный пароль. Текущая база не изменена.")
        return False
    when = f"{info.made_at:%d.%m.%Y %H:%M}" if info.made_at else "неизвестно"
    answer = QMessageBox.question(
        parent, "Восстановить базу?",
        f"Копия: {info.path.name}\nСделана: {when}\nШкола: {info.school or '—'}\n"
        f"Людей: {info.people}, пар и групп: {info.mentorships}\n\n"
        "Текущая база будет заменена этой копией. Перед заменой программа сохранит текущую базу в папку "
        f"«{backup_restore.SAFETY_FOLDER}» рядом с ней. Продолжить?")
    if answer != QMessageBox.StandardButton.Yes:
        return False
    db_path = ctx.db_path
    try:
        prepared = run_with_progress(parent, "Восстановление…",
                                     lambda report: backup_restore.prepare_restore(path, db_path, password, report))
        safety = backup_restore.finish_restore(prepared)
    except CuratorError as error:
        QMessageBox.critical(parent, "База не восстановлена", f"{error}\n\nТекущая база не изменена.")
        return False
    ctx.notify("all")
    QMessageBox.information(parent, "База восстановлена",
                            f"База восстановлена из копии от {when}.\nПрежняя база сохранена в\n{safety}")
    return True


def backup_on_exit(parent: QWidget, ctx: AppContext) -> bool:
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


def _close_anyway(parent: QWidget, problem: str) -> bool:
    answer = QMessageBox.question(parent, "Копия при выходе не сделана",
                                  f"{problem}\n\nЗакрыть программу без резервной копии?")
    return answer == QMessageBox.StandardButton.Yes
