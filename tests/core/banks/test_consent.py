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
