"""Export of a bank to Excel in the form schools keep (DOMAIN §4): a title with the school and the date,
a bold header, column widths, the header frozen and filters on. Respects the filter it is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from curator_app.errors import CuratorError
from curator_app.files import atomic_path
from curator_app.lang.fmt import date_short
from curator_app.settings import load_school

from .rows import CONSENT_LABELS, BankFilter, BankRow, bank_rows, category_label, filter_rows
from .xlsx_write import write_table


def _d(value: str | None) -> str:
    return date_short(dt.date.fromisoformat(value)) if value else ""


Column = tuple[str, int, Callable[[BankRow], Any]]

COLUMNS: dict[str, list[Column]] = {
    "mentee": [
        ("ФИО", 34, lambda r: r.full_name),
        ("Дата рождения", 13, lambda r: _d(r.birth_date)),
        ("Класс / должность", 18, lambda r: r.place),
        ("Категория", 14, lambda r: category_label(r.category)),
        ("Контакты", 22, lambda r: r.phone or r.email or ""),
        ("Законный представитель", 30, lambda r: " ".join(p for p in (r.guardian_name, r.guardian_phone) if p)),
        ("Ключевой запрос", 40, lambda r: r.main_text or ""),
        ("Дата вхождения в программу", 14, lambda r: _d(r.entry_date)),
        ("Наставник", 24, lambda r: r.partners),
        ("Форма наставничества", 24, lambda r: r.form or ""),
        ("Дата завершения", 14, lambda r: _d(r.end_date)),
        ("Согласие на обработку ПД", 14, lambda r: CONSENT_LABELS[r.consent]),
        ("В архиве с", 12, lambda r: _d(r.archived_on)),
    ],
    "mentor": [
        ("ФИО", 34, lambda r: r.full_name),
        ("Категория", 14, lambda r: category_label(r.category)),
        ("Место работы / учёбы, должность или класс", 32,
         lambda r: r.grade_label or ", ".join(p for p in (r.workplace, r.position, r.subject) if p)),
        ("Контакты", 22, lambda r: ", ".join(p for p in (r.phone, r.email) if p)),
        ("Ключевые компетенции", 36, lambda r: r.main_text or ""),
        ("Достижения", 30, lambda r: r.achievements or ""),
        ("Интересы", 26, lambda r: r.interests or ""),
        ("Желаемые наставляемые", 18, lambda r: r.desired or ""),
        ("Ресурс (наставляемых)", 12, lambda r: r.capacity or 1),
        ("Дата вхождения в программу", 14, lambda r: _d(r.entry_date)),
        ("Наставляемые", 34, lambda r: r.partners),
        ("Форма наставничества", 24, lambda r: r.form or ""),
        ("Обучение пройдено", 12, lambda r: ("да " + _d(r.trained_on)).strip() if r.trained else "нет"),
        ("Согласие на обработку ПД", 14, lambda r: CONSENT_LABELS[r.consent]),
        ("В архиве с", 12, lambda r: _d(r.archived_on)),
    ],
}
TITLES = {"mentee": "Банк наставляемых", "mentor": "Банк наставников"}


def export_bank(role: str, path: str | Path, flt: BankFilter | None = None,
                rows: list[BankRow] | None = None, today: dt.date | None = None) -> int:
    """Write the bank (the rows passing ``flt``, or the given ``rows``) to ``path``; returns how many rows."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise CuratorError(f"Файл «{path.name}»: для выгрузки нужно имя с расширением .xlsx.")
    if rows is None:
        rows = filter_rows(bank_rows(role), flt or BankFilter())
    today = today or dt.date.today()
    columns = COLUMNS[role]
    school = load_school()
    title = f"{TITLES[role]} — {school.full_name or school.short_name or 'образовательная организация'}"
    note = f"по состоянию на {date_short(today)}; учебный год {school.academic_year}; записей: {len(rows)}"
    getters = [get for _, _, get in columns]
    with atomic_path(path) as temp:
        write_table(temp, TITLES[role], title, note, [c[0] for c in columns], [c[1] for c in columns],
                    ([get(row) for get in getters] for row in rows))
    return len(rows)
