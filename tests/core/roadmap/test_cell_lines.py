"""Tables copied one cell per line, written for these tests as curators paste them: from a school site's
document preview (banners and the author above the title), with a row of column numbers, a number
printed on the second line of its wrapped title, Roman stages; and texts that are no table at all."""

from __future__ import annotations

import datetime as dt

import pytest

from curator_app.errors import CuratorError
from curator_app.roadmap.sources import parse_text
from curator_app.roadmap.table import parse_rows

D = dt.date

SITE_COPY = """материал
Скачать:
Вложение	Размер
dorozhnaya_karta.docx	25.4 КБ
Предварительный просмотр:
Петрова Анна Сергеевна
учитель начальных классов
УТВЕРЖДАЮ
Директор МБОУ «СОШ № 5»
________ И.И. Сидоров
План мероприятий (дорожная карта)
по внедрению целевой модели наставничества
в МБОУ «СОШ № 5» на 2023-2024 учебный год
№
п/п
Наименование
мероприятий
Срок
реализации
Ответственный
Результат
1
2
3
4
5
I. Подготовительный этап
1. Разработка и утверждение
положения о наставничестве
2. Формирование базы
наставников и наставляемых
сентябрь-октябрь
2023 г.
Куратор
Базы наставников и
наставляемых
Проведение входного
3. анкетирования
наставляемых
до 20 октября
Куратор, классные
руководители
Анкеты
II. Основной этап
1. Закрепление
наставнических пар
приказом директора
ноябрь 2023 г.
Директор
Приказ
2. Итоговое анкетирование
участников программы
май 2024 г.
Куратор
Аналитическая справка
"""


def test_site_copy_with_banners_column_numbers_and_roman_stages() -> None:
    parsed = parse_text(SITE_COPY)
    assert parsed.title == ("План мероприятий (дорожная карта) по внедрению целевой модели наставничества в "
                            "МБОУ «СОШ № 5» на 2023-2024 учебный год")
    assert parsed.ctx.academic_year == "2023-2024"
    assert [(s.number, s.title) for s in parsed.sections] == [("I.", "Подготовительный этап"),
                                                              ("II.", "Основной этап")]
    got = [(e.section, e.number, e.title, e.period.start, e.period.end, e.responsible, e.result)
           for e in parsed.events]
    assert got == [
        # under a Roman stage «1. Разработка …» with no period is an event, flagged, not a section
        ("I.", "1.", "Разработка и утверждение положения о наставничестве", None, None, "", ""),
        ("I.", "2.", "Формирование базы наставников и наставляемых", D(2023, 9, 1), D(2023, 10, 31), "Куратор",
         "Базы наставников и наставляемых"),
        # the number printed on the second line of its title
        ("I.", "3.", "Проведение входного анкетирования наставляемых", None, D(2023, 10, 20),
         "Куратор, классные руководители", "Анкеты"),
        ("II.", "1.", "Закрепление наставнических пар приказом директора", D(2023, 11, 1), D(2023, 11, 30),
         "Директор", "Приказ"),
        ("II.", "2.", "Итоговое анкетирование участников программы", D(2024, 5, 1), D(2024, 5, 31), "Куратор",
         "Аналитическая справка"),
    ]
    assert [i for i, _ in parsed.problems] == [0]
    everything = " ".join(f"{e.title} {e.responsible} {e.result}" for e in parsed.events)
    for debris in ("Скачать", "просмотр", "Петрова", "УТВЕРЖДАЮ", "Сидоров"):
        assert debris not in everything


def test_text_with_no_table_says_why() -> None:
    with pytest.raises(CuratorError, match="нет ни заголовка .* похоже, это не таблица дорожной карты"):
        parse_text("Уважаемые коллеги!\nНаправляем план работы на 2023 год.\n1. Провести совещание.\n"
                   "2. Сдать отчёт до 20 декабря.")


def test_scattered_header_is_lost_columns_not_a_list_of_found_ones() -> None:
    """The header's words each on a line but far apart (a copy in reading order): refused plainly."""
    text = "\n".join(["Дорожная карта на 2023 год", "Мероприятие", "1. Совещание", "2. Отчёт", "Сроки",
                      "январь", "май", "Ответственный", "Директор", "Куратор"])
    with pytest.raises(CuratorError, match="таблица потеряла столбцы при копировании.*загрузите сам PDF"):
        parse_text(text)


def test_rows_that_do_not_fit_are_refused() -> None:
    text = "\n".join(["Дорожная карта на 2023 год", "№", "Мероприятие", "Сроки", "Ответственный",
                      "1. Совещание", "Директор", "2. Отчёт", "Куратор", "3. Конкурс", "Завуч"])
    with pytest.raises(CuratorError, match="таблица потеряла столбцы"):
        parse_text(text)


def test_column_number_row_under_a_tab_separated_header_is_not_an_event() -> None:
    rows = [["Дорожная карта на 2022 год"], ["№", "Мероприятие", "Сроки", "Ответственный"], ["1", "2", "3", "4"],
            ["1.", "Совещание", "март", "Директор"], ["№", "Мероприятие", "Сроки", "Ответственный"],
            ["1", "2", "3", "4"], ["2.", "Отчёт", "май", "Куратор"]]
    parsed = parse_rows(rows)
    assert [(e.number, e.title, e.period.start) for e in parsed.events] == [
        ("1.", "Совещание", D(2022, 3, 1)), ("2.", "Отчёт", D(2022, 5, 1))]
