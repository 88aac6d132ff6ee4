"""Import of a mentor or mentee bank from a school's Excel/CSV sheet: a plan first (added, updated,
rejected with row, column and reason), then one all-or-nothing transaction.

The same person is recognised by surname, name, patronymic and birth date, or — without a birth date —
by name and position, so importing the same sheet twice adds nobody.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curator_app import settings
from curator_app.audit import log
from curator_app.banks import read as rd
from curator_app.errors import CuratorError
from curator_app.lang.text import fold
from curator_app.models import CATEGORY_LABELS, Consent, MentoringForm, Person, database, person_search_text

from .people import MENTEE_FIELDS, MENTOR_FIELDS, PERSON_FIELDS, profile_model, validate

_CATEGORY_WORDS = {"обучающ": "pupil", "учени": "pupil", "учащ": "pupil", "школьн": "pupil", "педагог": "teacher",
                   "учител": "teacher", "студент": "student", "родител": "parent", "работодат": "employer",
                   "представител": "employer", "выпускн": "graduate"}
_CHUNK = 500


class ImportCancelled(CuratorError):
    pass


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
    consent_on: dt.date | None = None  # a consent to record, signed on this day
    existing_id: int | None = None

    @property
    def name(self) -> str:
        p = self.person
        return " ".join(x for x in (p.get("last_name"), p.get("first_name"), p.get("middle_name")) if x)


@dataclass
class ImportPlan:
    role: str
    path: Path
    headers: list[str]
    mapping: dict[int, str]  # column index → field key
    added: list[PlannedRow] = field(default_factory=list)
    updated: list[PlannedRow] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: int = 0  # blank and total rows

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({r.row for r in self.rejected})

    def summary(self) -> dict[str, Any]:
        return {"file": str(self.path), "bank": self.role, "added": len(self.added), "updated": len(self.updated),
                "rejected": len(self.rejected_rows), "skipped": self.skipped,
                "errors": [{"row": r.row, "column": r.column, "reason": r.reason} for r in self.rejected]}


def _mapping_key(role: str) -> str:
    return f"bank_import.mapping.{role}"


def auto_mapping(headers: list[str], role: str) -> dict[int, str]:
    """Columns recognised by their Russian header, corrected by the mapping the curator chose last time."""
    remembered: dict[str, str] = settings.get(_mapping_key(role), {}) or {}
    other = set(rd.ROLE_FIELDS["mentor" if role == "mentee" else "mentee"])
    mapping: dict[int, str] = {}
    for col, header in enumerate(headers):
        key = fold(header)
        choice = remembered[key] if key in remembered else rd.header_field(header)
        if choice and choice not in other and choice not in mapping.values():
            mapping[col] = choice
    return mapping


def remember_mapping(headers: list[str], mapping: dict[int, str], role: str) -> None:
    remembered = settings.get(_mapping_key(role), {}) or {}
    for col, header in enumerate(headers):
        if header:
            remembered[fold(header)] = mapping.get(col, "")
    settings.put(_mapping_key(role), remembered)


def person_key(p: dict[str, Any]) -> tuple[Any, ...]:
    names = (fold(p.get("last_name")), fold(p.get("first_name")), fold(p.get("middle_name")))
    if p.get("birth_date"):
        return (*names, "b", str(p["birth_date"]))
    return (*names, "p", fold(p.get("position")))


def plan_import(path: str | Path, role: str, mapping: dict[int, str] | None = None,
                today: dt.date | None = None, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None, sheet: rd.Sheet | None = None) -> ImportPlan:
    """Read the sheet and decide, row by row, what would be added, updated or rejected. Writes nothing.
    ``progress(done, total)`` is called every few hundred rows; ``cancelled()`` stops the check."""
    today = today or dt.date.today()
    sheet = sheet or rd.read_sheet(path)
    mapping = dict(mapping) if mapping is not None else auto_mapping(sheet.headers, role)
    fields = set(mapping.values())
    if "full_name" not in fields and not {"last_name", "first_name"} <= fields:
        raise CuratorError(f"В файле «{sheet.path.name}» (строка заголовков {sheet.header_row}) не найден столбец "
                           "«ФИО» или пара «Фамилия» и «Имя»: укажите их в сопоставлении столбцов.")
    plan = ImportPlan(role, sheet.path, sheet.headers, mapping)
    query = Person.select(Person.id, *[getattr(Person, f) for f in PERSON_FIELDS]).dicts()
    existing: dict[int, dict[str, Any]] = {row["id"]: row for row in query}  # type: ignore[index, misc]
    by_key = {person_key(p): pid for pid, p in existing.items()}
    forms = {}
    for f in MentoringForm.select():
        forms[fold(f.name).replace("—", "-").replace("–", "-").replace(" ", "")] = f.id
        forms[fold(f.code)] = f.id
    seen: dict[tuple[Any, ...], int] = {}
    header_keys = {fold(h) for h in sheet.headers if h}
    for index, (number, cells) in enumerate(sheet.rows):
        if index % _CHUNK == 0:
            if cancelled and cancelled():
                raise ImportCancelled("Проверка файла отменена.")
            if progress:
                progress(index, len(sheet.rows))
        if all(rd.is_blank(c) for c in cells) or rd.is_total_row(cells):
            plan.skipped += 1
            continue
        first = next(c for c in cells if not rd.is_blank(c))
        if first.__class__ is str and fold(first) in header_keys and \
                {fold(str(c)) for c in cells if not rd.is_blank(c)} <= header_keys:
            plan.skipped += 1  # the header repeated after a page break
            continue
        errors: list[Rejected] = []
        planned = _read_row(number, cells, plan, forms, errors, today)
        if planned is not None and not errors:
            key = person_key(planned.person)
            if key in seen:
                errors.append(Rejected(number, _column(plan, "full_name", "last_name"),
                                       f"повторяет строку {seen[key]} ({planned.name})"))
            else:
                seen[key] = number
                planned.existing_id = by_key.get(key)
                if planned.existing_id is not None:
                    merged = {**existing[planned.existing_id],
                              **{k: v for k, v in planned.person.items() if v is not None}}
                    merged.pop("id", None)
                    planned.person = merged
                    plan.updated.append(planned)
                else:
                    plan.added.append(planned)
        plan.rejected.extend(errors)
    return plan


def _column(plan: ImportPlan, *keys: str) -> str:
    for key in keys:
        for col, value in plan.mapping.items():
            if value == key:
                return plan.headers[col] or f"столбец {col + 1}"
    return rd.FIELD_LABELS.get(keys[0], keys[0])


def _read_row(number: int, cells: list[Any], plan: ImportPlan, forms: dict[str, int], errors: list[Rejected],
              today: dt.date) -> PlannedRow | None:
    person: dict[str, Any] = {}
    profile: dict[str, Any] = {}
    consent_on: dt.date | None = None
    profile_fields = set(MENTOR_FIELDS if plan.role == "mentor" else MENTEE_FIELDS)
    for col, key in plan.mapping.items():
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
            elif key == "consent":
                if rd.yes_no(value):
                    try:
                        consent_on = rd.date(value)
                    except rd.CellError:
                        consent_on = today
            elif key == "category":
                word = fold(rd.text(value))
                found = next((c for stem, c in _CATEGORY_WORDS.items() if word.startswith(stem)), None)
                found = found or next((k for k, label in CATEGORY_LABELS.items() if fold(label) == word), None)
                if not found:
                    raise rd.CellError(f"категория «{rd.text(value)}» не распознана")
                person["category"] = found
            elif key == "form":
                name = fold(rd.text(value)).replace("—", "-").replace("–", "-").replace(" ", "")
                if name not in forms:
                    raise rd.CellError(f"форма «{rd.text(value)}» не найдена в списке форм наставничества")
                profile["form"] = forms[name]
            elif key in profile_fields or key in ("key_request", "competencies", "interests", "achievements",
                                                  "desired_mentees"):
                if key in profile_fields:
                    profile[key] = rd.text(value)
            else:
                person[key] = rd.text(value)
        except rd.CellError as exc:
            errors.append(Rejected(number, plan.headers[col] or f"столбец {col + 1}", str(exc)))
    if errors:
        return None
    if "category" not in person:
        position = fold(person.get("position"))
        person["category"] = ("pupil" if person.get("grade") else "student" if "студент" in position
                              else "teacher" if position or person.get("subject") else "other")
    problems = validate(plan.role, person, profile, today)
    for key, message in problems.items():
        column = _column(plan, "full_name" if key in ("last_name", "first_name", "middle_name") else key, key)
        errors.append(Rejected(number, column, message.rstrip(".")))
    if errors:
        return None
    return PlannedRow(number, person, profile, consent_on)


def apply_import(plan: ImportPlan, skip_invalid: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Write the plan in one transaction. With rejected rows and no ``skip_invalid`` nothing is written and
    the error names the rows. Cancelling rolls everything back."""
    if plan.rejected and not skip_invalid:
        first = "; ".join(f"строка {r.row}, столбец «{r.column}»: {r.reason}" for r in plan.rejected[:5])
        more = f" и ещё {len(plan.rejected) - 5}" if len(plan.rejected) > 5 else ""
        raise CuratorError(f"Импорт из «{plan.path.name}» не выполнен, ничего не записано: {first}{more}. "
                           "Исправьте файл или разрешите пропускать ошибочные строки (--skip-invalid).")
    model = profile_model(plan.role)
    total = len(plan.added) + len(plan.updated)
    done = 0
    with database.atomic():
        next_id = (database.execute_sql("SELECT MAX(id) FROM person").fetchone()[0] or 0) + 1
        with_profile = {r[0] for r in database.execute(model.select(model.person))}
        rows = plan.added + plan.updated
        for start in range(0, len(rows), _CHUNK):
            if cancelled and cancelled():
                raise ImportCancelled("Импорт отменён: в базу ничего не записано.")
            chunk = rows[start:start + _CHUNK]
            new_people, updates, new_profiles, consents = [], [], [], []
            for item in chunk:
                if item.existing_id is None:
                    item.existing_id = next_id
                    next_id += 1
                    new_people.append(item)
                else:
                    updates.append(item)
                if item.existing_id not in with_profile:
                    new_profiles.append(item)
                    with_profile.add(item.existing_id)
                elif item.profile:
                    model.update(**item.profile).where(model.person == item.existing_id).execute()
                if item.consent_on:
                    consents.append(item)
            _write_people(new_people, updates)
            _write_profiles(model, new_profiles)
            _write_consents(consents, plan.path.name)
            done += len(chunk)
            if progress:
                progress(done, total)
        summary = plan.summary()
        log("import", "person", None, f"Импорт банка {'наставников' if plan.role == 'mentor' else 'наставляемых'} "
            f"из «{plan.path.name}»: добавлено {len(plan.added)}, обновлено {len(plan.updated)}, "
            f"отклонено строк {len(plan.rejected_rows)}", {k: summary[k] for k in ("added", "updated", "rejected")})
    remember_mapping(plan.headers, plan.mapping, plan.role)
    return summary


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _write_people(new: list[PlannedRow], updates: list[PlannedRow]) -> None:
    stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    cols = ["id", *PERSON_FIELDS, "search_text", "created_at", "updated_at"]
    if new:
        sql = f"INSERT INTO person ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        database.cursor().executemany(sql, (
            [r.existing_id, *[_plain(r.person.get(f)) for f in PERSON_FIELDS], person_search_text(r.person),
             stamp, stamp] for r in new))
    if updates:
        sets = ", ".join(f"{f} = ?" for f in (*PERSON_FIELDS, "search_text", "updated_at"))
        database.cursor().executemany(f"UPDATE person SET {sets} WHERE id = ?", (
            [*[_plain(r.person.get(f)) for f in PERSON_FIELDS], person_search_text(r.person), stamp, r.existing_id]
            for r in updates))


