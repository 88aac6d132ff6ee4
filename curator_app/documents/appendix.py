"""The order's appendix: one row per mentor. A teacher with three pupils paired one by one, or with a pair made
by hand beside a group from «Подобрать всем», is named once, with all their mentees in that row; the
director signs a list in which nobody appears twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .data import PairInfo, PersonInfo


def mentor_cell(person: PersonInfo) -> str:
    return person.name.full + (f",\n{person.descriptor}" if person.descriptor else "")


def mentee_line(person: PersonInfo) -> str:
    if person.category == "pupil" and person.grade:
        return f"{person.name.full} ({person.grade})"
    return person.name.full + (f", {person.descriptor}" if person.descriptor else "")


def by_mentor(pairs: list[PairInfo]) -> list[list[PairInfo]]:
    """The pairs grouped by their mentor, each mentor where their first pair stands."""
    grouped: dict[int, list[PairInfo]] = {}
    for pair in pairs:
        grouped.setdefault(pair.mentor.id, []).append(pair)
    return list(grouped.values())


def appendix_rows(pairs: list[PairInfo], default_start: dt.date,
                  form_cell: Callable[[PairInfo], str] = lambda pair: pair.form) -> list[list[str]]:
    """Rows of «№ | Наставник | Наставляемые, класс | Форма | Срок», one per mentor; a named group keeps its
    name over its members, forms (``form_cell``: with the role model) and periods that differ are listed one
    per line."""
    rows = []
    for number, theirs in enumerate(by_mentor(pairs), 1):
        lines: list[str] = []
        for pair in theirs:
            if pair.group_name:
                lines.append(f"Группа «{pair.group_name}»:")
            lines += [mentee_line(m) for m in pair.mentees]
        forms = dict.fromkeys(form_cell(p) for p in theirs)
        periods = dict.fromkeys(p.period(default_start) for p in theirs)
        rows.append([str(number), mentor_cell(theirs[0].mentor), "\n".join(lines), "\n".join(forms),
                     "\n".join(periods)])
    return rows
