"""Gathering the schools' files: folders opened, every file read and checked, one row kept per school.

Nothing is summed from a file that did not read: every refusal is kept with the file's name and the reason
(:attr:`Collection.problems`), and the caller writes nothing while there are any. The same school given
twice (by its name, with case, quotes and spaces folded) keeps the table of the later date, and says which
file it dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.tasks import QUIET, TaskCancelled, TaskState

from .columns import SchoolRow
from .read import DistrictTableGiven, SchoolFileError, read_school_table

TABLE_SUFFIXES = (".xlsx", ".xlsm")
BACKUP_SUFFIXES = (".curator-backup.sqlite", ".curator-backup.enc")
_EPOCH = dt.date(1, 1, 1)


@dataclass
class Collection:
    """What the files gave: ``rows`` one per school (by name), ``problems`` the files refused, ``notes``
    what was left out on purpose (an older table of the same school, a district summary in the folder),
    ``dropped`` the same by file."""

    rows: list[SchoolRow] = field(default_factory=list)
    problems: list[SchoolFileError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    dropped: dict[Path, str] = field(default_factory=dict)

    def check(self) -> None:
        """Raise one error naming every file refused (nothing is to be written then)."""
        if self.problems:
            count = len(self.problems)
            raise CuratorError(f"Не прочитано файлов: {count} из {len(self.files)}; сводка не записана. "
                               + "; ".join(str(p) for p in self.problems) + ".")


def school_files(folder: Path) -> list[Path]:
    """The files of a folder that may be schools' tables or backups (Excel's «~$» lock files left out)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(("~$", "."))
                  and (p.suffix.lower() in TABLE_SUFFIXES or p.name.lower().endswith(BACKUP_SUFFIXES)))


def collect(paths: Iterable[str | Path], password: str | None = None, state: TaskState = QUIET,
            exclude: Sequence[str | Path] = ()) -> Collection:
    """Read every file of ``paths`` (a folder stands for its files); ``password`` opens encrypted backups;
    ``exclude`` (the summary being written) is never read."""
    result = Collection()
    skip = {Path(p).resolve() for p in exclude}
    listed: list[Path] = []
    in_folders: set[Path] = set()  # found in a folder, not named: a district summary there is skipped
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = school_files(path)
            listed += found
            in_folders.update(found)
        else:
            listed.append(path)
    seen: set[Path] = set()
    for path in listed:
        resolved = path.resolve()
        if resolved in skip or resolved in seen:
            continue
        seen.add(resolved)
        result.files.append(path)
    kept: dict[str, SchoolRow] = {}
    for done, path in enumerate(result.files):
        if state.cancelled():
            raise TaskCancelled("Сводка отменена.")
        state.progress(done, len(result.files), f"Чтение «{path.name}»…")
        try:
            row = read_school_file(path, password)
        except DistrictTableGiven as error:
            if path in in_folders:
                result.notes.append(f"«{path.name}» пропущен: это сводка по школам, а не таблица школы.")
                result.dropped[path] = "пропущен: это сводка по школам, а не таблица школы"
            else:
                result.problems.append(error)
            continue
        except SchoolFileError as error:
            result.problems.append(error)
            continue
        _keep(kept, row, result)
    state.progress(len(result.files), len(result.files), "Готово")
    result.rows = sorted(kept.values(), key=lambda r: natural(r.key))
    return result


def natural(text: str) -> list[tuple[int, int | str]]:
    """A sort key that puts «СОШ № 2» before «СОШ № 10»."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part]


def read_school_file(path: Path, password: str | None = None) -> SchoolRow:
    """A school's row from its table or its backup; :class:`SchoolFileError` names the file and the reason."""
    from curator_app.backup import is_encrypted

    if not path.is_file():
        raise SchoolFileError(path, "файл не найден" if not path.exists() else "это не файл")
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise SchoolFileError(path, f"файл не читается ({exc.strerror or exc})") from exc
    if head.startswith(b"PK"):
        return read_school_table(path)
    if head == b"SQLite format 3\x00" or is_encrypted(path):
        from .backups import row_of_backup

        try:
            return row_of_backup(path, password)
        except CuratorError as error:
            raise SchoolFileError(path, _backup_reason(error)) from error
    raise SchoolFileError(path, "не таблица Excel (.xlsx) и не резервная копия «Куратора»")


def _backup_reason(error: CuratorError) -> str:
    from curator_app.backup import PasswordNeededError, WrongPasswordError

    if isinstance(error, PasswordNeededError):
        return "резервная копия зашифрована: укажите пароль (--password-file)"
    if isinstance(error, WrongPasswordError):
        return "пароль не подходит к этой резервной копии"
    return str(error).rstrip(".")


def _keep(kept: dict[str, SchoolRow], row: SchoolRow, result: Collection) -> None:
    earlier = kept.get(row.key)
    if earlier is None:
        kept[row.key] = row
        return
    newer, older = (row, earlier) if (row.as_of or _EPOCH) >= (earlier.as_of or _EPOCH) else (earlier, row)
    kept[row.key] = newer
    new_file, old_file = _name(newer), _name(older)
    if new_file == old_file and newer.source and older.source:
        new_file, old_file = str(newer.source), str(older.source)
    note = (f"{newer.label}: таблица дана дважды — взята на {date_short(newer.as_of)} "
            f"(«{new_file}»), на {date_short(older.as_of)} («{old_file}») не учтена.")
    newer.notes.append(note)
    result.notes.append(note)
    if older.source is not None:
        result.dropped[older.source] = (f"не учтён: взята таблица этой школы на {date_short(newer.as_of)} "
                                        f"(«{new_file}»)")


def _name(row: SchoolRow) -> str:
    return row.source.name if row.source else ""
