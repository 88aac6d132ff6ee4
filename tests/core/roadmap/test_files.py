"""The seeds and a municipal roadmap as a curator gets them in files: a Word document with the title in
paragraphs above the table, and the same saved as PDF. Each must read as its clean text does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from curator_app.errors import CuratorError
from curator_app.roadmap.sources import parse_file

from . import material
from .compare import differences
from .conftest import SEED_NAMES, Material
from .synthetic import MUNICIPAL_DOCX_NAME, MUNICIPAL_TITLE, PAGE_HEADER, municipal_events

D = dt.date


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_from_word(docs: Material, name: str) -> None:
    assert differences(docs.clean[name], parse_file(docs.docx(name))) == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_from_pdf(pdfs: Material, name: str) -> None:
    assert differences(docs_clean := pdfs.clean[name], parse_file(pdfs.pdf(name))) == [], docs_clean.title


def test_seed_pdf_looks_like_a_roadmap(pdfs: Material, tmp_path: Path) -> None:
    """The material is what a school publishes: landscape pages, the header on each page, a split row."""
    import pdfplumber

    split = 0
    with pdfplumber.open(str(pdfs.pdf("roadmap_school_chita_2022"))) as pdf:
        assert len(pdf.pages) >= 3
        assert all(page.width > page.height for page in pdf.pages)
        for page in pdf.pages[1:]:
            rows = page.find_tables()[0].extract()
            assert rows[0][0] == "№/№" and rows[1][1] == "Мероприятие"
            split += rows[2][0] == ""  # the page starts with the rest of a row begun on the page before
    assert split >= 2


def _municipal_checks(parsed: object, exact_titles: bool = True) -> None:
    from curator_app.roadmap.table import ParsedRoadmap

    assert isinstance(parsed, ParsedRoadmap)
    assert parsed.title == MUNICIPAL_TITLE
    assert (parsed.ctx.start, parsed.ctx.end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert [(s.number, s.title) for s in parsed.sections] == [
        ("I.", "Организационный этап"), ("II.", "Основной этап"), ("III.", "Заключительный этап")]
    got = [(e.section, e.number, " ".join(e.title.split()), e.period.start, e.period.end, e.period.recurrence)
           for e in parsed.events]
    if not exact_titles:  # rebuilt from a copy: the title must begin right, a stray line may follow it
        want = municipal_events()
        assert all(g[2].startswith(w[2]) for g, w in zip(got, want, strict=True))
        got = [(s, n, w[2], a, b, r) for (s, n, _, a, b, r), w in zip(got, want, strict=True)]
    assert got == municipal_events()
    # under a Roman stage, «1. Разработка …» with no period is an event, flagged, not a section
    assert parsed.problems == [(0, "№ 1. «Разработка и утверждение муниципальной дорожной к…»: срок не указан")]
    texts = " ".join(f"{e.number} {e.title} {e.responsible} {e.result}" for e in parsed.events)
    assert PAGE_HEADER not in texts and "Приложение" not in texts


def test_municipal_from_word_title_in_paragraphs_above(docs: Material) -> None:
    _municipal_checks(parse_file(docs.docx(MUNICIPAL_DOCX_NAME)))


def test_municipal_from_pdf_page_header_page_numbers_column_numbers(pdfs: Material) -> None:
    _municipal_checks(parse_file(pdfs.pdf(MUNICIPAL_DOCX_NAME)))


def test_pdf_table_without_ruling_lines_is_read_as_its_copied_text(pdfs: Material) -> None:
    parsed = parse_file(pdfs.pdf(f"{MUNICIPAL_DOCX_NAME}_borderless"))
    assert "строки восстановлены по заголовку" in parsed.note
    _municipal_checks(parsed, exact_titles=False)


def test_scanned_pdf_is_refused_with_a_reason(pdfs: Material, tmp_path: Path) -> None:
    scan = material.image_only_pdf(pdfs.pdf("roadmap_teachers_tula_2022"), tmp_path / "скан.pdf")
    with pytest.raises(CuratorError, match="нет текста — похоже, это скан"):
        parse_file(scan)


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "карта.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(CuratorError, match="не читается как PDF"):
        parse_file(broken)


def test_cli_imports_a_pdf(pdfs: Material, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.cli import main

    assert main(["--db", str(db), "import", "roadmap", str(pdfs.pdf("roadmap_school_chita_2022"))]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["saved"], result["sections"], result["events"]) == (True, 7, 14)
    assert result["start"] == "2022-01-01" and result["end"] == "2024-12-31"
