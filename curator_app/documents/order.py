"""The order fixing the pairs (and groups) and the reward order, as blocks (see ``blocks``).

Layout as schools print it (ГОСТ Р 7.0.97-2016): organisation, ПРИКАЗ, date and number on one line,
city, a heading «О …», the basis, «ПРИКАЗЫВАЮ:», numbered points, the director's signature, then the
appendix table of pairs and the «С приказом ознакомлены» list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from curator_app.lang.declension import Name, position_accusative, position_dative
from curator_app.lang.fmt import date_long, date_short
from curator_app.settings import SchoolSettings

from .appendix import appendix_rows
from .blocks import DateNumber, Document, Gap, Keep, PageBreak, Para, Signature, Table
from .data import PairInfo, PersonInfo

ORDER_HEADING = "О закреплении наставнических пар (групп)"
REWARD_HEADING = "О поощрении участников наставнической деятельности"


def default_basis(school: SchoolSettings, staff: bool = True) -> list[str]:
    """The usual legal acts an order on mentoring refers to; the curator edits the list."""
    acts = [
        "Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»",
        "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении "
        "методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих "
        "образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам "
        "среднего профессионального образования, в том числе с применением лучших практик обмена опытом между "
        "обучающимися»",
    ]
    if staff:
        acts.append("письмом Министерства просвещения Российской Федерации и Общероссийского Профсоюза "
                    "образования от 21.12.2021 № АЗ-1128/08 «О направлении методических рекомендаций» "
                    "(о системе наставничества педагогических работников)")
    acts.append(f"Положением о наставничестве в {school.short_name or 'образовательной организации'}")
    return acts


@dataclass
class OrderParams:
    number: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    basis: list[str] = field(default_factory=list)
    long_date: bool = False  # «1 сентября 2026 г.» instead of 01.09.2026


def _number(number: str) -> str:
    return f"№ {number}" if number else "№ ________"


def _head(school: SchoolSettings, params: OrderParams, heading: str) -> list:
    return [
        Para(school.full_name or "Наименование организации", "center", bold=True, indent=False),
        Gap(5),
        Para("ПРИКАЗ", "center", bold=True, indent=False, size=16),
        Gap(3),
        DateNumber(date_long(params.date) if params.long_date else date_short(params.date), _number(params.number)),
        Para(school.city, "center", indent=False),
        Gap(5),
        Para(heading, "left", bold=True, indent=False),
        Gap(3),
    ]


def _basis_text(acts: list[str], purpose: str) -> str:
    acts = [a.strip().rstrip(";,.") for a in acts if a.strip()]
    if not acts:
        return purpose[:1].upper() + purpose[1:] + ","
    joined = acts[0] if len(acts) == 1 else ", ".join(acts[:-1]) + " и " + acts[-1]
    return f"В соответствии с {joined}, {purpose},"


def _acquaintance(people: list[tuple[str, str]]) -> Table:
    rows = [[str(i), name, role, "", ""] for i, (name, role) in enumerate(people, 1)]
    return Table(["№", "Фамилия, инициалы", "Участник", "Подпись", "Дата"], rows, [10, 62, 40, 38, 30],
                 row_height_mm=8)


def order_document(school: SchoolSettings, params: OrderParams, pairs: list[PairInfo]) -> Document:
    curator = Name.parse(school.curator_name) if school.curator_name else None
    director = Name.parse(school.director_name) if school.director_name else None
    year = school.academic_year
    short = school.short_name or "образовательной организации"
    blocks = _head(school, params, ORDER_HEADING)
    blocks.append(Para(_basis_text(params.basis, f"в целях реализации целевой модели наставничества в {short} "
                                                 f"в {year} учебном году")))
    blocks.append(Gap(2))
    blocks.append(Para("ПРИКАЗЫВАЮ:", "left", indent=False))
    blocks.append(Gap(2))
    points = [f"Закрепить наставнические пары (группы) с {date_short(params.date)} согласно приложению "
              "к настоящему приказу."]
    if curator:
        position = position_accusative(school.curator_position) if school.curator_position else None
        points.append(f"Назначить куратором внедрения целевой модели наставничества {curator.declined('acc')}"
                      + (f", {position}" if position else "") + ".")
    plans_due = params.date + dt.timedelta(days=14)
    points.append(f"Утвердить индивидуальные планы наставничества, разработанные наставниками совместно "
                  f"с наставляемыми в срок до {date_short(plans_due)}.")
    who = f"Куратору {curator.short_declined('dat')}" if curator else "Куратору наставничества"
    points.append(f"{who} обеспечить сопровождение наставнических пар (групп) и мониторинг реализации программ "
                  "наставничества (до 20 декабря и до 20 мая).")
    points.append("Контроль за исполнением настоящего приказа оставляю за собой.")
    blocks += [Para(f"{i}. {text}") for i, text in enumerate(points[:-1], 1)]
    blocks.append(Keep([Para(f"{len(points)}. {points[-1]}"), Gap(12),
                        Signature(school.director_position or "Директор", director.signature if director else "")]))

    blocks += [PageBreak(),
               Para(f"Приложение\nк приказу {short}\nот {date_short(params.date)} {_number(params.number)}",
                    "right", indent=False, size=12),
               Gap(4), Para("Список наставнических пар (групп)", "center", bold=True, indent=False), Gap(3)]
    rows = appendix_rows(pairs, params.date)  # one row per mentor: nobody twice in the list the director signs
    blocks.append(Table(["№", "Наставник", "Наставляемый (-ые), класс", "Форма\nнаставничества", "Срок"], rows,
                        [10, 49, 53, 38, 30], centered_columns=(0, 4)))
    people: list[tuple[str, str]] = []
    if curator:
        people.append((curator.short, "куратор"))
    seen: set[int] = set()
    for pair in pairs:
        for person, role in [(pair.mentor, "наставник"), *[(m, "наставляемый") for m in pair.mentees]]:
            if person.id not in seen:
                seen.add(person.id)
                people.append((person.name.short, role))
    blocks += [Gap(8), Para("С приказом ознакомлены:", "left", bold=True, indent=False), Gap(2),
               _acquaintance(people)]
    title = f"Приказ {_number(params.number)} от {date_short(params.date)} «{ORDER_HEADING}»"
    return Document(title, blocks)


def mentor_dative(person: PersonInfo) -> str:
    """«Васильевой Наталье Андреевне, учителю математики»; «… обучающейся 10А класса»."""
    name = person.name.declined("dat")
    female = person.name.gender == "f"
    if person.category == "pupil" and person.grade:
        return f"{name}, {'обучающейся' if female else 'обучающемуся'} {person.grade} класса"
    if person.category == "student":
        word = "студентке" if female else "студенту"
        return f"{name}, {word}" + (f" ({person.workplace})" if person.workplace else "")
    if person.position:
        dative = position_dative(person.position)
        extra = f" ({person.workplace})" if person.workplace else ""
        if dative:
            return f"{name}, {dative}{extra}"
        return f"{name} ({', '.join(p for p in (person.position, person.workplace) if p)})"
    return name


def reward_document(school: SchoolSettings, params: OrderParams, mentors: list[PersonInfo]) -> Document:
    director = Name.parse(school.director_name) if school.director_name else None
    curator = Name.parse(school.curator_name) if school.curator_name else None
    short = school.short_name or "образовательной организации"
    blocks = _head(school, params, REWARD_HEADING)
    basis = params.basis or [f"Положением о наставничестве в {short}"]
    blocks.append(Para(_basis_text(basis, f"по итогам реализации программы наставничества в {short} "
                                          f"в {school.academic_year} учебном году")))
    blocks += [Gap(2), Para("ПРИКАЗЫВАЮ:", "left", indent=False), Gap(2),
               Para("1. Объявить благодарность за активное участие в реализации целевой модели наставничества, "
                    "профессионализм и достигнутые наставляемыми результаты:")]
    for i, mentor in enumerate(mentors, 1):
        end = "." if i == len(mentors) else ";"
        blocks.append(Para(f"1.{i}. {mentor_dative(mentor)}{end}", "left"))
    who = f"Куратору {curator.short_declined('dat')}" if curator else "Куратору наставничества"
    blocks += [Para(f"2. {who} вручить наставникам благодарственные письма."),
               Keep([Para("3. Контроль за исполнением настоящего приказа оставляю за собой."), Gap(12),
                     Signature(school.director_position or "Директор", director.signature if director else "")]),
               Gap(10), Para("С приказом ознакомлены:", "left", bold=True, indent=False), Gap(2),
               _acquaintance([(m.name.short, "наставник") for m in mentors])]
    return Document(f"Приказ {_number(params.number)} от {date_short(params.date)} «{REWARD_HEADING}»", blocks)
