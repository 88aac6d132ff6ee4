"""The order fixing the pairs (and groups), as blocks (see ``blocks``).

Layout as schools print it (ГОСТ Р 7.0.97-2016): organisation, ПРИКАЗ, date and number on one line,
city, a heading «О …», the basis, «ПРИКАЗЫВАЮ:», numbered points each with its deadline and the one
responsible, the director's signature, then the appendix table of pairs and the «С приказом
ознакомлены» list of the employees the order names (staff mentors, teacher mentees, the curator) —
pupils do not sign orders; their families learn of the pairs from the memos.

The curator is appointed by the launch order; this order names the curator only as the one who
accompanies the pairs. Each pair's period is the one it has in its card (``PairInfo.start``/``end``,
set by the caller), so the text, the appendix and the card agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from curator_app.lang.declension import Name
from curator_app.lang.fmt import academic_year_bounds, date_long, date_short
from curator_app.lang.words import decline_position
from curator_app.settings import SchoolSettings

from .appendix import appendix_rows
from .blocks import Block, DateNumber, Document, Gap, Keep, PageBreak, Para, Signature, Table
from .data import PairInfo, PersonInfo, lower_first

ORDER_HEADING = "О закреплении наставнических пар (групп)"
PLANS_DAYS = 14  # the mentors' deadline for the plans, from the order's date
ACQUAINT_WORKING_DAYS = 3


def default_basis(school: SchoolSettings, staff_mentors: bool = True, teacher_pairs: bool = True) -> list[str]:
    """The acts an order on mentoring refers to («В соответствии с …»), in the instrumental case.

    Art. 351.8 of the Labour Code (since 01.03.2025: an employee mentors with written consent) when
    staff mentor; the 2021 letter on teachers' mentoring when there are teacher–teacher pairs. The curator
    edits the list (kept in the settings)."""
    acts = []
    if staff_mentors:
        acts.append("статьёй 351.8 Трудового кодекса Российской Федерации")
    acts += [
        "Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»",
        "распоряжением Правительства Российской Федерации от 21.05.2025 № 1264-р «Об утверждении Концепции "
        "развития наставничества в Российской Федерации на период до 2030 года»",
        "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении "
        "методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих "
        "образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам "
        "среднего профессионального образования, в том числе с применением лучших практик обмена опытом между "
        "обучающимися»",
    ]
    if teacher_pairs:
        acts.append("письмом Министерства просвещения Российской Федерации и Общероссийского Профсоюза "
                    "образования от 21.12.2021 № АЗ-1128/08 «О направлении методических рекомендаций» "
                    "(о системе наставничества педагогических работников)")
    acts.append(f"Положением о программе наставничества в {school.short_name or 'образовательной организации'}")
    return acts


@dataclass
class OrderParams:
    number: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    basis: list[str] = field(default_factory=list)
    long_date: bool = False  # «1 сентября 2026 г.» instead of 01.09.2026


def number_text(number: str) -> str:
    return f"№ {number}" if number else "№ ________"


def head_blocks(school: SchoolSettings, params: OrderParams, heading: str) -> list[Block]:
    """Organisation, ПРИКАЗ, date and number, city, the heading."""
    return [
        Para(school.full_name or "Наименование организации", "center", bold=True, indent=False),
        Gap(5),
        Para("ПРИКАЗ", "center", bold=True, indent=False, size=16),
        Gap(3),
        DateNumber(date_long(params.date) if params.long_date else date_short(params.date),
                   number_text(params.number)),
        Para(school.city, "center", indent=False),
        Gap(5),
        Para(heading, "left", bold=True, indent=False),
        Gap(3),
    ]


def basis_text(acts: list[str], purpose: str) -> str:
    acts = [a.strip().rstrip(";,.") for a in acts if a.strip()]
    if not acts:
        return purpose[:1].upper() + purpose[1:] + ","
    joined = acts[0] if len(acts) == 1 else ", ".join(acts[:-1]) + " и " + acts[-1]
    preposition = "со" if joined.lower().startswith(("ст", "сл", "св")) else "с"
    return f"В соответствии {preposition} {joined}, {purpose},"


def working_days_after(day: dt.date, days: int) -> dt.date:
    """``days`` working days (Monday–Friday) after ``day``."""
    current = day
    while days:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def curator_line(school: SchoolSettings, case: str = "dat", closed: bool = False) -> str:
    """«Васильевой Н.А., заместителю директора по УВР» — the curator in ``case`` (dat or nom); ``closed``
    ends the position with the comma that closes it in the middle of a sentence."""
    curator = Name.parse(school.curator_name) if school.curator_name else None
    if curator is None:
        return "куратору наставничества" if case == "dat" else "куратор наставничества"
    name = curator.short_declined("dat") if case == "dat" else curator.short
    position = school.curator_position.strip()
    if position:
        position = lower_first(decline_position(position, "dat") if case == "dat" else position)
        return f"{name}, {position}{',' if closed else ''}"
    return name


def signature_block(school: SchoolSettings) -> Signature:
    director = Name.parse(school.director_name) if school.director_name else None
    return Signature(school.director_position or "Директор", director.signature if director else "")


def points_blocks(points: list[str], closing: list[Block] | None = None) -> list[Block]:
    """Numbered points; the last one is kept on one page with the signature (``closing``)."""
    blocks: list[Block] = [Para(f"{i}. {text}") for i, text in enumerate(points[:-1], 1)]
    blocks.append(Keep([Para(f"{len(points)}. {points[-1]}"), *(closing or [])]))
    return blocks


def acquaintance_table(people: list[tuple[str, str]]) -> Table:
    """«С приказом ознакомлены»: one signature line per employee (name, position and role)."""
    rows = [[str(i), name, role, "", ""] for i, (name, role) in enumerate(people, 1)]
    return Table(["№", "Фамилия, инициалы", "Должность, участие", "Подпись", "Дата"], rows, [10, 50, 60, 32, 28],
                 row_height_mm=9)


def signoff_blocks(people: list[tuple[str, str]]) -> Keep:
    """The heading and the table kept together: the heading never stays alone at a page's foot."""
    return Keep([Para("С приказом ознакомлены:", "left", bold=True, indent=False), Gap(2), acquaintance_table(people)])


