"""The import dialog with what curators really have: a table pasted one cell per line (the rebuilt rows,
sections and periods shown, with a word on how the text was read) and a roadmap saved as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from curator_app.models import RoadmapEvent, RoadmapSection
from tests.core.roadmap.conftest import Material, docs, pdfs  # noqa: F401 - session fixtures shared here
from tests.core.roadmap.test_cell_lines import SITE_COPY
from ui.roadmap.import_dialog import FILE_FILTER, RoadmapImportDialog


def test_pasted_cells_are_rebuilt_and_shown(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    dialog = RoadmapImportDialog(None)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.paste.setPlainText(SITE_COPY)
    dialog.read_text()
    summary = dialog.summary.text()
    assert "2 раздела, 5 мероприятий" in summary and "Период: 01.09.2023 – 31.08.2024" in summary
    assert "строки восстановлены по заголовку" in summary and "Сроки не разобраны у 1 мероприятия" in summary
    model = dialog.model
    row = [model.data(model.index(2, c)) for c in range(model.columnCount())]
    assert row[:3] == ["I.", "3.", "Проведение входного анкетирования наставляемых"]
    assert row[5] == "20.10.2023" and row[8] == "Куратор, классные руководители" and row[9] == "Анкеты"
    assert model.data(model.index(0, 7)) == "срок не указан"
    dialog.show()
    dialog.grab().save(str(tmp_path / "импорт_скопированного.png"))
    dialog.save()
    assert dialog.saved_id and RoadmapEvent.select().count() == 5 and RoadmapSection.select().count() == 2


def test_a_pdf_file_is_read_on_a_worker(qtbot: QtBot, db: Path, pdfs: Material, tmp_path: Path) -> None:  # noqa: F811
    assert "*.pdf" in FILE_FILTER
    dialog = RoadmapImportDialog(None, pdfs.pdf("roadmap_school_chita_2022"))
    qtbot.addWidget(dialog)
    assert dialog.task is not None and dialog.task.wait(10000)
    QApplication.processEvents()
    assert dialog.model.rowCount() == 14 and "7 разделов" in dialog.summary.text()
    dialog.resize(1366, 700)
    dialog.show()
    dialog.grab().save(str(tmp_path / "импорт_pdf.png"))
    dialog.save()
    assert RoadmapEvent.select().count() == 14
