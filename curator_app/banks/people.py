"""A person in the banks: the card (validate, save), archive, restore, delete, consents, pair history."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from curator_app.audit import forget, log
from curator_app.errors import CuratorError
from curator_app.lang.text import clean_spaces, normalize_name_part
from curator_app.models import (
    CATEGORY_LABELS,
    MENTORSHIP_STATUS_LABELS,
    Consent,
    Mentee,
    Mentor,
    Mentorship,
    MentorshipMember,
    Person,
    database,
)

PERSON_FIELDS = (
    "last_name", "first_name", "middle_name", "gender", "birth_date", "category", "grade", "grade_letter",
    "position", "subject", "workplace", "experience_years", "phone", "email", "guardian_name", "guardian_phone",
    "notes",
)
MENTEE_FIELDS = ("form", "key_request", "interests", "entry_date", "end_date", "place", "results", "case_link")
MENTOR_FIELDS = (
    "form", "competencies", "interests", "achievements", "desired_grade_min", "desired_grade_max", "desired_mentees",
    "capacity", "trained", "trained_on", "entry_date", "end_date", "results", "case_link",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LETTER = re.compile(r"^[А-ЯЁ]$")


class PersonInvalid(CuratorError):
    """The card has mistakes; ``errors`` maps a field name to the Russian message shown next to it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def profile_model(role: str) -> type[Mentor] | type[Mentee]:
    if role == "mentor":
        return Mentor
    if role == "mentee":
        return Mentee
    raise ValueError(role)


def _blank(value: Any) -> Any:
    if isinstance(value, str):
        value = clean_spaces(value)
        return value or None
    return value


