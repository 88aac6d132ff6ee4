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
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, final)
    except OSError as exc:
        raise CuratorError(f"Не удалось записать файл «{final}»: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
