"""The roadmap tab on real widgets: empty state, a seed roadmap, filters, the panel, the timeline,
marking done, the event card, and the import dialog (paste and file on a worker thread)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from curator_app.models import RoadmapEvent
from curator_app.roadmap import ops as service
from curator_app.roadmap import parse_text
from ui.common.context import AppContext
from ui.roadmap.event_dialog import RoadmapEventDialog
from ui.roadmap.import_dialog import RoadmapImportDialog
from ui.roadmap.tab import RoadmapTab
from ui.roadmap.timeline import HEADER_H, ROW_H

D = dt.date
T = "\t"
TEXT = "\n".join([
    "Дорожная карта на 2022-2023 учебный год",
    T.join(["№", "Мероприятие", "Сроки", "Ответственный"]),
    T.join(["1.", "Подготовка", "", ""]),
    T.join(["1.1.", "Приказ", "сентябрь", "Директор"]),
    T.join(["1.2.", "Анкетирование", "10.10.2022", "Куратор"]),
    T.join(["2.", "Основной этап", "", ""]),
    T.join(["2.1.", "Семинар", "до 20 октября", "Куратор"]),
    T.join(["2.2.", "Отчёт", "по звонку", "Куратор"]),
])
TODAY = D(2022, 10, 7)


def _tab(qtbot: QtBot, db: Path) -> RoadmapTab:
    tab = RoadmapTab(AppContext())
    tab.clock = lambda: TODAY  # type: ignore[method-assign]
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.activate()
    return tab


def test_empty_database_explains_and_offers_the_template(qtbot: QtBot, db: Path) -> None:
    tab = _tab(qtbot, db)
    assert tab.stack.currentIndex() == 0
    tab.create_from_template()  # the button's slot: notify → reload
    assert tab.stack.currentIndex() == 1
    assert tab.model.rowCount() > 10


def test_tab_shows_sections_events_panel_and_filters(qtbot: QtBot, db: Path) -> None:
    service.save_parsed(parse_text(TEXT))
    tab = _tab(qtbot, db)
    assert tab.stack.currentIndex() == 1
    assert tab.model.rowCount() == 6  # 2 sections + 4 events
    assert tab.model.is_section(0) and tab.table.columnSpan(0, 0) == tab.model.columnCount()
    assert [r.number for r in tab.upcoming.rows] == ["1.1.", "1.2.", "2.1."]
    assert tab.upcoming.rows[0].status == "overdue"
    assert len(tab.timeline.events) == 4
    tab.status_box.setCurrentIndex(tab.status_box.findData("overdue"))
    assert [tab.model.row_at(r).number for r in range(tab.model.rowCount())] == ["1.", "1.1."]
    assert len(tab.timeline.events) == 1
    tab.status_box.setCurrentIndex(tab.status_box.findData("unparsed"))
    assert [getattr(tab.model.row_at(r), "number", "") for r in range(tab.model.rowCount())] == ["2.", "2.2."]
    tab.status_box.setCurrentIndex(0)
    tab.responsible_box.setCurrentIndex(tab.responsible_box.findData("Директор"))
    assert tab.model.rowCount() == 2


def test_mark_done_with_a_date(qtbot: QtBot, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service.save_parsed(parse_text(TEXT))
    tab = _tab(qtbot, db)
    tab.select_event(tab.model.row_at(1).id)
    assert tab.selected_event().number == "1.1."
    monkeypatch.setattr("ui.roadmap.event_dialog.ask_done_date", lambda parent, title: D(2022, 9, 30))
    tab.mark_done()
    event = RoadmapEvent.get(RoadmapEvent.number == "1.1.")
    assert (event.status, event.done_on) == ("done", D(2022, 9, 30))
    assert "1.1." not in [r.number for r in tab.upcoming.rows]  # the tab reloaded on notify


def test_timeline_zoom_click_and_paint(qtbot: QtBot, db: Path) -> None:
    service.save_parsed(parse_text(TEXT))
    tab = _tab(qtbot, db)
    timeline = tab.timeline
    assert timeline.window() == (D(2022, 9, 1), D(2023, 8, 31))
    tab.zoom_box.setCurrentIndex(tab.zoom_box.findData("month"))
    assert timeline.window() == (D(2022, 10, 1), D(2022, 10, 31))
    tab._shift(1)
    assert timeline.window() == (D(2022, 11, 1), D(2022, 11, 30))
    tab.zoom_box.setCurrentIndex(tab.zoom_box.findData("quarter"))
    assert timeline.window() == (D(2022, 10, 1), D(2022, 12, 31))
    with qtbot.waitSignal(timeline.eventClicked) as clicked:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(300, HEADER_H + ROW_H + 5))
    assert clicked.args == [tab.timeline.events[1].id]
    assert tab.selected_event().number == "1.2."
    image = QImage(timeline.size(), QImage.Format.Format_RGB32)
    timeline.render(image)
    assert not image.isNull()


def test_event_card_reads_the_period_as_you_type(qtbot: QtBot, db: Path) -> None:
    roadmap = service.save_parsed(parse_text(TEXT))
    event = RoadmapEvent.get(RoadmapEvent.number == "2.2.")
    dialog = RoadmapEventDialog(event.id)
    qtbot.addWidget(dialog)
    assert "Внимание" in dialog.period_read.text()
    dialog.period.setText("ноябрь-декабрь")
    assert "01.11.2022 – 31.12.2022" in dialog.period_read.text()
    dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
    dialog.link.setText("https://school.example/news")
    dialog.add_link()
    dialog.save()
    event = RoadmapEvent[event.id]
    assert (event.start_date, event.end_date, event.status, event.period_unparsed) == (
        D(2022, 11, 1), D(2022, 12, 31), "in_progress", False)
    assert event.evidence.count() == 1
    assert roadmap.id == event.roadmap_id


def test_import_dialog_paste_preview_and_save(qtbot: QtBot, db: Path) -> None:
    dialog = RoadmapImportDialog(None)
    qtbot.addWidget(dialog)
    dialog.paste.setPlainText("нет тут таблицы")
    dialog.read_text()
    assert "строка заголовков" in dialog.summary.text() and not dialog.save_button.isEnabled()
    dialog.paste.setPlainText(TEXT)
    dialog.read_text()
    assert dialog.model.rowCount() == 4 and dialog.save_button.isEnabled()
    assert "Сроки не разобраны" in dialog.summary.text()
    assert dialog.model.data(dialog.model.index(3, 7)).startswith("в сроке «по звонку»")
    dialog.save()
    assert dialog.saved_id and RoadmapEvent.select().count() == 4


def test_import_dialog_reads_a_seed_file_on_a_worker(qtbot: QtBot, db: Path, seeds: Path) -> None:
    dialog = RoadmapImportDialog(None, seeds / "roadmap_school_chita_2022.txt")
    qtbot.addWidget(dialog)
    assert dialog.task is not None
    # join the worker, then deliver its queued result on this thread (no polling loop)
    assert dialog.task.wait(5000)
    QApplication.processEvents()
    assert dialog.model.rowCount() == 14
    assert "7 разделов" in dialog.summary.text()
    dialog.save()
    assert RoadmapEvent.select().count() == 14


def test_repainting_a_big_timeline_does_not_drain_none(qtbot: QtBot, db: Path) -> None:
    """PySide6 6.12.0 on Python 3.11 takes a reference from None per void Qt call; the timeline gives
    them back, and 40 repaints of 500 rows aborted the process: pyproject pins PySide6 below 6.12."""
    import sys

    from curator_app.roadmap import parse_text as read

    rows = [T.join(["№", "Мероприятие", "Сроки"])] + [T.join([f"{i}.", f"Событие {i}", "октябрь"]) for i in range(1, 501)]
    service.save_parsed(read("Дорожная карта на 2022-2023 учебный год\n" + "\n".join(rows)))
    tab = _tab(qtbot, db)
    timeline = tab.timeline
    assert len(timeline.events) == 500
    image = QImage(timeline.width(), 2000, QImage.Format.Format_RGB32)
    before = sys.getrefcount(None)
    for _ in range(40):
        timeline.render(image)
    # unguarded, each repaint of 500 rows would take ≈4,000; render() itself and Qt's event plumbing a few
    assert before - sys.getrefcount(None) < 40 * 20
