"""The year's papers in the «Документы» tab: programmes previewed, consent forms with the «бланк выдан» mark,
the regulation and the launch order saved without choosing pairs, a template edited in its dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from curator_app.documents import papers
from curator_app.models import Consent, IssuedDocument
from tests.ui.documents.test_documents_tab import choose_kind, make_tab, wait_idle
from ui.documents.pdf_pages import renderer
from ui.documents.template_dialog import TemplateDialog


@pytest.mark.skipif(renderer() is None, reason="нет pypdfium2 и pdftoppm")
def test_programmes_are_previewed(qtbot: QtBot, demo_db: Path) -> None:
    tab = make_tab(qtbot, demo_db)
    choose_kind(tab, "plan")
    assert tab.template_button.isEnabled() and not tab.basis_button.isEnabled() and tab.view.isEnabled()
    tab.make_preview()
    wait_idle(qtbot, tab)
    assert len(tab.preview.pages) >= 2, tab.status.text()


def test_consent_forms_and_the_issued_mark(qtbot: QtBot, demo_db: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    tab = make_tab(qtbot, demo_db)
    choose_kind(tab, "consent_personal")
    assert tab.consent_row.isVisible() and tab.consent_row.missing.isChecked()
    target = tmp_path / "согласия.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    tab.save()
    wait_idle(qtbot, tab)
    assert target.exists() and "Сохранено" in tab.status.text()
    before = Consent.select().where(Consent.signed_on.is_null()).count()
    tab.mark_consents("issued")
    marked = Consent.select().where(Consent.signed_on.is_null()).count() - before
    assert marked > 0 and "бланк выдан" in tab.status.text()
    tab.mark_consents("signed")
    assert Consent.select().where(Consent.signed_on.is_null()).count() == before
    choose_kind(tab, "order")
    assert not tab.consent_row.isVisible()


def test_regulation_and_launch_order_need_no_pairs(qtbot: QtBot, demo_db: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    tab = make_tab(qtbot, demo_db)
    choose_kind(tab, "regulation")
    assert not tab.view.isEnabled() and not tab.number.isEnabled()
    tab.model.set_all(False)
    target = tmp_path / "Положение.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Документ Word (*.docx)"))
    tab.save()
    wait_idle(qtbot, tab)
    assert any("ПОЛОЖЕНИЕ" in p.text for p in Document(str(target)).paragraphs)
    choose_kind(tab, "launch_order")
    assert tab.number.isEnabled()
    tab.number.setText("1-од")
    launch = tmp_path / "Приказ о внедрении.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(launch), "PDF (*.pdf)"))
    tab.save()
    wait_idle(qtbot, tab)
    assert launch.exists(), tab.status.text()
    assert IssuedDocument.get(IssuedDocument.kind == "launch_order").number == "1-од"


def test_a_template_is_edited_and_reset(qtbot: QtBot, db: Path) -> None:
    dialog = TemplateDialog("programme")
    qtbot.addWidget(dialog)
    assert dialog.editor.toPlainText() == papers.default_text("programme")
    dialog.editor.setPlainText("# МОЯ ПРОГРАММА\n")
    dialog.save()
    assert papers.template_text("programme") == "# МОЯ ПРОГРАММА\n"
    dialog.reset.click()
    dialog.save()
    assert papers.template_text("programme") == papers.default_text("programme")
