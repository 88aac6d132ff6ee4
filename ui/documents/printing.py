"""Printing a document: its PDF pages rasterised at the printer's resolution and painted page by page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from curator_app.errors import CuratorError

from .pdf_pages import render_pages


def print_dpi(printer: QPrinter) -> int:
    return max(150, min(300, printer.resolution()))


def rasterise(pdf: Path, dpi: int) -> list[QImage]:
    """All pages (worker thread)."""
    images = render_pages(pdf, dpi)
    if not images:
        raise CuratorError("Не удалось подготовить страницы к печати: нет средства для отрисовки PDF "
                           "(pypdfium2 или pdftoppm). Сохраните документ в PDF и напечатайте его из программы "
                           "просмотра PDF.")
    return images


def paint(printer: QPrinter, images: list[QImage], landscape: bool) -> None:
    """Paint ``images`` on ``printer``, one per sheet, fitted to the paper keeping proportions (UI thread)."""
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise CuratorError("Принтер не готов к печати.")
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2,
                           area.y() + (area.height() - size.height()) // 2, size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
