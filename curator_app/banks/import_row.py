"""One row of a bank sheet read into a person, a profile and a consent, or into the reasons it is refused.

What a row states is kept as stated: a pupil in the mentor list («ученица 10А» in the position column, or the
form «ученик – ученик») is a pupil of that grade; a consent «да» with no date is a consent on file whose date
nobody gave, not one signed today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from curator_app.banks import read as rd
from curator_app.lang.text import fold
from curator_app.models import CATEGORY_LABELS

from .headers import column_label
from .people import MENTEE_FIELDS, MENTOR_FIELDS, validate

_CATEGORY_WORDS = {"обучающ": "pupil", "учени": "pupil", "учащ": "pupil", "школьн": "pupil", "педагог": "teacher",
                   "учител": "teacher", "студент": "student", "родител": "parent", "работодат": "employer",
                   "представител": "employer", "выпускн": "graduate"}
_TEXTS = ("key_request", "competencies", "interests", "achievements", "desired_mentees")


@dataclass
class Rejected:
    row: int
    column: str
    reason: str


@dataclass
class PlannedRow:
    row: int
    person: dict[str, Any]
    profile: dict[str, Any]
    consent: bool = False  # a consent to processing is on file
    consent_on: dt.date | None = None  # the day it was signed, where the sheet says it
    existing_id: int | None = None

    @property
    def name(self) -> str:
        p = self.person
        return " ".join(x for x in (p.get("last_name"), p.get("first_name"), p.get("middle_name")) if x)


@dataclass
class RowContext:
    """What reading a row needs besides its cells: the sheet's columns and the school's forms."""

    role: str
    headers: list[str]
    mapping: dict[int, str]  # column index → field key
    forms: dict[str, int]  # folded name or code → form id
    pupil_forms: set[int]  # ids of the forms where this side may be a pupil («ученик – ученик» for a mentor)
    today: dt.date

    def column(self, *keys: str) -> str:
        """The header of the first column mapped to one of ``keys`` (the field's label when there is none)."""
        for key in keys:
            for col, value in self.mapping.items():
                if value == key:
                    return column_label(self.headers, col)
        return rd.FIELD_LABELS.get(keys[0], keys[0])


def form_key(name: str | None) -> str:
    return fold(name).replace("—", "-").replace("–", "-").replace(" ", "")


def read_row(number: int, cells: list[Any], ctx: RowContext, errors: list[Rejected]) -> PlannedRow | None:
    """The row as a planned person, or None with the reasons appended to ``errors``."""
    person: dict[str, Any] = {}
    profile: dict[str, Any] = {}
    stated: dict[str, tuple[bool, dt.date | None]] = {}
    profile_fields = set(MENTOR_FIELDS if ctx.role == "mentor" else MENTEE_FIELDS)
    for col, key in ctx.mapping.items():
        value = cells[col] if col < len(cells) else None
        if rd.is_blank(value):
            continue
        try:
            if key == "full_name":
                person["last_name"], person["first_name"], person["middle_name"] = \
                    rd.split_full_name(rd.text(value) or "")
            elif key in ("birth_date", "entry_date", "trained_on"):
                (person if key == "birth_date" else profile)[key] = rd.date(value)
            elif key == "grade":
                try:
                    person["grade"], person["grade_letter"] = rd.grade(value) or (None, None)
                except rd.CellError:
                    if sum(ch.isalpha() for ch in str(value)) < 4:
                        raise
                    person.setdefault("position", rd.text(value))  # «Класс/должность» holding a position
            elif key == "experience_years":
                person[key] = rd.number(value, "стаж")
            elif key == "capacity":
                profile[key] = int(rd.number(value, "число наставляемых") or 1)
            elif key == "trained":
                profile["trained"] = bool(rd.yes_no(value))
                if profile["trained"] and not isinstance(value, bool):
                    try:
                        profile.setdefault("trained_on", rd.date(value))
                    except rd.CellError:
                        pass
            elif key in ("consent", "consent_on"):
                said = rd.consent(value)
                if said is not None:
                    stated[key] = said
            elif key == "category":
                person["category"] = _category(value)
            elif key == "form":
                name = form_key(rd.text(value))
                if name not in ctx.forms:
                    raise rd.CellError(f"форма «{rd.text(value)}» не найдена в списке форм наставничества")
                profile["form"] = ctx.forms[name]
            elif key in _TEXTS:
                if key in profile_fields:
                    profile[key] = rd.text(value)
            else:
                person[key] = rd.text(value)
        except rd.CellError as exc:
            errors.append(Rejected(number, column_label(ctx.headers, col), str(exc)))
    consent, consent_on = _consent(number, stated, ctx, errors)
    if errors:
        return None
    _place(person, profile, ctx)
    problems = validate(ctx.role, person, profile, ctx.today)
    for key, message in problems.items():
        column = ctx.column("full_name" if key in ("last_name", "first_name", "middle_name") else key, key)
        errors.append(Rejected(number, column, message.rstrip(".")))
    if errors:
        return None
    return PlannedRow(number, person, profile, consent, consent_on)


def _category(value: Any) -> str:
    word = fold(rd.text(value))
    found = next((c for stem, c in _CATEGORY_WORDS.items() if word.startswith(stem)), None)
    found = found or next((k for k, label in CATEGORY_LABELS.items() if fold(label) == word), None)
    if not found:
        raise rd.CellError(f"категория «{rd.text(value)}» не распознана")
    return found


def _consent(number: int, stated: dict[str, tuple[bool, dt.date | None]], ctx: RowContext,
             errors: list[Rejected]) -> tuple[bool, dt.date | None]:
    """(on file?, signed on) from the consent column and the consent date column, as the sheet states them."""
    said, dated = stated.get("consent"), stated.get("consent_on")
    if said is not None and not said[0] and dated is not None and dated[1] is not None:
        errors.append(Rejected(number, ctx.column("consent"), f"согласия нет, а в столбце «{ctx.column('consent_on')}» "
                                                              f"указана дата {dated[1]:%d.%m.%Y}"))
        return False, None
    on_file = any(s[0] for s in (said, dated) if s is not None) and not (said is not None and not said[0])
    signed = (dated[1] if dated is not None else None) or (said[1] if said is not None else None)
    if on_file and signed is not None and signed > ctx.today:
        errors.append(Rejected(number, ctx.column("consent_on" if dated and dated[1] else "consent", "consent"),
                               f"дата согласия {signed:%d.%m.%Y} ещё не наступила"))
    return on_file, signed if on_file else None


def _place(person: dict[str, Any], profile: dict[str, Any], ctx: RowContext) -> None:
    """The category, with the grade a pupil's place cell gives: a mentor list keeps senior pupils beside the
    teachers, as «ученица 10А» (or a bare «10А») in the position column, or with the form «ученик – ученик»."""
    position = person.get("position")
    if person.get("grade") is None and position:
        try:
            found = rd.grade(position)
        except rd.CellError:
            found = rd.pupil_grade(position)
        if found is not None:
            person["grade"], person["grade_letter"] = found
            person["position"] = None
    if "category" in person:
        return
    words = fold(position)
    if person.get("grade") or rd.names_pupil(position):
        person["category"] = "pupil"
    elif words.startswith("выпускн"):
        person["category"] = "graduate"
    elif profile.get("form") in ctx.pupil_forms:
        person["category"] = "pupil"
    elif "студент" in words:
        person["category"] = "student"
    else:
        person["category"] = "teacher" if position or person.get("subject") else "other"
