"""The regulation («Положение о программе наставничества») and the launch order («О внедрении целевой модели
наставничества») that approves it with the roadmap, appoints the curator, forms the working group and sets
the monitoring dates.

Both are templates filled with the school's requisites (``regulation``, ``launch_order``); the order carries
the regulation as its appendix 1 and the roadmap's events as appendix 2, so the registered order keeps the
whole text it approved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from curator_app.documents.blocks import Block, Document, Gap, PageBreak, Para, Table
from curator_app.documents.order import (
    OrderParams,
    basis_text,
    head_blocks,
    number_text,
    points_blocks,
    signature_block,
    signoff_blocks,
)
from curator_app.lang.declension import Name
from curator_app.lang.fmt import date_short
from curator_app.settings import SchoolSettings

from .templates import blocks_of, fill, school_fields, sections, template_text

LAUNCH_HEADING = "О внедрении целевой модели наставничества"


@dataclass(frozen=True)
class FormInfo:
    name: str
    description: str


@dataclass(frozen=True)
class RoadmapLine:
    number: str
    title: str
    period: str
    responsible: str
    section: bool = False  # a stage heading, not an event


@dataclass
class LaunchData:
    """What the regulation and the launch order need from the database, read beforehand."""

    forms: list[FormInfo] = field(default_factory=list)
    roadmap_title: str = ""
    roadmap: list[RoadmapLine] = field(default_factory=list)
    working_group: list[str] = field(default_factory=list)  # «Фамилия Имя Отчество, должность»


def _forms_list(forms: list[FormInfo]) -> str:
    lines = [f"- «{f.name.lower()}»" + (f": {f.description[:1].lower()}{f.description[1:].rstrip('.')}"
                                        if f.description else "") + ";" for f in forms]
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return "\n".join(lines)


def regulation_blocks(school: SchoolSettings, data: LaunchData, day: dt.date, approved: str = "") -> list[Block]:
    """The regulation's text; ``approved`` is the «УТВЕРЖДЕНО приказом …» line (blank to fill by default)."""
    short = school.short_name or "образовательной организации"
    fields = school_fields(school, day, {"forms_list": _forms_list(data.forms)})
    stamp = approved or f"УТВЕРЖДЕНО\nприказом {short}\nот «____» ______________ 20____ г. № ______"
    return [Para(stamp, "right", indent=False, size=12), Gap(6),
            *blocks_of(fill(template_text("regulation"), fields))]


def regulation_document(school: SchoolSettings, data: LaunchData, day: dt.date) -> Document:
    return Document(f"Положение о программе наставничества в {school.short_name or school.full_name}",
                    regulation_blocks(school, data, day))


def _group_text(school: SchoolSettings, members: list[str]) -> str:
    curator = Name.parse(school.curator_name).short if school.curator_name else "куратор наставничества"
    position = school.curator_position.strip()
    head = f"{curator}, {position[:1].lower() + position[1:] if position[1:2].islower() else position}" \
        if position else curator
    others = [_member_short(m) for m in members]
    return f"руководитель рабочей группы — {head}; члены рабочей группы: " + (
        "; ".join(others) if others else "______________________________") + ""


def _member_short(member: str) -> str:
    """«Фролов Игорь Семёнович, учитель физики» → «Фролов И.С., учитель физики»."""
    name, _, role = member.partition(",")
    short = Name.parse(name.strip()).short if len(name.split()) >= 2 else name.strip()
    return f"{short}, {role.strip()}" if role.strip() else short


def launch_document(school: SchoolSettings, params: OrderParams, data: LaunchData) -> Document:
    day, short = params.date, school.short_name or "образовательной организации"
    group = _group_text(school, data.working_group)
    fields = school_fields(school, day, {"working_group": group})
    parts = sections(fill(template_text("launch_order"), fields))
    basis = params.basis or parts.get("Основание", [])
    purpose = " ".join(parts.get("Цель", [])) or f"в целях внедрения целевой модели наставничества в {short}"
    points = parts.get("Пункты", []) or ["Контроль за исполнением настоящего приказа оставляю за собой."]
    blocks = head_blocks(school, params, LAUNCH_HEADING)
    blocks += [Para(basis_text(basis, purpose)), Gap(2), Para("ПРИКАЗЫВАЮ:", "left", indent=False), Gap(2)]
    blocks += points_blocks(points, [Gap(12), signature_block(school)])
    curator = Name.parse(school.curator_name) if school.curator_name else None
    signers = []
    if curator:
        signers.append((curator.short, f"{fields['curator_position']}, куратор".strip(", ")))
    signers += [(_member_short(m).partition(",")[0], (_member_short(m).partition(",")[2].strip()
                                                       + ", член рабочей группы").strip(", "))
                for m in data.working_group]
    blocks += [Gap(8), signoff_blocks(signers)]
    reference = f"к приказу {short}\nот {date_short(day)} {number_text(params.number)}"
    blocks += [PageBreak(), Para(f"Приложение 1\n{reference}", "right", indent=False, size=12), Gap(4)]
    blocks += regulation_blocks(school, data, day)[2:]  # «Приложение 1» stands for the stamp
    blocks += [PageBreak(), Para(f"Приложение 2\n{reference}", "right", indent=False, size=12), Gap(4),
               Para("Дорожная карта внедрения целевой модели наставничества", "center", bold=True, indent=False),
               Para(f"в {short} на {school.academic_year} учебный год", "center", indent=False), Gap(3)]
    if data.roadmap:
        rows = [[line.number, line.title, line.period, line.responsible] for line in data.roadmap]
        blocks.append(Table(["№", "Мероприятие", "Сроки", "Ответственный"], rows, [14, 96, 36, 34], size=11,
                            centered_columns=(0,)))
    else:
        blocks.append(Para("Дорожная карта не загружена в программу: приложите её к приказу.", "left"))
    title = f"Приказ {number_text(params.number)} от {date_short(day)} «{LAUNCH_HEADING}»"
    return Document(title, blocks)
