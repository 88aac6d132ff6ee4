"""Tab «Наставники». The mentor bank: competencies, capacity, training, consent."""

from __future__ import annotations

from ui.banks.bank_tab import BankTab


class MentorsTab(BankTab):
    role = "mentor"
