"""The period parser: every form of DOMAIN.md §6, the year from the title, and what gets flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from curator_app.roadmap.period import YearContext, parse_period, parse_two_columns

D = dt.date
ACAD = YearContext.from_title("Дорожная карта на 2022-2023 учебный год")


@pytest.mark.parametrize("text, start, end, recurrence", [
    ("20.07.2022", D(2022, 7, 20), D(2022, 7, 20), None),
    ("сентябрь 2022", D(2022, 9, 1), D(2022, 9, 30), None),
    ("Октябрь 2023 г.", D(2023, 10, 1), D(2023, 10, 31), None),
    ("Апрель 2021г.", D(2021, 4, 1), D(2021, 4, 30), None),
    ("сентябрь-октябрь 2023 г.", D(2023, 9, 1), D(2023, 10, 31), None),
    ("ноябрь-февраль 2023", D(2022, 11, 1), D(2023, 2, 28), None),
    ("Декабрь 2023 г – май 2024 г.", D(2023, 12, 1), D(2024, 5, 31), None),
    ("До 01.02.2021", None, D(2021, 2, 1), None),
    ("До 1 сентября 2022г", None, D(2022, 9, 1), None),
    ("I квартал 2021г.", D(2021, 1, 1), D(2021, 3, 31), None),
    ("III-IV кварталы 2021г.", D(2021, 7, 1), D(2021, 12, 31), None),
    ("2 квартал 2024 года", D(2024, 4, 1), D(2024, 6, 30), None),
    ("2023-2024 гг.", D(2023, 1, 1), D(2024, 12, 31), None),
    ("2021-2022 годы (ежеквартально)", D(2021, 1, 1), D(2022, 12, 31), "ежеквартально"),
    ("август-октябрь 2021г., август-октябрь 2022г.", D(2021, 8, 1), D(2022, 10, 31), None),
    ("Август, сентябрь", D(2022, 8, 1), D(2022, 9, 30), None),
    ("В течение учебного года", D(2022, 9, 1), D(2023, 8, 31), None),
    ("В течение всего периода", D(2022, 9, 1), D(2023, 8, 31), None),
    ("постоянно", D(2022, 9, 1), D(2023, 8, 31), "постоянно"),
    ("по мере необходимости", None, None, "по мере необходимости"),
    ("ежегодно (по отдельному плану)", None, None, "ежегодно"),
    ("1 раз в полугодие, не позднее 20 декабря и 20 мая ежегодно", None, D(2023, 5, 20),
     "1 раз в полугодие, ежегодно"),
    ("ноябрь 2022 и далее по мере необходимости", D(2022, 11, 1), D(2022, 11, 30), "по мере необходимости"),
    ("До середины ноября 2021 г.", None, D(2021, 11, 15), None),
    ("до конца сентября", None, D(2022, 9, 30), None),
    ("Апрель-май", D(2023, 4, 1), D(2023, 5, 31), None),
    ("Январь", D(2023, 1, 1), D(2023, 1, 31), None),
    ("Декабрь", D(2022, 12, 1), D(2022, 12, 31), None),
    ("с 01.09.2022 по 31.05.2023", D(2022, 9, 1), D(2023, 5, 31), None),
    ("2022-2023 учебный год", D(2022, 9, 1), D(2023, 8, 31), None),
    ("I полугодие", D(2022, 9, 1), D(2022, 12, 31), None),
    ("II полугодие 2021 г.", D(2021, 7, 1), D(2021, 12, 31), None),
    ("<p>Октябрь</p> <p>дополнительно по запросу</p>", D(2022, 10, 1), D(2022, 10, 31), "по запросу"),
    ("2 раза в год", None, None, "2 раза в год"),
])
def test_forms(text: str, start: dt.date | None, end: dt.date | None, recurrence: str | None) -> None:
    period = parse_period(text, ACAD)
    assert period.ok, period.problem
    assert (period.start, period.end, period.recurrence) == (start, end, recurrence)


@pytest.mark.parametrize("text, repaired, start, end, recurrence", [
    ("ежеквар тально", "ежеквартально", None, None, "ежеквартально"),
    ("20.01.20 21", "20.01.2021", D(2021, 1, 20), D(2021, 1, 20), None),
    ("сен тябрь 2022", "сентябрь 2022", D(2022, 9, 1), D(2022, 9, 30), None),
    ("До 01.02.20 21 г.", "До 01.02.2021 г.", None, D(2021, 2, 1), None),
    ("октябрь 20 22 г.", "октябрь 2022 г.", D(2022, 10, 1), D(2022, 10, 31), None),
])
def test_line_wrap_debris_is_repaired_in_text_and_dates(text, repaired, start, end, recurrence) -> None:
    period = parse_period(text, ACAD)
    assert period.ok, period.problem
    assert period.text == repaired
    assert (period.start, period.end, period.recurrence) == (start, end, recurrence)


def test_title_years() -> None:
    assert YearContext.from_title("на 2022-2023 учебный год") == YearContext(D(2022, 9, 1), D(2023, 8, 31), True)
    assert YearContext.from_title("План на 2021 год") == YearContext(D(2021, 1, 1), D(2021, 12, 31))
    assert YearContext.from_title("в 2021 - 2022 годах") == YearContext(D(2021, 1, 1), D(2022, 12, 31))
    assert YearContext.from_title("в 2022 -2024 гг.") == YearContext(D(2022, 1, 1), D(2024, 12, 31))
    assert YearContext.from_title("Дорожная карта") == YearContext()


def test_one_calendar_year_lends_its_year_to_every_month() -> None:
    ctx = YearContext.from_title("на 2021 год")
    assert (parse_period("Август", ctx).start, parse_period("Август", ctx).end) == (D(2021, 8, 1), D(2021, 8, 31))
    p = parse_period("не позднее 20 декабря и 20 мая", ctx)
    assert (p.start, p.end) == (None, D(2021, 12, 20))
    p = parse_period("В течение всего периода", ctx)
    assert (p.start, p.end) == (D(2021, 1, 1), D(2021, 12, 31))


@pytest.mark.parametrize("text, ctx, fragment", [
    ("", ACAD, "срок не указан"),
    ("после согласования с РУО", ACAD, "не разобрано"),
    ("март", YearContext.from_title("в 2021 - 2022 годах"), "год не указан"),
    ("сентябрь", YearContext(), "год не указан"),
    ("постоянно", YearContext(), "срок дорожной карты не указан"),
    ("31.02.2022", ACAD, "несуществующая дата"),
    ("май 2024 – сентябрь 2023", ACAD, "начало позже окончания"),
])
def test_what_cannot_be_read_is_flagged_not_guessed(text: str, ctx: YearContext, fragment: str) -> None:
    period = parse_period(text, ctx)
    assert not period.ok
    assert fragment in (period.problem or "")
    assert (period.start, period.end) == (None, None)


def test_two_columns() -> None:
    p = parse_two_columns("сентябрь 2022", "ноябрь 2022 и далее по мере необходимости", ACAD)
    assert (p.text, p.start, p.end, p.recurrence) == (
        "сентябрь 2022 – ноябрь 2022 и далее по мере необходимости", D(2022, 9, 1), D(2022, 11, 30),
        "по мере необходимости")
    p = parse_two_columns("31.08.2022 г.", "ежегодно (по отдельному плану)", ACAD)
    assert (p.start, p.end, p.recurrence, p.ok) == (D(2022, 8, 31), D(2022, 8, 31), "ежегодно", True)
    p = parse_two_columns("Октябрь", "", ACAD)
    assert (p.text, p.start, p.end) == ("Октябрь", D(2022, 10, 1), D(2022, 10, 31))
    p = parse_two_columns("Октябрь 2022", "когда-нибудь", ACAD)
    assert not p.ok and "когда-нибудь" in (p.problem or "")
    assert not parse_two_columns("", "", ACAD).ok
