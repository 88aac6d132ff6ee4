"""Storing, statuses, the 14-day panel, exports (JSON contract, Excel, PDF) and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from curator_app.errors import CuratorError
from curator_app.models import AuditLog, Roadmap, RoadmapEvent
from curator_app.roadmap import export_roadmap, parse_text, roadmap_json
from curator_app.roadmap import ops as rm

D = dt.date
T = "\t"
TEXT = "\n".join([
    "Дорожная карта на 2022-2023 учебный год",
    T.join(["№", "Мероприятие", "Сроки", "Ответственный", "Результат"]),
    T.join(["1.", "Подготовка", "", "", ""]),
    T.join(["1.1.", "Приказ", "сентябрь", "Директор", "Приказ подписан"]),
    T.join(["1.2.", "Анкетирование", "01.10.2022", "Куратор", ""]),
    T.join(["1.3.", "Отчёт", "до 20 октября", "Куратор", ""]),
    T.join(["1.4.", "Что-то", "по звонку", "Куратор", ""]),
])


@pytest.fixture
def stored(db: Path) -> Roadmap:
    return rm.save_parsed(parse_text(TEXT), "карта.txt")


def test_save_is_whole_and_logged(stored: Roadmap) -> None:
    assert (stored.academic_year, stored.start_date, stored.end_date) == ("2022-2023", D(2022, 9, 1), D(2023, 8, 31))
    rows = rm.event_rows(stored.id, D(2022, 9, 15))
    assert [(r.section_number, r.number, r.unparsed) for r in rows] == [
        ("1.", "1.1.", False), ("1.", "1.2.", False), ("1.", "1.3.", False), ("1.", "1.4.", True)]
    assert AuditLog.select().where(AuditLog.entity == "roadmap").count() == 1


def test_nothing_half_written_when_an_event_fails(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = parse_text(TEXT)
    original = RoadmapEvent.create
    calls = {"n": 0}

    def failing(**kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("диск отключён")
        return original(**kwargs)

    monkeypatch.setattr(RoadmapEvent, "create", failing)
    with pytest.raises(RuntimeError):
        rm.save_parsed(parsed)
    assert Roadmap.select().count() == 0 and RoadmapEvent.select().count() == 0


def test_overdue_is_derived_and_the_panel(stored: Roadmap) -> None:
    today = D(2022, 10, 10)
    rows = rm.event_rows(stored.id, today)
    assert [r.status for r in rows] == ["overdue", "overdue", "planned", "planned"]
    assert [r.number for r in rm.upcoming(rows, today)] == ["1.1.", "1.2.", "1.3."]
    rm.mark_done(rows[0].id, D(2022, 10, 1))
    rows = rm.event_rows(stored.id, today)
    assert (rows[0].status, rows[0].done_on) == ("done", D(2022, 10, 1))
    rm.set_status(rows[1].id, "cancelled")
    rm.set_status(rows[0].id, "in_progress")
    rows = rm.event_rows(stored.id, today)
    assert [r.status for r in rows][:2] == ["overdue", "cancelled"]
    assert rows[0].done_on is None
    with pytest.raises(CuratorError):
        rm.set_status(rows[0].id, "overdue")


def test_update_event_reparses_period(stored: Roadmap) -> None:
    row = rm.event_rows(stored.id)[3]
    rm.update_event(row.id, title="Отчёт в РУО", number="1.4.", period_text="ноябрь-декабрь", responsible="Куратор")
    event = RoadmapEvent[row.id]
    assert (event.start_date, event.end_date, event.period_unparsed) == (D(2022, 11, 1), D(2022, 12, 31), False)
    with pytest.raises(CuratorError, match="название"):
        rm.update_event(row.id, title=" ")
    rm.add_evidence(row.id, "https://school.example/news/1")
    assert event.evidence.count() == 1


def test_json_contract(stored: Roadmap, tmp_path: Path) -> None:
    path = export_roadmap(tmp_path / "карта.json", today=D(2022, 9, 15))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"title", "start", "end", "sections", "events"}
    assert data["start"] == "2022-09-01" and data["end"] == "2023-08-31"
    assert data["sections"] == [{"number": "1.", "title": "Подготовка"}]
    assert set(data["events"][0]) == {"section", "number", "title", "result", "document", "responsible",
                                      "period_text", "start", "end", "recurrence", "status"}
    assert data["events"][0] == {"section": "1.", "number": "1.1.", "title": "Приказ", "result": "Приказ подписан",
                                 "document": "", "responsible": "Директор", "period_text": "сентябрь",
                                 "start": "2022-09-01", "end": "2022-09-30", "recurrence": None, "status": "planned"}
    assert data["events"][2]["start"] is None
    assert roadmap_json(stored.id, D(2022, 9, 15)) == data


def test_xlsx_and_pdf(stored: Roadmap, tmp_path: Path) -> None:
    import openpyxl

    xlsx = export_roadmap(tmp_path / "карта.xlsx", stored.id, D(2022, 10, 10))
    sheet = openpyxl.load_workbook(xlsx).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == stored.title
    assert values[2][:3] == ("Раздел", "№", "Мероприятие")
    assert values[3][:3] == ("1.", None, "Подготовка")
    assert values[4][1:3] == ("1.1.", "Приказ") and values[4][7].date() == D(2022, 9, 1)
    assert values[4][10] == "Просрочено"
    pdf = export_roadmap(tmp_path / "карта.pdf", stored.id)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*part"))
    with pytest.raises(CuratorError, match=".xlsx, .pdf или .json"):
        export_roadmap(tmp_path / "карта.doc")


def test_export_without_roadmap_is_clear(db: Path, tmp_path: Path) -> None:
    with pytest.raises(CuratorError, match="нет дорожной карты"):
        export_roadmap(tmp_path / "x.json")


def test_template_still_works_for_the_demo(db: Path) -> None:
    from curator_app.roadmap.template import create_from_template

    roadmap = create_from_template("2026-2027")
    rows = rm.event_rows(roadmap.id, D(2026, 9, 1))
    assert rows and all(r.start and r.end for r in rows)


def test_cli_import_and_export(tmp_path: Path) -> None:
    from curator_app.cli import main

    db = tmp_path / "c.sqlite"
    source = tmp_path / "карта.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["--db", str(db), "import", "roadmap", str(source), "--dry-run"]) == 0
    assert main(["--db", str(db), "import", "roadmap", str(source)]) == 0
    out = tmp_path / "out.json"
    assert main(["--db", str(db), "export", "roadmap", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["events"]) == 4
    assert main(["--db", str(db), "import", "roadmap", str(tmp_path / "нет.docx")]) == 1


def test_cli_import_prints_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.cli import main

    source = tmp_path / "карта.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["--db", str(tmp_path / "c.sqlite"), "import", "roadmap", str(source)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == 1 and data["events"] == 4 and data["sections"] == 1 and data["saved"] is True
    assert len(data["unparsed_periods"]) == 1 and "по звонку" in data["unparsed_periods"][0]


def test_saving_an_untouched_period_keeps_the_imported_dates(db: Path) -> None:
    from curator_app.roadmap.template import create_from_template

    roadmap = create_from_template("2026-2027")
    row = rm.event_rows(roadmap.id)[0]
    rm.update_event(row.id, title=row.title + " (уточнено)", number=row.number, period_text=row.period_text,
                    responsible=row.responsible)
    again = rm.event_rows(roadmap.id)[0]
    assert (again.start, again.end, again.title) == (row.start, row.end, row.title + " (уточнено)")
