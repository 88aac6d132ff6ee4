"""Import of a mentor or mentee bank from a school's sheet (.xlsx, .xls, .ods, .csv): a plan first (added,
updated, rejected with row, column and reason, and the columns not loaded), then one all-or-nothing
transaction.

The same person is recognised by surname, name, patronymic and birth date, or — without a birth date —
by name and position, so importing the same sheet twice adds nobody. No column is dropped without a word:
one that is not read into a field is listed in ``ImportPlan.ignored``, with the field its values suggest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curator_app import settings
from curator_app.audit import log
from curator_app.banks import read as rd
from curator_app.errors import CuratorError
from curator_app.lang.text import fold
from curator_app.models import Consent, MentoringForm, Person, database, person_search_text
from curator_app.tasks import QUIET, TaskCancelled, TaskState

from .headers import column_label, is_numbering
from .import_row import PlannedRow, Rejected, RowContext, form_key, read_row
from .people import PERSON_FIELDS, profile_model
from .read import suggest_field

__all__ = ["IgnoredColumn", "ImportCancelled", "ImportPlan", "PlannedRow", "Rejected", "apply_import",
           "auto_mapping", "ignored_text", "plan_import", "remember_mapping"]

_CHUNK = 500
_SKIP = "-"  # remembered: the curator chose not to load a column the program recognises


class ImportCancelled(TaskCancelled):
    """The check or the import was stopped; nothing was written."""


@dataclass
class IgnoredColumn:
    """A column with a header or values that is not read into any field."""

    col: int
    header: str  # its header, or «столбец N» when it has none
    suggestion: str | None = None  # a field its values look like


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
    ignored: list[IgnoredColumn] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({r.row for r in self.rejected})

    def summary(self) -> dict[str, Any]:
        return {"file": str(self.path), "bank": self.role, "added": len(self.added), "updated": len(self.updated),
                "rejected": len(self.rejected_rows), "skipped": self.skipped,
                "errors": [{"row": r.row, "column": r.column, "reason": r.reason} for r in self.rejected],
                "ignored_columns": [c.header for c in self.ignored]}


def _mapping_key(role: str) -> str:
    return f"bank_import.mapping.{role}"


def auto_mapping(headers: list[str], role: str) -> dict[int, str]:
    """Columns recognised by their Russian header, corrected by the choices the curator made before.

    Only the curator's corrections are remembered: a field, or «-» for a recognised column they chose not to
    load. An empty choice was what earlier versions stored for every column they did not recognise; it
    says nothing, so it gives way to recognition."""
    remembered: dict[str, str] = settings.get(_mapping_key(role), {}) or {}
    other = set(rd.ROLE_FIELDS["mentor" if role == "mentee" else "mentee"])
    mapping: dict[int, str] = {}
    for col, header in enumerate(headers):
        choice = remembered.get(fold(header)) or rd.header_field(header)
        if choice and choice != _SKIP and choice not in other and choice not in mapping.values():
            mapping[col] = choice
    return mapping


def remember_mapping(headers: list[str], mapping: dict[int, str], role: str) -> None:
    remembered = settings.get(_mapping_key(role), {}) or {}
    for col, header in enumerate(headers):
        if not header:
            continue
        chosen, recognised = mapping.get(col, ""), rd.header_field(header)
        if chosen == (recognised or ""):
            remembered.pop(fold(header), None)
        else:
            remembered[fold(header)] = chosen or _SKIP
    settings.put(_mapping_key(role), remembered)


def ignored_text(plan: ImportPlan) -> str:
    """«Пол», «Номер кабинета»: the columns not loaded, as the summary names them."""
    return ", ".join(f"«{c.header}»" for c in plan.ignored)


def person_key(p: dict[str, Any]) -> tuple[Any, ...]:
    names = (fold(p.get("last_name")), fold(p.get("first_name")), fold(p.get("middle_name")))
    if p.get("birth_date"):
        return (*names, "b", str(p["birth_date"]))
    return (*names, "p", fold(p.get("position")))


def _context(sheet: rd.Sheet, role: str, mapping: dict[int, str], today: dt.date) -> RowContext:
    forms: dict[str, int] = {}
    pupil_forms: set[int] = set()
    for f in MentoringForm.select():
        forms[form_key(f.name)] = forms[fold(f.code)] = f.id
        if "pupil" in (f.mentor_category_list if role == "mentor" else f.mentee_category_list):
            pupil_forms.add(f.id)
    return RowContext(role, sheet.headers, mapping, forms, pupil_forms, today)


def ignored_columns(sheet: rd.Sheet, mapping: dict[int, str], role: str) -> list[IgnoredColumn]:
    """Every column with a header or a value that ``mapping`` does not read (the sheet's «№» aside)."""
    taken = set(mapping.values()) | set(rd.ROLE_FIELDS["mentor" if role == "mentee" else "mentee"])
    out = []
    for col, header in enumerate(sheet.headers):
        if col in mapping or (header and is_numbering(header)):
            continue
        values = [cells[col] for _, cells in sheet.rows if not rd.is_blank(cells[col])]
        if not header and not values:
            continue
        suggestion = suggest_field(header, values, role)
        out.append(IgnoredColumn(col, column_label(sheet.headers, col), None if suggestion in taken else suggestion))
    return out


def plan_import(path: str | Path, role: str, mapping: dict[int, str] | None = None,
                today: dt.date | None = None, state: TaskState = QUIET, sheet: rd.Sheet | None = None) -> ImportPlan:
    """Read the sheet and decide, row by row, what would be added, updated or rejected. Writes nothing.
    ``state`` hears the progress every few hundred rows; its ``cancelled()`` stops the check."""
    today = today or dt.date.today()
    sheet = sheet or rd.read_sheet(path)
    mapping = dict(mapping) if mapping is not None else auto_mapping(sheet.headers, role)
    fields = set(mapping.values())
    if "full_name" not in fields and not {"last_name", "first_name"} <= fields:
        raise CuratorError(f"В файле «{sheet.path.name}» (строка заголовков {sheet.header_row}) не найден столбец "
                           "«ФИО» или пара «Фамилия» и «Имя»: укажите их в сопоставлении столбцов.")
    plan = ImportPlan(role, sheet.path, sheet.headers, mapping, today=today,
                      ignored=ignored_columns(sheet, mapping, role))
    ctx = _context(sheet, role, mapping, today)
    query = Person.select(Person.id, *[getattr(Person, f) for f in PERSON_FIELDS]).dicts()
    existing: dict[int, dict[str, Any]] = {row["id"]: row for row in query}  # type: ignore[index, misc]
    by_key = {person_key(p): pid for pid, p in existing.items()}
    seen: dict[tuple[Any, ...], int] = {}
    header_keys = {fold(h) for h in sheet.headers if h}
    for index, (number, cells) in enumerate(sheet.rows):
        if index % _CHUNK == 0:
            if state.cancelled():
                raise ImportCancelled("Проверка файла отменена.")
            state.progress(index, len(sheet.rows), "Проверка строк…")
        if all(rd.is_blank(c) for c in cells) or rd.is_total_row(cells):
            plan.skipped += 1
            continue
        first = next(c for c in cells if not rd.is_blank(c))
        if first.__class__ is str and fold(first) in header_keys and \
                {fold(str(c)) for c in cells if not rd.is_blank(c)} <= header_keys:
            plan.skipped += 1  # the header repeated after a page break
            continue
        errors: list[Rejected] = []
        planned = read_row(number, cells, ctx, errors)
        if planned is not None and not errors:
            key = person_key(planned.person)
            if key in seen:
                errors.append(Rejected(number, ctx.column("full_name", "last_name"),
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


def apply_import(plan: ImportPlan, skip_invalid: bool = False,
                 state: TaskState = QUIET) -> dict[str, Any]:
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
            if state.cancelled():
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
                if item.consent:
                    consents.append(item)
            _write_people(new_people, updates)
            _write_profiles(model, new_profiles)
            _write_consents(consents, plan.path.name, plan.today)
            done += len(chunk)
            state.progress(done, total, "Запись в базу…")
        summary = plan.summary()
        log("import", "person", None, f"Импорт банка {'наставников' if plan.role == 'mentor' else 'наставляемых'} "
            f"из «{plan.path.name}»: добавлено {len(plan.added)}, обновлено {len(plan.updated)}, "
            f"отклонено строк {len(plan.rejected_rows)}" + (f"; не загружены столбцы: {ignored_text(plan)}"
                                                             if plan.ignored else ""),
            {k: summary[k] for k in ("added", "updated", "rejected", "ignored_columns")})
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


def _write_consents(rows: list[PlannedRow], source: str, today: dt.date) -> None:
    """A consent on file for each row whose person has none yet: signed on the sheet's date, or with the date
    left empty when the sheet only says «да» (valid, «дата не указана»). A later sheet that gives the date of
    such a consent fills it in."""
    if not rows:
        return
    ids = [r.existing_id for r in rows]
    have = {r[0] for r in database.execute(Consent.select(Consent.person).where(
        Consent.person.in_(ids) & (Consent.kind == "processing")))}
    values, dates = [], []
    for r in rows:
        if r.existing_id in have:
            if r.consent_on is not None:
                dates.append((r.consent_on.isoformat(), r.existing_id))
            continue
        day = r.consent_on or today
        minor = r.person.get("birth_date") and (day - r.person["birth_date"]).days < 18 * 365.25
        note = f"Отмечено в таблице «{source}» при импорте" + ("" if r.consent_on else "; дата подписания не указана")
        values.append((r.existing_id, "processing", "guardian" if minor else "self",
                       r.person.get("guardian_name") if minor else None,
                       r.consent_on.isoformat() if r.consent_on else None,
                       "участие в программе наставничества", note))
    database.cursor().executemany(
        "INSERT INTO consent (person_id, kind, signed_by, guardian_name, signed_on, purposes, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", values)
    database.cursor().executemany(
        "UPDATE consent SET signed_on = ? WHERE person_id = ? AND kind = 'processing' AND signed_on IS NULL "
        "AND withdrawn_on IS NULL", dates)
