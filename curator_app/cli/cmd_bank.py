"""``import bank mentees|mentors FILE [--skip-invalid]``, ``export bank mentees|mentors FILE.xlsx`` and
``rollover [--apply]`` (the new academic year)."""

from __future__ import annotations

import argparse
import sys

from curator_app.cli import Registry, print_json

_ROLES = {"mentees": "mentee", "mentors": "mentor"}


def register(registry: Registry) -> None:
    p = registry.group("import", "импорт данных").command(
        "bank", "импорт банка наставников или наставляемых из Excel (.xlsx, .xls), LibreOffice (.ods) или CSV", _import)
    p.add_argument("bank", choices=list(_ROLES), help="mentees — наставляемые, mentors — наставники")
    p.add_argument("file", metavar="ФАЙЛ", help="таблица .xlsx, .xls, .ods или .csv (UTF-8, UTF-16 или "
                   "Windows-1251; «;», «,» или табуляция); незагруженные столбцы — в ignored_columns")
    p.add_argument("--skip-invalid", action="store_true",
                   help="записать верные строки, ошибочные пропустить (по умолчанию — всё или ничего)")

    p = registry.group("export", "экспорт данных").command(
        "bank", "выгрузка банка наставников или наставляемых в Excel", _export, db="read")
    p.add_argument("bank", choices=list(_ROLES), help="mentees — наставляемые, mentors — наставники")
    p.add_argument("file", metavar="ФАЙЛ.xlsx")
    p.add_argument("--archived", action="store_true", help="включить архив (по умолчанию — только действующие)")

    p = registry.command("rollover", "новый учебный год: перевод в следующий класс, выпускники в архив, "
                         "закрытие завершённых пар (без --apply — только показать)", _rollover)
    p.add_argument("--apply", action="store_true", help="выполнить перевод")


def _import(args: argparse.Namespace) -> int:
    from curator_app.banks import apply_import, plan_import
    from curator_app.errors import CuratorError

    plan = plan_import(args.file, _ROLES[args.bank])
    try:
        summary = apply_import(plan, skip_invalid=args.skip_invalid)
    except CuratorError:
        print_json({**plan.summary(), "added": 0, "updated": 0, "written": False})
        raise
    print_json({**summary, "written": True})
    return 0 if summary["added"] or summary["updated"] or not summary["rejected"] else 1


def _export(args: argparse.Namespace) -> None:
    from curator_app.banks import BankFilter, export_bank

    n = export_bank(_ROLES[args.bank], args.file, BankFilter(status="" if args.archived else "active"))
    print_json({"file": args.file, "bank": _ROLES[args.bank], "rows": n})


def _rollover(args: argparse.Namespace) -> None:
    from curator_app.banks import apply_rollover, plan_rollover

    plan = plan_rollover()
    if not args.apply:
        print_json({**plan.summary(), "applied": False})
        print("Это предпросмотр; чтобы выполнить, добавьте --apply.", file=sys.stderr)
        return
    print_json({**apply_rollover(plan), "applied": True})
