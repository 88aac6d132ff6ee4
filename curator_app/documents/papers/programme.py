"""The personalised mentoring programme of a pair or group, and the mentor's journal.

Programme: the curator's «Согласовано», the participants, form and period, each mentee's own request, the
goals from the pair's plan with their dates, the expected results (the card's, or the template's for a
pupil or a teacher), a schedule of meetings by month (the rhythm, and the topics of the meetings already
logged), and signatures of the mentor, the mentee — and a minor's guardian.

Journal: the participants and the plan's goals, a table of the meetings logged (date, topic, form,
result) and blank rows to go on by hand.
"""

from __future__ import annotations

import datetime as dt

from curator_app.documents.blocks import Block, Document, Gap, Keep, PageBreak, Para, Signature, Table
from curator_app.documents.data import PairInfo, PersonInfo, lower_first
from curator_app.lang.declension import Name
from curator_app.lang.fmt import date_short, month_year
from curator_app.lang.text import fold
from curator_app.settings import SchoolSettings

from .data import PlanDetails
from .templates import sections, template_text

BLANK_ROWS = 10  # journal rows to fill by hand after the logged meetings (at least)
JOURNAL_ROWS = 20  # … and no fewer rows than this in all
_RHYTHM = (("раз в неделю", 4), ("еженедельно", 4), ("раз в две недели", 2), ("два раза в месяц", 2),
           ("2 раза в месяц", 2), ("раз в месяц", 1), ("ежемесячно", 1))


