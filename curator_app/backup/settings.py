"""What the program remembers about backups, the weekly reminder, and where to offer to save a copy.

Settings live in the ``setting`` table (``backup.keep``, ``backup.on_exit``, ``backup.folder``,
``backup.last_at``, ``backup.last_path``). Removable drives are offered first: on Windows the drives
whose type is «removable» (``GetDriveTypeW``), on Linux the mounts under ``/media`` and ``/run/media``.
"""

from __future__ import annotations

import datetime as dt
import os
import string
from dataclasses import dataclass
from pathlib import Path

from curator_app import settings

REMIND_AFTER = dt.timedelta(days=7)
LINUX_ROOTS = (Path("/media"), Path("/run/media"))
DEFAULT_KEEP = 10


@dataclass
class BackupSettings:
    keep: int = DEFAULT_KEEP  # copies of this school kept in a folder; older ones are removed
    on_exit: bool = False  # make a copy when the program closes
    folder: str = ""  # where the last copy went (offered next time)
    last_at: dt.datetime | None = None
    last_path: str = ""


def load_settings() -> BackupSettings:
    last = settings.get("backup.last_at")
    try:
        last_at = dt.datetime.fromisoformat(last) if isinstance(last, str) else None
    except ValueError:
        last_at = None
    keep = settings.get("backup.keep", DEFAULT_KEEP)
    return BackupSettings(keep=int(keep) if isinstance(keep, int) and keep > 0 else DEFAULT_KEEP,
                          on_exit=bool(settings.get("backup.on_exit", False)),
                          folder=str(settings.get("backup.folder", "") or ""), last_at=last_at,
                          last_path=str(settings.get("backup.last_path", "") or ""))


def save_settings(*, keep: int | None = None, on_exit: bool | None = None, folder: str | None = None) -> BackupSettings:
    from curator_app.errors import CuratorError
    from curator_app.models import database

    if keep is not None and not 1 <= keep <= 1000:
        raise CuratorError(f"Сколько копий хранить: нужно число от 1 до 1000, а не {keep}.")
    with database.atomic():
        if keep is not None:
            settings.put("backup.keep", keep)
        if on_exit is not None:
            settings.put("backup.on_exit", on_exit)
        if folder is not None:
            settings.put("backup.folder", folder)
    return load_settings()


def record_backup(path: Path, when: dt.datetime | None = None) -> None:
    """Remember a copy just made (for the reminder and to offer the same folder next time)."""
    from curator_app.audit import log
    from curator_app.models import database

    when = when or dt.datetime.now()
    with database.atomic():
        settings.put("backup.last_at", when.isoformat(timespec="seconds"))
        settings.put("backup.last_path", str(path))
        settings.put("backup.folder", str(path.parent))
        log("backup", "database", None, f"Резервная копия: {path}")


def reminder(now: dt.datetime | None = None) -> str:
    """A Russian reminder when the last copy is older than a week (or there was none); else ''."""
    from curator_app.stats import counts

    now = now or dt.datetime.now()
    state = load_settings()
    if state.last_at is None:
        if not any(counts().get(k) for k in ("mentors", "mentees")):
            return ""  # nothing to lose yet
        return "Резервная копия базы ещё ни разу не делалась. Сделайте её: Файл → Резервная копия…"
    age = now - state.last_at
    if age < REMIND_AFTER:
        return ""
    return (f"Последняя резервная копия сделана {age.days} дн. назад ({state.last_at:%d.%m.%Y}). "
            "Сделайте новую: Файл → Резервная копия…")


def removable_drives() -> list[Path]:
    """Mounted removable drives (flash drives), best first; empty when there are none."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        return _windows_removable()
    found: list[Path] = []
    for root in LINUX_ROOTS:
        try:
            entries = sorted(root.iterdir()) if root.is_dir() else []
        except OSError:
            continue
        for entry in entries:  # /media/<label> (older systems) or /media/<user>/<label> (udisks)
            if os.path.ismount(entry):
                found.append(entry)
                continue
            try:
                inner = sorted(entry.iterdir()) if entry.is_dir() else []
            except OSError:
                continue
            found += [p for p in inner if os.path.ismount(p)]
    return found


def _windows_removable() -> list[Path]:  # pragma: no cover - exercised on Windows only
    import ctypes

    drive_removable = 2
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    drives = []
    for i, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << i):
            root = f"{letter}:\\"
            if kernel.GetDriveTypeW(ctypes.c_wchar_p(root)) == drive_removable and os.path.isdir(root):
                drives.append(Path(root))
    return drives


def suggested_folder() -> Path:
    """Where to offer to save a copy: a flash drive if one is in, else the last folder used, else home."""
    drives = removable_drives()
    if drives:
        return drives[0]
    last = load_settings().folder
    if last and Path(last).is_dir():
        return Path(last)
    return Path.home()
