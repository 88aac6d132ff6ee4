"""Test material for the roadmap importers, made once per run: the three seeds written back as Word
tables, the same saved as PDF by LibreOffice (one run for all files), and the text copied out of those
PDFs. Tests that need LibreOffice are skipped, with the reason, where it is not installed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from curator_app.roadmap.sources import parse_file
from curator_app.roadmap.table import ParsedRoadmap

from ...conftest import SEEDS
from . import material
from .synthetic import MUNICIPAL_DOCX_NAME, municipal_table

SEED_NAMES = ["roadmap_dod_kirov_2023", "roadmap_school_chita_2022", "roadmap_teachers_tula_2022"]


@dataclass
class Material:
    """Where each form of each roadmap lies, by name (the seed's stem or a synthetic one)."""

    folder: Path
    clean: dict[str, ParsedRoadmap]

    def docx(self, name: str) -> Path:
        return self.folder / f"{name}.docx"

    def pdf(self, name: str) -> Path:
        return self.folder / f"{name}.pdf"


@pytest.fixture(scope="session")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Material:
    """Word files: each seed from its clean parse (title above the table, landscape, the header repeated
    on every page, rows that may split), with a page header, page numbers or a row of column numbers as
    real ones have, and a municipal roadmap with Roman sections."""
    if not SEEDS.is_dir():
        pytest.skip(f"нет папки с реальными дорожными картами: {SEEDS}")
    folder = tmp_path_factory.mktemp("roadmaps")
    clean: dict[str, ParsedRoadmap] = {}
    for name in SEED_NAMES:
        seed = SEEDS / f"{name}.txt"
        clean[name] = parse_file(seed)
        table = material.seed_table(seed.read_text(encoding="utf-8-sig"), clean[name])
        if name.endswith("tula_2022"):
            table.page_header = "МБОУ «Центр образования № 40» г. Тулы"
            table.header.append([str(i + 1) for i in range(len(table.widths_cm))])
        if name.endswith("chita_2022"):
            table.page_numbers = True
        material.write_docx(table, folder / f"{name}.docx")
    material.write_docx(municipal_table(), folder / f"{MUNICIPAL_DOCX_NAME}.docx")
    borderless = municipal_table()
    borderless.borders = False
    material.write_docx(borderless, folder / f"{MUNICIPAL_DOCX_NAME}_borderless.docx")
    return Material(folder, clean)


@pytest.fixture(scope="session")
def pdfs(docs: Material) -> Material:
    """The same Word files saved as PDF by LibreOffice, in one run."""
    if material.soffice() is None:
        pytest.skip("LibreOffice (soffice) не установлен: PDF для проверки импорта сделать нечем")
    material.to_pdf(sorted(docs.folder.glob("*.docx")), docs.folder)
    return docs


COPIES = {"raw": "pdftotext -raw", "browser": "Chrome/Edge/Яндекс Браузер (PDFium)", "reading": "pdftotext"}


@pytest.fixture(scope="session")
def copies(pdfs: Material) -> dict[tuple[str, str], str]:
    """The text of each PDF as a curator copies it: in the order the file has it (``pdftotext -raw``,
    and what a Chromium browser copies), and poppler's reading order (``pdftotext``, as Evince and
    Okular copy), keyed by (name, kind)."""
    import shutil

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) не установлен")
    out: dict[tuple[str, str], str] = {}
    for pdf in sorted(pdfs.folder.glob("*.pdf")):
        out[(pdf.stem, "raw")] = material.pdftotext(pdf, "-raw")
        out[(pdf.stem, "browser")] = material.browser_copy(pdf)
        out[(pdf.stem, "reading")] = material.pdftotext(pdf)
    return out
