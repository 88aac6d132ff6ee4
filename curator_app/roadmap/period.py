"""The period parser: «сентябрь-октябрь 2023 г.», «До 01.02.2021», «III-IV кварталы 2021г.»,
«Август, сентябрь» (the year from the roadmap's title), «постоянно» … → (start, end, recurrence).

A pure function of the text and a :class:`YearContext`. What it cannot read completely it reports in
``Period.problem`` (Russian, for the curator's preview) instead of guessing.

Rules worth knowing:
- A month without a year takes it from the title: in an academic year «2022-2023» September–December
  are 2022 and January–August 2023; in a one-year roadmap («на 2021 год») that year. A list or range of
  such months is read as a sequence ending at the last one: «Август, сентябрь» → August–September 2022.
- «До …» / «не позднее …» make every following date a deadline: no start, the end is that date.
- «В течение всего периода», «в течение учебного года», «постоянно» span the roadmap's period.
- Two ranges in one cell span from the earliest start to the latest end; recurrence words are kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from .text_repair import PERIOD_WORDS, join_broken_words, repair_dates, strip_markup

MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
_MONTH = r"(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|" \
         r"октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?![а-я])"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_RECURRENCE = re.compile(
    r"(?:\d+\s+)?раза?\s+в\s+(?:год|полугодие|квартал|четверть|месяц|неделю)|ежегодно|ежеквартально|"
    r"ежемесячно|еженедельно|ежедневно|постоянно|по\s+мере\s+необходимости|по\s+запросу")
_FILLER_PHRASES = re.compile(r"по\s+отдельному\s+(?:плану|графику)|в\s+соответствии\s+с\s+планом")
_YEAR_SUFFIX = re.compile(r"(\d{4})\s*(?:гг|г|годах|годы|года|году|год)(?![а-я])\.?")
_FILLER_WORDS = {"г", "гг", "год", "года", "годы", "в", "с", "и", "далее", "дополнение", "дополнительно",
                 "течение", "срок", "сроки", "", "на", "со", "от", "дальнейшем", "а", "также"}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("acad", re.compile(r"(\d{4})\s*[-/]\s*(\d{4})\s+учебн\w*\s+год\w*")),
    ("span", re.compile(r"в\s+течение\s+(?:всего\s+)?(?:учебного\s+|календарного\s+)?(?:периода|года)"
                        r"(?:\s+реализации(?:\s+программы)?)?|весь\s+период|на\s+протяжении\s+всего\s+периода")),
    ("date", re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")),
    ("part", re.compile(r"(начал\w*|середин\w*|конц\w*|конец)\s+" + _MONTH)),
    ("dm", re.compile(r"(\d{1,2})\s+" + _MONTH)),
    ("q", re.compile(r"(iv|iii|ii|i|[1-4])(?:\s*-\s*(iv|iii|ii|i|[1-4]))?\s*(?:-?\s*(?:й|го|ом)\s+)?квартал\w*")),
    ("h", re.compile(r"(ii|i|[12]|перв\w*|втор\w*)\s*(?:-?\s*(?:е|ое|м|ом)\s+)?полугоди\w*")),
    ("month", re.compile(_MONTH)),
    ("year", re.compile(r"(?<![\d.])(\d{4})(?![\d.])")),
    ("dead", re.compile(r"до(?![а-я])|не\s+позднее|не\s+позже")),
    ("dash", re.compile(r"-|по(?![а-я])")),
    ("sep", re.compile(r"[,;]|и(?![а-я])")),
]


@dataclass(frozen=True)
class YearContext:
    """The roadmap's own period, read from its title; lends a year to periods written without one."""

    start: dt.date | None = None
    end: dt.date | None = None
    academic: bool = False

    @classmethod
    def from_title(cls, title: str) -> YearContext:
        text = " ".join((title or "").lower().replace("ё", "е").split())
        text = re.sub(r"[–—−]", "-", text)
        m = re.search(r"(\d{4})\s*[-/]\s*(\d{4})\s*(?:уч\.|учебн)", text)
        if m and int(m[2]) == int(m[1]) + 1:
            return cls(dt.date(int(m[1]), 9, 1), dt.date(int(m[2]), 8, 31), academic=True)
        m = re.search(r"(\d{4})\s*-\s*(\d{4})\s*(?:гг|г\.|годах|годы|год)", text) or \
            re.search(r"(?:на|в)\s+(\d{4})\s*-\s*(\d{4})", text)
        if m and int(m[1]) <= int(m[2]):
            return cls(dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31))
        m = re.search(r"(?:на|в)\s+(\d{4})\s*(?:г\.|год|году|г\b)", text)
        if m:
            return cls(dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))
        return cls()

    @property
    def academic_year(self) -> str | None:
        return f"{self.start.year}-{self.end.year}" if self.academic and self.start and self.end else None

    def year_for(self, month: int) -> int | None:
        if self.academic and self.start and self.end:
            return self.start.year if month >= 9 else self.end.year
        if self.start and self.end and self.start.year == self.end.year:
            return self.start.year
        return None


