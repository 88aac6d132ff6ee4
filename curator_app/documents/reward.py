"""The reward order «О поощрении участников наставнической деятельности» and how a mentor is named in it
and in the letters of thanks.

Staff, pupils and outside mentors are rewarded differently, each in a point of their own: the employer
declares thanks to its employees (благодарность), a pupil receives a diploma (грамота), a partner — a
student, a parent, an employer's specialist — a letter of thanks. Names are sorted as a Russian reader
expects («ё» as «е»), and each mentor is named with the position in the right case («программисту МКУ …»).
"""

from __future__ import annotations

import datetime as dt

from curator_app.lang.declension import CaseName, Name
from curator_app.lang.fmt import date_short
from curator_app.lang.words import decline_position, gendered
from curator_app.settings import SchoolSettings

from .blocks import Block, Document, Gap, Keep, Para
from .data import PersonInfo
from .order import (
    OrderParams,
    basis_text,
    curator_line,
    head_blocks,
    number_text,
    signature_block,
    signoff_blocks,
    staff_signers,
)

REWARD_HEADING = "О поощрении участников наставнической деятельности"


def mentor_named(person: PersonInfo, case: CaseName = "dat") -> str:
    """The mentor in ``case`` with who they are: «Васильевой Наталье Андреевне, учителю математики»;
    «Петрову Ивану Ивановичу, программисту МКУ «Центр информационных технологий»»; a pupil
    «Ивановой Марии Петровне, обучающейся 10А класса»."""
    name = person.name.declined(case)
    if person.category == "pupil" and person.grade:
        return f"{name}, {gendered('обучающийся', person.name.gender, case)} {person.grade} класса"
    where = f" {workplace_genitive(person.workplace)}" if person.workplace else ""
    if person.category == "student":
        word = "студентка" if person.name.gender == "f" else "студент"
        return f"{name}, {decline_position(word, case)}{where}"
    if person.position:
        return f"{name}, {decline_position(person.position, case)}{where}"
    if person.workplace:
        return f"{name} ({person.workplace})"
    return name


def workplace_genitive(workplace: str) -> str:
    """Where a mentor works, after their position: «МКУ «Центр …»» stays (an abbreviation and a name in
    quotes); «Калужский филиал МГТУ …» becomes «Калужского филиала МГТУ …»."""
    first = workplace.split()[0] if workplace.split() else ""
    if first.isupper() or first.startswith(("«", "\"")):
        return workplace
    return decline_position(workplace, "gen")


def mentor_dative(person: PersonInfo) -> str:
    return mentor_named(person, "dat")


def sorted_people(people: list[PersonInfo]) -> list[PersonInfo]:
    return sorted(people, key=lambda p: p.sort_key)


def _listed(intro: str, number: int, people: list[str]) -> list[Block]:
    blocks: list[Block] = [Para(f"{number}. {intro}")]
    for i, text in enumerate(people, 1):
        blocks.append(Para(f"{number}.{i}. {text}{'.' if i == len(people) else ';'}", "left"))
    return blocks


def reward_document(school: SchoolSettings, params: OrderParams, mentors: list[PersonInfo]) -> Document:
    short = school.short_name or "образовательной организации"
    mentors = sorted_people(mentors)
    staff = [m for m in mentors if m.is_staff]
    pupils = [m for m in mentors if m.category == "pupil"]
    partners = [m for m in mentors if not m.is_staff and m.category != "pupil"]
    blocks = head_blocks(school, params, REWARD_HEADING)
    basis = params.basis or ["статьёй 191 Трудового кодекса Российской Федерации",
                             f"Положением о программе наставничества в {short}"]
    blocks += [Para(basis_text(basis, f"по итогам реализации программы наставничества в {short} "
                                      f"в {school.academic_year} учебном году")),
               Gap(2), Para("ПРИКАЗЫВАЮ:", "left", indent=False), Gap(2)]
    number = 0
    if staff:
        number += 1
        blocks += _listed("Объявить благодарность за активное участие в реализации целевой модели "
                          "наставничества, профессионализм и достигнутые наставляемыми результаты:", number,
                          [mentor_named(m, "dat") for m in staff])
    if pupils:
        number += 1
        blocks += _listed("Наградить грамотами за успешное наставничество и помощь сверстникам:", number,
                          [mentor_named(m, "acc") for m in pupils])
    if partners:
        number += 1
        blocks += _listed("Вручить благодарственные письма за участие в программе наставничества:", number,
                          [mentor_named(m, "dat") for m in partners])
    curator_short = Name.parse(school.curator_name).short.rstrip(".") if school.curator_name else "куратор"
    if pupils or partners:
        what = " и ".join(w for w, on in (("грамоты", pupils), ("благодарственные письма", partners)) if on)
        number += 1
        blocks.append(Para(f"{number}. Куратору наставничества {curator_line(school, 'dat', closed=True)} подготовить {what} "
                           f"и организовать их вручение. Срок: до {date_short(params.date + dt.timedelta(days=14))}. "
                           f"Ответственный: {curator_short}."))
    curator = Name.parse(school.curator_name).short_declined("gen") if school.curator_name else ""
    blocks.append(Keep([
        Para(f"{number + 1}. Контроль за исполнением настоящего приказа оставляю за собой."), Gap(4),
        Para(f"Основание: представление куратора наставничества {curator}".rstrip() + ", итоги мониторинга "
             f"реализации программы наставничества в {school.academic_year} учебном году.", "left", indent=False),
        Gap(12), signature_block(school)]))
    signers = staff_signers(school, [])  # the curator, named in the order
    named = {name for name, _ in signers}
    signers += [(m.name.short, f"{m.position}, наставник" if m.position else "наставник") for m in staff
                if m.name.short not in named]
    blocks += [Gap(10), signoff_blocks(signers)]
    title = f"Приказ {number_text(params.number)} от {date_short(params.date)} «{REWARD_HEADING}»"
    return Document(title, blocks)

