"""An empty bank says what to do, with the buttons; after an import the tab says what was loaded and offers
the next step (the other list, then the pairs) — no message box to click away."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.e2e.school_files import make_school_files
from ui.banks.tab import MenteesTab, MentorsTab
from ui.common import files
from ui.common.context import AppContext


def test_empty_bank_then_import_then_the_next_step(qtbot: QtBot, db: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.banks import import_dialog

    mentors_file, mentees_file = make_school_files(tmp_path)
    ctx = AppContext()
    mentors = MentorsTab(ctx)
    qtbot.addWidget(mentors)
    mentors.show()
    mentors.activate()
    assert mentors.stack.currentWidget() is mentors.empty
    assert [b.text() for b in mentors.empty.buttons] == ["Загрузить список наставников…", "Добавить вручную…"]
    assert "Ctrl+I" in mentors.import_button.toolTip()

    def import_now(dialog: import_dialog.BankImportDialog) -> int:  # the curator presses «Импортировать»
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
        dialog.start_import()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
        return 1

    monkeypatch.setattr(import_dialog.BankImportDialog, "exec", import_now)
    monkeypatch.setattr(files, "ask_open", lambda *a, **k: mentors_file)
    mentors.empty.buttons[0].click()
    assert mentors.stack.currentWidget() is mentors.view and mentors.model.rowCount() == 12
    assert "Загружено из «Наставники.xlsx». Добавлено: 12" in mentors.next_step.text.text()
    assert "«№ кабинета»" in mentors.next_step.text.text()
    opened: list[tuple[str, str, object]] = []
    ctx.go.connect(lambda *args: opened.append(args))
    assert [b.text() for b in mentors.next_step.buttons] == ["Загрузить список наставляемых…"]
    mentors.next_step.buttons[0].click()
    assert opened == [("mentees", "import", None)]

    mentees = MenteesTab(ctx)
    qtbot.addWidget(mentees)
    mentees.show()
    monkeypatch.setattr(files, "ask_open", lambda *a, **k: mentees_file)
    mentees.perform("import")
    assert [b.text() for b in mentees.next_step.buttons] == ["Подобрать пары"]
    mentees.next_step.buttons[0].click()
    assert opened[-1] == ("pairs", "match", None)
