"""The roadmap's operations: import (store what the reader parsed), read for the tab and the exports,
mark done, edit, the panel «Ближайшие 14 дней и просроченные». Overdue is derived, never stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from curator_app import audit
from curator_app.errors import CuratorError
from curator_app.models import EventEvidence, Roadmap, RoadmapEvent, RoadmapSection, database
from curator_app.models.roadmap import EVENT_STATUS_LABELS

if TYPE_CHECKING:  # the parser loads when an import or an edit needs it, not with the first tab
    from .table import ParsedRoadmap

STORED_STATUSES = ("planned", "in_progress", "done", "cancelled")
UPCOMING_DAYS = 14


@dataclass(frozen=True)
class EventRow:
    """One event as the tab, the panel and the exports show it."""

    id: int
    position: int
    section_number: str
    section_title: str
    number: str
    title: str
    result: str
    document: str
    responsible: str
    period_text: str
    start: dt.date | None
    end: dt.date | None
    recurrence: str | None
    unparsed: bool
    stored_status: str
    status: str  # effective: «overdue» when the end passed and it is not done or cancelled
    done_on: dt.date | None
    notes: str

    @property
    def status_label(self) -> str:
        return EVENT_STATUS_LABELS.get(self.status, self.status)


def effective_status(stored: str, end: dt.date | None, today: dt.date) -> str:
    if stored in ("planned", "in_progress") and end is not None and end < today:
        return "overdue"
    return stored


def save_parsed(parsed: ParsedRoadmap, source_file: str | None = None) -> Roadmap:
    """Store a parsed roadmap as a new one, all or nothing."""
    if not parsed.events:
        raise CuratorError("В дорожной карте нет ни одного мероприятия — сохранять нечего.")
    ctx = parsed.ctx
    with database.atomic():
        roadmap = Roadmap.create(title=parsed.title, academic_year=ctx.academic_year, start_date=ctx.start,
                                 end_date=ctx.end, source_file=source_file)
        by_number: dict[str, RoadmapSection] = {}
        for pos, section in enumerate(parsed.sections):
            row = RoadmapSection.create(roadmap=roadmap, parent=by_number.get(section.parent or ""),
                                        number=section.number, title=section.title, position=pos)
            by_number[section.number] = row
        for pos, event in enumerate(parsed.events):
            p = event.period
            RoadmapEvent.create(
                roadmap=roadmap, section=by_number.get(event.section), position=pos, number=event.number,
                title=event.title or "(без названия)", result=event.result or None,
                document_type=event.document or None, responsible=event.responsible or None,
                period_text=p.text or None, start_date=p.start, end_date=p.end, recurrence=p.recurrence,
                period_unparsed=not p.ok, notes=event.description or None)
        audit.log("import", "roadmap", roadmap.id,
                  f"Загружена дорожная карта «{parsed.title}»: разделов {len(parsed.sections)}, "
                  f"мероприятий {len(parsed.events)}", {"source": source_file,
                                                        "unparsed": len(parsed.problems)})
    return roadmap


def import_file(path: str | Path) -> tuple[Roadmap, ParsedRoadmap]:
    from .sources import parse_file

    parsed = parse_file(path)
    return save_parsed(parsed, Path(path).name), parsed


def summary(parsed: ParsedRoadmap) -> dict[str, object]:
    return {"title": parsed.title, "sections": len(parsed.sections), "events": len(parsed.events),
            "start": parsed.ctx.start.isoformat() if parsed.ctx.start else None,
            "end": parsed.ctx.end.isoformat() if parsed.ctx.end else None,
            "unparsed_periods": [message for _, message in parsed.problems]}


def roadmaps() -> list[Roadmap]:
    return list(Roadmap.select().order_by(Roadmap.id.desc()))


def current_roadmap() -> Roadmap | None:
    """The roadmap the curator works with: the newest one."""
    return Roadmap.select().order_by(Roadmap.id.desc()).first()


def get_roadmap(roadmap_id: int | None = None) -> Roadmap:
    roadmap = Roadmap.get_or_none(Roadmap.id == roadmap_id) if roadmap_id else current_roadmap()
    if roadmap is None:
        raise CuratorError("В базе нет дорожной карты: загрузите её командой «import roadmap ФАЙЛ» "
                           "или создайте из шаблона.")
    return roadmap


def sections(roadmap_id: int) -> list[RoadmapSection]:
    return list(RoadmapSection.select().where(RoadmapSection.roadmap == roadmap_id)
                .order_by(RoadmapSection.position))


def event_rows(roadmap_id: int, today: dt.date | None = None) -> list[EventRow]:
    """Every event of the roadmap in document order, with its section and effective status."""
    today = today or dt.date.today()
    titles = {s.id: (s.number, s.title) for s in RoadmapSection.select(
        RoadmapSection.id, RoadmapSection.number, RoadmapSection.title).where(RoadmapSection.roadmap == roadmap_id)}
    rows = []
    query = (RoadmapEvent.select().where(RoadmapEvent.roadmap == roadmap_id)
             .order_by(RoadmapEvent.position, RoadmapEvent.id).tuples())
    fields: list[str] = RoadmapEvent._meta.sorted_field_names
    for values in cast("list[tuple[Any, ...]]", query):  # .tuples() rows, typed as models by the stubs
        e: dict[str, Any] = dict(zip(fields, values, strict=True))
        number, title = titles.get(e["section"], ("", ""))
        rows.append(EventRow(
            id=e["id"], position=e["position"], section_number=number, section_title=title, number=e["number"],
            title=e["title"], result=e["result"] or "", document=e["document_type"] or "",
            responsible=e["responsible"] or "", period_text=e["period_text"] or "", start=e["start_date"],
            end=e["end_date"], recurrence=e["recurrence"], unparsed=bool(e["period_unparsed"]),
            stored_status=e["status"], status=effective_status(e["status"], e["end_date"], today),
            done_on=e["done_on"], notes=e["notes"] or ""))
    return rows


def upcoming(rows: list[EventRow], today: dt.date | None = None, days: int = UPCOMING_DAYS) -> list[EventRow]:
    """Overdue events first (oldest deadline first), then those starting or due in the next ``days``."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=days)
    overdue = sorted((r for r in rows if r.status == "overdue"), key=lambda r: r.end or today)
    soon = [r for r in rows if r.status in ("planned", "in_progress") and (
        (r.end is not None and today <= r.end <= horizon) or (r.start is not None and today <= r.start <= horizon))]
    soon.sort(key=lambda r: min(d for d in (r.start, r.end) if d is not None and d >= today))
    return overdue + soon


