"""Dates and numbers as a Russian reader expects them, formatted with Babel's ``ru`` locale."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "ru_RU"


def date_short(value: dt.date | None) -> str:
    """``01.09.2026``."""
    return value.strftime("%d.%m.%Y") if value else ""


def date_long(value: dt.date | None) -> str:
    """«1 сентября 2026 г.»."""
    if not value:
        return ""
    return f"{format_date(value, 'd MMMM y', locale=LOCALE)} г."


def month_year(value: dt.date) -> str:
    """«сентябрь 2026» (nominative, as in roadmap periods)."""
    return format_date(value, "LLLL y", locale=LOCALE)


def number(value: float, digits: int = 1, fixed: bool = False) -> str:
    """``3,5`` — a decimal comma, as in Russian documents; ``fixed`` keeps the zeros («7,0» beside «7,4»)."""
    fraction = ("0" if fixed else "#") * digits
    return format_decimal(round(value, digits), format=f"#,##0.{fraction}" if digits else "#,##0",
                          locale=LOCALE)


def percent(value: float, digits: int = 0) -> str:
    """``72 %`` from 0.72; the space is non-breaking, so «%» never wraps away from its number."""
    return f"{number(value * 100, digits)}\u00a0%"


def plural_word(n: int, one: str, few: str, many: str) -> str:
    """The noun form that goes with ``n``: 1 ответ, 4 ответа, 5 ответов (the word alone)."""
    n_abs = abs(n)
    if n_abs % 10 == 1 and n_abs % 100 != 11:
        return one
    if 2 <= n_abs % 10 <= 4 and not 12 <= n_abs % 100 <= 14:
        return few
    return many


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 наставник», «3 наставника», «5 наставников»."""
    return f"{n} {plural_word(n, one, few, many)}"


def academic_year_of(day: dt.date) -> str:
    """The academic year a day falls in: 2026-11-22 → «2026-2027» (1 September – 31 August)."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


def academic_year_bounds(year: str) -> tuple[dt.date, dt.date]:
    """«2026-2027» → (2026-09-01, 2027-08-31)."""
    start = int(year.split("-")[0])
    return dt.date(start, 9, 1), dt.date(start + 1, 8, 31)
