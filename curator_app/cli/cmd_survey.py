"""Monitoring questionnaires: ``survey blank``, ``survey import``, ``survey waves``, ``survey create``,
``survey templates``."""

from __future__ import annotations

import argparse
import datetime as dt

from curator_app.cli import Registry, print_json


def register(registry: Registry) -> None:
    group = registry.group("survey", "анкеты мониторинга")

    p = group.command("blank", "напечатать бланки анкет (PDF) с именами участников волны", _blank)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf", help="куда сохранить PDF")
    p.add_argument("--wave", type=int, metavar="ID", help="волна (по умолчанию — последняя; без волн — пустые "
                   "бланки всех анкет)")
    p.add_argument("--unanswered", action="store_true", help="только тем, кто ещё не ответил")

    p = group.command("import", "загрузить ответы из таблицы Excel/CSV онлайн-формы", _import)
    p.add_argument("file", metavar="ФАЙЛ", help="таблица .xlsx или .csv, в первой строке заголовки")
    p.add_argument("--wave", type=int, required=True, metavar="ID", help="волна анкетирования")
    p.add_argument("--skip-invalid", action="store_true", help="загрузить верные строки, ошибочные пропустить")

    group.command("waves", "волны анкетирования с ходом ответов (JSON)", _waves, db="read")
    group.command("templates", "текущие версии анкет (JSON)", _templates)

    p = group.command("create", "создать волну анкетирования", _create)
    p.add_argument("--title", required=True, metavar="НАЗВАНИЕ")
    p.add_argument("--kind", choices=("entry", "final", "custom"), default="entry",
                   help="входная (entry), итоговая (final) или другая (custom)")
    p.add_argument("--year", metavar="ГГГГ-ГГГГ", help="учебный год (по умолчанию текущий)")
    p.add_argument("--due", metavar="ДД.ММ.ГГГГ", help="срок (по умолчанию 20 декабря или 20 мая)")


def _date(text: str | None) -> dt.date | None:
    from curator_app.errors import CuratorError

    if not text:
        return None
    try:
        return dt.datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError:
        raise CuratorError(f"Дата «{text}» указана неверно: нужен вид ДД.ММ.ГГГГ.") from None


def _blank(args: argparse.Namespace) -> None:
    from curator_app.monitoring import build_blanks, ensure_templates, latest_wave

    ensure_templates()
    wave_id = args.wave
    if wave_id is None:
        latest = latest_wave()
        wave_id = latest.id if latest else None
    count = build_blanks(args.out, wave_id, only_unanswered=args.unanswered)
    print_json({"out": args.out, "wave": wave_id, "questionnaires": count})


def _import(args: argparse.Namespace) -> None:
    from curator_app.monitoring import import_answers

    report = import_answers(args.file, args.wave, skip_invalid=args.skip_invalid)
    print_json({"wave": args.wave, **report.as_dict()})


def _waves(args: argparse.Namespace) -> None:
    from curator_app.monitoring import progress, waves

    result = []
    for wave in waves():
        p = progress(wave.id)
        result.append({"id": wave.id, "title": wave.title, "kind": wave.kind, "academic_year": wave.academic_year,
                       "start_date": wave.start_date, "due_date": wave.due_date, "closed": wave.closed,
                       "expected": p.expected, "answered": p.answered})
    print_json(result)


def _templates(args: argparse.Namespace) -> None:
    from curator_app.monitoring import current_questionnaires, questions_of

    print_json([{"id": q.id, "code": q.code, "version": q.version, "title": q.title, "audience": q.audience,
                 "questions": len(questions_of(q.id))} for q in current_questionnaires()])


def _create(args: argparse.Namespace) -> None:
    from curator_app.monitoring import create_wave, default_dates, ensure_templates

    ensure_templates()
    due = _date(args.due)
    start = None
    if due is not None:
        start = min(due, default_dates(args.kind if args.kind != "custom" else "entry",
                                       args.year or _current_year())[0])
    wave = create_wave(args.title, args.kind, args.year, start, due)
    print_json({"id": wave.id, "title": wave.title, "kind": wave.kind, "academic_year": wave.academic_year,
                "start_date": wave.start_date, "due_date": wave.due_date})


def _current_year() -> str:
    from curator_app.lang.fmt import academic_year_of

    return academic_year_of(dt.date.today())
