"""The year's papers in the Documents tab: which of them there are, what saving one calls, the text template
each one edits, and the row of controls consent forms add (only those without a consent; mark the forms
«выдан» / «подписан»).

The tab stays generic: it asks here what a kind needs and hands the calls to its worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget

from curator_app.documents import papers
from curator_app.documents.blocks import Document
from curator_app.documents.data import PairInfo
from curator_app.documents.register import registered_layout

KINDS: list[tuple[str, str]] = [
    ("plan", "Персонализированные программы наставничества"),
    ("journal", "Журналы наставника"),
    ("consent_personal", "Согласия на обработку персональных данных"),
    ("consent_mentoring", "Согласия работников на наставничество (ст. 351.8 ТК РФ)"),
    ("regulation", "Положение о программе наставничества"),
    ("launch_order", "Приказ о внедрении целевой модели наставничества"),
]
CODES = {code for code, _ in KINDS}
NO_PAIRS = ("regulation", "launch_order")  # made for the school, not for chosen pairs
TEMPLATE_OF = {"plan": "programme", "consent_mentoring": "consent_mentoring", "regulation": "regulation",
               "launch_order": "launch_order", "consent_personal": "consent_personal"}
FORMATS: dict[str, tuple[str, ...]] = {"regulation": ("docx", "pdf")}
FILE_NAMES = {"plan": "Персонализированные программы", "journal": "Журналы наставника",
              "consent_personal": "Согласия на обработку ПДн", "consent_mentoring": "Согласия на наставничество",
              "regulation": "Положение о программе наставничества",
              "launch_order": "Приказ о внедрении целевой модели наставничества"}


def formats(kind: str) -> tuple[str, ...]:
    return FORMATS.get(kind, ("pdf", "docx"))


def layout(kind: str, pairs: list[PairInfo], day: dt.date, number: str, missing: bool) -> Document:
    """The paper laid out now (reads the database: on the UI thread; the worker only draws it)."""
    if kind == "launch_order" and number:
        stored = registered_layout("launch_order", number, day)
        if stored is not None:
            return stored
    return papers.layout_for(kind, pairs, day, number=number, missing=missing)


def save_call(kind: str, target: Path, day: dt.date, number: str, ids: list[int],
              missing: bool) -> Callable[[Any], Any]:
    """What «Сохранить…» runs on the worker for a paper of ``kind``."""
    calls: dict[str, Callable[[Any], Any]] = {
        "plan": lambda state: papers.make_plans(target, mentorship_ids=ids, day=day),
        "journal": lambda state: papers.make_journals(target, mentorship_ids=ids, day=day),
        # without a consent to processing nobody is in a pair: «только без согласия» means the whole bank
        "consent_personal": lambda state: papers.make_consents(target, kind="personal-data", missing=missing,
                                                               mentorship_ids=None if missing else ids, day=day),
        "consent_mentoring": lambda state: papers.make_consents(target, kind="mentoring", mentorship_ids=ids,
                                                                missing=missing, day=day),
        "regulation": lambda state: papers.make_regulation(target, day=day),
        "launch_order": lambda state: papers.issue_launch_order(target, number=number, day=day),
    }
    return calls[kind]


class ConsentRow(QWidget):
    """«Только без согласия», «Бланки выданы», «Подписаны» — shown for the consent forms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.missing = QCheckBox("только без действующего согласия")
        self.missing.setChecked(True)
        self.issued = QPushButton("Отметить: бланки выданы")
        self.signed = QPushButton("Отметить: подписаны")
        self.issued.setToolTip("В карточках выбранных людей появится согласие «Бланк выдан» (ещё не действует)")
        self.signed.setToolTip("Выданные бланки выбранных людей станут подписанными в дату документа")
        for widget in (self.missing, self.issued, self.signed):
            row.addWidget(widget)
        row.addStretch(1)

    def mark(self, kind: str, pairs: list[PairInfo], day: dt.date, status: str) -> int:
        """Mark the forms of the people of ``pairs`` (the staff mentors for the consent to mentoring; the whole
        bank's people without a consent when «только без согласия» is on)."""
        stored = "personal-data" if kind == "consent_personal" else "mentoring"
        whole_bank = stored == "personal-data" and self.missing.isChecked()
        people = papers.consent_subjects(stored, day, missing=self.missing.isChecked(),
                                         mentorship_ids=None if whole_bank else [p.id for p in pairs])
        return papers.mark_consents([p.id for p in people], stored, status, day)
