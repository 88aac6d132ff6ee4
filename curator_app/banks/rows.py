"""The banks as tables: every row of the mentor or mentee bank in one query, and the filters on them.

A bank of 20,000 people is read with one SQL query into tuples plus three small queries (pairs,
consents, forms); search and filters then run in Python over the folded text, so one keystroke
costs milliseconds and never touches the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from typing import NamedTuple

from peewee import Case, fn

from curator_app.lang.text import fold
from curator_app.models import CATEGORY_LABELS, Consent, database

from .consent import valid_condition

ROLES = ("mentor", "mentee")
ROLE_LABELS = {"mentor": "наставников", "mentee": "наставляемых"}
STATUS_LABELS = {"active": "В банке", "in_pair": "В паре", "without_pair": "Без пары", "archived": "В архиве"}
CONSENT_LABELS = {"valid": "Есть", "invalid": "Отозвано / истекло", "none": "Нет"}


class BankRow(NamedTuple):
    """One person of a bank, as the table and the export show them (dates as ISO text)."""

    id: int
    last_name: str
    first_name: str
    middle_name: str | None
    category: str
    grade: int | None
    grade_letter: str | None
    position: str | None
    subject: str | None
    workplace: str | None
    birth_date: str | None
    phone: str | None
    email: str | None
    guardian_name: str | None
    guardian_phone: str | None
    form: str | None
    main_text: str | None  # mentee: key request; mentor: competencies
    interests: str | None
    achievements: str | None
    desired: str | None
    capacity: int | None
    trained: bool  # 0/1 as SQLite gives it
    trained_on: str | None
    entry_date: str | None
    end_date: str | None
    archived_on: str | None
    partners: str  # mentee: the mentor's short name; mentor: the mentees' short names
    load: int  # how many current pairs/groups (mentee) or mentees (mentor)
    consent: str  # key of CONSENT_LABELS
    search: str  # folded text a search matches

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def grade_label(self) -> str:
        return f"{self.grade}{self.grade_letter or ''}" if self.grade else ""

    @property
    def status(self) -> str:
        if self.archived_on:
            return "archived"
        return "in_pair" if self.load else "without_pair"

    @property
    def place(self) -> str:
        """Grade for a pupil, otherwise position (and subject), otherwise workplace."""
        if self.grade:
            return self.grade_label
        parts = [p for p in (self.position, self.workplace) if p]
        return ", ".join(parts)


_SQL = {
    "mentee": """
        SELECT p.id, p.last_name, p.first_name, p.middle_name, p.category, p.grade, p.grade_letter, p.position,
               p.subject, p.workplace, p.birth_date, p.phone, p.email, p.guardian_name, p.guardian_phone,
               f.name, b.key_request, b.interests, NULL, NULL, NULL, 0, NULL, b.entry_date, b.end_date, b.archived_on,
               p.search_text
        FROM mentee b JOIN person p ON p.id = b.person_id LEFT JOIN mentoring_form f ON f.id = b.form_id""",
    "mentor": """
        SELECT p.id, p.last_name, p.first_name, p.middle_name, p.category, p.grade, p.grade_letter, p.position,
               p.subject, p.workplace, p.birth_date, p.phone, p.email, p.guardian_name, p.guardian_phone,
               f.name, b.competencies, b.interests, b.achievements,
               COALESCE(b.desired_mentees, CASE WHEN b.desired_grade_min IS NOT NULL
                   THEN b.desired_grade_min || '–' || COALESCE(b.desired_grade_max, '') || ' кл.' END),
               b.capacity, b.trained, b.trained_on, b.entry_date, b.end_date, b.archived_on, p.search_text
        FROM mentor b JOIN person p ON p.id = b.person_id LEFT JOIN mentoring_form f ON f.id = b.form_id""",
}

# Current pairs: a planned or active mentorship the mentee has not left, with its form.
_PARTNERS = {
    "mentee": """
        SELECT mm.mentee_id, p.last_name, p.first_name, p.middle_name, f.name
        FROM mentorship_member mm JOIN mentorship ms ON ms.id = mm.mentorship_id JOIN person p ON p.id = ms.mentor_id
        JOIN mentoring_form f ON f.id = ms.form_id
        WHERE ms.status IN ('planned', 'active') AND mm.left_on IS NULL""",
    "mentor": """
        SELECT ms.mentor_id, p.last_name, p.first_name, p.middle_name, f.name
        FROM mentorship_member mm JOIN mentorship ms ON ms.id = mm.mentorship_id JOIN person p ON p.id = mm.mentee_id
        JOIN mentoring_form f ON f.id = ms.form_id
        WHERE ms.status IN ('planned', 'active') AND mm.left_on IS NULL""",
}


def _short(last: str, first: str, middle: str | None) -> str:
    return f"{last} {first[:1]}.{middle[:1] + '.' if middle else ''}"


def consent_sets(day: dt.date | None = None) -> tuple[set[int], set[int]]:
    """(ids with a valid processing consent, ids with any processing consent) in one query. The validity
    test is the consent service's own expression, run without peewee's per-row conversion (20,000 rows)."""
    valid_expr = valid_condition(day or dt.date.today(), "processing")
    query = (Consent.select(Consent.person, fn.MAX(Case(None, [(valid_expr, 1)], 0)))
             .where((Consent.kind == "processing") & ~Consent.pending).group_by(Consent.person))
    valid, signed = set(), set()
    for pid, ok in database.execute(query).fetchall():
        signed.add(pid)
        if ok:
            valid.add(pid)
    return valid, signed


def bank_rows(role: str, day: dt.date | None = None) -> list[BankRow]:
    """Every person of the ``role`` bank (archived ones too), sorted by name."""
    if role not in ROLES:
        raise ValueError(role)
    # Tens of thousands of new tuples set off the cyclic collector's full passes mid-build (a third of
    # the time, at random); these rows hold no cycles, so it waits until they are made.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _bank_rows(role, day)
    finally:
        if enabled:
            gc.enable()


def _bank_rows(role: str, day: dt.date | None) -> list[BankRow]:
    partners: dict[int, list[str]] = {}
    pair_forms: dict[int, dict[str, None]] = {}  # the forms of a person's pairs: «Форма» when no wish was stated
    for pid, last, first, middle, form in database.execute_sql(_PARTNERS[role]).fetchall():
        partners.setdefault(pid, []).append(_short(last, first, middle))
        pair_forms.setdefault(pid, {})[form] = None
    current = {pid: (", ".join(names), len(names)) for pid, names in partners.items()}
    valid, signed = consent_sets(day)
    folded: dict[str, str] = {}  # requests and competencies repeat a lot: fold each text once
    new = tuple.__new__  # what BankRow._make does, without a call per row
    nobody = ("", 0)
    rows: list[BankRow] = []
    append = rows.append
    for r in database.execute_sql(_SQL[role]).fetchall():
        pid, text = r[0], r[16]
        consent = "valid" if pid in valid else ("invalid" if pid in signed else "none")
        if text:
            extra = folded.get(text)
            if extra is None:
                extra = folded[text] = fold(text)
            search = f"{r[26]} {extra}"
        else:
            search = r[26]
        if r[15] is None and pid in pair_forms:
            r = (*r[:15], ", ".join(pair_forms[pid]), *r[16:])
        append(new(BankRow, r[:26] + current.get(pid, nobody) + (consent, search)))
    rows.sort(key=_by_search)
    return rows


def _by_search(row: BankRow) -> str:
    return row.search


@dataclasses.dataclass
class BankFilter:
    """What the curator narrowed the bank to; empty values mean «all»."""

    text: str = ""
    category: str = ""  # key of CATEGORY_LABELS
    grade: int | None = None
    form: str = ""  # the form's name
    status: str = "active"  # key of STATUS_LABELS, or "" for everyone including the archive
    consent: str = ""  # key of CONSENT_LABELS
    trained: bool | None = None  # mentors only

    def matches(self, row: BankRow) -> bool:
        return bool(filter_rows([row], self))


def filter_rows(rows: list[BankRow], flt: BankFilter) -> list[BankRow]:
    """The rows that pass ``flt``, in their order: one cheap pass per condition, the most selective first."""
    for word in fold(flt.text).split():
        rows = [r for r in rows if word in r.search]
    if flt.grade is not None:
        rows = [r for r in rows if r.grade == flt.grade]
    if flt.category:
        rows = [r for r in rows if r.category == flt.category]
    if flt.form:
        rows = [r for r in rows if r.form == flt.form]
    if flt.status == "active":
        rows = [r for r in rows if not r.archived_on]
    elif flt.status == "archived":
        rows = [r for r in rows if r.archived_on]
    elif flt.status == "in_pair":
        rows = [r for r in rows if r.load and not r.archived_on]
    elif flt.status == "without_pair":
        rows = [r for r in rows if not r.load and not r.archived_on]
    if flt.consent:
        rows = [r for r in rows if r.consent == flt.consent]
    if flt.trained is not None:
        rows = [r for r in rows if r.trained == flt.trained]
    return rows


def sort_key(column: str):  # type: ignore[no-untyped-def]
    """A key for sorting rows by a column name of :data:`COLUMNS`; empty values go last."""
    if column == "name":
        return lambda r: r.search
    if column == "place":
        return lambda r: (r.grade or 99, r.grade_letter or "", fold(r.place))
    if column in ("load", "capacity", "trained"):
        return lambda r: getattr(r, column) or 0
    return lambda r: (getattr(r, column) is None or getattr(r, column) == "", fold(str(getattr(r, column) or "")))


def category_label(key: str) -> str:
    return CATEGORY_LABELS.get(key, key)


def form_names() -> list[str]:
    return [r[0] for r in database.execute_sql(
        "SELECT name FROM mentoring_form WHERE NOT archived ORDER BY position").fetchall()]
