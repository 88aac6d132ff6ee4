"""Every file dialog of the program goes through here: it opens in the folder last used for that kind of file
(the school's lists, documents, backups…), else in the last folder used for anything, else in «Документы», and
remembers the folder chosen. Tests replace :func:`ask_open`, :func:`ask_save` and :func:`ask_folder`: this is
the one place a file is chosen.

Folders are kept in the database's settings (``folder.<kind>``): they go with the school's data, and a folder
that does not exist on this computer (the flash drive has another letter) is simply not used.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from curator_app import settings

# kind → what the folder holds (the kinds in use; a new kind needs no registration)
KINDS = {
    "lists": "списки наставников и наставляемых",
    "roadmap": "дорожные карты",
    "documents": "приказы, памятки, письма",
    "monitoring": "анкеты, ответы, справки",
    "evidence": "подтверждения мероприятий",
    "database": "базы данных",
    "backup": "резервные копии",
}
_ANY = "folder.last"
LIST_FILTER = "Таблицы (*.xlsx *.xls *.ods *.csv);;Все файлы (*)"


def _documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def folder(kind: str) -> Path:
    """Where a dialog for ``kind`` opens."""
    for key in (f"folder.{kind}", _ANY):
        try:
            value = settings.get(key)
        except Exception:  # noqa: BLE001 - no database open yet, or it cannot be read: start somewhere sane
            value = None
        if value and Path(value).is_dir():
            return Path(value)
    return _documents()


def remember(kind: str, path: Path) -> None:
    """Keep the folder of ``path`` (a file, or a folder itself) for the next dialog of ``kind``."""
    where = str(path if path.is_dir() else path.parent)
    try:
        settings.put(f"folder.{kind}", where)
        settings.put(_ANY, where)
    except Exception:  # noqa: BLE001 - a read-only database: the folder is not remembered, the work goes on
        return


def ask_open(parent: QWidget | None, kind: str, title: str, filters: str, start: Path | None = None) -> Path | None:
    """A file to read, or None when the curator cancelled; ``start`` overrides the remembered folder."""
    where = start if start is not None and start.is_dir() else folder(kind)
    path, _ = QFileDialog.getOpenFileName(parent, title, str(where), filters)
    if not path:
        return None
    remember(kind, Path(path))
    return Path(path)


def ask_save(parent: QWidget | None, kind: str, title: str, name: str, filters: str,
             start: Path | None = None) -> Path | None:
    """A file to write, suggested as ``name`` in the folder of ``kind`` (or ``start``). A name typed without the
    chosen filter's extension gets it («Приказ от 01.12.2026» → «Приказ от 01.12.2026.pdf»)."""
    where = start if start is not None and start.is_dir() else folder(kind)
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(where / name), filters)
    if not path:
        return None
    target = Path(path)
    wanted = extensions(chosen or filters.split(";;")[0])
    if wanted and target.suffix.lower() not in extensions(filters):
        target = target.with_name(target.name + wanted[0])
    remember(kind, target)
    return target


def ask_folder(parent: QWidget | None, kind: str, title: str, start: Path | None = None) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start if start and start.is_dir() else folder(kind)))
    if not chosen:
        return None
    remember(kind, Path(chosen))
    return Path(chosen)


def extensions(filters: str) -> list[str]:
    """«PDF (*.pdf);;Документ Word (*.docx)» → [".pdf", ".docx"]; «Все файлы (*)» → []."""
    return [m.lower() for m in re.findall(r"\*(\.\w+)", filters)]
