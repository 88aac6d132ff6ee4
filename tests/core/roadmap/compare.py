"""What «the same roadmap» means across a document's forms: the same title and period, the same
sections, and event by event the same number, section, title and dates. Text is compared without its
whitespace: where a line wrapped is not kept by a PDF (a break after «-» may or may not have had a space),
and a period's paragraph breaks («Октябрь; дополнительно …») are not either — its dates are compared."""

from __future__ import annotations

from typing import Any

from curator_app.roadmap.table import ParsedRoadmap


def _bare(text: str) -> str:
    return "".join(text.replace(";", " ").split())


def essence(parsed: ParsedRoadmap) -> dict[str, Any]:
    return {
        "title": " ".join(parsed.title.split()),
        "period": (parsed.ctx.start, parsed.ctx.end, parsed.ctx.academic),
        "sections": [(s.number, " ".join(s.title.split()), s.parent) for s in parsed.sections],
        "events": [(e.section, e.number, _bare(e.title), _bare(e.result), _bare(e.document), _bare(e.responsible),
                    _bare(e.description), _bare(e.period.text), e.period.start, e.period.end, e.period.recurrence,
                    e.period.ok) for e in parsed.events],
    }


def differences(expected: ParsedRoadmap, got: ParsedRoadmap) -> list[str]:
    """Human-readable differences, empty when the two are the same roadmap."""
    a, b = essence(expected), essence(got)
    out = [f"{key}: {a[key]!r} != {b[key]!r}" for key in ("title", "period", "sections") if a[key] != b[key]]
    if len(a["events"]) != len(b["events"]):
        out.append(f"мероприятий {len(a['events'])} != {len(b['events'])}")
    for want, have in zip(a["events"], b["events"], strict=False):
        if want != have:
            out.append(f"ожидалось {want!r}\n      вышло {have!r}")
    return out
