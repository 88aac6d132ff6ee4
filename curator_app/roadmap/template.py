"""A roadmap started from the built-in template of the target model's stages (``data/``)."""

from __future__ import annotations

import calendar
import datetime as dt
import json

from curator_app.lang.fmt import academic_year_bounds
from curator_app.models import Roadmap, RoadmapEvent, RoadmapSection, database
from curator_app.paths import data_file


def _month(start_year: int, offset: int) -> tuple[int, int]:
    month = 9 + offset
    return (start_year + (month - 1) // 12, (month - 1) % 12 + 1)


def create_from_template(academic_year: str) -> Roadmap:
    """A new roadmap for «2026-2027» with every stage and event of the template, dated."""
    with open(data_file("roadmap_template.json"), encoding="utf-8") as handle:
        template = json.load(handle)
    start, end = academic_year_bounds(academic_year)
    y1, y2 = start.year, end.year
    with database.atomic():
        roadmap = Roadmap.create(title=template["title"].format(y1=y1, y2=y2), academic_year=academic_year,
                                 start_date=start, end_date=end, source_file="Шаблон целевой модели")
        position = 0
        for s_pos, section in enumerate(template["sections"]):
            row = RoadmapSection.create(roadmap=roadmap, number=section["number"], title=section["title"],
                                        position=s_pos)
            for event in section["events"]:
                fy, fm = _month(y1, event["from"])
                ty, tm = _month(y1, event["to"])
                RoadmapEvent.create(
                    roadmap=roadmap, section=row, position=position, number=event["number"],
                    title=event["title"], result=event.get("result") or None,
                    document_type=event.get("document") or None, responsible=event.get("responsible"),
                    period_text=event["period"].format(y1=y1, y2=y2),
                    start_date=dt.date(fy, fm, 1), end_date=dt.date(ty, tm, event.get("end_day") or calendar.monthrange(ty, tm)[1]),
                    recurrence=event.get("recurrence"),
                )
                position += 1
    return roadmap
