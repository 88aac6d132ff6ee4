"""Word files as schools make them: an approval stamp set out in a table above the title, the title and
its year in paragraphs of their own, the roadmap in several tables (broken by a section break), and a
list of signatures in a table of its own at the end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from curator_app.roadmap.preamble import title_from_preamble
from curator_app.roadmap.sources import parse_file

D = dt.date
HEADER = ["№", "Наименование мероприятия", "Срок", "Ответственный"]


def _table(document, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def test_stamp_title_paragraphs_tables_joined_and_signatures_left_out(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    _table(document, [["СОГЛАСОВАНО", "УТВЕРЖДАЮ"], ["Педсовет, протокол № 1", "Директор ____ И.И. Сидоров"]])
    document.add_paragraph("Муниципальное бюджетное общеобразовательное учреждение «СОШ № 7»")
    document.add_paragraph().add_run("План мероприятий (дорожная карта)").bold = True
    document.add_paragraph().add_run("по внедрению целевой модели наставничества").bold = True
    document.add_paragraph().add_run("на 2021 год").bold = True
    _table(document, [HEADER, ["1.", "Приказ о наставничестве", "январь", "Директор"],
                      ["2.", "Положение о наставничестве", "март", "Куратор"]])
    document.add_section()
    _table(document, [HEADER, ["3.", "Анкетирование", "сентябрь-октябрь", "Куратор"]])
    _table(document, [["4.", "Итоговый педсовет", "декабрь", "Директор"]])  # no header, same columns
    document.add_paragraph("С планом ознакомлены:")
    _table(document, [["ФИО", "Подпись", "Дата"], ["Иванова М.П.", "", ""]])
    path = tmp_path / "карта.docx"
    document.save(str(path))
    parsed = parse_file(path)
    assert parsed.title == "План мероприятий (дорожная карта) по внедрению целевой модели наставничества на 2021 год"
    assert (parsed.ctx.start, parsed.ctx.end) == (D(2021, 1, 1), D(2021, 12, 31))
    got = [(e.number, e.title, e.period.start, e.period.end) for e in parsed.events]
    assert got == [("1.", "Приказ о наставничестве", D(2021, 1, 1), D(2021, 1, 31)),
                   ("2.", "Положение о наставничестве", D(2021, 3, 1), D(2021, 3, 31)),
                   ("3.", "Анкетирование", D(2021, 9, 1), D(2021, 10, 31)),
                   ("4.", "Итоговый педсовет", D(2021, 12, 1), D(2021, 12, 31))]
    assert not parsed.problems


def test_title_is_the_roadmap_line_not_a_page_header_or_a_banner() -> None:
    assert title_from_preamble(["**МБОУ «СОШ № 5» г. Энска**", "", "материал", "Скачать:", "Иванова А.С.",
                                "План мероприятий (дорожная карта)", "по внедрению наставничества",
                                "на 2023-2024 учебный год", "", "Цель: …"]) == \
        "План мероприятий (дорожная карта) по внедрению наставничества на 2023-2024 учебный год"
    # «Об утверждении дорожной карты» in an order's heading is not the title
    assert title_from_preamble(["ПРИКАЗ", "Об утверждении дорожной карты", "**Дорожная карта на 2022 год**"]) == \
        "Дорожная карта на 2022 год"
