"""The shared PDF house style embeds Cyrillic fonts; atomic writes leave nothing half-written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.platypus import PageBreak, Paragraph

from curator_app.errors import CuratorError
from curator_app.files import atomic_path
from curator_app.pdf import build_pdf, styles


def test_pdf_has_embedded_cyrillic_fonts(tmp_path: Path) -> None:
    s = styles()
    out = build_pdf(tmp_path / "doc.pdf", [Paragraph("ПРИКАЗ", s["title"]), Paragraph("О закреплении пар", s["body"]),
                                           PageBreak(), Paragraph("Вторая страница", s["body"])], title="Проба")
    assert out.read_bytes().startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("нет pdftotext (poppler-utils)")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "ПРИКАЗ" in text and "О закреплении пар" in text and "\x0c2\n" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "PTSerif" in fonts and "Helvetica" not in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # emb column


def test_atomic_path_keeps_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("старое", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_text("полови", encoding="utf-8")
        raise RuntimeError("сбой посередине")
    assert target.read_text(encoding="utf-8") == "старое"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_path_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CuratorError, match="не найдена"), atomic_path(tmp_path / "нет" / "x.pdf"):
        pass
