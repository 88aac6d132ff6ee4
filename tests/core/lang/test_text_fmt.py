from __future__ import annotations

import datetime as dt

from curator_app.lang import fmt
from curator_app.lang.text import fold, normalize_name_part, short_name, signature_name


def test_fold_handles_cyrillic_case_and_yo() -> None:
    assert fold("  ФЁДОРОВ   Пётр ") == "федоров петр"
    assert fold(None) == ""


def test_normalize_name_part() -> None:
    assert normalize_name_part("ИВАНОВ") == "Иванов"
    assert normalize_name_part("  римский-КОРСАКОВ ") == "Римский-Корсаков"


def test_initials() -> None:
    assert short_name("Смирнова", "Ольга", "Викторовна") == "Смирнова О.В."
    assert signature_name("Смирнова", "Ольга", "Викторовна") == "О.В. Смирнова"
    assert signature_name("Смит", "Джон") == "Д. Смит"


def test_dates_and_numbers() -> None:
    day = dt.date(2026, 9, 1)
    assert fmt.date_short(day) == "01.09.2026"
    assert fmt.date_long(day) == "1 сентября 2026 г."
    assert fmt.number(3.456, 1) == "3,5"
    assert fmt.percent(0.72) == "72\u00a0%"  # non-breaking: «%» stays with its number
    assert fmt.number(7, fixed=True) == "7,0" and fmt.number(7.44, fixed=True) == "7,4"
    assert fmt.plural_word(4, "ответ", "ответа", "ответов") == "ответа"
    assert fmt.plural(21, "наставник", "наставника", "наставников") == "21 наставник"
    assert fmt.plural(12, "наставник", "наставника", "наставников") == "12 наставников"
    assert fmt.plural(3, "наставник", "наставника", "наставников") == "3 наставника"


def test_academic_year() -> None:
    assert fmt.academic_year_of(dt.date(2026, 11, 22)) == "2026-2027"
    assert fmt.academic_year_of(dt.date(2027, 8, 31)) == "2026-2027"
    assert fmt.academic_year_of(dt.date(2027, 9, 1)) == "2027-2028"
    assert fmt.academic_year_bounds("2026-2027") == (dt.date(2026, 9, 1), dt.date(2027, 8, 31))


def test_user_messages_are_russian() -> None:
    import errno
    import sqlite3

    from peewee import OperationalError

    from curator_app.errors import READ_ONLY_MESSAGE, CuratorError, user_message

    assert user_message(CuratorError("Файл «x» не найден.")) == "Файл «x» не найден."
    assert user_message(OperationalError("attempt to write a readonly database")) == READ_ONLY_MESSAGE
    assert user_message(OSError(errno.ENOSPC, "No space left on device")).startswith("На диске закончилось место")
    assert user_message(sqlite3.DatabaseError("file is not a database")).startswith("Ошибка базы данных")
    assert user_message(ValueError("x")) == "Непредвиденная ошибка: x"


def test_short_school_name_from_the_full_one() -> None:
    from curator_app.lang.text import short_school_name

    assert short_school_name("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная "
                             "школа № 5»") == "МБОУ «СОШ № 5»"
    assert short_school_name("муниципальное автономное общеобразовательное учреждение \"Основная "
                             "общеобразовательная школа №12\" города Калуги") == "МАОУ «ООШ № 12»"
    assert short_school_name("Государственное бюджетное общеобразовательное учреждение города Москвы «Школа № 1234»"
                             ) == "ГБОУ «Школа № 1234»"
    assert short_school_name("МБОУ «Гимназия № 2»") == "МБОУ «Гимназия № 2»"
    assert short_school_name("Муниципальное бюджетное общеобразовательное учреждение «Лицей имени А.С. Пушкина»"
                             ) == "МБОУ «Лицей имени А.С. Пушкина»"
    assert short_school_name("Средняя школа № 3") == ""