def _event(event_id: int) -> RoadmapEvent:
    event = RoadmapEvent.get_or_none(RoadmapEvent.id == event_id)
    if event is None:
        raise CuratorError(f"Мероприятие № {event_id} не найдено в дорожной карте.")
    return event


def mark_done(event_id: int, done_on: dt.date | None = None) -> None:
    event = _event(event_id)
    done_on = done_on or dt.date.today()
    with database.atomic():
        event.status, event.done_on = "done", done_on
        event.save()
        audit.log("done", "roadmap_event", event.id, f"Мероприятие «{event.title[:80]}» выполнено {done_on:%d.%m.%Y}")


def set_status(event_id: int, status: str) -> None:
    if status not in STORED_STATUSES:
        raise CuratorError(f"Статус «{status}» не подходит: {', '.join(STORED_STATUSES)}.")
    event = _event(event_id)
    with database.atomic():
        event.status = status
        if status != "done":
            event.done_on = None
        elif event.done_on is None:
            event.done_on = dt.date.today()
        event.save()
        audit.log("status", "roadmap_event", event.id,
                  f"Мероприятие «{event.title[:80]}»: {EVENT_STATUS_LABELS[status].lower()}")


def update_event(event_id: int, *, title: str, number: str = "", result: str = "", document: str = "",
                 responsible: str = "", period_text: str = "", notes: str = "", status: str | None = None,
                 done_on: dt.date | None = None) -> RoadmapEvent:
    """Save an edited event in one transaction; the period is read again from its text with the
    roadmap's year. ``status`` (a stored one) and ``done_on`` change only when given."""
    if not title.strip():
        raise CuratorError("У мероприятия должно быть название.")
    if status is not None and status not in STORED_STATUSES:
        raise CuratorError(f"Статус «{status}» не подходит: {', '.join(STORED_STATUSES)}.")
    from .period import YearContext, parse_period

    event = _event(event_id)
    roadmap = event.roadmap
    period = parse_period(period_text, YearContext(roadmap.start_date, roadmap.end_date,
                                                   academic=bool(roadmap.academic_year)))
    with database.atomic():
        event.title, event.number = title.strip(), number.strip()
        event.result, event.document_type = result.strip() or None, document.strip() or None
        event.responsible, event.notes = responsible.strip() or None, notes.strip() or None
        if " ".join(period_text.split()) != " ".join((event.period_text or "").split()):
            # only a changed period is read again: the dates of an untouched one stay as imported
            event.period_text = period.text or None
            event.start_date, event.end_date, event.recurrence = period.start, period.end, period.recurrence
            event.period_unparsed = not period.ok
        if status is not None:
            event.status = status
            event.done_on = (done_on or event.done_on or dt.date.today()) if status == "done" else None
        event.save()
        audit.log("update", "roadmap_event", event.id, f"Изменено мероприятие «{event.title[:80]}»")
    return event


def add_evidence(event_id: int, value: str, kind: str = "link", note: str | None = None) -> EventEvidence:
    if not value.strip():
        raise CuratorError("Укажите файл или ссылку, подтверждающие выполнение.")
    event = _event(event_id)
    with database.atomic():
        item = EventEvidence.create(event=event, kind=kind, value=value.strip(), note=note)
        audit.log("evidence", "roadmap_event", event.id, f"Подтверждение к «{event.title[:80]}»: {value.strip()}")
    return item


def delete_roadmap(roadmap_id: int) -> None:
    roadmap = get_roadmap(roadmap_id)
    with database.atomic():
        title = roadmap.title
        roadmap.delete_instance(recursive=True)
        audit.log("delete", "roadmap", roadmap_id, f"Удалена дорожная карта «{title}»")