@dataclass(frozen=True)
class Period:
    """A period as written and as read. ``problem`` is set when the text could not be read whole."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    recurrence: str | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass
class _Atom:
    kind: str  # "iv" (an interval), "m" (month-like, may lack a year), "y", "dash", "sep", "dead"
    start: dt.date | None = None
    end: dt.date | None = None
    m1: int = 0
    m2: int = 0
    day: int | None = None
    part: str | None = None
    year: int | None = None
    school_half: int | None = None


def _month_no(word: str) -> int:
    for i, stem in enumerate(MONTHS):
        if word.startswith(stem):
            return i + 1
    raise ValueError(word)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def normalize(text: str) -> str:
    """Lower case, one kind of dash, markup gone, wrapped words and dates joined, year suffixes dropped."""
    value = strip_markup(text).replace("\n", "; ").lower().replace("ё", "е")
    value = re.sub(r"[–—−‐]", "-", value)
    value = repair_dates(join_broken_words(value, PERIOD_WORDS))
    return " ".join(_YEAR_SUFFIX.sub(r"\1 ", value).split())


def _tokenize(value: str) -> tuple[list[_Atom], list[str]]:
    atoms: list[_Atom] = []
    unknown: list[str] = []
    pos = 0
    while pos < len(value):
        if value[pos] in " ().:«»\"'":
            pos += 1
            continue
        for kind, pattern in _PATTERNS:
            m = pattern.match(value, pos)
            if not m:
                continue
            atoms.append(_atom(kind, m))
            pos = m.end()
            break
        else:
            m = re.compile(r"[^\s,;()\-]+").match(value, pos)
            word = m.group(0) if m else value[pos]
            pos += len(word)
            if word.strip(".:«»\"'") not in _FILLER_WORDS:
                unknown.append(word)
    return atoms, unknown


def _atom(kind: str, m: re.Match[str]) -> _Atom:
    if kind == "acad":
        return _Atom("iv", dt.date(int(m[1]), 9, 1), dt.date(int(m[2]), 8, 31))
    if kind == "span":
        return _Atom("span")
    if kind == "date":
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        day = dt.date(year, int(m[2]), int(m[1]))
        return _Atom("iv", day, day)
    if kind == "part":
        return _Atom("m", m1=_month_no(m[2]), m2=_month_no(m[2]), part=m[1][:3])
    if kind == "dm":
        month = _month_no(m[2])
        return _Atom("m", m1=month, m2=month, day=int(m[1]))
    if kind == "q":
        q1 = _ROMAN[m[1]]
        q2 = _ROMAN[m[2]] if m[2] else q1
        return _Atom("m", m1=3 * q1 - 2, m2=3 * q2)
    if kind == "h":
        h = 1 if m[1] in ("i", "1") or m[1].startswith("перв") else 2
        return _Atom("m", m1=1 if h == 1 else 7, m2=6 if h == 1 else 12, school_half=h)
    if kind == "month":
        month = _month_no(m[1])
        return _Atom("m", m1=month, m2=month)
    if kind == "year":
        return _Atom("y", year=int(m[1]))
    return _Atom(kind)


def _resolve_years(atoms: list[_Atom], ctx: YearContext) -> str | None:
    """Give every month-like atom a year; returns a problem when the year cannot be known."""
    out: list[_Atom] = []
    for atom in atoms:  # a year right after a month belongs to it
        if atom.kind == "y" and out and out[-1].kind == "m" and out[-1].year is None:
            out[-1].year = atom.year
            continue
        out.append(atom)
    atoms[:] = out
    anchor: tuple[int, int] | None = None  # (year, month) of the nearest month to the right
    anchor_from_ctx = False
    for atom in reversed(atoms):
        if atom.kind != "m":
            continue
        if atom.year is not None:
            anchor, anchor_from_ctx = (atom.year, atom.m1), False
            continue
        if atom.school_half and ctx.academic and ctx.start and ctx.end:
            # «I полугодие» of a school year is September–December, «II» January–May.
            atom.m1, atom.m2 = (9, 12) if atom.school_half == 1 else (1, 5)
            atom.year = ctx.start.year if atom.school_half == 1 else ctx.end.year
        elif anchor is not None and not (anchor_from_ctx and not ctx.academic):
            atom.year = anchor[0] if atom.m1 <= anchor[1] else anchor[0] - 1
        else:
            year = ctx.year_for(atom.m1)
            if year is None:
                return "год не указан ни в сроке, ни в заголовке дорожной карты"
            atom.year = year
            anchor_from_ctx = True
        anchor = (atom.year, atom.m1)
    return None


def _interval(atom: _Atom, ctx: YearContext) -> tuple[dt.date | None, dt.date | None] | str:
    if atom.kind == "iv":
        return atom.start, atom.end
    if atom.kind == "y":
        assert atom.year is not None
        return dt.date(atom.year, 1, 1), dt.date(atom.year, 12, 31)
    if atom.kind == "span":
        if not (ctx.start and ctx.end):
            return "срок дорожной карты не указан в заголовке, а мероприятие длится весь период"
        return ctx.start, ctx.end
    assert atom.year is not None
    year = atom.year
    if atom.day is not None:
        day = dt.date(year, atom.m1, min(atom.day, _last_day(year, atom.m1)))
        return day, day
    if atom.part == "нач":
        return dt.date(year, atom.m1, 1), dt.date(year, atom.m1, 10)
    if atom.part == "сер":
        return dt.date(year, atom.m1, 15), dt.date(year, atom.m1, 15)
    if atom.part in ("кон", "конец"[:3]):
        return dt.date(year, atom.m1, 21), dt.date(year, atom.m1, _last_day(year, atom.m1))
    return dt.date(year, atom.m1, 1), dt.date(year, atom.m2, _last_day(year, atom.m2))


def parse_period(text: str | None, ctx: YearContext | None = None) -> Period:
    """Read a period cell. Never raises; an unreadable cell comes back with ``problem`` set."""
    ctx = ctx or YearContext()
    original = " ".join(strip_markup(text).replace("\n", "; ").split()) if text else ""
    original = repair_dates(join_broken_words(original, PERIOD_WORDS))
    if not original:
        return Period("", problem="срок не указан")
    value = normalize(original)
    recurrences: list[str] = []
    for m in _RECURRENCE.finditer(value):
        phrase = " ".join(m.group(0).split())
        if phrase not in recurrences:
            recurrences.append(phrase)
    spans_all = "постоянно" in recurrences
    had_filler = bool(_FILLER_PHRASES.search(value))
    value = _FILLER_PHRASES.sub(" ", _RECURRENCE.sub(" ; ", value))
    try:
        atoms, unknown = _tokenize(value)
    except ValueError:  # 31.02.2022 and the like
        return Period(original, problem=f"несуществующая дата в сроке «{original}»")
    recurrence = ", ".join(recurrences) or None
    if spans_all:
        atoms.append(_Atom("span"))
    problem = _resolve_years(atoms, ctx)
    if problem:
        return Period(original, recurrence=recurrence, problem=problem)
    intervals: list[tuple[dt.date | None, dt.date | None]] = []
    deadline = pending_dash = False
    prev_kind = ""
    for atom in atoms:
        if atom.kind == "dead":
            if prev_kind in ("iv", "m", "y", "span") and intervals:
                pending_dash = True  # «с 1 сентября до 31 мая»
            else:
                deadline = True
        elif atom.kind == "dash":
            pending_dash = bool(intervals)
        elif atom.kind == "sep":
            pending_dash = False
        else:
            got = _interval(atom, ctx)
            if isinstance(got, str):
                return Period(original, recurrence=recurrence, problem=got)
            start, end = got
            if deadline:
                start = None
            if pending_dash and intervals:
                first = intervals.pop()
                start = first[0]
                pending_dash = False
            intervals.append((start, end))
        prev_kind = atom.kind
    if unknown:
        return Period(original, recurrence=recurrence,
                      problem=f"в сроке «{original}» не разобрано: «{' '.join(unknown)}»")
    if not intervals:
        if recurrence or had_filler:  # «ежегодно», «(по отдельному плану)»: no dates, nothing left unread
            return Period(original, recurrence=recurrence)
        return Period(original, problem=f"не удалось разобрать срок «{original}»")
    starts = [s for s, _ in intervals if s]
    ends = [e for _, e in intervals if e]
    start = min(starts) if starts else None
    end = max(ends) if ends else None
    if start and end and start > end:
        return Period(original, recurrence=recurrence, problem=f"в сроке «{original}» начало позже окончания")
    return Period(original, start, end, recurrence)


def parse_two_columns(start_text: str | None, end_text: str | None, ctx: YearContext | None = None) -> Period:
    """A period written in two cells, «Дата начала» and «Дата окончания». The end cell may hold only
    words of recurrence («ежегодно (по отдельному плану)»): then the start cell gives both ends."""
    a = parse_period(start_text, ctx)
    b = parse_period(end_text, ctx)
    text = " – ".join(t for t in (a.text, b.text) if t)
    recurrence = ", ".join(dict.fromkeys(r for p in (a, b) for r in (p.recurrence or "").split(", ") if r)) or None
    if not a.text and not b.text:
        return Period("", problem="срок не указан")
    problem = a.problem if a.text else None
    if b.text and b.problem:
        problem = problem or b.problem
    start = a.start if a.text else b.start
    end = b.end if b.end else a.end
    if not a.text:
        start = None
    if start and end and start > end and not problem:
        problem = f"в сроке «{text}» начало позже окончания"
    return replace(Period(text, start, end, recurrence, problem))
