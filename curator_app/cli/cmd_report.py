"""``report``: the analytic report (PDF) or the municipal monitoring table (XLSX) of a survey wave."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from curator_app.cli import Registry, print_json


def register(registry: Registry) -> None:
    p = registry.command("report", "аналитическая справка (PDF) или таблица для муниципального мониторинга (XLSX)",
                         _report)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf|.xlsx", help="куда сохранить; вид — по расширению")
    p.add_argument("--wave", type=int, metavar="ID", help="волна (по умолчанию — последняя с ответами)")
    p.add_argument("--baseline", type=int, metavar="ID", help="волна для сравнения «до и после» (по умолчанию для "
                   "итоговой волны — входная того же учебного года)")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата справки (по умолчанию сегодня)")
    p.add_argument("--conclusions-file", metavar="F", help="выводы и предложения куратора: текстовый файл UTF-8, "
                   "абзац на строку (по умолчанию — сохранённые в волне, иначе составленные по цифрам)")


def _report(args: argparse.Namespace) -> None:
    from curator_app.errors import CuratorError
    from curator_app.monitoring import analyse, get_wave, latest_wave

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise CuratorError(f"Файл «{args.out}»: нужно расширение .pdf (справка) или .xlsx (таблица).")
    if args.wave is None:
        wave = latest_wave(with_responses=True) or latest_wave()
        if wave is None:
            raise CuratorError("Волн анкетирования нет: создайте волну (survey create) и введите ответы.")
    else:
        wave = get_wave(args.wave)
    day = _date(args.date)
    conclusions = None
    if args.conclusions_file:
        try:
            conclusions = Path(args.conclusions_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CuratorError(f"Не удалось прочитать файл выводов «{args.conclusions_file}»: нужен текст в "
                               f"кодировке UTF-8 ({error.__class__.__name__}).") from None
    analytics = analyse(wave.id, args.baseline)
    if suffix == ".pdf":
        from curator_app.monitoring import build_report

        build_report(analytics, args.out, day=day, conclusions=conclusions)
    else:
        from curator_app.district import build_school_table

        build_school_table(analytics, args.out, as_of=day)  # with the row sheet for the district, on that day
    print_json({"out": args.out, "format": suffix[1:], "wave": wave.id, "baseline": analytics.change.baseline_id
                if analytics.change else None, "expected": analytics.expected, "answered": analytics.answered,
                "date": day.isoformat()})


def _date(value: str | None) -> dt.date:
    from curator_app.errors import CuratorError

    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CuratorError(f"Дата «{value}» указана неверно: нужен вид ГГГГ-ММ-ДД, например 2026-12-20.") from None
