"""The house style of printed documents (ГОСТ Р 7.0.97-2016 as schools print it), shared by every PDF:
the bundled PT Serif/PT Sans embedded (reportlab's own fonts have no Cyrillic), A4 with margins
20 mm left, 10 mm right, 20 mm top and bottom, 14 pt serif body, page numbers from page 2 centred at
the top, and an atomic write. Paragraphs hyphenate Russian words (``lang.hyphen``): a word breaks only
with a hyphen, and justified lines do not open rivers of white space.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from curator_app.files import atomic_path
from curator_app.lang.hyphen import split_pairs
from curator_app.paths import resource

SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC = "PTSerif", "PTSerif-Bold", "PTSerif-Italic", "PTSerif-BoldItalic"
SANS, SANS_BOLD = "PTSans", "PTSans-Bold"
MARGINS = {"leftMargin": 20 * mm, "rightMargin": 10 * mm, "topMargin": 20 * mm, "bottomMargin": 20 * mm}
_registered = False


def register_fonts() -> None:
    """Register the bundled fonts with reportlab once; ``<b>``/``<i>`` in paragraphs map to their faces."""
    global _registered
    if _registered:
        return
    files = {SERIF: "PTSerif-Regular.ttf", SERIF_BOLD: "PTSerif-Bold.ttf", SERIF_ITALIC: "PTSerif-Italic.ttf",
             SERIF_BOLD_ITALIC: "PTSerif-BoldItalic.ttf", SANS: "PTSans-Regular.ttf", SANS_BOLD: "PTSans-Bold.ttf"}
    for name, file in files.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    # baseFontFor: canvases and reportlab.graphics charts start in PT Serif, not Helvetica (no Cyrillic).
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                  boldItalic=SERIF_BOLD_ITALIC, baseFontFor="canvas graphics")
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)
    _russian_quotes_in_hyphenation()
    rl_config.useA85 = 0  # binary page streams: ASCII85 in pure Python took a tenth of a big document's time
    _registered = True


def _russian_quotes_in_hyphenation() -> None:
    """reportlab strips only Western quotes and brackets around a word before it hyphenates it, so
    «специалиста?» stayed whole and its line was stretched into a river: add «», „“ and the dash."""
    import re

    from reportlab.platypus import paragraph

    paragraph._hy_pfx_pat = re.compile("^['\"([{\xbf\u2018\u201a\u201c\u201e\u00ab]+")
    paragraph._hy_sfx_pat = re.compile("[]'\")}?!.,;:\u2019\u201b\u201d\u201f\u00bb]+$")


# Body paragraph styles hyphenate (titles and headings keep whole words): reportlab calls ``split_pairs`` for a word that does not fit the line.
HYPHENATION: dict[str, Any] = {"hyphenationLang": split_pairs, "embeddedHyphenation": 1,
                               "hyphenationMinWordLength": 4}
_WHOLE_WORDS: dict[str, Any] = {"hyphenationLang": "", "embeddedHyphenation": 0}  # titles and headings


def styles(size: float = 14) -> dict[str, ParagraphStyle]:
    """Paragraph styles of the body size ``size`` (14 pt by default; 12 for dense tables)."""
    register_fonts()
    leading = size * 1.2
    body = ParagraphStyle("body", fontName=SERIF, fontSize=size, leading=leading, alignment=TA_JUSTIFY,
                          firstLineIndent=12.5 * mm, **HYPHENATION)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        "center": ParagraphStyle("center", parent=body, firstLineIndent=0, alignment=TA_CENTER, **_WHOLE_WORDS),
        "title": ParagraphStyle("title", parent=body, fontName=SERIF_BOLD, firstLineIndent=0, alignment=TA_CENTER,
                                fontSize=size + 2, leading=(size + 2) * 1.2, spaceAfter=6, **_WHOLE_WORDS),
        "heading": ParagraphStyle("heading", parent=body, fontName=SERIF_BOLD, firstLineIndent=0,
                                  alignment=TA_LEFT, spaceBefore=6, spaceAfter=3, **_WHOLE_WORDS),
        "cell": ParagraphStyle("cell", parent=body, fontSize=size - 2, leading=(size - 2) * 1.15,
                               firstLineIndent=0, alignment=TA_LEFT),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=SERIF_BOLD, fontSize=size - 2,
                                    leading=(size - 2) * 1.15, firstLineIndent=0, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=body, fontSize=size - 4, leading=(size - 4) * 1.2,
                                firstLineIndent=0, alignment=TA_LEFT),
    }


def _page_number(canvas: Canvas, doc: Any) -> None:
    if doc.page >= 2:
        canvas.saveState()
        canvas.setFont(SERIF, 12)
        width, height = doc.pagesize
        canvas.drawCentredString(width / 2, height - 12 * mm, str(doc.page))
        canvas.restoreState()


class _Document(SimpleDocTemplate):  # type: ignore[misc]
    """A page template that can also draw after a page's content (``on_page_end``): a running footer whose
    text a flowable on that page has just set."""

    on_page_end: Any = None

    def afterPage(self) -> None:  # noqa: N802 (reportlab's name)
        if self.on_page_end:
            self.on_page_end(self.canv, self)


def build_pdf(path: str | Path, story: Sequence[Flowable], *, title: str, landscape_pages: bool = False,
              page_numbers: bool = True, on_page: Any = None, on_page_end: Any = None,
              invariant: bool = False) -> Path:
    """Lay out ``story`` on A4 in the house margins and write it atomically to ``path``.

    ``on_page(canvas, doc)`` draws extra decoration on every page (a frame for letters of thanks);
    ``on_page_end(canvas, doc)`` draws after the page's content. ``invariant``: no creation time or random
    id in the file, so the same content gives the same bytes (a registered document saved again).
    """
    register_fonts()
    size = landscape(A4) if landscape_pages else A4

    def decorate(canvas: Canvas, doc: Any) -> None:
        if on_page:
            on_page(canvas, doc)
        if page_numbers:
            _page_number(canvas, doc)

    with atomic_path(path) as temp:
        # The canvas starts in Helvetica unless told otherwise, and pdffonts would list it as not embedded.
        doc = _Document(str(temp), pagesize=size, title=title, author="Куратор наставничества",
                        initialFontName=SERIF, initialFontSize=14, invariant=1 if invariant else 0, **MARGINS)
        doc.on_page_end = on_page_end
        doc.build(list(story), onFirstPage=decorate, onLaterPages=decorate)
    return Path(path)
