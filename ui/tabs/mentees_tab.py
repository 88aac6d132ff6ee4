"""Tab «Наставляемые». The mentee bank: grade, key request, mentor, consent."""

from __future__ import annotations

from ui.banks.bank_tab import BankTab


class MenteesTab(BankTab):
    role = "mentee"
