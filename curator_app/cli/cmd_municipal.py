"""``municipal``: the district's table (XLSX) or analytic report (PDF) from the schools' files."""

from __future__ import annotations

import argparse
from pathlib import Path

from curator_app.cli import Registry, print_json


def register(registry: Registry) -> None:
    p = registry.command("municipal", "сводка по школам района: таблица (XLSX) или аналитическая справка (PDF) из "
                         "таблиц школ и их резервных копий", _municipal, db="none")
    p.add_argument("--out", required=True, metavar="ФАЙЛ.xlsx|.pdf", help="куда сохранить; вид — по расширению")
    p.add_argument("files", nargs="+", metavar="ФАЙЛ",
                   help="таблицы школ (report --out …xlsx), резервные копии «Куратора» (.curator-backup.sqlite, "
                   ".enc) или папки с ними")
    p.add_argument("--password-file", metavar="ФАЙЛ", help="пароль зашифрованных копий (первая строка файла)")
    p.add_argument("--district", metavar="НАЗВАНИЕ", help="кто составляет сводку (управление образования), для "
                   "заголовка справки")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата справки (по умолчанию — сегодня)")
    p.add_argument("--conclusions-file", metavar="ФАЙЛ", help="выводы и предложения для справки (текст, UTF-8)")


def _municipal(args: argparse.Namespace) -> None:
    import datetime as dt

    from curator_app.district import build_district_report, build_district_table, collect
    from curator_app.errors import CuratorError

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise CuratorError(f"Файл «{args.out}»: нужно расширение .xlsx (таблица) или .pdf (справка).")
    try:
        day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError as exc:
        raise CuratorError(f"--date: нужна дата вида 2027-05-20, а не «{args.date}».") from exc
    conclusions = ""
    if args.conclusions_file:
        try:
            conclusions = Path(args.conclusions_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CuratorError(f"Не удалось прочитать файл с выводами «{args.conclusions_file}»: {exc}.") from exc
    password = None
    if args.password_file:
        from curator_app.backup import read_password_file

        password = read_password_file(args.password_file)
    found = collect(args.files, password, exclude=[out])
    found.check()
    if not found.rows:
        raise CuratorError("Среди указанных файлов нет ни одной таблицы школы: сводка не записана.")
    if suffix == ".xlsx":
        build_district_table(found.rows, out, found.notes)
    else:
        build_district_report(found.rows, out, day=day, district=args.district or "", notes=found.notes,
                              conclusions=conclusions)
    print_json({"out": str(out), "format": suffix[1:], "files": len(found.files), "schools": len(found.rows),
                "below_target": [row.name for row in found.rows if row.below_target], "notes": found.notes})
