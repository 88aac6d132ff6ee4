"""The bundled PT Sans / PT Serif registered with Qt, so the window never depends on system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from curator_app.paths import resource

UI_FAMILY = "PT Sans"
SERIF_FAMILY = "PT Serif"


def register_fonts() -> list[str]:
    """Load every TTF of ``resources/fonts``; returns the families Qt now knows from them."""
    families: set[str] = set()
    for path in sorted(resource("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def ui_font(point_size: float = 10.0) -> QFont:
    font = QFont(UI_FAMILY)
    font.setPointSizeF(point_size)
    return font
