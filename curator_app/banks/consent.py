"""Personal-data consent (152-ФЗ) as a rule of the core: who may be put in a pair or printed.

A person without a valid consent to processing must not be placed in a pair nor printed in an order.
Every place that pairs people or prints them asks here, so the rule lives once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from peewee import Expression

from curator_app.errors import CuratorError
from curator_app.models import Consent, Person


def valid_condition(day: dt.date, kind: str = "processing") -> Expression:
    """The SQL condition on ``Consent`` rows that are valid on ``day``, for queries that join consents."""
    return Consent.valid_on(day, kind)


def valid_consent_ids(day: dt.date | None = None, kind: str = "processing") -> set[int]:
    """Ids of everyone with a valid consent of ``kind`` on ``day`` (one query, for whole banks)."""
    day = day or dt.date.today()
    rows: Any = Consent.select(Consent.person).where(valid_condition(day, kind)).tuples()
    return {row[0] for row in rows}


def has_valid_consent(person_id: int, day: dt.date | None = None, kind: str = "processing") -> bool:
    return Consent.select().where((Consent.person == person_id) & valid_condition(day or dt.date.today(), kind)).exists()


def consent_problem(person_id: int, day: dt.date | None = None) -> str | None:
    """Why this person's data may not be used now, in Russian; None when the consent is valid."""
    day = day or dt.date.today()
    if has_valid_consent(person_id, day):
        return None
    latest = (Consent.select().where((Consent.person == person_id) & (Consent.kind == "processing"))
              .order_by(Consent.signed_on.desc(nulls="LAST")).first())
    if latest is None:
        return "нет согласия на обработку персональных данных"
    if latest.withdrawn_on and latest.withdrawn_on <= day:
        return f"согласие отозвано {latest.withdrawn_on.strftime('%d.%m.%Y')}"
    if latest.valid_until and latest.valid_until < day:
        return f"срок согласия истёк {latest.valid_until.strftime('%d.%m.%Y')}"
    if latest.signed_on and latest.signed_on > day:
        return f"согласие подписано только {latest.signed_on.strftime('%d.%m.%Y')}"
    return "согласие не подписано"  # a form handed out («бланк выдан») and not back yet


def require_consent(person_ids: Iterable[int], purpose: str, day: dt.date | None = None) -> None:
    """Raise a :class:`CuratorError` naming everyone whose consent is not valid.

    ``purpose`` completes the sentence «Нельзя …»: «включить в пару», «напечатать в приказе».
    """
    day = day or dt.date.today()
    ids = list(dict.fromkeys(person_ids))
    rows: Any = Consent.select(Consent.person).where(valid_condition(day, "processing") & Consent.person.in_(ids)).tuples()
    valid = {row[0] for row in rows}
    missing = [pid for pid in ids if pid not in valid]
    if not missing:
        return
    people = {p.id: p for p in Person.select().where(Person.id.in_(missing))}
    lines = [f"{people[pid].full_name}: {consent_problem(pid, day)}" for pid in missing if pid in people]
    raise CuratorError(f"Нельзя {purpose} без действующего согласия на обработку персональных данных — "
                       + "; ".join(lines) + ".")
