"""Memos for mentees: one page each, in one PDF — the mentor and how to reach them, the form, the period,
the mentee's own request, the plan's goals and meeting rhythm, whom to ask for help, a few rules.

A memo is handed to one person, so it carries only what is theirs: their own request (a goal of a group's
plan that quotes a group-mate's request is left out), and a minor mentor's mobile number is never printed
on another child's memo. A teacher mentee gets a memo that speaks to a teacher. The meeting place is the
school's current name (plus the room the pair keeps), so a renamed school prints its new name.

Hundreds of pages are printed at once, so the text is laid out with the cached ``TextBlock``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer

from curator_app.lang.declension import Name
from curator_app.lang.text import fold
from curator_app.lang.words import gendered
from curator_app.pdf import build_pdf
from curator_app.settings import SchoolSettings

from .data import PairInfo, PersonInfo, lower_first
from .textblock import TextBlock

RULES = [
    "Приходите на встречи вовремя, а если не получается — заранее предупредите наставника.",
    "Записывайте, о чём договорились, и выполняйте это к следующей встрече.",
    "Задавайте вопросы и говорите о трудностях: наставник здесь, чтобы помочь.",
    "Уважайте время и мнение друг друга; личное, о чём вы говорите, остаётся между вами.",
    "В конце программы заполните анкету: ваше мнение поможет сделать наставничество лучше.",
]
TEACHER_RULES = [
    "Договоритесь с наставником о графике встреч и взаимных посещений уроков и держитесь его.",
    "Приглашайте наставника на свои уроки и разбирайте их вместе: что получилось, что изменить.",
    "Обсуждайте трудности — с дисциплиной, с родителями, с документами — сразу, не копите их.",
    "Ведите записи о встречах и выполненных шагах индивидуального плана: они понадобятся на аттестации.",
    "В конце программы заполните анкету: ваше мнение поможет сделать наставничество лучше.",
]
_REQUEST_PREFIX = "запрос наставляемого"
_FRAME = (180 * mm, 252 * mm)  # the text area of an A4 page in the house margins, less a little


def _line(label: str, value: str) -> TextBlock:
    return TextBlock([(label, True), (value, False)], space_after=4)


def _head(text: str) -> TextBlock:
    return TextBlock([(text, True)], space_after=3)


def _bullets(items: list[str]) -> list[Flowable]:
    return [TextBlock(t, bullet="•", bullet_indent=8 * mm, space_after=2) for t in items]


def own_goals(pair: PairInfo, mentee: PersonInfo) -> list[str]:
    """The plan's goals this mentee may read: a goal that quotes another member's request is theirs, not
    this mentee's (a group's plan lists each member's request)."""
    others = [fold(m.request) for m in pair.mentees if m.id != mentee.id and m.request]
    own = fold(mentee.request)
    kept = []
    for goal in pair.goals:
        folded = fold(goal)
        if folded.startswith(_REQUEST_PREFIX) and len(pair.mentees) > 1:
            continue  # the request is printed on its own line, the member's own
        if any(other and other in folded for other in others) and not (own and own in folded):
            continue
        kept.append(goal)
    return kept


def mentor_contacts(mentor: PersonInfo, day: dt.date) -> str:
    """How to reach the mentor: a minor's own phone is not printed on another child's memo."""
    if mentor.is_minor(day):
        return "на встречах в школе или через куратора наставничества"
    return mentor.contacts or "через куратора наставничества"


def meeting_place(pair: PairInfo, school: SchoolSettings) -> str:
    """Where the pair meets: an organisation named in the card as it is; a room with the school's current
    name («МБОУ «СОШ № 17», кабинет 214»); nothing — the school itself."""
    name = school.short_name or school.full_name
    place = pair.place.strip()
    if not place:
        return name
    if "«" in place or "\"" in place:
        return place
    return f"{name}, {place}" if name else place


def memo_flowables(school: SchoolSettings, pair: PairInfo, mentee: PersonInfo,
                   curator: Name | None, day: dt.date | None = None) -> list[Flowable]:
    day = day or dt.date.today()
    mentor = pair.mentor
    teacher = mentee.category == "teacher"
    title = "ПАМЯТКА НАСТАВЛЯЕМОМУ ПЕДАГОГУ" if teacher else \
        f"ПАМЯТКА {gendered('наставляемый', mentee.name.gender, 'dat').upper()}"
    story: list[Flowable] = [
        TextBlock(school.short_name or school.full_name, size=12, align="center"),
        Spacer(1, 4 * mm),
        TextBlock([(title, True)], size=18, align="center", space_after=4),
        TextBlock(mentee.name.full + (f", {mentee.descriptor}" if mentee.descriptor else ""), size=15,
                  align="center"),
        Spacer(1, 7 * mm),
        _head("Ваш наставник"),
        TextBlock(mentor.name.full + (f", {mentor.descriptor}" if mentor.descriptor else ""), space_after=4),
        _line("Как связаться:", mentor_contacts(mentor, day)),
        Spacer(1, 3 * mm),
        _head("Ваша программа"),
        _line("Форма наставничества:", pair.form + (f", группа «{pair.group_name}»" if pair.group_name else "")),
    ]
    period = pair.period()
    if period:
        story.append(_line("Срок:", period))
    if pair.meeting_rhythm:
        story.append(_line("Встречи:", pair.meeting_rhythm))
    story.append(_line("Место встреч:", meeting_place(pair, school)))
    if mentee.request:
        story.append(_line("Ваш запрос:", mentee.request))
    goals = own_goals(pair, mentee)
    if goals:
        story += [_line("Цели плана наставничества:", ""), *_bullets(goals)]
    helper = "куратор наставничества"
    if curator:
        helper = curator.full + (f", {lower_first(school.curator_position)}" if school.curator_position else "")
    story += [
        Spacer(1, 3 * mm),
        _head("Если нужна помощь"),
        TextBlock(f"Если что-то не получается, встречи срываются или нужен совет, обращайтесь к куратору "
                  f"наставничества: {helper}.", align="justify", indent=12.5 * mm, space_after=4),
        Spacer(1, 3 * mm),
        _head("Несколько правил"),
        *_bullets(TEACHER_RULES if teacher else RULES),
    ]
    return story


def write_memos(school: SchoolSettings, pairs: list[PairInfo], path: str | Path,
                day: dt.date | None = None) -> tuple[Path, int]:
    """One page for every mentee of ``pairs``; returns the file and the number of memos."""
    curator = Name.parse(school.curator_name) if school.curator_name else None
    story: list[Flowable] = []
    count = 0
    for pair in pairs:
        for mentee in pair.mentees:
            if count:
                story.append(PageBreak())
            story.append(KeepInFrame(*_FRAME, memo_flowables(school, pair, mentee, curator, day), mode="shrink"))
            count += 1
    # a bundle of one-page memos: each sheet is handed out alone, so the pages carry no numbers
    return build_pdf(path, story, title="Памятки наставляемым", page_numbers=False), count
