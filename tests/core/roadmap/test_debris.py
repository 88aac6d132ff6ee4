"""Page-break debris and the other layouts, on roadmaps written for these tests: a municipal one with
Roman sections and rows split across pages, a district one with sub-items and deadlines broken by line
wraps, a Markdown pipe table, a Word .docx and an Excel .xlsx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curator_app.errors import CuratorError
from curator_app.roadmap.sources import parse_file, parse_text, text_rows

D = dt.date
T = "\t"

MUNICIPAL = "\n".join([
    "УТВЕРЖДЕНО приказом управления образования от 10.01.2021 № 5",
    "Цель: внедрение целевой модели наставничества. Задачи: 1) создать условия; 2) обучить кураторов.",
    "",
    "План мероприятий (дорожная карта) по внедрению целевой модели наставничества на 2021 год",
    "",
    T.join(["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный", "Вид документа",
            "Ожидаемые результаты"]),
    T.join(["I.", "Организационный этап", "", "", "", ""]),
    T.join(["1.", "Назначение муниципального координатора", "До 01.02.2021", "РУО", "Приказ", "Назначен координатор"]),
    T.join(["2.", "Проведение совещания с руководителями образовательных", "I квартал 2021г.", "РУО", "Протокол",
            "Проведено"]),
    "",
    T.join(["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный", "Вид документа",
            "Ожидаемые результаты"]),
    T.join(["", "организаций района", "", "", "", "совещание"]),
    T.join(["II.", "Основной этап", "", "", "", ""]),
    T.join(["3.", "Мониторинг реализации программ наставничества", "ежеквар тально", "Координатор", "Справка",
            "Собраны данные"]),
    T.join(["4.", "Обучение кураторов", "III-IV кварталы 2021г.", "ИРО", "", "Обучено не менее 20 кураторов"]),
    T.join(["5.", "Отчёт в министерство", "До середины ноября 2021 г.", "РУО", "Отчёт", ""]),
    T.join(["6.", "Уточнение плана", "когда сможем", "РУО", "", ""]),
])

DISTRICT = "\n".join([
    "**Дорожная карта внедрения наставничества в Энском районе",
    "на 2022-2023 учебный год**",
    "",
    T.join(["№", "Мероприятие", "Сроки", "Ответственный", "Результат"]),
    T.join(["3.", "Методическое сопровождение", "", "", ""]),
    T.join(["3.1.", "Работа с наставниками", "", "", ""]),
    T.join(["3.1.1.", "Семинар для наставников", "до 20.01.20", "Методист", "Проведён семинар"]),
    T.join(["", "", "21", "", ""]),
    T.join(["3.1.2.", "Сбор отчётов <ul><li>наставников</li><li>кураторов</li></ul>", "Август, сентябрь",
            "Куратор", "<p>Отчёты</p><p>собраны</p>"]),
    T.join(["3.2.", "Итоговая конференция", "май 2023", "Куратор", "Конференция &laquo;Наставник года&raquo;"]),
    T.join(["3.2.1.", "Подготовка выставки", "Апрель-май", "Куратор", ""]),
])

MARKDOWN = """Дорожная карта школы на 2023-2024 учебный год

