"""Text copied out of the seeds' PDFs, one cell per line: the rows are rebuilt with the same events,
sections and dates as the clean text has. Where a copy has lost the table's order (poppler's reading
order interleaves the columns), the text is refused with a plain message, never read wrong."""

from __future__ import annotations

import pytest

from curator_app.errors import CuratorError
from curator_app.roadmap.sources import parse_text
from curator_app.roadmap.table import ParsedRoadmap

from .conftest import SEED_NAMES, Material


def _bare(text: str) -> str:
    return "".join(text.split())


def _same_events(clean: ParsedRoadmap, got: ParsedRoadmap) -> list[str]:
    out = []
    if (got.title, got.ctx) != (clean.title, clean.ctx):
        out.append(f"заголовок {got.title!r} {got.ctx}")
    if [(s.number, s.title) for s in got.sections] != [(s.number, s.title) for s in clean.sections]:
        out.append(f"разделы {[(s.number, s.title) for s in got.sections]}")
    want = [(e.section, e.number, e.period.start, e.period.end, e.period.recurrence, e.period.ok) for e in clean.events]
    have = [(e.section, e.number, e.period.start, e.period.end, e.period.recurrence, e.period.ok) for e in got.events]
    out += [f"ожидалось {w}, вышло {h}" for w, h in zip(want, have, strict=False) if w != h]
    if len(want) != len(have):
        out.append(f"мероприятий {len(have)} вместо {len(want)}")
    for a, b in zip(clean.events, got.events, strict=False):
        if not _bare(b.title).startswith(_bare(a.title)[:40]):
            out.append(f"№ {a.number}: название «{b.title[:60]}…»")
    return out


@pytest.mark.parametrize("kind", ["raw", "browser"])
@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_copied_from_pdf(pdfs: Material, copies: dict[tuple[str, str], str], name: str, kind: str) -> None:
    assert _same_events(pdfs.clean[name], parse_text(copies[(name, kind)])) == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_reading_order_copy_is_rebuilt_right_or_refused(pdfs: Material, copies: dict[tuple[str, str], str],
                                                        name: str) -> None:
    try:
        parsed = parse_text(copies[(name, "reading")])
    except CuratorError as error:
        assert "таблица потеряла столбцы при копировании" in str(error)
        assert "загрузите сам PDF- или Word-файл" in str(error)
        return
    assert _same_events(pdfs.clean[name], parsed) == []


@pytest.mark.parametrize("kind", ["raw", "browser"])
def test_municipal_copy_page_header_page_numbers_column_numbers(pdfs: Material, copies: dict[tuple[str, str], str],
                                                                kind: str) -> None:
    from .synthetic import MUNICIPAL_DOCX_NAME, MUNICIPAL_TITLE, PAGE_HEADER, municipal_events

    parsed = parse_text(copies[(MUNICIPAL_DOCX_NAME, kind)])
    assert parsed.title == MUNICIPAL_TITLE
    assert [s.number for s in parsed.sections] == ["I.", "II.", "III."]
    got = [(e.section, e.number, e.period.start, e.period.end, e.period.recurrence) for e in parsed.events]
    assert got == [(s, n, a, b, r) for s, n, _, a, b, r in municipal_events()]
    texts = " ".join(f"{e.title} {e.responsible} {e.result} {e.document}" for e in parsed.events)
    assert PAGE_HEADER not in texts and "Приложение" not in texts
