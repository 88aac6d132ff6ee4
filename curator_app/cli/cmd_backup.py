"""Backup commands: ``backup --to DIR`` and ``restore FILE`` (``check`` on a backup is in cmd_core)."""

from __future__ import annotations

import argparse
import sys

from curator_app.cli import Registry, db_path


def register(registry: Registry) -> None:
    p = registry.command("backup", "сделать проверенную резервную копию базы (печатает путь к файлу)", _backup,
                         db="read")
    p.add_argument("--to", required=True, metavar="ПАПКА", help="куда записать копию (например, флешка)")
    p.add_argument("--password-file", metavar="ФАЙЛ", help="зашифровать копию паролем из первой строки файла")
    p.add_argument("--keep", type=int, metavar="N", help="сколько последних копий школы оставить в папке "
                   "(по умолчанию — из настроек, 10)")

    p = registry.command("restore", "восстановить базу из резервной копии (текущая сохраняется рядом)", _restore,
                         db="none")
    p.add_argument("file", metavar="ФАЙЛ", help="файл резервной копии (.curator-backup.sqlite или .enc)")
    p.add_argument("--password-file", metavar="ФАЙЛ", help="файл с паролем зашифрованной копии")


def _password(args: argparse.Namespace) -> str | None:
    from curator_app.backup import read_password_file

    return read_password_file(args.password_file) if args.password_file else None


def _backup(args: argparse.Namespace) -> None:
    from curator_app.backup import load_settings, remember_backup, write_backup
    from curator_app.db import current_path
    from curator_app.errors import CuratorError

    if args.keep is not None and args.keep < 1:
        raise CuratorError(f"--keep: нужно число от 1, а не {args.keep}.")
    source = current_path()
    assert source is not None
    result = write_backup(args.to, source, password=_password(args),
                          keep=load_settings().keep if args.keep is None else args.keep)
    print(result.path, flush=True)  # the copy is made and verified: say so before waiting to record it
    note = remember_backup(result.path)
    if note:
        print(note, file=sys.stderr)


def _restore(args: argparse.Namespace) -> None:
    from curator_app.backup import inspect_backup, restore_backup, restore_over_damaged
    from curator_app.db import close_database, open_database
    from curator_app.errors import DatabaseLockedError, NotACuratorDatabaseError

    password = _password(args)
    info = inspect_backup(args.file, password)
    target = db_path(args)
    try:
        open_database(target)
    except DatabaseLockedError:
        raise
    except NotACuratorDatabaseError as error:  # the reason to restore: the current file is damaged
        print(f"Текущая база не открывается ({error}); она будет сохранена и заменена.", file=sys.stderr)
        safety = restore_over_damaged(target, args.file, password)
        open_database(target)
    else:
        safety = restore_backup(args.file, password)
    close_database()
    when = f" от {info.made_at:%d.%m.%Y %H:%M}" if info.made_at else ""
    print(f"База восстановлена из копии «{info.path}»{when}: школа «{info.school or '—'}», людей {info.people}, "
          f"пар и групп {info.mentorships}. Прежняя база сохранена в «{safety}».")
