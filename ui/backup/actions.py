"""Файл → Резервная копия / Восстановить, and the copy on exit: thin wrappers around
``curator_app.backup`` (the slow parts run on a worker thread)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from curator_app import backup
from curator_app.errors import CuratorError, user_message
from ui.common import files
from ui.common.context import AppContext, Changed
from ui.common.worker import run_modal

from .dialog import BackupDialog

BACKUP_FILTER = "Резервные копии «Куратора» (*.curator-backup.sqlite *.curator-backup.enc *.sqlite);;Все файлы (*)"


def removable_drive_hint() -> str:
    """Where to start browsing: a flash drive if one is in, else the last backup folder, else home."""
    return str(backup.suggested_folder())


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
    hint = removable_drive_hint()
    path = files.ask_open(parent, "backup", "Восстановить из резервной копии", BACKUP_FILTER,
                          start=Path(hint) if hint else None)
    return str(path) if path is not None else ""


def _ask_password(parent: QWidget | None, name: str, again: bool) -> str | None:
    prompt = ("Пароль не подошёл. Введите пароль ещё раз:" if again
              else f"Копия «{name}» зашифрована. Введите пароль:")
    text, ok = QInputDialog.getText(parent, "Пароль резервной копии", prompt, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def run_restore(parent: QWidget | None, ctx: AppContext, path: str | None = None,
                done: Callable[[bool], None] | None = None) -> None:
    """Choose a backup, show what it holds, confirm, restore; ``done(restored)`` follows. The current
    database is kept as a safety copy; on any refusal it stays exactly as it was. The slow steps run on a
    worker behind a progress window, so the window keeps painting."""
    finish = done or (lambda restored: None)
    if ctx.read_only:
        _warning(parent, "Восстановление невозможно", "База открыта только для чтения: восстановить в неё копию нельзя.")
        return finish(False)
    if path is None:
        path = _choose_backup_file(parent)
    if not path:
        return finish(False)
    _Restore(parent, ctx, path, finish).check(attempt=0)


class _Restore:
    """One restore, step by step: password (three tries), check, confirm, replace."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, path: str, done: Callable[[bool], None]) -> None:
        self.parent, self.ctx, self.path, self.done = parent, ctx, path, done
        self.password: str | None = None

    def check(self, attempt: int) -> None:
        if attempt == 3:
            _critical(self.parent, "Копия не открыта", "Неверный пароль. Текущая база не изменена.")
            return self.done(False)
        if backup.is_encrypted(self.path):
            self.password = _ask_password(self.parent, Path(self.path).name, again=attempt > 0)
            if self.password is None:
                return self.done(False)
        path, password = self.path, self.password

        def refused(error: BaseException) -> None:
            if isinstance(error, backup.WrongPasswordError):
                return self.check(attempt + 1)
            _critical(self.parent, "Копия не подходит", f"{user_message(error)}\n\nТекущая база не изменена.")
            self.done(False)

        run_modal(self.parent, "Проверка копии…", lambda state: backup.inspect_backup(path, password),
                  self.confirm, refused)

    def confirm(self, info: backup.BackupInfo) -> None:
        self.when = f"{info.made_at:%d.%m.%Y %H:%M}" if info.made_at else "неизвестно"
        if not _question(
            self.parent, "Восстановить базу?",
            f"Копия: {info.path.name}\nСделана: {self.when}\nШкола: {info.school or '—'}\n"
            f"Людей: {info.people}, пар и групп: {info.mentorships}\n\n"
            "Текущая база будет заменена этой копией. Перед заменой программа сохранит текущую базу в папку "
            f"«{backup.SAFETY_FOLDER}» рядом с ней. Продолжить?"):
            return self.done(False)
        path, password, db_path = self.path, self.password, self.ctx.db_path
        run_modal(self.parent, "Восстановление…",
                  lambda state: backup.prepare_restore(path, db_path, password, state), self.replace, self.failed)

    def replace(self, prepared: backup.PreparedRestore) -> None:
        try:
            safety = backup.finish_restore(prepared)  # main thread: it reopens the connection
        except CuratorError as error:
            return self.failed(error)
        self.ctx.notify(Changed.ALL)
        _information(self.parent, "База восстановлена",
                     f"База восстановлена из копии от {self.when}.\nПрежняя база сохранена в\n{safety}")
        self.done(True)

    def failed(self, error: BaseException) -> None:
        text = user_message(error)
        if "не изменена" not in text and "возвращена" not in text:
            text += "\n\nТекущая база не изменена."
        _critical(self.parent, "База не восстановлена", text)
        self.done(False)


def backup_on_exit(parent: QWidget | None, ctx: AppContext, close: Callable[[], None]) -> bool:
    """The copy on exit, if it is switched on. True: the program may close now. False: it may not yet —
    the copy is being made (``close()`` follows when it is written, or when the curator agrees to close
    without it), or the curator chose to stay (e.g. to insert the flash drive)."""
    if ctx.read_only:
        return True
    try:
        state = backup.load_settings()
    except Exception:  # noqa: BLE001 - the database may already be gone; closing must never be blocked
        return True
    if not state.on_exit:
        return True
    folder = Path(state.folder) if state.folder else None
    if folder is None or not folder.is_dir():
        return _close_anyway(parent, f"Папка для копии при выходе «{state.folder}» не найдена (флешка не вставлена?).")
    source, keep = ctx.db_path, state.keep

    def written(result: backup.BackupResult) -> None:
        backup.record_backup(result.path)
        close()

    def failed(error: BaseException) -> None:
        if _close_anyway(parent, user_message(error)):
            close()

    run_modal(parent, "Резервная копия при выходе…",
              lambda task: backup.write_backup(folder, source, keep=keep, state=task), written, failed)
    return False


def _close_anyway(parent: QWidget | None, problem: str) -> bool:
    return _question(parent, "Копия при выходе не сделана", f"{problem}\n\nЗакрыть программу без резервной копии?")