def staff_signers(school: SchoolSettings, pairs: list[PairInfo]) -> list[tuple[str, str]]:
    """The employees an order on these pairs names: the curator, staff mentors, teacher mentees."""
    people: list[tuple[str, str]] = []
    seen_names: set[str] = set()
    if school.curator_name:
        curator = Name.parse(school.curator_name)
        people.append((curator.short, ", ".join(p for p in (lower_first(school.curator_position.strip()),
                                                            "куратор") if p)))
        seen_names.add(curator.full)
    staff: dict[int, tuple[PersonInfo, str]] = {}
    for pair in pairs:
        for person, role in [(pair.mentor, "наставник"), *[(m, "наставляемый") for m in pair.mentees]]:
            if person.id not in staff and person.is_staff and person.name.full not in seen_names:
                staff[person.id] = (person, person.role(role))
    for person, what in sorted(staff.values(), key=lambda item: item[0].sort_key):
        people.append((person.name.short, f"{person.position}, {what}" if person.position else what))
    return people


def _period_phrase(pairs: list[PairInfo], day: dt.date) -> str:
    starts = {p.start or day for p in pairs}
    ends = {p.end for p in pairs}
    if len(starts) == 1 and len(ends) == 1 and None not in ends:
        return f"на срок с {date_short(starts.pop())} по {date_short(ends.pop())}"
    if len(starts) == 1:
        return f"с {date_short(starts.pop())} на сроки, указанные в приложении"
    return "на сроки, указанные в приложении"


def form_cell(pair: PairInfo) -> str:
    return pair.form + (f"\n({lower_first(pair.role_model)})" if pair.role_model else "")


def order_document(school: SchoolSettings, params: OrderParams, pairs: list[PairInfo]) -> Document:
    short = school.short_name or "образовательной организации"
    day = params.date
    year_start, year_end = academic_year_bounds(school.academic_year)
    first_wave, final_wave = dt.date(year_start.year, 12, 20), dt.date(year_end.year, 5, 20)
    curator_dat = curator_line(school, "dat", closed=True)
    curator_nom = Name.parse(school.curator_name).short if school.curator_name else "куратор наставничества"
    curator_nom = curator_nom.rstrip(".")  # «Ответственный: Васильева Н.А.» — one full stop, not two
    minors = any(m.category == "pupil" for p in pairs for m in p.mentees) or any(
        p.mentor.category == "pupil" for p in pairs)
    blocks = head_blocks(school, params, ORDER_HEADING)
    blocks += [Para(basis_text(params.basis, f"в целях реализации целевой модели наставничества в {short} "
                                             f"в {school.academic_year} учебном году")),
               Gap(2), Para("ПРИКАЗЫВАЮ:", "left", indent=False), Gap(2)]
    consent = ("с письменного согласия их участников"
               + (", а за несовершеннолетних обучающихся — их родителей (законных представителей)" if minors else ""))
    plans_due = day + dt.timedelta(days=PLANS_DAYS)
    points = [
        f"Закрепить наставнические пары (группы) согласно приложению к настоящему приказу "
        f"{_period_phrase(pairs, day)} — {consent}. Ответственный: {curator_nom}.",
        f"Наставникам, указанным в приложении, разработать совместно с наставляемыми персонализированные "
        f"программы наставничества (индивидуальные планы) и представить их куратору наставничества на "
        f"согласование. Срок: до {date_short(plans_due)}. Ответственные: наставники.",
        f"Куратору наставничества {curator_dat} обеспечить сопровождение наставнических пар (групп), "
        f"согласование персонализированных программ наставничества и мониторинг их реализации (входной — "
        f"до {date_short(first_wave)}, итоговый — до {date_short(final_wave)}). Срок: в течение "
        f"{school.academic_year} учебного года. Ответственный: {curator_nom}.",
        "Куратору наставничества ознакомить с настоящим приказом под подпись работников, "
        "указанных в нём"
        + (", довести состав пар (групп) до сведения обучающихся и их родителей (законных представителей) "
           "через памятки наставляемым" if minors else "")
        + f". Срок: до {date_short(working_days_after(day, ACQUAINT_WORKING_DAYS))}. "
        f"Ответственный: {curator_nom}.",
        "Контроль за исполнением настоящего приказа оставляю за собой.",
    ]
    blocks += points_blocks(points, [Gap(12), signature_block(school)])

    blocks += [PageBreak(),
               Para(f"Приложение\nк приказу {short}\nот {date_short(day)} {number_text(params.number)}",
                    "right", indent=False, size=12),
               Gap(4), Para("Список наставнических пар (групп)", "center", bold=True, indent=False), Gap(3)]
    rows = appendix_rows(pairs, day, form_cell)  # one row per mentor: nobody twice in the list the director signs
    blocks.append(Table(["№", "Наставник", "Наставляемый (-ая, -ые)", "Форма, ролевая модель", "Срок"], rows,
                        [9, 45, 60, 37, 29], centered_columns=(0, 4)))
    blocks += [Gap(8), signoff_blocks(staff_signers(school, pairs))]
    title = f"Приказ {number_text(params.number)} от {date_short(day)} «{ORDER_HEADING}»"
    return Document(title, blocks)
