"""The texts of the year's papers: defaults shipped in ``data/documents/*.txt``, the curator's edited version
kept in the database (settings ``template.<name>``), fields filled from the school's requisites.

A template is plain text a curator can edit: ``# `` a centred bold title line, ``## `` a section heading,
``- `` a list item, an empty line between paragraphs, any other line a paragraph. Fields in braces
(``{short}``, ``{curator_acc}``) are filled; an unknown field stays as written, so a typo shows on the page
instead of failing. A registered document keeps its laid-out text, so a template edited later does not
change it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from curator_app import settings
from curator_app.documents.blocks import Block, Gap, Keep, Para
from curator_app.lang.declension import Name
from curator_app.lang.fmt import academic_year_bounds, date_short
from curator_app.lang.words import decline_position
from curator_app.paths import data_file
from curator_app.settings import SchoolSettings

TEMPLATES: dict[str, str] = {
    "regulation": "Положение о программе наставничества",
    "launch_order": "Приказ о внедрении целевой модели наставничества",
    "consent_personal": "Согласие на обработку персональных данных",
    "consent_personal_guardian": "Согласие законного представителя на обработку персональных данных",
    "consent_mentoring": "Согласие работника на наставничество (ст. 351.8 ТК РФ)",
    "programme": "Персонализированная программа наставничества",
}
_PREFIX = "template."
_FIELD = re.compile(r"\{([a-z_]+)\}")


def default_text(name: str) -> str:
    """The text shipped with the program."""
    if name not in TEMPLATES:
        raise KeyError(name)
    return data_file("documents", f"{name}.txt").read_text(encoding="utf-8")


def template_text(name: str) -> str:
    """The curator's edited text, or the default one."""
    edited = settings.get(_PREFIX + name)
    return str(edited) if edited else default_text(name)


def is_edited(name: str) -> bool:
    return bool(settings.get(_PREFIX + name))


def save_template(name: str, text: str | None) -> None:
    """Keep the curator's text (None, an empty text or the default itself: back to the default)."""
    if name not in TEMPLATES:
        raise KeyError(name)
    value = (text or "").strip()
    settings.put(_PREFIX + name, value + "\n" if value and value != default_text(name).strip() else None)


def fill(text: str, fields: Mapping[str, str]) -> str:
    """Put the fields in; an unknown one is left as written (``{поле}`` shows on the page)."""
    return _FIELD.sub(lambda m: str(fields.get(m.group(1), m.group(0))), text)


def sections(text: str) -> dict[str, list[str]]:
    """``## `` headings → their non-empty lines (for templates made of named parts: the launch order)."""
    result: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            result[current] = []
        elif line.strip():
            result.setdefault(current, []).append(line.strip())
    return result


def blocks_of(text: str, size: float = 14) -> list[Block]:
    """A filled template as blocks: titles, headings, paragraphs and dashed list items; a heading is kept on
    one page with what follows it."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    heading: list[Block] = []

    def add(block: Block) -> None:
        if heading:
            blocks.append(Keep([*heading, block]))
            heading.clear()
        else:
            blocks.append(block)

    def flush() -> None:
        if paragraph:
            add(Para(" ".join(paragraph), size=size))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("# "):
            flush()
            add(Para(line[2:].strip(), "center", bold=True, indent=False, size=size))
        elif line.startswith("## "):
            flush()
            heading += [Gap(2), Para(line[3:].strip(), "left", bold=True, indent=False, size=size), Gap(1)]
        elif line.startswith("- "):
            flush()
            add(Para("— " + line[2:].strip(), size=size))
        elif re.match(r"^\d+(\.\d+)*\.\s", line):  # a numbered point starts a paragraph of its own
            flush()
            paragraph.append(line)
        else:
            paragraph.append(line)
    flush()
    blocks += heading
    return blocks


def school_fields(school: SchoolSettings, day: dt.date, extra: Mapping[str, Any] | None = None) -> dict[str, str]:
    """{school}, {short}, {city}, {address}, {year}, {date}, {director}, {director_signature}, {curator},
    {curator_acc}, {curator_dat}, {curator_short}, {curator_position}, {entry_due}, {final_due},
    {banks_due}."""
    short = school.short_name or "образовательной организации"
    curator = Name.parse(school.curator_name) if school.curator_name else None
    director = Name.parse(school.director_name) if school.director_name else None
    position = school.curator_position.strip()
    low = position[:1].lower() + position[1:] if position[1:2].islower() else position
    year_start, year_end = academic_year_bounds(school.academic_year)
    fields = {
        "school": school.full_name or short, "short": short, "city": school.city,
        "address": school.address or "____________________________________",
        "year": school.academic_year, "date": date_short(day),
        "director": director.full if director else "", "director_signature": director.signature if director else "",
        "curator": curator.full if curator else "куратор наставничества",
        "curator_short": (curator.short if curator else "куратор наставничества").rstrip("."),
        "curator_position": low,
        "curator_acc": ((curator.declined("acc") if curator else "")
                        + (f", {_low(decline_position(position, 'acc'))}" if position and curator else "")),
        "curator_dat": ((curator.short_declined("dat") if curator else "")
                        + (f", {_low(decline_position(position, 'dat'))}," if position and curator else "")),
        "entry_due": date_short(dt.date(year_start.year, 12, 20)),
        "final_due": date_short(dt.date(year_end.year, 5, 20)),
        "banks_due": date_short(day + dt.timedelta(days=30)),
    }
    fields.update({k: str(v) for k, v in (extra or {}).items()})
    return fields


def _low(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
