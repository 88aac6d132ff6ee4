"""The life of a pair or group: made (by hand or from the draft) as planned, active from the order's
date, completed or ended early with a reason; its period (3–12 months), plan goals and meetings log.
Every change goes to the audit log under ``("mentorship", id)``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from curator_app.audit import log
from curator_app.banks import require_consent
from curator_app.errors import CuratorError
from curator_app.lang.declension import Name
from curator_app.lang.fmt import date_short
from curator_app.matching import hard_problems, load_pool, pair_form, score_pair
from curator_app.models import (
    MENTORSHIP_STATUS_LABELS,
    MatchExclusion,
    Meeting,
    MentoringForm,
    Mentorship,
    MentorshipGoal,
    MentorshipMember,
    Person,
    database,
)

MIN_MONTHS, MAX_MONTHS = 3, 12


def _get(mentorship_id: int) -> Mentorship:
    ship = Mentorship.get_or_none(Mentorship.id == mentorship_id)
    if ship is None:
        raise CuratorError(f"Пара или группа № {mentorship_id} не найдена.")
    return ship


def _name(person: Person) -> Name:
    return Name.of(person.last_name, person.first_name, person.middle_name, person.gender)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def check_period(start: dt.date, planned_end: dt.date) -> None:
    """A programme lasts from 3 months to a year."""
    if planned_end < add_months(start, MIN_MONTHS) or planned_end > add_months(start, MAX_MONTHS):
        raise CuratorError(f"Срок программы с {date_short(start)} по {date_short(planned_end)} не подходит: "
                           f"программа длится от {MIN_MONTHS} месяцев до года.")


def default_end(start: dt.date) -> dt.date:
    """31 May of the academic year when that leaves 3–12 months, else nine months from the start."""
    end = dt.date(start.year + (1 if start.month >= 9 else 0), 5, 31)
    return end if add_months(start, MIN_MONTHS) <= end <= add_months(start, MAX_MONTHS) else add_months(start, 9)


# --- making pairs and groups -------------------------------------------------------------------------------

@dataclasses.dataclass
class NewMentorship:
    mentor_id: int
    mentee_ids: list[int]
    form_id: int | None = None  # None: the form the rules give (the mentee's wish, else the mentor's)
    name: str | None = None
    score: float | None = None
    locked: bool = False


def create_many(items: Sequence[NewMentorship], day: dt.date | None = None) -> list[int]:
    """Check every hard rule for every item (capacity counted across all of them), then create them all
    as planned, in one transaction; nothing is written when one item breaks a rule."""
    mentee_ids = [pid for item in items for pid in item.mentee_ids]
    if not items or any(not item.mentee_ids for item in items):
        raise CuratorError("В паре или группе должен быть хотя бы один наставляемый.")
    pool = load_pool(set(mentee_ids), day)
    mentors = {t.person_id: t for t in pool.mentors}
    mentees = {e.person_id: e for e in pool.mentees}
    problems: list[str] = []
    used: dict[int, int] = {}
    resolved: list[int] = []
    seen: set[tuple[int, int]] = set()
    for item in items:
        mentor = mentors.get(item.mentor_id)
        if mentor is None:
            raise CuratorError(f"Человек № {item.mentor_id} не в банке наставников (или в архиве).")
        form_id = item.form_id
        for pid in item.mentee_ids:
            mentee = mentees.get(pid)
            if mentee is None:
                raise CuratorError(f"Человек № {pid} не в банке наставляемых (или в архиве).")
            if form_id is not None and mentee.form_id is None:
                mentee = dataclasses.replace(mentee, form_id=form_id)
            form = pair_form(pool, mentor, mentee)
            if form_id is None and form is not None:
                form_id = form.id
            label = f"{mentee.name} — {mentor.name}"
            if form is not None and form.id != form_id:
                problems.append(f"{label}: наставляемому нужна форма «{form.name}»")
            if form is not None and (pid, form.id) in seen:
                problems.append(f"{label}: наставляемый дважды в одной форме")
            if form is not None:
                seen.add((pid, form.id))
            problems += [f"{label}: {p}" for p in hard_problems(pool, mentor, mentee, check_capacity=False)]
        used[mentor.person_id] = used.get(mentor.person_id, 0) + len(item.mentee_ids)
        resolved.append(form_id or 0)
    for mentor_id, n in used.items():
        mentor = mentors[mentor_id]
        if n > mentor.free:
            problems.append(f"{mentor.name}: свободных мест {mentor.free}, а наставляемых {n}")
    if problems:
        raise CuratorError("Пары не созданы: " + "; ".join(dict.fromkeys(problems)) + ".")
    require_consent([*mentee_ids, *used], "включить в пару", day)
    ids = []
    with database.atomic():
        for item, form_id in zip(items, resolved, strict=True):
            ship = Mentorship.create(form=form_id, mentor=item.mentor_id, name=item.name or None,
                                     score=None if item.score is None else round(item.score * 10),
                                     locked=item.locked)
            MentorshipMember.insert_many([{"mentorship": ship.id, "mentee": pid} for pid in item.mentee_ids]).execute()
            names = ", ".join(mentees[pid].name for pid in item.mentee_ids)
            log("create", "mentorship", ship.id, f"Создана пара: {mentors[item.mentor_id].name} — {names}",
                {"mentor": item.mentor_id, "mentees": item.mentee_ids, "form": form_id, "score": item.score})
            ids.append(ship.id)
    return ids


def create(mentor_id: int, mentee_ids: Iterable[int], form_id: int | None = None, name: str | None = None,
           day: dt.date | None = None) -> Mentorship:
    """A pair (one mentee) or a group made by hand; every hard rule is checked."""
    mentee_ids = list(dict.fromkeys(mentee_ids))
    pool = load_pool(mentee_ids, day)
    mentor = next((t for t in pool.mentors if t.person_id == mentor_id), None)
    score = None
    if mentor is not None and len(mentee_ids) == 1 and pool.mentees:
        score = score_pair(pool, mentor, pool.mentees[0])[0]
    [ship_id] = create_many([NewMentorship(mentor_id, mentee_ids, form_id, name, score, locked=True)], day)
    return _get(ship_id)


def accept_draft(rows: Sequence[object], group: bool = False, day: dt.date | None = None) -> list[int]:
    """Save draft rows (``matching.DraftRow``) as planned pairs, one per row: the curator asked for pairs. With
    ``group`` the mentees of one mentor in one form become one group (one plan, group meetings). Either way
    the order names each mentor once (``documents.appendix``)."""
    items: dict[tuple[int, int, int], NewMentorship] = {}
    for n, row in enumerate(rows):
        key = (row.mentor_id, row.form_id, 0 if group else n)  # type: ignore[attr-defined]
        item = items.setdefault(key, NewMentorship(row.mentor_id, [], row.form_id, score=0.0))  # type: ignore[attr-defined]
        item.mentee_ids.append(row.mentee_id)  # type: ignore[attr-defined]
        item.score = (item.score or 0.0) + row.score  # type: ignore[attr-defined]
    return create_many(list(items.values()), day)


def add_exclusion(mentor_id: int, mentee_id: int, reason: str = "") -> None:
    with database.atomic():
        MatchExclusion.insert(mentor=mentor_id, mentee=mentee_id, reason=reason or None).on_conflict_replace().execute()
        log("create", "match_exclusion", mentee_id, "Куратор запретил пару", {"mentor": mentor_id, "reason": reason})


def remove_exclusion(mentor_id: int, mentee_id: int) -> None:
    with database.atomic():
        MatchExclusion.delete().where((MatchExclusion.mentor == mentor_id) & (MatchExclusion.mentee == mentee_id)).execute()
        log("delete", "match_exclusion", mentee_id, "Куратор снял запрет пары", {"mentor": mentor_id})


# --- the life of a pair --------------------------------------------------------------------------------

def activate(mentorship_ids: Iterable[int], start: dt.date, planned_end: dt.date | None = None) -> None:
    """Planned → active from ``start`` (the order's date); consents must be valid on that day."""
    ships = [_get(i) for i in mentorship_ids]
    with database.atomic():
        for ship in ships:
            if ship.status != "planned":
                raise CuratorError(f"Пара № {ship.id} уже «{MENTORSHIP_STATUS_LABELS[ship.status]}», "
                                   "начать можно только планируемую.")
            members = list(ship.members)
            require_consent([ship.mentor_id, *(m.mentee_id for m in members)], "начать работу пары", start)
            end = planned_end or ship.planned_end_date or default_end(start)
            check_period(start, end)
            start_work(ship, start, end)


def start_work(ship: Mentorship, start: dt.date, planned_end: dt.date | None = None, why: str = "") -> None:
    """Make a pair active from ``start``: its members joined that day, a line in its history.

    The checks are the caller's: :func:`activate` checks consents and the period; a registered order
    has already left out everyone without a valid consent. ``why`` completes the history line
    («по приказу № 470-п»)."""
    end = planned_end or ship.planned_end_date or default_end(start)
    ship.status, ship.start_date, ship.planned_end_date = "active", start, end
    ship.save()
    MentorshipMember.update(joined_on=start).where((MentorshipMember.mentorship == ship.id)
                                                   & MentorshipMember.joined_on.is_null()).execute()
    log("status", "mentorship", ship.id, f"Пара начала работу с {date_short(start)}{f' {why}' if why else ''}",
        {"status": "active", "start": str(start), "planned_end": str(end)})


def complete(mentorship_id: int, end: dt.date, results: str | None = None) -> None:
    ship = _get(mentorship_id)
    if ship.status != "active":
        raise CuratorError("Завершить можно только действующую пару.")
    if ship.start_date and end < ship.start_date:
        raise CuratorError(f"Дата завершения {date_short(end)} раньше начала {date_short(ship.start_date)}.")
    with database.atomic():
        ship.status, ship.end_date, ship.results = "completed", end, results or ship.results
        ship.save()
        log("status", "mentorship", ship.id, f"Пара завершила программу {date_short(end)}",
            {"status": "completed", "end": str(end)})


def end_early(mentorship_id: int, end: dt.date, reason: str) -> None:
    ship = _get(mentorship_id)
    if ship.status not in ("planned", "active"):
        raise CuratorError("Прекратить можно только планируемую или действующую пару.")
    if not reason.strip():
        raise CuratorError("Укажите причину досрочного прекращения.")
    with database.atomic():
        ship.status, ship.end_date, ship.end_reason = "ended_early", end, reason.strip()
        ship.save()
        log("status", "mentorship", ship.id, f"Пара прекращена досрочно {date_short(end)}: {reason.strip()}",
            {"status": "ended_early", "end": str(end), "reason": reason.strip()})


def set_period(mentorship_id: int, start: dt.date | None, planned_end: dt.date | None) -> None:
    ship = _get(mentorship_id)
    if start and planned_end:
        check_period(start, planned_end)
    with database.atomic():
        ship.start_date, ship.planned_end_date = start, planned_end
        ship.save()
        log("update", "mentorship", ship.id, f"Срок программы: {date_short(start)} – {date_short(planned_end)}")


def update(mentorship_id: int, **fields: str | None) -> None:
    """Name, meeting rhythm, place, results, notes."""
    allowed = {"name", "meeting_rhythm", "place", "results", "notes"}
    ship = _get(mentorship_id)
    changed = {k: (v or None) for k, v in fields.items() if k in allowed and getattr(ship, k) != (v or None)}
    if not changed:
        return
    with database.atomic():
        for key, value in changed.items():
            setattr(ship, key, value)
        ship.save()
        log("update", "mentorship", ship.id, "Изменены сведения о паре", changed)


def delete_planned(mentorship_id: int) -> None:
    ship = _get(mentorship_id)
    if ship.status != "planned":
        raise CuratorError("Удалить можно только планируемую пару; действующую — прекратите досрочно.")
    with database.atomic():
        log("delete", "mentorship", ship.id, f"Удалена планируемая пара с наставником "
            f"{_name(ship.mentor).declined('ins')}")
        ship.delete_instance(recursive=True)


def remove_member(mentorship_id: int, mentee_id: int, day: dt.date | None = None) -> None:
    ship = _get(mentorship_id)
    members = list(ship.members.where(MentorshipMember.left_on.is_null()))
    if len(members) <= 1:
        raise CuratorError("Это единственный наставляемый: прекратите пару или удалите её.")
    member = next((m for m in members if m.mentee_id == mentee_id), None)
    if member is None:
        raise CuratorError("Этого наставляемого нет в группе.")
    with database.atomic():
        if ship.status == "planned":
            member.delete_instance()
        else:
            member.left_on = day or dt.date.today()
            member.save()
        name = _name(Person.get_by_id(mentee_id))
        log("update", "mentorship", ship.id, f"Из группы {'выбыла' if name.gender == 'f' else 'выбыл'} {name.full}")


def add_member(mentorship_id: int, mentee_id: int, day: dt.date | None = None) -> None:
    ship = _get(mentorship_id)
    if ship.status not in ("planned", "active"):
        raise CuratorError("Добавить наставляемого можно только в планируемую или действующую группу.")
    pool = load_pool([mentee_id], day)
    mentor = next((t for t in pool.mentors if t.person_id == ship.mentor_id), None)
    if mentor is None or not pool.mentees:
        raise CuratorError("Наставник или наставляемый не найден в банке (или в архиве).")
    mentee = dataclasses.replace(pool.mentees[0], form_id=pool.mentees[0].form_id or ship.form_id)
    problems = hard_problems(pool, mentor, mentee)
    if mentee.form_id != ship.form_id:
        problems.append(f"наставляемому нужна другая форма, а группа — «{MentoringForm.get_by_id(ship.form_id).name}»")
    if problems:
        raise CuratorError(f"Нельзя добавить в группу {Name.parse(mentee.name).declined('acc')}: "
                           + "; ".join(problems) + ".")
    require_consent([mentee_id], "включить в пару", day)
    with database.atomic():
        MentorshipMember.create(mentorship=ship.id, mentee=mentee_id,
                                joined_on=(day or dt.date.today()) if ship.status == "active" else None)
        name = Name.parse(mentee.name)
        log("update", "mentorship", ship.id, f"В группу {'добавлена' if name.gender == 'f' else 'добавлен'} {name.full}")


# --- plan and meetings ---------------------------------------------------------------------------------

def add_goal(mentorship_id: int, text: str, due: dt.date | None = None) -> MentorshipGoal:
    ship = _get(mentorship_id)
    if not text.strip():
        raise CuratorError("Цель плана не может быть пустой.")
    with database.atomic():
        position = ship.goals.count()
        goal = MentorshipGoal.create(mentorship=ship.id, position=position, text=text.strip(), due_date=due)
        log("update", "mentorship", ship.id, f"В план добавлена цель: {text.strip()}")
    return goal


def set_goal_done(goal_id: int, done_on: dt.date | None) -> None:
    goal = MentorshipGoal.get_by_id(goal_id)
    with database.atomic():
        goal.done_on = done_on
        goal.save()
        log("update", "mentorship", goal.mentorship_id,
            f"Цель «{goal.text}» " + (f"выполнена {date_short(done_on)}" if done_on else "снова не выполнена"))


def remove_goal(goal_id: int) -> None:
    goal = MentorshipGoal.get_by_id(goal_id)
    with database.atomic():
        goal.delete_instance()
        log("update", "mentorship", goal.mentorship_id, f"Из плана удалена цель «{goal.text}»")


def add_meeting(mentorship_id: int, date: dt.date, topic: str, format: str | None = None,
                notes: str | None = None) -> Meeting:
    ship = _get(mentorship_id)
    if not topic.strip():
        raise CuratorError("Укажите тему встречи.")
    if ship.start_date and date < ship.start_date:
        raise CuratorError(f"Встреча {date_short(date)} раньше начала работы пары {date_short(ship.start_date)}.")
    with database.atomic():
        meeting = Meeting.create(mentorship=ship.id, date=date, topic=topic.strip(), format=format or None,
                                 notes=notes or None)
        log("update", "mentorship", ship.id, f"Встреча {date_short(date)}: {topic.strip()}")
    return meeting


def remove_meeting(meeting_id: int) -> None:
    meeting = Meeting.get_by_id(meeting_id)
    with database.atomic():
        meeting.delete_instance()
        log("update", "mentorship", meeting.mentorship_id,
            f"Удалена запись о встрече {date_short(meeting.date)}: {meeting.topic}")
