"""What a backup file holds, read without changing it: the checks a copy must pass before it is trusted.

A backup is read into memory (:func:`load_backup`): an encrypted one is decrypted there, never into a file,
so no plain copy of it is left anywhere if the program is killed while it looks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from curator_app.backup import crypto
from curator_app.db.copy import COPY_NAME, STAMP, read_setting, table_counts
from curator_app.db.readable import SQLITE_HEADER, connect_readable, from_image
from curator_app.errors import CuratorError, NotACuratorDatabaseError, SchemaTooNewError
from curator_app.limits import MAX_BACKUP_BYTES, check_size


class PasswordNeededError(CuratorError):
    """The backup is encrypted and no password was given."""


@dataclass
class BackupInfo:
    """What a backup holds, read from a verified copy."""

    path: Path
    school: str
    schema_version: int
    people: int
    mentorships: int
    made_at: dt.datetime | None = None
    encrypted: bool = False
    counts: dict[str, int] = field(default_factory=dict)


def load_backup(path: Path, password: str | None = None) -> sqlite3.Connection:
    """The backup at ``path`` as a database in memory (decrypted if it is encrypted), not yet verified: see
    :func:`describe`. Any thread may use the connection."""
    if not path.is_file():
        raise CuratorError(f"Файл резервной копии «{path}» не найден.")
    check_size(path, MAX_BACKUP_BYTES, "Файл резервной копии")
    if crypto.is_encrypted(path):
        if not password:
            raise PasswordNeededError(f"Копия «{path.name}» зашифрована: нужен пароль.")
        plain = io.BytesIO()
        try:
            with open(path, "rb") as source:
                crypto.decrypt_stream(source, plain, password, path.name, path.stat().st_size)
        except OSError as exc:
            raise CuratorError(f"Не удалось прочитать «{path}»: {exc.strerror or exc}.") from exc
        if not plain.getvalue().startswith(SQLITE_HEADER):
            raise NotACuratorDatabaseError(f"Файл «{path}» не является резервной копией «Куратора».")
        return from_image(plain.getvalue(), check_same_thread=False)
    _check_header(path)
    try:
        conn = connect_readable(path, check_same_thread=False)
        try:
            return snapshot_of(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CuratorError(f"Резервная копия «{path}» повреждена: {exc}.") from exc


def snapshot_of(conn: sqlite3.Connection) -> sqlite3.Connection:
    """What ``conn`` holds, copied into memory."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.backup(memory)
    return memory


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise CuratorError(f"Не удалось прочитать «{path}»: {exc.strerror or exc}.") from exc
    if header != SQLITE_HEADER:
        raise NotACuratorDatabaseError(f"Файл «{path}» не является резервной копией «Куратора».")


def describe(conn: sqlite3.Connection, shown: Path) -> BackupInfo:
    """Verify a copy (a real Curator database, sound, schema not newer than the program) and say what it
    holds, without changing it; ``shown`` names it in messages."""
    from curator_app.db import APPLICATION_ID, LATEST

    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise NotACuratorDatabaseError(f"Файл «{shown}» — база данных другой программы, не «Куратора».")
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            raise CuratorError(f"Резервная копия «{shown}» повреждена: {rows[0]}.")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            raise SchemaTooNewError(f"Копия «{shown}» сделана более новой версией программы "
                                    f"(схема {version}, эта версия понимает до {LATEST}). Обновите программу.")
        counts = table_counts(conn)
        school = read_setting(conn, "school.short_name") or read_setting(conn, "school.full_name")
        made = read_setting(conn, "backup.copy_made_at")
    except sqlite3.DatabaseError as exc:
        raise CuratorError(f"Резервная копия «{shown}» повреждена: {exc}.") from exc
    return BackupInfo(shown, str(school or ""), version, counts.get("person", 0), counts.get("mentorship", 0),
                      _made_at(shown, made), crypto.is_encrypted(shown), counts=counts)


def describe_plain(path: Path, shown_as: Path | None = None) -> BackupInfo:
    """Verify an unencrypted copy and say what it holds, without changing it."""
    shown = shown_as or path
    _check_header(path)
    try:
        conn = connect_readable(path)
    except sqlite3.DatabaseError as exc:
        raise CuratorError(f"Резервная копия «{shown}» повреждена: {exc}.") from exc
    try:
        return describe(conn, shown)
    finally:
        conn.close()


def _made_at(path: Path, recorded: object) -> dt.datetime | None:
    match = COPY_NAME.match(path.name)
    if match:
        return dt.datetime.strptime(match["stamp"], STAMP)
    if isinstance(recorded, str):
        with contextlib.suppress(ValueError):
            return dt.datetime.fromisoformat(recorded)
    with contextlib.suppress(OSError):
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    return None

