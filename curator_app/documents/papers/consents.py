"""Consent forms, one page each, pre-filled from the card: to the processing of personal data (152-ФЗ; since
01.09.2025 a document of its own) — the guardian's version for a minor — and an employee's written consent to
mentoring under art. 351.8 of the Labour Code, naming the mentees, the form and the period.

The texts are templates (``consent_personal``, ``consent_personal_guardian``, ``consent_mentoring``); what
the card does not know (a passport, a home address) is left as a line to fill by hand.
"""

from __future__ import annotations

import datetime as dt

from curator_app.documents.blocks import Block, Document, Gap, PageBreak, Para, Signature
from curator_app.documents.data import PairInfo, PersonInfo, lower_first
from curator_app.lang.declension import Name
from curator_app.lang.fmt import date_short
from curator_app.lang.words import decline_position, gendered
from curator_app.settings import SchoolSettings

from .data import Subject
from .templates import blocks_of, fill, school_fields, template_text

LINE = "_" * 28
ID_DOCUMENT = f"паспорт серия ________ № ______________, выдан {LINE}______________"
SIGN_DATE = "«____» ______________ 20____ г."


def _addressed(school: SchoolSettings, sender: str) -> Para:
    director = Name.parse(school.director_name) if school.director_name else None
    to = school.director_position or "Директор"
    to = decline_position(to, "dat")
    lines = [f"{to} {school.short_name or ''}".strip()]
    if director:
        lines.append(director.short_declined("dat"))
    lines.append(f"от {sender}")
    return Para("\n".join(lines), "right", indent=False, size=12)


def _signature(who: str) -> list[Block]:
    """The date on the left, the signature line and the name on the right."""
    return [Gap(8), Signature(SIGN_DATE, who)]


def personal_form(school: SchoolSettings, person: Subject, day: dt.date) -> list[Block]:
    """The consent to processing: the participant's own, or the guardian's for a minor."""
    minor = person.is_minor(day)
    fields = school_fields(school, day, {
        "person": person.name.full, "person_gen": person.name.declined("gen"),
        "birth": date_short(person.birth_date) if person.birth_date else "____________",
        "who": person.who() or "участник программы наставничества",
        "who_gen": person.who("gen") or "участника программы наставничества",
        "minor_gen": gendered("несовершеннолетний", person.name.gender, "gen"),
        "his_her": "её" if person.name.gender == "f" else "его",
        "guardian": person.guardian_name or LINE + LINE,
        "id_document": ID_DOCUMENT, "home_address": LINE + LINE,
        "authority": f"свидетельства о рождении серия ______ № __________ (иного документа: {LINE})",
    })
    name = "consent_personal_guardian" if minor else "consent_personal"
    signer = Name.parse(person.guardian_name) if minor and person.guardian_name else (None if minor else person.name)
    sender = (signer.short_declined("gen") if signer else "_" * 30)
    blocks: list[Block] = [_addressed(school, sender), Gap(6)]
    blocks += blocks_of(fill(template_text(name), fields), size=12)
    blocks += _signature(signer.signature if signer else "/ ______________________ /")
    blocks += [Gap(4), Para(f"Учётный номер участника: {person.id}. Бланк подготовлен {date_short(day)}.",
                            "left", indent=False, size=9)]
    return blocks


def _mentee_gen(person: PersonInfo) -> str:
    name = person.name.declined("gen")
    if person.category == "pupil" and person.grade:
        return f"{name} ({person.grade})"
    if person.position:
        return f"{name}, {decline_position(person.position, 'gen')}"
    return name


def mentoring_form(school: SchoolSettings, person: Subject, day: dt.date) -> list[Block]:
    """The employee's consent to mentoring (art. 351.8 of the Labour Code), naming their mentees."""
    pairs: list[PairInfo] = person.pairs
    mentees = [m for p in pairs for m in p.mentees]
    starts = [p.start or day for p in pairs]
    ends = [p.end for p in pairs if p.end]
    period = f"с {date_short(min(starts))}" + (f" по {date_short(max(ends))}" if ends else "")
    forms = "», «".join(dict.fromkeys(lower_first(p.form) for p in pairs))
    fields = school_fields(school, day, {
        "person": person.name.full, "position": person.position or "работник",
        "mentees": ", ".join(_mentee_gen(m) for m in mentees), "form": forms, "period": period,
    })
    position = decline_position(person.position, "gen") if person.position else ""
    sender = f"{position} {person.name.short_declined('gen')}".strip()
    blocks: list[Block] = [_addressed(school, sender), Gap(6)]
    blocks += blocks_of(fill(template_text("consent_mentoring"), fields), size=12)
    blocks += _signature(person.name.signature)
    blocks += [Gap(4), Para(f"Учётный номер работника: {person.id}. Бланк подготовлен {date_short(day)}.",
                            "left", indent=False, size=9)]
    return blocks


def consents_document(school: SchoolSettings, people: list[Subject], day: dt.date, kind: str) -> Document:
    """One page per person; ``kind``: ``processing`` or ``mentoring``."""
    blocks: list[Block] = []
    for person in people:
        if blocks:
            blocks.append(PageBreak())
        blocks += mentoring_form(school, person, day) if kind == "mentoring" else personal_form(school, person, day)
    title = ("Согласия работников на наставничество" if kind == "mentoring"
             else "Согласия на обработку персональных данных")
    return Document(title, blocks, page_numbers=False)
