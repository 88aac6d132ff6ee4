"""Printing a document: its PDF pages rasterised at the printer's resolution and painted sheet by sheet.

Runs on a worker thread (Qt allows a QPainter on a QPrinter outside the GUI thread) and holds only a few
pages in memory at a time: 500 memos at 300 dpi would not fit otherwise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from curator_app.errors import CuratorError

from .pdf_pages import page_count, render_pages, renderer

CHUNK = 8  # pages rasterised at once


def print_dpi(printer: QPrinter) -> int:
    return max(150, min(300, printer.resolution()))


def print_pdf(printer: QPrinter, pdf: Path, landscape: bool) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages. Safe off the UI thread."""
    if renderer() is None:
        raise CuratorError("Не удалось подготовить страницы к печати: нет средства для отрисовки PDF "
                           "(pypdfium2 или pdftoppm). Сохраните документ в PDF и напечатайте его из программы "
                           "просмотра PDF.")
    total = page_count(pdf)
    dpi = print_dpi(printer)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise CuratorError("Принтер не готов к печати: проверьте, что он включён и выбран в окне печати.")
    printed = 0
    try:
        for first in range(1, total + 1, CHUNK):
            for image in render_pages(pdf, dpi, first, min(total, first + CHUNK - 1)):
                if printed:
                    printer.newPage()
                _draw(painter, image)
                printed += 1
    finally:
        painter.end()
    return printed


def _draw(painter: QPainter, image: QImage) -> None:
    """The page fitted to the sheet, proportions kept, centred."""
    area = painter.viewport()
    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2,
                   size.width(), size.height())
    painter.drawImage(target, image)
