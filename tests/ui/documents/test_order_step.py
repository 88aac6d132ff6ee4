"""«Подготовить приказ…» lands on the order for the pairs just accepted, saves it where the curator says and
shows it; missing requisites are said above the list with the step that fixes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from curator_app.banks.importer import apply_import, plan_import
from curator_app.matching import propose
from curator_app.pairs import accept_draft
from curator_app.settings import update_school
from tests.e2e.school_files import make_school_files
from ui.common import files
from ui.common.context import AppContext
from ui.documents.pdf_pages import renderer
from ui.documents.tab import DocumentsTab


@pytest.mark.skipif(renderer() is None, reason="нет pypdfium2 и pdftoppm")
def test_prepare_the_order_for_the_accepted_pairs(qtbot: QtBot, db: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for role, path in zip(("mentor", "mentee"), make_school_files(tmp_path), strict=True):
        apply_import(plan_import(path, role))
    rows = propose().rows
    earlier = accept_draft(rows[:4])
    ids = accept_draft(rows[4:])
    tab = DocumentsTab(AppContext())
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.activate()
    assert tab.advice.isVisible() and "полное наименование школы" in tab.advice.text.text()
    assert [b.text() for b in tab.advice.buttons] == ["Заполнить реквизиты…"]
    update_school(full_name="МБОУ «СОШ № 5»", city="г. Калуга", director_name="Смирнова Ольга Викторовна",
                  curator_name="Васильева Наталья Андреевна")
    tab.ctx.notify("settings")
    assert not tab.advice.isVisible()
    target = tmp_path / "Приказ.pdf"
    monkeypatch.setattr(files, "ask_save", lambda *a, **k: target)
    tab.perform("order", ids)
    assert {p.id for p in tab.model.chosen()} == set(ids) and not set(earlier) & {p.id for p in tab.model.chosen()}
    qtbot.waitUntil(lambda: target.exists() and not tab._busy and bool(tab.preview.pages), timeout=60000)
    assert f"Сохранено: {target}" in tab.status.text()
