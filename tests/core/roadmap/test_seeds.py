"""The three real roadmaps in ../shared/seeds: every section, every event, every period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curator_app.roadmap import parse_file

D = dt.date


def _check(parsed, expected_sections, expected_events) -> None:
    assert [(s.number, s.title) for s in parsed.sections] == expected_sections
    got = [(e.section, e.number, e.period.text, e.period.start, e.period.end, e.period.recurrence, e.period.ok)
           for e in parsed.events]
    assert len(got) == len(expected_events)
    for row, want in zip(got, expected_events, strict=True):
        assert row == want


def test_kirov_four_columns_stages_with_html_lists(seeds: Path) -> None:
    parsed = parse_file(seeds / "roadmap_dod_kirov_2023.txt")
    assert parsed.title == ("ДОРОЖНАЯ КАРТА ВНЕДРЕНИЯ ЦЕЛЕВОЙ МОДЕЛИ НАСТАВНИЧЕСТВА В МБУ ДО ЦВР ПГТ УНИ "
                            "КИРОВСКОЙ ОБЛАСТИ на 2023-2024 учебный год")
    assert (parsed.ctx.start, parsed.ctx.end, parsed.ctx.academic_year) == (D(2023, 9, 1), D(2024, 8, 31), "2023-2024")
    assert set(parsed.columns) == {"title", "description", "period", "result"}
    _check(parsed, [], [
        ("", "1.", "сентябрь-октябрь 2023 г.", D(2023, 9, 1), D(2023, 10, 31), None, True),
        ("", "2.", "Сентябрь - октябрь 2023 г.", D(2023, 9, 1), D(2023, 10, 31), None, True),
        ("", "3.", "Октябрь 2023 г.", D(2023, 10, 1), D(2023, 10, 31), None, True),
        # the row split across the page: «Сентябрь-Ноябрь 2023» + «г.» in the continuation
        ("", "4.", "Сентябрь-Ноябрь 2023 г.", D(2023, 9, 1), D(2023, 11, 30), None, True),
        ("", "5.", "Ноябрь 2023 г.", D(2023, 11, 1), D(2023, 11, 30), None, True),
        ("", "6.", "Декабрь 2023 г – май 2024 г.", D(2023, 12, 1), D(2024, 5, 31), None, True),
        ("", "7.", "2023-2024 гг.", D(2023, 1, 1), D(2024, 12, 31), None, True),
        ("", "8.", "Май 2024 г.", D(2024, 5, 1), D(2024, 5, 31), None, True),
    ])
    e = parsed.events
    assert e[0].title == "Подготовка нормативно-правовой базы наставничества в образовательной организации"
    assert e[0].description.startswith("-Определение цели, задач, форм наставничества")
    assert "<ul" not in e[0].description and "<" not in "".join(x.description for x in e)
    assert e[0].result.startswith("Приказ о внедрении целевой модели наставничества.")
    # the continuation row was merged cell by cell into event 4
    assert e[3].description.endswith("- Сбор данных о потенциальных наставниках из числа педагогов и обучающихся. "
                                     "- Организация отбора и обучения наставников. - Обучение наставников.")
    assert e[3].result == "База данных по наставничеству"
    assert e[5].title.startswith("Организация работы наставнических пар/групп: - в форме «педагог-педагог»")
    assert e[5].description == ""
    assert e[7].title == "Завершение наставничества"


def test_chita_two_line_header_sections_and_page_breaks(seeds: Path) -> None:
    parsed = parse_file(seeds / "roadmap_school_chita_2022.txt")
    assert parsed.title == ('Дорожная карта (план мероприятий) по реализации целевой модели наставничества '
                            'в МОУ "СОШ № 36" г. Чита в 2022 -2024 гг.')
    assert (parsed.ctx.start, parsed.ctx.end, parsed.ctx.academic_year) == (D(2022, 1, 1), D(2024, 12, 31), None)
    assert parsed.columns == {"number": 0, "title": 1, "result": 2, "start": 3, "end": 4, "responsible": 5}
    _check(parsed, [
        ("1.", "Правовое и управленческое регулирование внедрения целевой модели наставничества в школе"),
        ("1.1.", "Нормативно-правовое обеспечение"),
        ("1.2.", "Кадровое обеспечение"),
        ("2.", "Организационно-методическое сопровождение внедрения ЦМН в школе"),
        ("3.", "Реализация модели наставничества в школе"),
        # written «4.1. | 4. Информационное …»: the title's own number wins for a section row
        ("4.", "Информационное сопровождение и продвижение практики ЦМН"),
        ("5.", "Аналитическая деятельность. Мониторинг и контроль эффективности внедрения целевой модели"),
    ], [
        ("1.1.", "1.1.1.", "сентябрь 2022 – ноябрь 2022 и далее по мере необходимости", D(2022, 9, 1),
         D(2022, 11, 30), "по мере необходимости", True),
        ("1.2.", "1.2.1.", "20.07.2022 – 31.08.2022", D(2022, 7, 20), D(2022, 8, 31), None, True),
        ("2.", "2.1.", "15.08.2022 – 30.08.2022", D(2022, 8, 15), D(2022, 8, 30), None, True),
        ("2.", "2.2.", "До 1 сентября 2022г – Дополнение по мере необходимости ежегодно", None, D(2022, 9, 1),
         "по мере необходимости, ежегодно", True),
        ("2.", "2.5", "5 сентября 2022 г – Дополнение по мере необходимости ежегодно", D(2022, 9, 5),
         D(2022, 9, 5), "по мере необходимости, ежегодно", True),
        ("3.", "3.1.", "31.08.2022 г. – ежегодно (по отдельному плану)", D(2022, 8, 31), D(2022, 8, 31),
         "ежегодно", True),
        ("3.", "3.2.", "Сентябрь 2022 г. – (по отдельному плану)", D(2022, 9, 1), D(2022, 9, 30), None, True),
        ("3.", "3.5", "Октябрь 2022 г. – Апрель 2024 г", D(2022, 10, 1), D(2024, 4, 30), None, True),
        # numbered in the document but with no period at all: flagged, never guessed
        ("3.", "3.6.", "", None, None, None, False),
        ("4.", "4.1.", "Октябрь 2022 г. – Апрель 2024 г.", D(2022, 10, 1), D(2024, 4, 30), None, True),
        ("4.", "4.2.", "Октябрь 2022 г. – далее ежегодно (по отдельному плану)", D(2022, 10, 1), D(2022, 10, 31),
         "ежегодно", True),
        ("4.", "4.3.", "Октябрь 2021г – 2024 г.", D(2021, 10, 1), D(2024, 12, 31), None, True),
        ("4.", "4.4.", "февраль 2021г – 2024 далее ежегодно (по отдельному плану)", D(2021, 2, 1),
         D(2024, 12, 31), "ежегодно", True),
        ("5.", "5.7", "декабрь 2022 – далее ежегодно", D(2022, 12, 1), D(2022, 12, 31), "ежегодно", True),
    ])
    e = {x.number: x for x in parsed.events}
    # the row split by a page break, with the repeated two-line header in between, is one event again
    assert e["1.2.1."].title == "Проведение кадровых мероприятий"
    assert e["1.2.1."].result == "Определен состав проектной группы по внедрению целевой модели наставничества в школе"
    assert e["1.2.1."].responsible == "Директор школы, руководитель проектной группы"
    assert e["1.1.1."].responsible == "Руководитель проектной группы"
    assert e["4.1."].title.startswith("Информирование заинтересованных групп")
    assert [p for _, p in parsed.problems] == ["№ 3.6. «Организаций региона, учреждений культуры и спорта…»: "
                                               "срок не указан"]


def test_tula_five_columns_paragraph_cells_and_year_from_title(seeds: Path) -> None:
    parsed = parse_file(seeds / "roadmap_teachers_tula_2022.txt")
    assert parsed.title == ("Дорожная карта по реализации Положения о системе наставничества педагогических "
                            "работников в МБОУ «ЦО № 40» на 2022-2023 учебный год")
    assert parsed.ctx.academic_year == "2022-2023"
    assert set(parsed.columns) == {"number", "title", "description", "period", "responsible"}
    _check(parsed, [], [
        ("", "1.", "Август, сентябрь", D(2022, 8, 1), D(2022, 9, 30), None, True),
        ("", "2.", "Сентябрь", D(2022, 9, 1), D(2022, 9, 30), None, True),
        ("", "3.", "Сентябрь", D(2022, 9, 1), D(2022, 9, 30), None, True),
        ("", "4.", "Октябрь; дополнительно по запросу; в течение учебного года", D(2022, 9, 1), D(2023, 8, 31),
         "по запросу", True),
        ("", "5.", "Сентябрь; дополнительно по запросу; в течение учебного года", D(2022, 9, 1), D(2023, 8, 31),
         "по запросу", True),
        ("", "6.", "Апрель-май", D(2023, 4, 1), D(2023, 5, 31), None, True),
        ("", "7.", "В течение учебного года", D(2022, 9, 1), D(2023, 8, 31), None, True),
    ])
    e = parsed.events
    assert [x.title for x in e] == [
        "Информирование о локальных нормативно – правовых актоах", "Формирование банка наставляемых",
        "Формирование банка наставников", "Отбор и обучение",
        "Организация и осуществление работы наставнических пар/групп",
        "Завершение персонализированных программ наставничества", "Информационная поддержка системы наставничества"]
    assert e[2].description.endswith("2. Формирование банка данных наставников, "
                                     "обеспечение согласий на сбор и обработку персональных данных.")
    assert e[3].responsible == "Васильева Н.А., зам.директора по НМР, наставники,\nпсихологи ЦО №40"
    assert e[6].responsible == "Администратор сайта"
    assert not parsed.problems


@pytest.mark.parametrize("name, sections, events", [
    ("roadmap_dod_kirov_2023.txt", 0, 8), ("roadmap_school_chita_2022.txt", 7, 14),
    ("roadmap_teachers_tula_2022.txt", 0, 7)])
def test_seed_import_stores_everything(db: Path, seeds: Path, name: str, sections: int, events: int) -> None:
    from curator_app.models import RoadmapEvent, RoadmapSection
    from curator_app.roadmap import import_file

    roadmap, parsed = import_file(seeds / name)
    assert RoadmapSection.select().where(RoadmapSection.roadmap == roadmap).count() == sections
    assert RoadmapEvent.select().where(RoadmapEvent.roadmap == roadmap).count() == events
    assert roadmap.source_file == name
