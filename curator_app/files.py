"""Writing files so that nothing is ever half-written, and nothing is left lying about.

The one way to a temporary file: :func:`temp_path` names it beside its final name as
``.<name>.<pid>.part``, :func:`create_private` makes it readable by its owner alone (0600 on POSIX) before a
byte is written, and it is removed on every way out of the block that wrote it; a process killed half-way
leaves one that :func:`sweep` removes the next time the program looks there (a file whose process is dead,
or older than an hour). A private folder for the rare work that needs one (:func:`private_tempdir`) is made
0700 and removed at the end; :func:`sweep_tempdir` removes those of dead processes at start.

Everything the program writes is private to the user: the database and its folder, copies, exported files.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from curator_app.errors import CuratorError, cause_of

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
STALE_AFTER = 3600.0  # seconds: a temporary file this old belongs to no running operation
_PART = re.compile(r"^\.(?P<name>.+?)(?:\.restore|\.putback)?[.-](?P<pid>\d+)\.part(?:-journal|-wal|-shm)?$")
_TEMP_DIR = re.compile(r"^curator-(?P<pid>\d+)-")
_OLD_TEMP_DIR = re.compile(r"^curator-(check-)?[a-z0-9_]{8}$")  # earlier versions' decrypted copies


def temp_path(final: Path) -> Path:
    """The temporary name this process uses for ``final`` while writing it."""
    return final.with_name(f".{final.name}.{os.getpid()}.part")


def create_private(path: Path) -> Path:
    """Create the empty file ``path`` readable by its owner alone (a stale one of this process is replaced)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE))
    return path


def make_private(path: Path) -> None:
    """Take the group's and others' rights from ``path`` (POSIX; a FAT flash drive has none to take)."""
    if os.name == "nt":  # pragma: no cover - Windows keeps a user's files private by their folder's ACL
        return
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(os.stat(path).st_mode)
        if current & 0o077:
            os.chmod(path, current & ~0o077)


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if needed; a folder it creates is 0700."""
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=PRIVATE_DIR, exist_ok=True)
        make_private(folder)
    return folder


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a private temporary path beside ``target``; when the block ends without error the file is
    flushed to disk and renamed over ``target``; on any error it is removed and ``target`` is left as it was.

    OS errors (a full or pulled-out drive, no rights) become a Russian :class:`CuratorError`.
    """
    final = Path(target)
    temp = temp_path(final)
    try:
        if not final.parent.is_dir():
            raise CuratorError(f"Папка «{final.parent}» не найдена.")
        sweep(final.parent, lambda name: name == final.name)
        create_private(temp)
        yield temp
        make_private(temp)  # a writer that replaced the file gave it the default rights
        fsync_file(temp)
        os.replace(temp, final)
    except OSError as exc:
        raise write_failed(final, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def write_failed(final: Path, exc: BaseException) -> CuratorError:
    """What to say when writing ``final`` failed."""
    kind = cause_of(exc)
    if kind == "disk_full":
        return CuratorError(f"Не удалось записать файл «{final}»: на диске закончилось место. "
                            "Освободите место или выберите другую папку.")
    if kind in ("read_only", "no_rights"):
        return CuratorError(f"Не удалось записать файл «{final}»: папка защищена от записи или нет прав на неё. "
                            "Выберите другую папку.")
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return CuratorError(f"Не удалось записать файл «{final}»: {detail}.")


def pid_alive(pid: int) -> bool:
    """Is a process with this id running on this computer?"""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # somebody else's process
    return True


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _stale(path: Path, pid: int) -> bool:
    """Left by a process that died, or old enough that its number may belong to another process now. This
    process's own files are in use, however old they look (a clock put forward must not take them)."""
    if pid == os.getpid():
        return False
    return not pid_alive(pid) or _older_than(path, STALE_AFTER)


def sweep(folder: Path, wanted: Callable[[str], bool] | None = None) -> list[Path]:
    """Remove this program's temporary files in ``folder`` (``.<name>.<pid>.part`` with ``wanted(name)``, or
    any name, and SQLite's journal beside one) left by processes that died or older than an hour. Returns
    what was removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _PART.match(entry.name)
        if not match or (wanted is not None and not wanted(match["name"])):
            continue
        path = Path(entry.path)
        if _stale(path, int(match["pid"])):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


@contextlib.contextmanager
def private_tempdir() -> Iterator[Path]:
    """A folder in the system's temporary folder only this user can enter, removed with all it holds."""
    folder = Path(tempfile.mkdtemp(prefix=f"curator-{os.getpid()}-"))  # mkdtemp makes it 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_tempdir() -> list[Path]:
    """Remove private folders of dead processes (and earlier versions' leftovers older than an hour) from
    the system's temporary folder."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            path, match = Path(entry.path), _TEMP_DIR.match(entry.name)
            if match:
                stale = _stale(path, int(match["pid"]))
            elif _OLD_TEMP_DIR.match(entry.name):
                stale = _older_than(path, STALE_AFTER)
            else:
                continue
            if stale and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


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


def disk_full(folder: Path) -> bool:
    """Is the disk holding ``folder`` (practically) full? SQLite names a full disk «disk I/O error» when it
    cannot make room for its shared-memory file; this tells the two apart."""
    try:
        return shutil.disk_usage(folder).free < 1_000_000
    except OSError:
        return False


def writable(path: str | Path) -> bool:
    """Can the program write the file at ``path`` (and its journal and lock files beside it)?

    False on a read-only medium (a write-protected flash drive, a CD) or without the rights to the folder.
    """
    file = Path(path).expanduser()
    folder = file.parent if file.parent.exists() else file.parent.parent
    if file.exists() and not os.access(file, os.W_OK):
        return False
    return os.access(folder, os.W_OK)