def meetings_a_month(rhythm: str) -> int | None:
    """«раз в неделю» → 4, «раз в две недели» → 2, «раз в месяц» → 1; None for a rhythm not known."""
    text = fold(rhythm)
    return next((n for words, n in _RHYTHM if words in text), None)


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month from ``start``'s to ``end``'s."""
    out: list[dt.date] = []
    current = start.replace(day=1)
    while current <= end and len(out) < 24:
        out.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def _who(person: PersonInfo) -> str:
    return person.name.full + (f", {person.descriptor}" if person.descriptor else "")


def _participants(pair: PairInfo, details: PlanDetails, school: SchoolSettings) -> Table:
    form = pair.form + (f" ({lower_first(pair.role_model)})" if pair.role_model else "")
    label = "Наставляемые" if len(pair.mentees) > 1 else pair.mentees[0].role("Наставляемый")
    rows = [["Наставник", _who(pair.mentor)],
            [label, "\n".join(_who(m) for m in pair.mentees)],
            ["Форма наставничества", form + (f", группа «{pair.group_name}»" if pair.group_name else "")],
            ["Срок реализации", pair.period()]]
    if pair.meeting_rhythm or pair.place:
        rows.append(["Встречи", ", ".join(p for p in (pair.meeting_rhythm, pair.place) if p)])
    return Table(["Участники и условия", "Сведения"], rows, [55, 125], centered_columns=())


def expected_results(pair: PairInfo, details: PlanDetails, template: str | None = None) -> list[str]:
    """The results written in the pair's card, or the template's for a pupil or a teacher."""
    if details.results.strip():
        return [line.strip(" -—•") for line in details.results.splitlines() if line.strip(" -—•")]
    parts = sections(template if template is not None else template_text("programme"))
    teacher = all(m.category == "teacher" for m in pair.mentees)
    key = "Ожидаемые результаты: " + ("педагог" if teacher else "обучающийся")
    return [line.lstrip("- ").strip() for line in parts.get(key, [])]


def programme_blocks(school: SchoolSettings, pair: PairInfo, details: PlanDetails, day: dt.date,
                     template: str | None = None) -> list[Block]:
    curator = Name.parse(school.curator_name) if school.curator_name else None
    template = template if template is not None else template_text("programme")
    title = next((line[2:] for line in template.splitlines() if line.startswith("# ")),
                 "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА")
    blocks: list[Block] = [
        Para("СОГЛАСОВАНО\nКуратор наставничества\n________________ " + (curator.signature if curator else "")
             + "\n«____» ______________ 20____ г.", "right", indent=False, size=11),
        Gap(4), Para(title, "center", bold=True, indent=False),
        Para(f"{school.short_name or school.full_name}, {school.academic_year} учебный год", "center",
             indent=False, size=12),
        Gap(3), _participants(pair, details, school), Gap(3),
        Para("1. Запрос наставляемого", "left", bold=True, indent=False, size=12),
    ]
    for mentee in pair.mentees:
        whose = f"{mentee.name.short}: " if len(pair.mentees) > 1 else ""
        blocks.append(Para(f"{whose}{mentee.request or '________________________________'}", "left", size=12))
    blocks += [Gap(2), Para("2. Цели и задачи", "left", bold=True, indent=False, size=12)]
    goals = [g for g in details.goals if not fold(g.text).startswith("запрос наставляемого")] or details.goals
    rows = [[str(i), g.text, date_short(g.due) if g.due else "", date_short(g.done) if g.done else ""]
            for i, g in enumerate(goals, 1)] or [["1", "", "", ""], ["2", "", "", ""], ["3", "", "", ""]]
    blocks.append(Table(["№", "Цель (задача)", "Срок", "Выполнено"], rows, [9, 121, 25, 25], size=11,
                        centered_columns=(0, 2, 3)))
    blocks += [Gap(2), Para("3. Ожидаемые результаты", "left", bold=True, indent=False, size=12)]
    blocks += [Para(f"— {line}", size=12) for line in expected_results(pair, details, template)]
    blocks += [Gap(2), Para("4. План встреч по месяцам", "left", bold=True, indent=False, size=12)]
    blocks.append(schedule_table(pair, details, day))
    blocks += [Gap(4), signatures(pair)]
    return blocks


def schedule_table(pair: PairInfo, details: PlanDetails, day: dt.date) -> Table:
    start = pair.start or day
    end = pair.end or start + dt.timedelta(days=270)
    count = meetings_a_month(pair.meeting_rhythm)
    rows = []
    for first in months(start, end):
        topics = [m.topic for m in details.meetings if (m.date.year, m.date.month) == (first.year, first.month)]
        held = f"проведено: {len(topics)}" if topics else ""
        rows.append([month_year(first), str(count) if count else "", "; ".join(dict.fromkeys(topics)), held])
    return Table(["Месяц", "Встреч", "Темы и содержание встреч", "Отметка"], rows, [34, 18, 98, 30], size=11,
                 centered_columns=(1,))


def signatures(pair: PairInfo) -> Keep:
    lines: list[Block] = [Para("С программой ознакомлены:", "left", bold=True, indent=False, size=12), Gap(3),
                          Signature("Наставник", pair.mentor.name.signature), Gap(3)]
    for mentee in pair.mentees:
        lines += [Signature(mentee.role("Наставляемый"), mentee.name.signature), Gap(3)]
        if mentee.category == "pupil":
            guardian = Name.parse(mentee.guardian_name).signature if mentee.guardian_name else ""
            lines += [Signature("Родитель (законный представитель)", guardian), Gap(3)]
    return Keep(lines)


def plans_document(school: SchoolSettings, pairs: list[PairInfo], details: dict[int, PlanDetails],
                   day: dt.date) -> Document:
    blocks: list[Block] = []
    template = template_text("programme")  # read once for the whole bundle
    for pair in pairs:
        if blocks:
            blocks.append(PageBreak())
        blocks += programme_blocks(school, pair, details[pair.id], day, template)
    return Document("Персонализированные программы наставничества", blocks, page_numbers=False)


def journal_blocks(school: SchoolSettings, pair: PairInfo, details: PlanDetails) -> list[Block]:
    mentees = "; ".join(_who(m) for m in pair.mentees)
    blocks: list[Block] = [
        Para("ЖУРНАЛ НАСТАВНИКА", "center", bold=True, indent=False, size=16),
        Para(f"{school.short_name or school.full_name}, {school.academic_year} учебный год", "center",
             indent=False, size=12), Gap(4),
        Para(f"Наставник: {_who(pair.mentor)}", "left", indent=False, size=12),
        Para(f"{'Наставляемые' if len(pair.mentees) > 1 else pair.mentees[0].role('Наставляемый')}: {mentees}",
             "left", indent=False, size=12),
        Para(f"Форма наставничества: {pair.form}" + (f", группа «{pair.group_name}»" if pair.group_name else "")
             + f". Срок: {pair.period()}.", "left", indent=False, size=12),
    ]
    goals = [g.text for g in details.goals if not fold(g.text).startswith("запрос наставляемого")]
    if goals:
        blocks.append(Para("Цели плана: " + "; ".join(f"{i}) {lower_first(g)}" for i, g in enumerate(goals, 1))
                           + ".", "left", indent=False, size=12))
    rows = [[str(i), date_short(m.date), m.topic, m.form, m.result, ""] for i, m in enumerate(details.meetings, 1)]
    blank = max(BLANK_ROWS, JOURNAL_ROWS - len(rows))
    rows += [[str(i), "", "", "", "", ""] for i in range(len(rows) + 1, len(rows) + blank + 1)]
    blocks += [Gap(3), Table(["№", "Дата", "Тема встречи", "Форма", "Результат, договорённости",
                              "Подпись наставляемого"], rows, [9, 22, 55, 20, 48, 26], size=10,
                             centered_columns=(0, 1), row_height_mm=9)]
    return blocks


def journals_document(school: SchoolSettings, pairs: list[PairInfo], details: dict[int, PlanDetails]) -> Document:
    blocks: list[Block] = []
    for pair in pairs:
        if blocks:
            blocks.append(PageBreak())
        blocks += journal_blocks(school, pair, details[pair.id])
    return Document("Журналы наставника", blocks, page_numbers=False)
