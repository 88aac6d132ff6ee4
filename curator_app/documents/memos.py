"""Memos for mentees: one page each, in one PDF — the mentor and how to reach them, the form, the period,
the plan's goals and meeting rhythm, whom to ask for help, a few rules."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, ListFlowable, ListItem, PageBreak, Paragraph, Spacer

from ..pdf import SERIF, build_pdf
from ..services.declension import Name
from ..services.settings import SchoolSettings
from .data import PairInfo, PersonInfo, lower_first
from .pdf_render import markup, para_style

RULES = [
    "Приходите на встречи вовремя, а если не получается — заранее предупредите наставника.",
    "Записывайте, о чём договорились, и выполняйте это к следующей встрече.",
    "Задавайте вопросы и говорите о трудностях: наставник здесь, чтобы помочь.",
    "Уважайте время и мнение друг друга; личное, о чём вы говорите, остаётся между вами.",
    "В конце программы заполните анкету: ваше мнение поможет сделать наставничество лучше.",
]
_FRAME = (180 * mm, 252 * mm)  # the text area of an A4 page in the house margins, less a little


def _line(label: str, value: str) -> Paragraph:
    return Paragraph(f"<b>{markup(label)}</b> {markup(value)}", para_style(14, "left", False, False, 4))


def _bullets(items: list[str]) -> ListFlowable:
    style = para_style(14, "left", False, False, 2)
    return ListFlowable([ListItem(Paragraph(markup(t), style), leftIndent=8 * mm) for t in items],
                        bulletType="bullet", start="•", leftIndent=8 * mm, bulletFontSize=12,
                        bulletFontName=SERIF)


def memo_flowables(school: SchoolSettings, pair: PairInfo, mentee: PersonInfo) -> list[Flowable]:
    head = para_style(14, "left", True, False, 3)
    story: list[Flowable] = [
        Paragraph(markup(school.short_name or school.full_name), para_style(12, "center", False, False)),
        Spacer(1, 4 * mm),
        Paragraph("ПАМЯТКА НАСТАВЛЯЕМОМУ", para_style(18, "center", True, False, 4)),
        Paragraph(markup(mentee.name.full + (f", {mentee.descriptor}" if mentee.descriptor else "")),
                  para_style(15, "center", False, False)),
        Spacer(1, 7 * mm),
        Paragraph("Ваш наставник", head),
        _line("", pair.mentor.name.full + (f", {pair.mentor.descriptor}" if pair.mentor.descriptor else "")),
        _line("Как связаться:", pair.mentor.contacts or "через куратора наставничества"),
        Spacer(1, 3 * mm),
        Paragraph("Ваша программа", head),
        _line("Форма наставничества:", pair.form + (f", группа «{pair.group_name}»" if pair.group_name else "")),
    ]
    period = pair.period()
    if period:
        story.append(_line("Срок:", period))
    rhythm = ", ".join(p for p in (pair.meeting_rhythm, f"место: {pair.place}" if pair.place else "") if p)
    if rhythm:
        story.append(_line("Встречи:", rhythm))
    if pair.goals:
        story += [_line("Цели плана:", ""), _bullets(pair.goals)]
    curator = Name.parse(school.curator_name) if school.curator_name else None
    helper = (f"{curator.full}" + (f", {lower_first(school.curator_position)}" if school.curator_position else "")
              if curator else "куратор наставничества")
    story += [
        Spacer(1, 3 * mm),
        Paragraph("Если нужна помощь", head),
        Paragraph(markup(f"Если что-то не получается, встречи срываются или нужен совет, обращайтесь к "
                         f"куратору наставничества: {helper}."), para_style(14, "justify", False, True, 4)),
        Spacer(1, 3 * mm),
        Paragraph("Несколько правил", head),
        _bullets(RULES),
    ]
    return story


def write_memos(school: SchoolSettings, pairs: list[PairInfo], path: str | Path) -> tuple[Path, int]:
    """One page for every mentee of ``pairs``; returns the file and the number of memos."""
    story: list[Flowable] = []
    count = 0
    for pair in pairs:
        for mentee in pair.mentees:
            if count:
                story.append(PageBreak())
            story.append(KeepInFrame(*_FRAME, memo_flowables(school, pair, mentee), mode="shrink"))
            count += 1
    # a bundle of one-page memos: each sheet is handed out alone, so the pages carry no numbers
    return build_pdf(path, story, title="Памятки наставляемым", page_numbers=False), count
