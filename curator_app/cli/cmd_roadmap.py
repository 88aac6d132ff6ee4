"""``import roadmap FILE`` and ``export roadmap FILE.xlsx|.pdf|.json``."""

from __future__ import annotations

import argparse

from curator_app.cli import Registry, print_json


def register(registry: Registry) -> None:
    p = registry.group("import", "импорт данных").command(
        "roadmap", "загрузить дорожную карту из .docx, .pdf, .xlsx или текста (.txt, .md) как новую", _import)
    p.add_argument("file", metavar="ФАЙЛ", help="документ с таблицей дорожной карты (Word, PDF, Excel или текст)")
    p.add_argument("--dry-run", action="store_true", help="только прочитать и показать сводку, не сохраняя")

    p = registry.group("export", "экспорт данных").command(
        "roadmap", "выгрузить дорожную карту в .xlsx, .pdf или .json", _export, db="read")
    p.add_argument("file", metavar="ФАЙЛ", help="куда записать: ФАЙЛ.xlsx, ФАЙЛ.pdf или ФАЙЛ.json")
    p.add_argument("--id", type=int, metavar="N", help="номер дорожной карты (по умолчанию — последняя загруженная)")


def _import(args: argparse.Namespace) -> None:
    from curator_app.roadmap import parse_file, save_parsed, summary

    parsed = parse_file(args.file)
    result = summary(parsed)
    if args.dry_run:
        result["saved"] = False
    else:
        from pathlib import Path

        roadmap = save_parsed(parsed, Path(args.file).name)
        result = {"id": roadmap.id, **result, "saved": True}
    print_json(result)


def _export(args: argparse.Namespace) -> None:
    from curator_app.roadmap import export_roadmap

    path = export_roadmap(args.file, args.id)
    print(f"Дорожная карта выгружена в «{path}».")