| № | Мероприятие | Сроки | Ответственный |
|---|---|:---:|---|
| 1. | Приказ о наставничестве | сентябрь 2023 | Директор |
| 2. | Анкетирование | октябрь-ноябрь | Куратор |
|  | (входная волна) |  |  |
| 3. | Итоговое анкетирование | до 20 мая | Куратор |
"""


def test_municipal_roman_sections_split_rows_and_preamble() -> None:
    parsed = parse_text(MUNICIPAL)
    assert parsed.title == "План мероприятий (дорожная карта) по внедрению целевой модели наставничества на 2021 год"
    assert [(s.number, s.title) for s in parsed.sections] == [("I.", "Организационный этап"), ("II.", "Основной этап")]
    got = [(e.section, e.number, e.period.start, e.period.end, e.period.recurrence) for e in parsed.events]
    assert got == [
        ("I.", "1.", None, D(2021, 2, 1), None),
        ("I.", "2.", D(2021, 1, 1), D(2021, 3, 31), None),
        ("II.", "3.", None, None, "ежеквартально"),
        ("II.", "4.", D(2021, 7, 1), D(2021, 12, 31), None),
        ("II.", "5.", None, D(2021, 11, 15), None),
        ("II.", "6.", None, None, None),
    ]
    second = parsed.events[1]
    assert second.title == "Проведение совещания с руководителями образовательных организаций района"
    assert second.result == "Проведено совещание"
    assert (second.document, second.responsible) == ("Протокол", "РУО")
    assert parsed.events[2].period.text == "ежеквартально"
    assert [i for i, _ in parsed.problems] == [5]
    assert "когда сможем" in parsed.problems[0][1]


def test_district_sub_items_deadline_split_by_line_wrap_and_html() -> None:
    parsed = parse_text(DISTRICT)
    assert parsed.title == "Дорожная карта внедрения наставничества в Энском районе на 2022-2023 учебный год"
    assert [(s.number, s.title, s.parent) for s in parsed.sections] == [
        ("3.", "Методическое сопровождение", None), ("3.1.", "Работа с наставниками", "3.")]
    got = [(e.section, e.number, e.period.text, e.period.start, e.period.end) for e in parsed.events]
    assert got == [
        ("3.1.", "3.1.1.", "до 20.01.2021", None, D(2021, 1, 20)),  # «до 20.01.20» + «21» on the next row
        ("3.1.", "3.1.2.", "Август, сентябрь", D(2022, 8, 1), D(2022, 9, 30)),
        ("3.1.", "3.2.", "май 2023", D(2023, 5, 1), D(2023, 5, 31)),
        ("3.1.", "3.2.1.", "Апрель-май", D(2023, 4, 1), D(2023, 5, 31)),
    ]
    assert parsed.events[1].title == "Сбор отчётов\nнаставников\nкураторов"
    assert parsed.events[1].result == "Отчёты\nсобраны"
    assert parsed.events[2].result == "Конференция «Наставник года»"
    assert not parsed.problems


def test_markdown_pipe_table_with_continuation_row() -> None:
    assert text_rows("| a | b |\n|---|---|")[1] == ["---", "---"]
    parsed = parse_text(MARKDOWN)
    assert parsed.ctx.academic_year == "2023-2024"
    got = [(e.number, e.title, e.period.start, e.period.end) for e in parsed.events]
    assert got == [
        ("1.", "Приказ о наставничестве", D(2023, 9, 1), D(2023, 9, 30)),
        ("2.", "Анкетирование (входная волна)", D(2023, 10, 1), D(2023, 11, 30)),
        ("3.", "Итоговое анкетирование", None, D(2024, 5, 20)),
    ]


def test_no_header_is_a_clear_error() -> None:
    with pytest.raises(CuratorError, match="строка заголовков"):
        parse_text("просто текст\nбез таблицы")
    with pytest.raises(CuratorError, match="Текст пуст"):
        parse_text("  \n ")


def test_docx_table_with_preamble_and_merged_section_row(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Приложение 1 к приказу № 12")
    document.add_paragraph().add_run("Дорожная карта на 2024-2025 учебный год").bold = True
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["№", "Мероприятие", "Сроки", "Ответственный"], strict=True):
        cell.text = text
    section = table.add_row().cells
    section[0].merge(section[3])
    section[0].text = "1. Подготовка"
    for values in (["1.1.", "Приказ", "сентябрь", "Директор"], ["1.2.", "Положение о наставничестве", "До 1 октября",
                                                                "Куратор"], ["", "и дорожная карта", "", ""]):
        row = table.add_row().cells
        for cell, text in zip(row, values, strict=True):
            cell.text = text
    path = tmp_path / "карта.docx"
    document.save(str(path))
    parsed = parse_file(path)
    assert parsed.title == "Дорожная карта на 2024-2025 учебный год"
    assert [(s.number, s.title) for s in parsed.sections] == [("1.", "Подготовка")]
    got = [(e.section, e.number, e.title, e.period.start, e.period.end) for e in parsed.events]
    assert got == [("1.", "1.1.", "Приказ", D(2024, 9, 1), D(2024, 9, 30)),
                   ("1.", "1.2.", "Положение о наставничестве и дорожная карта", None, D(2024, 10, 1))]


def test_xlsx_with_dates_as_cells(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Дорожная карта на 2021 год"])
    sheet.append([])
    sheet.append(["№", "Мероприятие", "Дата начала", "Дата окончания", "Исполнитель"])
    sheet.append(["1.", "Совещание", dt.datetime(2021, 3, 1), dt.datetime(2021, 3, 5), "РУО"])
    sheet.append([2, "Отчёт", "Апрель", None, "РУО"])
    path = tmp_path / "карта.xlsx"
    book.save(str(path))
    parsed = parse_file(path)
    assert parsed.title == "Дорожная карта на 2021 год"
    got = [(e.number, e.title, e.period.text, e.period.start, e.period.end, e.responsible) for e in parsed.events]
    assert got == [("1.", "Совещание", "01.03.2021 – 05.03.2021", D(2021, 3, 1), D(2021, 3, 5), "РУО"),
                   ("2", "Отчёт", "Апрель", D(2021, 4, 1), D(2021, 4, 30), "РУО")]


def test_unknown_file_kind_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CuratorError, match="не найден"):
        parse_file(tmp_path / "нет.docx")
    odd = tmp_path / "карта.odt"
    odd.write_bytes(b"PK")
    with pytest.raises(CuratorError, match=".docx, .pdf, .xlsx"):
        parse_file(odd)
    broken = tmp_path / "битый.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(CuratorError, match="не читается"):
        parse_file(broken)