def age_on(birth: dt.date | None, day: dt.date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def validate(role: str, person: dict[str, Any], profile: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """Clean ``person`` in place and return ``{field: message}`` for every mistake (empty when all is well)."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    for key in list(person):
        person[key] = _blank(person[key])
    for key in ("last_name", "first_name", "middle_name"):
        if person.get(key):
            person[key] = normalize_name_part(person[key])
    if not person.get("last_name"):
        errors["last_name"] = "Укажите фамилию."
    if not person.get("first_name"):
        errors["first_name"] = "Укажите имя."
    for key in ("last_name", "first_name", "middle_name"):
        value = person.get(key)
        if value and not re.fullmatch(r"[А-Яа-яЁёA-Za-z\- ']+", value):
            errors[key] = f"«{value}»: в имени только буквы, дефис и пробел."
    birth = person.get("birth_date")
    if birth is not None:
        if birth > today:
            errors["birth_date"] = f"Дата рождения {birth:%d.%m.%Y} ещё не наступила."
        elif birth.year < today.year - 100:
            errors["birth_date"] = f"Дата рождения {birth:%d.%m.%Y} — больше 100 лет назад: проверьте год."
    category = person.get("category") or "pupil"
    if category not in CATEGORY_LABELS:
        errors["category"] = f"Неизвестная категория «{category}»."
    person["category"] = category
    grade = person.get("grade")
    if grade is not None and not 1 <= int(grade) <= 11:
        errors["grade"] = f"Класс {grade}: нужен номер от 1 до 11."
    if category == "pupil" and grade is None:
        errors["grade"] = "Для обучающегося укажите класс (1–11)."
    if category != "pupil" and grade is not None and category != "graduate":
        person["grade"], person["grade_letter"] = None, None
    letter = person.get("grade_letter")
    if letter:
        person["grade_letter"] = letter = letter.upper()
        if not _LETTER.match(letter):
            errors["grade"] = f"Буква класса «{letter}»: нужна одна русская буква."
    exp = person.get("experience_years")
    if exp is not None and not 0 <= float(exp) <= 70:
        errors["experience_years"] = "Стаж — от 0 до 70 лет."
    email = person.get("email")
    if email and not _EMAIL.match(email):
        errors["email"] = f"«{email}» не похоже на адрес электронной почты."
    for key in ("phone", "guardian_phone"):
        phone = person.get(key)
        if phone and not 5 <= len(re.sub(r"\D", "", phone)) <= 15:
            errors[key] = f"«{phone}» не похоже на номер телефона."
    if role == "mentor":
        capacity = profile.get("capacity")
        if capacity is not None and not 1 <= int(capacity) <= 30:
            errors["capacity"] = "Сколько наставляемых одновременно: от 1 до 30."
        trained_on = profile.get("trained_on")
        if trained_on and trained_on > today:
            errors["trained_on"] = f"Дата обучения {trained_on:%d.%m.%Y} ещё не наступила."
        if trained_on and not profile.get("trained"):
            profile["trained"] = True
        lo, hi = profile.get("desired_grade_min"), profile.get("desired_grade_max")
        if lo and hi and lo > hi:
            errors["desired_grade_min"] = "Желаемые классы: «с» больше, чем «по»."
    for key in list(profile):
        profile[key] = _blank(profile[key])
    start, end = profile.get("entry_date"), profile.get("end_date")
    if start and end and end < start:
        errors["end_date"] = "Дата окончания раньше даты вхождения в программу."
    return errors


def save_person(role: str, person: dict[str, Any], profile: dict[str, Any], person_id: int | None = None) -> int:
    """Create or change a person and their ``role`` profile; raises :class:`PersonInvalid`. Returns the id."""
    errors = validate(role, person, profile)
    if errors:
        raise PersonInvalid(errors)
    model = profile_model(role)
    with database.atomic():
        if person_id is None:
            obj = Person(**{k: v for k, v in person.items() if k in PERSON_FIELDS})
            obj.save()
            model.create(person=obj, **profile)
            log("create", "person", obj.id, f"Добавлен(а) в банк {_bank(role)}: {obj.full_name}")
        else:
            obj = Person.get_by_id(person_id)
            for key, value in person.items():
                if key in PERSON_FIELDS:
                    setattr(obj, key, value)
            obj.save()
            row = model.get_or_none(model.person == obj.id)
            if row is None:
                model.create(person=obj, **profile)
            elif profile:
                model.update(**profile).where(model.id == row.id).execute()
            log("update", "person", obj.id, f"Изменена карточка: {obj.full_name}")
    return int(obj.id)


def _bank(role: str) -> str:
    return "наставников" if role == "mentor" else "наставляемых"


def archive(role: str, person_ids: Iterable[int], reason: str = "", day: dt.date | None = None) -> int:
    model = profile_model(role)
    ids = list(person_ids)
    with database.atomic():
        n = (model.update(archived_on=day or dt.date.today(), archive_reason=reason or None)
             .where(model.person.in_(ids) & model.archived_on.is_null()).execute())
        log("archive", "person", ids[0] if len(ids) == 1 else None,
            f"В архив банка {_bank(role)}: {n} чел." + (f" ({reason})" if reason else ""), {"ids": ids})
    return int(n)


def restore(role: str, person_ids: Iterable[int]) -> int:
    model = profile_model(role)
    ids = list(person_ids)
    with database.atomic():
        n = (model.update(archived_on=None, archive_reason=None)
             .where(model.person.in_(ids) & model.archived_on.is_null(False)).execute())
        log("restore", "person", ids[0] if len(ids) == 1 else None,
            f"Возвращены из архива банка {_bank(role)}: {n} чел.", {"ids": ids})
    return int(n)


def delete(role: str, person_ids: Iterable[int]) -> int:
    """Remove people from the bank; a person who was ever in a pair is refused (archive them instead).
    A person left with no profile in either bank is deleted with their consents."""
    model = profile_model(role)
    ids = list(person_ids)
    people = {p.id: p for p in Person.select().where(Person.id.in_(ids))}
    used = {r[0] for r in database.execute(Mentorship.select(Mentorship.mentor).where(Mentorship.mentor.in_(ids)))}
    used |= {r[0] for r in database.execute(MentorshipMember.select(MentorshipMember.mentee)
                                            .where(MentorshipMember.mentee.in_(ids)))}
    if used:
        names = ", ".join(people[i].full_name for i in ids if i in used)
        raise CuratorError(f"Нельзя удалить тех, кто был в паре или группе: {names}. "
                           "Переместите их в архив — история пар сохранится.")
    other = Mentee if model is Mentor else Mentor
    with database.atomic():
        n = model.delete().where(model.person.in_(ids)).execute()
        keep = {r[0] for r in database.execute(other.select(other.person).where(other.person.in_(ids)))}
        gone = [i for i in ids if i not in keep]
        if gone:
            Person.delete().where(Person.id.in_(gone)).execute()
        forget((i, people[i].last_name, people[i].first_name, people[i].middle_name) for i in gone if i in people)
        log("delete", "person", ids[0] if len(ids) == 1 else None,  # ids only: the names are gone with them
            f"Удалены из банка {_bank(role)}: {len(ids)} чел. (№ {', '.join(str(i) for i in ids)})", {"ids": ids})
    return int(n)


def load_card(role: str, person_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The person's fields and their ``role`` profile's fields, as plain dicts (form as its id)."""
    person = Person.get_by_id(person_id)
    model = profile_model(role)
    row = model.get_or_none(model.person == person_id)
    fields = MENTOR_FIELDS if role == "mentor" else MENTEE_FIELDS
    profile = {k: (getattr(row, f"{k}_id") if k == "form" else getattr(row, k)) for k in fields} if row else {}
    return {k: getattr(person, k) for k in PERSON_FIELDS}, profile


# --- consents ----------------------------------------------------------------------------------------

def consents(person_id: int) -> list[Consent]:
    return list(Consent.select().where(Consent.person == person_id)
                .order_by(Consent.signed_on.desc(nulls="LAST"), Consent.id.desc()))


def save_consent(person_id: int, values: dict[str, Any], consent_id: int | None = None) -> int:
    """Record or change a consent; a guardian's signature needs the guardian's name and document."""
    values = {k: _blank(v) for k, v in values.items()}
    errors: dict[str, str] = {}
    if not values.get("signed_on"):
        errors["signed_on"] = "Укажите дату подписания согласия."
    elif values["signed_on"] > dt.date.today():
        errors["signed_on"] = "Дата подписания ещё не наступила."
    if values.get("signed_by") == "guardian":
        if not values.get("guardian_name"):
            errors["guardian_name"] = "Согласие подписал законный представитель: укажите его ФИО."
        if not values.get("guardian_document"):
            errors["guardian_document"] = "Укажите документ, подтверждающий полномочия представителя."
    withdrawn = values.get("withdrawn_on")
    if withdrawn and values.get("signed_on") and withdrawn < values["signed_on"]:
        errors["withdrawn_on"] = "Согласие не может быть отозвано раньше, чем подписано."
    if errors:
        raise PersonInvalid(errors)
    with database.atomic():
        if consent_id is None:
            consent_id = Consent.create(person=person_id, **values).id
            action = "Записано согласие на обработку ПД"
        else:
            Consent.update(**values).where(Consent.id == consent_id).execute()
            action = "Изменено согласие на обработку ПД"
        log("update", "person", person_id, f"{action}: {Person.get_by_id(person_id).full_name}")
    return int(consent_id)


def withdraw_consent(consent_id: int, day: dt.date | None = None) -> None:
    consent = Consent.get_by_id(consent_id)
    with database.atomic():
        Consent.update(withdrawn_on=day or dt.date.today()).where(Consent.id == consent_id).execute()
        person = consent.person
        log("update", "person", person.id, f"Согласие отозвано: {person.full_name}")


# --- history -----------------------------------------------------------------------------------------

@dataclass
class PairRecord:
    role: str  # the person's role in it: mentor | mentee
    partners: str
    form: str
    status: str
    start: dt.date | None
    end: dt.date | None


def pair_history(person_id: int) -> list[PairRecord]:
    """Every pair or group the person was in, as mentor or as mentee, newest first."""
    records = []
    led = Mentorship.select().where(Mentorship.mentor == person_id)
    for ms in led:
        names = ", ".join(m.mentee.short_name for m in ms.members)
        records.append(PairRecord("mentor", names, ms.form.name, MENTORSHIP_STATUS_LABELS.get(ms.status, ms.status),
                                  ms.start_date, ms.end_date or ms.planned_end_date))
    for member in MentorshipMember.select().where(MentorshipMember.mentee == person_id):
        ms = member.mentorship
        records.append(PairRecord("mentee", ms.mentor.short_name, ms.form.name,
                                  MENTORSHIP_STATUS_LABELS.get(ms.status, ms.status),
                                  member.joined_on or ms.start_date, member.left_on or ms.end_date
                                  or ms.planned_end_date))
    records.sort(key=lambda r: r.start or dt.date.min, reverse=True)
    return records
