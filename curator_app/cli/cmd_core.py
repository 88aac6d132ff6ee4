"""The house's own commands: demo, info, settings, check, gui."""

from __future__ import annotations

import argparse
import dataclasses

from curator_app.cli import Registry, db_path, print_json


def register(registry: Registry) -> None:
    p = registry.command("demo", "заполнить базу демо-школой", _demo)
    p.add_argument("--mentees", type=int, default=420, metavar="N", help="сколько наставляемых (по умолчанию 420)")
    p.add_argument("--mentors", type=int, default=80, metavar="M", help="сколько наставников (по умолчанию 80)")
    p.add_argument("--seed", type=int, default=2026, metavar="S", help="зерно генератора (одно зерно — одна школа)")

    registry.command("info", "сводка по базе данных в JSON", _info, db="read")

    p = registry.command("settings", "реквизиты школы (без параметров — показать)", _settings)
    p.add_argument("--school", metavar="НАЗВАНИЕ", help="полное наименование организации")
    p.add_argument("--short", metavar="НАЗВАНИЕ", help="краткое наименование")
    p.add_argument("--city", metavar="ГОРОД")
    p.add_argument("--director", metavar="ФИО", help="ФИО директора")
    p.add_argument("--director-position", metavar="ДОЛЖНОСТЬ")
    p.add_argument("--curator", metavar="ФИО", help="ФИО куратора наставничества")
    p.add_argument("--curator-position", metavar="ДОЛЖНОСТЬ")
    p.add_argument("--year", metavar="ГГГГ-ГГГГ", help="учебный год, например 2026-2027")
    p.add_argument("--address", metavar="АДРЕС", help="адрес организации (печатается в согласиях на обработку ПДн)")

    p = registry.command("check", "проверить целостность базы данных или файла резервной копии (--db), "
                         "ничего в нём не меняя", _check, db="none")
    p.add_argument("--password-file", metavar="ФАЙЛ", help="пароль зашифрованной копии (первая строка файла)")

    p = registry.command("gui", "открыть окно программы", _gui, db="none")
    p.add_argument("--screenshot", metavar="ФАЙЛ.png", help="сохранить снимок главного окна и выйти")
    p.add_argument("--tab", metavar="ВКЛАДКА", help="открыть вкладку: roadmap, mentors, mentees, pairs, "
                   "monitoring, documents (или её русское название)")
    p.add_argument("--size", metavar="ШxВ", default="1366x768", help="размер окна для снимка (по умолчанию 1366x768)")


def _demo(args: argparse.Namespace) -> None:
    from curator_app.demo import fill_demo

    print_json(fill_demo(mentees=args.mentees, mentors=args.mentors, seed=args.seed))


def _info(args: argparse.Namespace) -> None:
    from curator_app.db import current_path
    from curator_app.stats import counts

    print_json({**counts(), "database": str(current_path())})


def _settings(args: argparse.Namespace) -> None:
    import re

    from curator_app import settings
    from curator_app.errors import CuratorError

    changes = {key: value for key, value in {
        "full_name": args.school, "short_name": args.short, "city": args.city, "director_name": args.director,
        "director_position": args.director_position, "curator_name": args.curator,
        "curator_position": args.curator_position, "academic_year": args.year, "address": args.address,
    }.items() if value is not None}
    if args.year is not None:
        match = re.fullmatch(r"(\d{4})\s*[-–/]\s*(\d{4})", args.year.strip())
        if not match or int(match[2]) != int(match[1]) + 1:
            raise CuratorError(f"Учебный год «{args.year}» указан неверно: нужен вид 2026-2027.")
        changes["academic_year"] = f"{match[1]}-{match[2]}"
    school = settings.update_school(**changes) if changes else settings.load_school()
    print_json(dataclasses.asdict(school))


def _check(args: argparse.Namespace) -> int:
    """Check the database or a backup file (``--db``) strictly read-only: nothing is locked, created or
    migrated; an encrypted backup is decrypted into memory, never into a file."""
    import sys

    from curator_app.backup import crypto as backup_crypto
    from curator_app.backup import load_backup
    from curator_app.db import LATEST, open_database
    from curator_app.db.integrity import check_database
    from curator_app.errors import CuratorError

    path = db_path(args)
    if backup_crypto.is_encrypted(path):
        if not args.password_file:
            raise CuratorError(f"Копия «{path}» зашифрована: укажите --password-file.")
        image = load_backup(path, backup_crypto.read_password_file(args.password_file))
        try:
            result = check_database(allow_older=True, conn=image)
        finally:
            image.close()
    else:
        open_database(path, read_only=True, as_is=True)
        result = check_database(allow_older=True)
    if not result.problems:
        note = f" (схема {result.version}, будет обновлена до {LATEST} при открытии)" if result.version < LATEST else ""
        print(f"База данных «{path}» в порядке{note}.")
        return 0
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return 1


def _gui(args: argparse.Namespace) -> int:
    import importlib

    try:  # the one place the core reaches the Qt face, by name: the CLI is where the program is put together
        run = importlib.import_module("ui.app").run
    except ImportError as exc:  # the GUI's libraries are missing
        from curator_app.errors import CuratorError

        raise CuratorError(f"Не удалось загрузить графический интерфейс: {exc}. "
                           "Запустите установку заново (см. README).") from exc
    width, _, height = args.size.partition("x")
    return run(db_path(args), screenshot=args.screenshot, tab=args.tab, size=(int(width), int(height)))
