"""Memos for mentees: one page each, in one PDF — the mentor and how to reach them, the form, the period,
the plan's goals and meeting rhythm, whom to ask for help, a few rules.

Hundreds of pages are printed at once, so the text is laid out with the cached ``TextBlock``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer

from curator_app.lang.declension import Name
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
_FRAME = (180 * mm, 252 * mm)  # the text area of an A4 page in the house margins, less a little


def _line(label: str, value: str) -> TextBlock:
    return TextBlock([(label, True), (value, False)], space_after=4)


def _head(text: str) -> TextBlock:
    return TextBlock([(text, True)], space_after=3)


def _bullets(items: list[str]) -> list[Flowable]:
    return [TextBlock(t, bullet="•", bullet_indent=8 * mm, space_after=2) for t in items]


def memo_flowables(school: SchoolSettings, pair: PairInfo, mentee: PersonInfo,
                   curator: Name | None) -> list[Flowable]:
    mentor = pair.mentor
    story: list[Flowable] = [
        TextBlock(school.short_name or school.full_name, size=12, align="center"),
        Spacer(1, 4 * mm),
        TextBlock([("ПАМЯТКА НАСТАВЛЯЕМОМУ", True)], size=18, align="center", space_after=4),
        TextBlock(mentee.name.full + (f", {mentee.descriptor}" if mentee.descriptor else ""), size=15,
                  align="center"),
        Spacer(1, 7 * mm),
        _head("Ваш наставник"),
        TextBlock(mentor.name.full + (f", {mentor.descriptor}" if mentor.descriptor else ""), space_after=4),
        _line("Как связаться:", mentor.contacts or "через куратора наставничества"),
        Spacer(1, 3 * mm),
        _head("Ваша программа"),
        _line("Форма наставничества:", pair.form + (f", группа «{pair.group_name}»" if pair.group_name else "")),
    ]
    period = pair.period()
    if period:
        story.append(_line("Срок:", period))
    rhythm = ", ".join(p for p in (pair.meeting_rhythm, f"место: {pair.place}" if pair.place else "") if p)
    if rhythm:
        story.append(_line("Встречи:", rhythm))
    if pair.goals:
        story += [_line("Цели плана:", ""), *_bullets(pair.goals)]
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
        *_bullets(RULES),
    ]
    return story


def write_memos(school: SchoolSettings, pairs: list[PairInfo], path: str | Path) -> tuple[Path, int]:
    """One page for every mentee of ``pairs``; returns the file and the number of memos."""
    curator = Name.parse(school.curator_name) if school.curator_name else None
    story: list[Flowable] = []
    count = 0
    for pair in pairs:
        for mentee in pair.mentees:
            if count:
                story.append(PageBreak())
            story.append(KeepInFrame(*_FRAME, memo_flowables(school, pair, mentee, curator), mode="shrink"))
            count += 1
    # a bundle of one-page memos: each sheet is handed out alone, so the pages carry no numbers
    return build_pdf(path, story, title="Памятки наставляемым", page_numbers=False), count
