"""Файл → Резервная копия / Восстановить: the dialogs around ``curator_app.services.backup``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from curator_app.errors import CuratorError
from curator_app.services import backup

from ..context import AppContext


def removable_drive_hint() -> str:
    """The first mounted removable drive to offer, or the home folder."""
    for root in (Path("/media"), Path("/run/media")):
        if root.is_dir():
            for user_dir in sorted(root.iterdir()):
                drives = [p for p in sorted(user_dir.iterdir()) if p.is_dir()] if user_dir.is_dir() else []
                if drives:
                    return str(drives[0])
    return str(Path.home())


def run_backup(parent: QWidget, ctx: AppContext) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, "Куда сохранить резервную копию (например, флешка)",
                                              removable_drive_hint())
    if not folder:
        return None
    try:
        written = backup.make_backup(folder)
    except CuratorError as error:
        QMessageBox.critical(parent, "Резервная копия не сделана", str(error))
        return None
    QMessageBox.information(parent, "Резервная копия", f"Копия сохранена и проверена:\n{written}")
    return written


def run_restore(parent: QWidget, ctx: AppContext) -> bool:
    path, _ = QFileDialog.getOpenFileName(parent, "Восстановить из резервной копии", removable_drive_hint(),
                                          "Резервные копии (*.sqlite *.curator-backup.sqlite);;Все файлы (*)")
    if not path:
        return False
    try:
        info = backup.inspect_backup(path)
    except CuratorError as error:
        QMessageBox.critical(parent, "Копия не подходит", str(error))
        return False
    answer = QMessageBox.question(
        parent, "Восстановить базу?",
        f"Копия: {info.path.name}\nШкола: {info.school or '—'}\nЛюдей: {info.people}, пар и групп: "
        f"{info.mentorships}\n\nТекущая база будет заменена. Перед заменой программа сохранит её копию "
        "рядом с ней. Продолжить?")
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        safety = backup.restore_backup(path)
    except CuratorError as error:
        QMessageBox.critical(parent, "База не восстановлена", f"{error}\nТекущая база не изменена.")
        return False
    ctx.notify("all")
    QMessageBox.information(parent, "База восстановлена", f"Прежняя база сохранена в\n{safety}")
    return True
