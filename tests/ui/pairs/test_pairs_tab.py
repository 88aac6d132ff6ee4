"""Tab «Пары и группы» on a demo school: «Подобрать всем» on a worker, the draft accepted; suggestions with
reasons; pairing by button and by dropping a mentor onto a mentee; the table's filters and detail panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from curator_app.models import Mentorship
from tests.conftest import DEMO_DAY
from ui.common.context import AppContext
from ui.pairs.models import PERSON_MIME, IdRowsModel
from ui.pairs.tab import PairsTab


def _tab(qtbot: QtBot, db: Path) -> PairsTab:
    tab = PairsTab(AppContext())
    qtbot.addWidget(tab)
    tab.resize(1366, 720)
    tab.show()
    tab.activate()
    return tab


def test_match_everyone_then_accept_the_draft(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    tab = _tab(qtbot, demo_db)
    ws = tab.workspace
    tab.pages.setCurrentWidget(ws)
    before = Mentorship.select().count()
    waiting = ws.mentee_model.rowCount()
    assert waiting > 0
    notices: list[str] = []
    tab.ctx.changed.connect(notices.append)
    qtbot.mouseClick(ws.match_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ws.task is None and bool(ws.draft.rows), timeout=10000)
    draft = ws.draft
    assert draft.model.rowCount() == len(draft.rows) > 0
    assert draft.unmatched_model.rowCount() == len(draft.unmatched)
    assert all(draft.model.data(draft.model.index(r, 5)) for r in range(draft.model.rowCount()))  # reasons shown
    assert "Черновик" in draft.summary.text()
    assert tab.grab().save(str(tmp_path / "workspace.png"))
    # Leave one row out: accepted are only the checked ones.
    left_out = draft.model.id_at(0)
    draft.model.set_checked(left_out, False)
    accepted = len(draft.rows) - 1
    assert not draft.group_box.isChecked()  # pairs, as the draft shows them, unless groups are asked for
    qtbot.mouseClick(draft.accept_button, Qt.MouseButton.LeftButton)
    assert Mentorship.select().count() == before + accepted
    assert list(draft.rows) == [left_out]
    assert ws.mentee_model.rowCount() == waiting - accepted
    assert notices == ["mentorships"]
    assert tab.list_page.model.rowCount() == before + accepted
    assert sum(1 for r in tab.list_page.rows if r.status == "planned") >= accepted


def test_suggestions_with_reasons_and_manual_pairing(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    tab = _tab(qtbot, demo_db)
    ws = tab.workspace
    tab.pages.setCurrentWidget(ws)
    row = next(r for r in range(ws.mentee_model.rowCount())
               if (ws._suggest(("mentee", ws.mentee_model.id_at(r))) or ws.suggestions))
    ws.mentee_view.selectRow(row)
    assert ws.suggest_model.rowCount() > 0
    assert "балл" in ws.reasons.text() and "<li>" in ws.reasons.text()
    assert tab.grab().save(str(tmp_path / "suggestion.png"))
    before = Mentorship.select().count()
    qtbot.mouseClick(ws.pair_button, Qt.MouseButton.LeftButton)
    assert Mentorship.select().count() == before + 1
    assert "Создана пара" in ws.status.text()


def test_drop_a_mentor_onto_a_mentee(qtbot: QtBot, demo_db: Path) -> None:
    tab = _tab(qtbot, demo_db)
    ws = tab.workspace
    tab.pages.setCurrentWidget(ws)
    ws._suggest(None)
    pair = next(((s.person_id, ws.mentee_model.id_at(r)) for r in range(ws.mentee_model.rowCount())
                 for s in (ws._suggest(("mentee", ws.mentee_model.id_at(r))) or ws.suggestions)[:1]), None)
    assert pair is not None
    mentor_id, mentee_id = pair
    row = ws.mentee_model.ids.index(mentee_id)
    ws.mentee_view.scrollTo(ws.mentee_model.index(row, 0))
    point = QPointF(ws.mentee_view.visualRect(ws.mentee_model.index(row, 0)).center())
    mime = QMimeData()
    mime.setData(PERSON_MIME, str(mentor_id).encode())
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    before = Mentorship.select().count()
    ws.mentee_view.dropEvent(event)
    assert Mentorship.select().count() == before + 1
    assert mentee_id not in ws.mentee_model.ids


def test_list_filters_and_detail(qtbot: QtBot, demo_db: Path) -> None:
    tab = _tab(qtbot, demo_db)
    page = tab.list_page
    total = page.model.rowCount()
    assert total == Mentorship.select().count()
    page.status_combo.setCurrentIndex(page.status_combo.findData("planned"))
    planned = Mentorship.select().where(Mentorship.status == "planned").count()
    assert page.model.rowCount() == planned
    page.view.selectRow(0)
    assert page.detail.row is not None and page.detail.start_b.isEnabled()
    assert not page.detail.complete_b.isEnabled()
    page.status_combo.setCurrentIndex(0)
    name = page.rows[0].mentor_name
    page.search.setText(name)
    assert 0 < page.model.rowCount() < total


def test_rows_model_sorts_and_checks_without_a_view() -> None:
    model = IdRowsModel(["Имя", "Баллы"], checkable=True)
    model.set_rows([["Б", 2.0], ["А", 5.5], ["В", None]], [1, 2, 3])
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.ids[:2] == [2, 1]
    assert model.data(model.index(0, 1)) == "5,5"
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.checked == {2}
    model.set_rows([["Г", 1.0], ["Д", 3.0]], [4, 2])  # the sort is kept across reloads
    assert model.ids == [2, 4] and model.checked == {2}


def test_detail_panel_runs_the_life_of_a_pair(qtbot: QtBot, demo_db: Path, monkeypatch: object) -> None:
    from ui.pairs import dialogs as pair_dialogs

    tab = _tab(qtbot, demo_db)
    page = tab.list_page
    page.status_combo.setCurrentIndex(page.status_combo.findData("planned"))
    page.view.selectRow(0)
    detail = page.detail
    ship_id = detail.row.id
    today = DEMO_DAY
    monkeypatch.setattr(pair_dialogs.DateTextDialog, "exec", lambda self: 1)  # type: ignore[attr-defined]
    monkeypatch.setattr(pair_dialogs.DateTextDialog, "value", lambda self: (today, ""))  # type: ignore[attr-defined]
    qtbot.mouseClick(detail.start_b, Qt.MouseButton.LeftButton)
    ship = Mentorship.get_by_id(ship_id)
    assert ship.status == "active" and ship.start_date == today and ship.planned_end_date is not None
    monkeypatch.setattr(pair_dialogs.MeetingDialog, "exec", lambda self: 1)  # type: ignore[attr-defined]
    monkeypatch.setattr(pair_dialogs.MeetingDialog, "value",  # type: ignore[attr-defined]
                        lambda self: (today, "Знакомство", "очно", ""))
    detail.add_meeting()
    assert detail.row is not None and detail.row.id == ship_id  # still shown, though «Планируется» is filtered
    assert [r[1] for r in detail.meeting_model.rows] == ["Знакомство"]
    monkeypatch.setattr(pair_dialogs.DateTextDialog, "value",  # type: ignore[attr-defined]
                        lambda self: (today, "переезд в другой город"))
    detail.end_early()
    assert Mentorship.get_by_id(ship_id).status == "ended_early"
    assert detail.history_model.rowCount() >= 3
