"""A database on a real write-protected medium: opened read-only, never written, copied off it.

Without root the medium is a folder and a file without write permission; as root (permissions do not
bind root) a small tmpfs is mounted and remounted read-only; where neither works the test is skipped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from curator_app.cli import main
from curator_app.db import close_database, is_read_only, open_database, writable
from curator_app.errors import CuratorError
from curator_app.models import Person


@pytest.fixture
def medium(tmp_path: Path, demo_db: Path) -> Iterator[Path]:
    """A folder holding a copy of the demo database (in WAL mode), then made read-only."""
    close_database()
    folder = tmp_path / "cd"
    folder.mkdir()
    mounted = False
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "none", str(folder)],
                          capture_output=True).returncode != 0:
            pytest.skip("нельзя смонтировать tmpfs")
        mounted = True
    shutil.copyfile(demo_db, folder / "school.sqlite")
    try:
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        else:
            (folder / "school.sqlite").chmod(stat.S_IRUSR)
            folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        yield folder / "school.sqlite"
    finally:
        close_database()
        if mounted:
            subprocess.run(["umount", str(folder)], capture_output=True)
        else:
            folder.chmod(stat.S_IRWXU)


def test_database_on_read_only_medium_is_only_read(medium: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = hashlib.sha256(medium.read_bytes()).hexdigest()
    assert not writable(medium)
    with pytest.raises(CuratorError, match="недоступна для записи"):
        open_database(medium)  # the window's way (with the lock) says why, then opens read-only
    open_database(medium, read_only=True)
    assert is_read_only() and Person.select().count() > 0
    close_database()
    assert main(["--db", str(medium), "check"]) == 0
    assert main(["--db", str(medium), "info"]) == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--db", str(medium), "backup", "--to", str(usb)]) == 0
    written = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert written.parent == usb and written.exists()
    assert main(["--db", str(medium), "backup", "--to", str(medium.parent)]) == 1
    assert "нельзя записать резервную копию" in capsys.readouterr().err
    assert sorted(p.name for p in medium.parent.iterdir()) == ["school.sqlite"]
    assert hashlib.sha256(medium.read_bytes()).hexdigest() == before
