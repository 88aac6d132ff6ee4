"""Backups of the school's database: copies on a flash drive, optionally encrypted, and restoring them.

- :mod:`.make` — a verified copy into a folder, old copies rotated (``make_backup``, ``write_backup``);
- :mod:`.restore` — verify a copy in memory, keep a safety copy of the database, then one transaction;
- :mod:`.inspect` — what a copy holds, read into memory (decrypted there) without changing it;
- :mod:`.crypto` — AES-GCM with a key from the password (scrypt);
- :mod:`.settings` — how many copies to keep, the copy on exit, the weekly reminder, flash drives.

The copy itself (SQLite's backup API, verification, names) is :mod:`curator_app.db.copy`. All but the
settings load when first used: the window's start needs only the reminder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curator_app.db import SAFETY_FOLDER
from curator_app.lazy import lazy_names

from .settings import (
    BackupSettings,
    load_settings,
    record_backup,
    reminder,
    removable_drives,
    save_settings,
    suggested_folder,
)

if TYPE_CHECKING:
    from .crypto import (
        DamagedBackupError,
        WrongPasswordError,
        check_password,
        is_encrypted,
        read_password_file,
    )
    from .inspect import BackupInfo, PasswordNeededError, describe, describe_plain, load_backup
    from .make import (
        MIN_PASSWORD,
        BackupResult,
        is_backup_name,
        make_backup,
        remember_backup,
        rotate,
        write_backup,
    )
    from .restore import (
        PreparedRestore,
        finish_restore,
        inspect_backup,
        prepare_restore,
        restore_backup,
        restore_over_damaged,
    )

__getattr__ = lazy_names(__name__, {
    ".crypto": ("DamagedBackupError", "WrongPasswordError", "check_password", "is_encrypted", "read_password_file"),
    ".inspect": ("BackupInfo", "PasswordNeededError", "describe", "describe_plain", "load_backup"),
    ".make": ("MIN_PASSWORD", "BackupResult", "is_backup_name", "make_backup", "remember_backup", "rotate",
              "write_backup"),
    ".restore": ("PreparedRestore", "finish_restore", "inspect_backup", "prepare_restore", "restore_backup",
                 "restore_over_damaged"),
})

__all__ = [
    "MIN_PASSWORD", "SAFETY_FOLDER", "BackupInfo", "BackupResult", "BackupSettings", "DamagedBackupError",
    "PasswordNeededError", "PreparedRestore", "WrongPasswordError", "check_password", "describe", "describe_plain",
    "finish_restore", "inspect_backup", "is_backup_name", "is_encrypted", "load_backup", "load_settings",
    "make_backup", "prepare_restore", "read_password_file", "record_backup", "remember_backup", "reminder",
    "removable_drives", "restore_backup", "restore_over_damaged", "rotate", "save_settings", "suggested_folder",
    "write_backup",
]