def _write_profiles(model: Any, rows: list[PlannedRow]) -> None:
    if not rows:
        return
    table = model._meta.table_name
    by_fields: dict[tuple[str, ...], list[PlannedRow]] = {}
    for r in rows:
        by_fields.setdefault(tuple(sorted(r.profile)), []).append(r)
    for keys, group in by_fields.items():
        cols = ["person_id", *[("form_id" if k == "form" else k) for k in keys]]
        if "capacity" not in keys and table == "mentor":
            cols.append("capacity")
        if "trained" not in keys and table == "mentor":
            cols.append("trained")
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        extra = ([1] if "capacity" not in keys and table == "mentor" else []) + \
                ([0] if "trained" not in keys and table == "mentor" else [])
        database.cursor().executemany(sql, ([r.existing_id, *[_plain(r.profile[k]) for k in keys], *extra]
                                            for r in group))


def _write_consents(rows: list[PlannedRow], source: str) -> None:
    if not rows:
        return
    ids = [r.existing_id for r in rows]
    have = {r[0] for r in database.execute(Consent.select(Consent.person).where(
        Consent.person.in_(ids) & (Consent.kind == "processing")))}
    values = []
    for r in rows:
        if r.existing_id in have or r.consent_on is None:
            continue
        minor = r.person.get("birth_date") and (r.consent_on - r.person["birth_date"]).days < 18 * 365.25
        values.append((r.existing_id, "processing", "guardian" if minor else "self",
                       r.person.get("guardian_name") if minor else None, r.consent_on.isoformat(),
                       "участие в программе наставничества", f"Отмечено в таблице «{source}» при импорте"))
    database.cursor().executemany(
        "INSERT INTO consent (person_id, kind, signed_by, guardian_name, signed_on, purposes, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", values)
