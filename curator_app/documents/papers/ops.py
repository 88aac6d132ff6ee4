"""The year's papers as operations (what the Documents tab and the CLI call): consent forms and the marks
«бланк выдан / подписан», personalised programmes, mentor's journals, the regulation, the launch order
(registered like the pairs order, keeping its text).

Each reads what it needs (``papers.data``), lays the paper out as blocks, writes it atomically and records
it in the register of issued documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from curator_app import settings
from curator_app.audit import log
from curator_app.documents.blocks import Document
from curator_app.documents.data import PairInfo, collect_pairs
from curator_app.documents.ops import (
    ORDER_STATUSES,
    DocumentResult,
    check_format,
    require_requisites,
    with_periods,
    write_layout,
)
from curator_app.documents.order import OrderParams
from curator_app.documents.register import add_file, record_document, same_document, stored_layout
from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.models import (
    Consent,
    MentoringForm,
    Mentorship,
    Roadmap,
    RoadmapEvent,
    RoadmapSection,
    database,
)
from curator_app.settings import SchoolSettings, load_school

from .consents import consents_document
from .data import ISSUED, KIND_NAMES, MENTORING, PERSONAL, Subject, bank_people, plan_details, staff_mentors
from .data import with_consent_state as _state
from .launch import FormInfo, LaunchData, RoadmapLine, launch_document, regulation_document
from .programme import journals_document, plans_document

GROUP_KEY = "documents.working_group"


def consent_kind(kind: str) -> str:
    """«personal-data» / «mentoring» (the CLI's words) or the stored kind → ``Consent.kind``."""
    if kind in (PERSONAL, MENTORING):
        return kind
    if kind not in KIND_NAMES:
        raise CuratorError(f"Неизвестный вид согласия «{kind}»: нужен personal-data или mentoring.")
    return KIND_NAMES[kind]


def consent_subjects(kind: str, day: dt.date, *, missing: bool = False, person_ids: Iterable[int] | None = None,
                     mentorship_ids: Iterable[int] | None = None) -> list[Subject]:
    """Who gets a form: for personal data everyone in the banks (or ``person_ids``, or the people of
    ``mentorship_ids``); for mentoring the staff mentors of planned and active pairs. ``missing``: only those
    without a valid consent of that kind."""
    kind = consent_kind(kind)
    if kind == MENTORING:
        pairs = with_periods(collect_pairs(ORDER_STATUSES, mentorship_ids, day).pairs, day)
        people = staff_mentors(pairs, person_ids)
    else:
        ids = person_ids
        if ids is None and mentorship_ids is not None:
            pairs = collect_pairs(ORDER_STATUSES, mentorship_ids, day).pairs
            ids = {p.id for pair in pairs for p in [pair.mentor, *pair.mentees]}
        people = bank_people(ids)
    return _state(people, kind, day, missing)


def make_consents(path: str | Path, *, kind: str = "personal-data", missing: bool = False,
                  person_ids: Iterable[int] | None = None, mentorship_ids: Iterable[int] | None = None,
                  day: dt.date | None = None, mark_issued: bool = False) -> DocumentResult:
    """Consent forms, a page each; ``mark_issued`` records «бланк выдан» in each person's card."""
    path, day = Path(path), day or dt.date.today()
    check_format(path, ("pdf", "docx"))
    stored = consent_kind(kind)
    people = consent_subjects(stored, day, missing=missing, person_ids=person_ids, mentorship_ids=mentorship_ids)
    if not people:
        raise CuratorError("Некому печатать согласия: " + ("у всех есть действующее согласие."
                                                           if missing else "нет подходящих людей."))
    layout = consents_document(load_school(), people, day, stored)
    with database.atomic():
        marked = mark_consents([p.id for p in people], stored, "issued", day) if mark_issued else 0
        record = record_document("consent", None, day, f"{layout.title} ({len(people)}) от {date_short(day)}",
                                 path, [], people=[p.id for p in people], consent_kind=stored)
        write_layout(layout, path)
    result = DocumentResult(path, 0, len(people), document_id=int(record.id))
    result.activated = marked
    return result


def mark_consents(person_ids: Iterable[int], kind: str, status: str, day: dt.date) -> int:
    """«issued»: a pending consent row «Бланк выдан …» for each person without a valid or pending one (never
    valid, so the person is still not printed in orders); «signed»: the pending forms signed on ``day``.
    Returns how many cards changed."""
    kind = consent_kind(kind)
    ids = list(dict.fromkeys(person_ids))
    people = {p.id: p for p in bank_people(ids)}
    changed = 0
    with database.atomic():
        pending = {c.person_id: c for c in Consent.select().where(  # type: ignore[attr-defined]
            (Consent.kind == kind) & Consent.person.in_(ids) & Consent.pending & Consent.withdrawn_on.is_null())}
        if status == "issued":
            from curator_app.banks import valid_consent_ids

            valid = valid_consent_ids(day, kind)
            for pid in ids:
                person = people.get(pid)
                if person is None or pid in valid or pid in pending:
                    continue
                minor = person.is_minor(day) and kind == PERSONAL
                Consent.create(person=pid, kind=kind, signed_by="guardian" if minor else "self",
                               guardian_name=person.guardian_name or None if minor else None,
                               notes=f"{ISSUED} {date_short(day)}", purposes=_PURPOSES[kind], pending=True)
                changed += 1
        elif status == "signed":
            for consent in pending.values():
                consent.signed_on, consent.pending = day, False
                consent.notes = f"{consent.notes or ''}; подписан {date_short(day)}".lstrip("; ")
                consent.save()
                changed += 1
        else:
            raise CuratorError(f"Неизвестная отметка «{status}»: нужна issued или signed.")
        if changed:
            log("update", "consent", None, f"Согласия ({kind}): отмечено «{'бланк выдан' if status == 'issued' else 'подписан'}» "
                f"у {changed}", {"people": ids, "status": status})
    return changed


_PURPOSES = {
    PERSONAL: "участие в программе наставничества; учёт в банке наставников и наставляемых; оформление документов "
              "программы; мониторинг",
    MENTORING: "выполнение работы по наставничеству (ст. 351.8 ТК РФ)",
}


def _pairs(mentorship_ids: Iterable[int] | None, day: dt.date, what: str) -> list[PairInfo]:
    selection = collect_pairs(ORDER_STATUSES, mentorship_ids, day)
    if not selection.pairs:
        raise CuratorError(f"Нет пар для документа «{what}».")
    return with_periods(selection.pairs, day)


def plans_layout(pairs: list[PairInfo], day: dt.date) -> Document:
    return plans_document(load_school(), pairs, plan_details([p.id for p in pairs]), day)


def journals_layout(pairs: list[PairInfo]) -> Document:
    return journals_document(load_school(), pairs, plan_details([p.id for p in pairs]))


def make_plans(path: str | Path, *, mentorship_ids: Iterable[int] | None = None,
               day: dt.date | None = None) -> DocumentResult:
    """A personalised programme for each planned and active pair or group (or ``mentorship_ids``)."""
    path, day = Path(path), day or dt.date.today()
    check_format(path, ("pdf", "docx"))
    pairs = _pairs(mentorship_ids, day, "персонализированные программы")
    layout = plans_layout(pairs, day)
    with database.atomic():
        record = record_document("plan", None, day, f"Персонализированные программы наставничества ({len(pairs)}) "
                                 f"от {date_short(day)}", path, [p.id for p in pairs])
        write_layout(layout, path)
    return DocumentResult(path, len(pairs), len(pairs), document_id=int(record.id))


def make_journals(path: str | Path, *, mentorship_ids: Iterable[int] | None = None,
                  day: dt.date | None = None) -> DocumentResult:
    """A mentor's journal for each planned and active pair or group: the meetings logged, then blank rows."""
    path, day = Path(path), day or dt.date.today()
    check_format(path, ("pdf", "docx"))
    pairs = _pairs(mentorship_ids, day, "журнал наставника")
    layout = journals_layout(pairs)
    with database.atomic():
        record = record_document("journal", None, day, f"Журналы наставника ({len(pairs)}) от {date_short(day)}",
                                 path, [p.id for p in pairs])
        write_layout(layout, path)
    return DocumentResult(path, len(pairs), len(pairs), document_id=int(record.id))


def launch_data(group: list[str] | None = None) -> LaunchData:
    """The forms the school uses (those with pairs, else all), the latest roadmap, the working group."""
    rows: Any = Mentorship.select(Mentorship.form).distinct().tuples()
    used = {row[0] for row in rows}
    forms = list(MentoringForm.select().where(~MentoringForm.archived).order_by(MentoringForm.position))
    chosen = [f for f in forms if f.id in used] or forms
    data = LaunchData([FormInfo(f.name, f.description or "") for f in chosen], working_group=working_group(group))
    roadmap = Roadmap.select().order_by(Roadmap.id.desc()).first()
    if roadmap is not None:
        data.roadmap_title = roadmap.title
        titles = {s.id: (s.number, s.title) for s in RoadmapSection.select().where(RoadmapSection.roadmap == roadmap)}
        last_section = None
        for event in RoadmapEvent.select().where(RoadmapEvent.roadmap == roadmap).order_by(RoadmapEvent.position):
            section = event.section_id  # type: ignore[attr-defined]
            if section != last_section and section in titles:
                number, title = titles[section]
                data.roadmap.append(RoadmapLine(number, title, "", "", section=True))
                last_section = section
            data.roadmap.append(RoadmapLine(event.number or "", event.title, event.period_text or "",
                                            event.responsible or ""))
    return data


def working_group(members: list[str] | None = None) -> list[str]:
    """The working group's members («Фамилия Имя Отчество, должность»): the given list (kept in the
    settings for the next time) or the one kept."""
    if members is not None:
        cleaned = [" ".join(m.split()) for m in members if m.strip()]
        settings.put(GROUP_KEY, cleaned or None)
        return cleaned
    return [str(m) for m in settings.get(GROUP_KEY) or []]


def make_regulation(path: str | Path, *, day: dt.date | None = None) -> DocumentResult:
    """«Положение о программе наставничества» of the school (DOCX to edit in Word, or PDF)."""
    path, day = Path(path), day or dt.date.today()
    check_format(path, ("pdf", "docx"))
    school = load_school()
    layout = regulation_document(school, launch_data(), day)
    with database.atomic():
        record = record_document("regulation", None, day, f"{layout.title} от {date_short(day)}", path, [])
        write_layout(layout, path)
    return DocumentResult(path, 0, 1, document_id=int(record.id))


def launch_layout(school: SchoolSettings, number: str, day: dt.date, group: list[str] | None = None) -> Document:
    return launch_document(school, OrderParams(number, day), launch_data(group))


def issue_launch_order(path: str | Path, *, number: str = "", day: dt.date | None = None,
                       group: list[str] | None = None) -> DocumentResult:
    """«О внедрении целевой модели наставничества»; with a number it is registered and keeps its text (the
    same number and date again writes that text, whatever the templates say now)."""
    path, day, number = Path(path), day or dt.date.today(), number.strip()
    check_format(path, ("pdf", "docx"))
    school = load_school()
    result = DocumentResult(path, 0, 1)
    if number:
        same = same_document("launch_order", number, day)
        if same is not None:
            layout = stored_layout(same) or launch_layout(school, number, day, group)
            with database.atomic():
                write_layout(layout, path)
                add_file(same, path)
            result.document_id = int(same.id)
            return result
        require_requisites(school)
    layout = launch_layout(school, number, day, group)
    if not number:
        write_layout(layout, path)
        return result
    with database.atomic():
        record = record_document("launch_order", number, day, layout.title, path, [], layout)
        write_layout(layout, path)
    result.document_id = int(record.id)
    return result


def layout_for(kind: str, pairs: list[PairInfo], day: dt.date, **options: Any) -> Document:
    """The paper of ``kind`` laid out (reads the database: call it before handing the drawing to a worker)."""
    if kind == "plan":
        return plans_layout(with_periods(pairs, day), day)
    if kind == "journal":
        return journals_layout(with_periods(pairs, day))
    if kind in ("consent_personal", "consent_mentoring"):
        stored = PERSONAL if kind == "consent_personal" else MENTORING
        missing = bool(options.get("missing"))
        # people without a consent to processing are in no pair: the forms for them come from the whole bank
        ids = None if stored == PERSONAL and missing else [p.id for p in pairs]
        people = consent_subjects(stored, day, missing=missing, mentorship_ids=ids)
        if not people:
            raise CuratorError("Некому печатать согласия: " + ("у всех выбранных есть действующее согласие."
                                                               if options.get("missing") else "нет подходящих людей."))
        return consents_document(load_school(), people, day, stored)
    if kind == "regulation":
        return regulation_document(load_school(), launch_data(), day)
    if kind == "launch_order":
        return launch_layout(load_school(), str(options.get("number", "")), day)
    raise CuratorError(f"Неизвестный вид документа: {kind}.")
