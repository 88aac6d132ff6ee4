"""Writing files so that nothing is ever half-written: a temporary name in the same folder, then rename."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from curator_app.errors import CuratorError


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends without error the file is flushed to
    disk and renamed over ``target``; on error it is removed and ``target`` is left as it was.

    OS errors (a full or pulled-out drive, no rights) become a Russian :class:`CuratorError`.
    """
    final = Path(target)
    temp = final.with_name(f".{final.name}.{os.getpid()}.part")
    try:
        if not final.parent.is_dir():
            raise CuratorError(f"Папка «{final.parent}» не найдена.")
        yield temp
        fsync_file(temp)
        os.replace(temp, final)
    except OSError as exc:
        raise CuratorError(f"Не удалось записать файл «{final}»: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    """Flush ``path``'s contents to the medium (a flash drive pulled out next second keeps them)."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (POSIX; Windows has no directory handles)."""
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def writable(path: str | Path) -> bool:
    """Can the program write the file at ``path`` (and its journal and lock files beside it)?

    False on a read-only medium (a write-protected flash drive, a CD) or without the rights to the folder.
    """
    file = Path(path).expanduser()
    folder = file.parent if file.parent.exists() else file.parent.parent
    if file.exists() and not os.access(file, os.W_OK):
        return False
    return os.access(folder, os.W_OK)
