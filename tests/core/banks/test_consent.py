from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curator_app.banks import consent_problem, has_valid_consent, require_consent, valid_consent_ids
from curator_app.errors import CuratorError
from curator_app.models import Consent, Person

DAY = dt.date(2026, 11, 22)


def test_consent_rules(db: Path) -> None:
    ok = Person.create(last_name="Иванова", first_name="Мария", middle_name="Петровна")
    none = Person.create(last_name="Петров", first_name="Пётр")
    gone = Person.create(last_name="Сидоров", first_name="Олег")
    late = Person.create(last_name="Орлова", first_name="Анна")
    Consent.create(person=ok, signed_on=DAY - dt.timedelta(days=30))
    Consent.create(person=gone, signed_on=dt.date(2026, 9, 1), withdrawn_on=dt.date(2026, 10, 1))
    Consent.create(person=late, signed_on=dt.date(2025, 9, 1), valid_until=dt.date(2026, 8, 31))
    assert valid_consent_ids(DAY) == {ok.id}
    assert has_valid_consent(ok.id, DAY) and not has_valid_consent(none.id, DAY)
    assert consent_problem(none.id, DAY) == "нет согласия на обработку персональных данных"
    assert consent_problem(gone.id, DAY) == "согласие отозвано 01.10.2026"
    assert consent_problem(late.id, DAY) == "срок согласия истёк 31.08.2026"
    require_consent([ok.id], "включить в пару", DAY)
    with pytest.raises(CuratorError, match="Нельзя включить в пару .*Петров Пётр: нет согласия"):
        require_consent([ok.id, none.id], "включить в пару", DAY)


def test_a_form_handed_out_is_not_a_consent_until_signed(db: Path) -> None:
    """«Бланк выдан» (a pending row) is never valid, though a row without a date from a bank sheet's «да» is:
    the two must not be told apart by a missing date."""
    from curator_app.banks import bank_rows
    from curator_app.documents.papers.ops import mark_consents
    from curator_app.models import Mentee

    stated = Person.create(last_name="Иванова", first_name="Мария", middle_name="Петровна", grade=7)
    handed = Person.create(last_name="Петров", first_name="Пётр", middle_name="Ильич", grade=7)
    for person in (stated, handed):
        Mentee.create(person=person)
    Consent.create(person=stated)  # «да» in the sheet, no date stated: on file
    assert mark_consents([handed.id], "personal-data", "issued", DAY) == 1
    assert valid_consent_ids(DAY) == {stated.id}
    assert consent_problem(handed.id, DAY) == "согласие не подписано"
    assert {r.id: r.consent for r in bank_rows("mentee", DAY)} == {stated.id: "valid", handed.id: "none"}
    assert mark_consents([handed.id], "personal-data", "signed", DAY) == 1
    assert valid_consent_ids(DAY) == {stated.id, handed.id}
