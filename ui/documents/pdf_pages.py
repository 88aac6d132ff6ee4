"""PDF pages as images, for the preview and for printing.

Qt's own PDF module (QtPdf) is not in PySide6-Essentials/Addons, so pages are rasterised by pypdfium2
when it is installed, else by poppler's ``pdftoppm`` (present on Linux desktops: Astra, ALT, РЕД ОС).
``renderer()`` says which one is there, so the tab can explain when neither is.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage


def renderer() -> str | None:
    """"pdfium", "pdftoppm" or None."""
    if importlib.util.find_spec("pypdfium2") is not None:
        return "pdfium"
    if shutil.which("pdftoppm"):
        return "pdftoppm"
    return None


def page_count(pdf: Path) -> int:
    """Pages in a PDF written by reportlab (its page tree has one /Count at the root)."""
    import re

    data = pdf.read_bytes()
    counts = [int(m) for m in re.findall(rb"/Count (\d+)", data)]
    return max(counts) if counts else 0


def render_pages(pdf: Path, dpi: int = 80, first: int = 1, last: int | None = None) -> list[QImage]:
    """Pages ``first``..``last`` (1-based, inclusive) of ``pdf`` as images at ``dpi``. Safe off the UI thread."""
    kind = renderer()
    if kind == "pdfium":
        return _pdfium(pdf, dpi, first, last)
    if kind == "pdftoppm":
        return _pdftoppm(pdf, dpi, first, last)
    return []


def _pdfium(pdf: Path, dpi: int, first: int, last: int | None) -> list[QImage]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        end = min(len(document), last or len(document))
        images = []
        for index in range(first - 1, end):
            bitmap = document[index].render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            images.append(QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy())
        return images
    finally:
        document.close()


def _pdftoppm(pdf: Path, dpi: int, first: int, last: int | None) -> list[QImage]:
    with tempfile.TemporaryDirectory(prefix="curator-pages-") as folder:
        args = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(first)]
        if last:
            args += ["-l", str(last)]
        subprocess.run([*args, str(pdf), str(Path(folder) / "p")], check=True, capture_output=True, timeout=300)
        return [QImage(str(path)) for path in sorted(Path(folder).glob("p-*.png"), key=_page_number)]


def _page_number(path: Path) -> int:
    return int(path.stem.rsplit("-", 1)[1])
