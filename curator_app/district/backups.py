"""A school's row from its Curator backup (plain or encrypted), for a district that collects backups.

The backup is read into memory and verified there (``backup.load_backup``, decrypted in memory when
encrypted), and the models are bound to that copy in memory (``db.open_image``, upgraded there if an older
program made it): no plain file of it is written anywhere. The row is the one :func:`.row.school_row`
computes, «по состоянию на» the day the copy was made. Only the counts leave the copy.

The database binding of the models is one per process (``curator_app.db``). Where none is open (the CLI's
``municipal``) the copy is opened here; where the window has the school's own database open, the copy is
read by a child process (:mod:`.child`, the password handed over on its standard input), so the window's
database is never closed or rebound.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from curator_app.errors import CuratorError

from .columns import BY_KEY, SchoolRow

CHILD_TIMEOUT = 600


def row_of_backup(path: Path, password: str | None = None) -> SchoolRow:
    """The school's row from the backup at ``path``; a :class:`CuratorError` says why it cannot be read."""
    from curator_app.db import current_path

    if current_path() is None:
        values = row_in_process(path, password)
    else:
        values = _row_in_child(path, password)
    return SchoolRow(values, source=path)


def row_in_process(path: Path, password: str | None) -> dict[str, Any]:
    """Read the backup at ``path`` into memory, bind the models to it, compute its row, let it go. Only where
    no other database is open in this process."""
    from curator_app.backup import describe, load_backup
    from curator_app.db import close_database, open_image

    from .row import school_row

    image = load_backup(path, password)
    try:
        info = describe(image, path)
        day = info.made_at.date() if info.made_at else dt.date.today()
        open_image(image, path)
    finally:
        image.close()
    try:
        return school_row(day).values
    finally:
        close_database()


def _row_in_child(path: Path, password: str | None) -> dict[str, Any]:
    root = str(Path(__file__).resolve().parents[2])  # the folder curator_app lives in
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    try:
        done = subprocess.run([sys.executable, "-m", "curator_app.district.child", str(path)],
                              input=password or "", capture_output=True, text=True, encoding="utf-8", env=env,
                              timeout=CHILD_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as exc:
        raise CuratorError(f"Не удалось прочитать резервную копию: {exc}.") from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise CuratorError(lines[-1] if lines else f"код выхода {done.returncode}")
    return decode(json.loads(done.stdout))


def encode(values: dict[str, Any]) -> dict[str, Any]:
    """A row's values as JSON can carry them (dates as ISO text)."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def decode(values: dict[str, Any]) -> dict[str, Any]:
    column = BY_KEY.get
    return {k: dt.date.fromisoformat(v) if (c := column(k)) is not None and c.kind == "date" and isinstance(v, str)
            else v for k, v in values.items()}
