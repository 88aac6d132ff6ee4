"""Letters of thanks to mentors: landscape A4 in a double frame, the mentor addressed in the dative and as
«Вы»; a pupil mentor's sheet is a diploma (грамота), as in the reward order. A place for the seal (М.П.)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Indenter,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from curator_app.lang.declension import CaseName, Name
from curator_app.lang.fmt import date_long
from curator_app.lang.words import NBSP, gendered, with_count
from curator_app.pdf import SERIF, build_pdf
from curator_app.settings import SchoolSettings

from .data import PairInfo, PersonInfo, lower_first
from .pdf_render import markup, para_style
from .reward import mentor_named

NAVY = colors.HexColor("#1f3a5f")
GOLD = colors.HexColor("#b08d3c")
_FRAME = (247 * mm, 160 * mm)


def draw_frame(canvas: Canvas, doc: Any) -> None:
    """A navy outer line, a gold inner line and small diamonds in the corners."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(3)
    canvas.rect(8 * mm, 8 * mm, width - 16 * mm, height - 16 * mm)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1)
    canvas.rect(11 * mm, 11 * mm, width - 22 * mm, height - 22 * mm)
    canvas.setFillColor(GOLD)
    for x, y in ((11 * mm, 11 * mm), (width - 11 * mm, 11 * mm), (11 * mm, height - 11 * mm),
                 (width - 11 * mm, height - 11 * mm)):
        path = canvas.beginPath()
        path.moveTo(x, y - 3 * mm)
        path.lineTo(x + 3 * mm, y)
        path.lineTo(x, y + 3 * mm)
        path.lineTo(x - 3 * mm, y)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class _Centred(Flowable):  # type: ignore[misc]
    """Takes the whole frame and draws its content in the middle of it, vertically."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content
        self._size = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._size = self.content.wrapOn(self.canv, avail_width, avail_height)
        self._avail = avail_height
        return avail_width, avail_height - 1

    def draw(self) -> None:
        offset = max(0.0, (self._avail - 1 - self._size[1]) / 2)
        self.content.drawOn(self.canv, 0, offset)


def _mentees_dative(mentees: list[PersonInfo]) -> str:
    """«четырём наставляемым», «12 наставляемым»; one to three by name, in the right gender:
    «наставляемой Ивановой Марии (7Б)»."""
    if len(mentees) > 3:
        return with_count(len(mentees), "наставляемым", "dat")
    names = [m.name.declined("dat") + (f"{NBSP}({m.grade})" if m.grade else "") for m in mentees]
    if len(names) == 1:
        return f"{gendered('наставляемый', mentees[0].name.gender, 'dat')} {names[0]}"
    return f"наставляемым {', '.join(names[:-1])} и {names[-1]}"


def letter_flowables(school: SchoolSettings, mentor: PersonInfo, pairs: list[PairInfo],
                     day: dt.date) -> list[Flowable]:
    mentees = [m for p in pairs for m in p.mentees]
    forms = sorted({p.form for p in pairs})
    director = Name.parse(school.director_name) if school.director_name else None
    kinds = ", ".join(f"«{lower_first(f)}»" for f in forms)
    pupil = mentor.category == "pupil"  # a pupil receives a diploma, as the reward order says (грамота)
    case: CaseName = "nom" if pupil else "dat"
    addressee = mentor_named(mentor, case)
    name = mentor.name.declined(case)
    rest = addressee[len(name):].lstrip(", ")
    if pupil:
        heading, intro = "ГРАМОТА", f"Администрация {school.short_name or 'школы'} награждает грамотой"
        text = (f"за успешное наставничество в форме {kinds} в {school.academic_year} учебном году, за внимание, "
                f"терпение и помощь, оказанную {_mentees_dative(mentees)}.")
        name, rest = mentor.name.declined("acc"), mentor_named(mentor, "acc")[len(mentor.name.declined("acc")):]
        rest = rest.lstrip(", ")
    else:
        heading, intro = "БЛАГОДАРСТВЕННОЕ ПИСЬМО", (f"Администрация {school.short_name or 'школы'} выражает "
                                                     "искреннюю благодарность")
        text = (f"за активное участие в реализации программы наставничества в форме {kinds} "
                f"в {school.academic_year} учебном году, за внимание, терпение и поддержку, которые Вы подарили "
                f"{_mentees_dative(mentees)}.")
    sign = Table([[Paragraph(markup(school.director_position or "Директор"), para_style(14, "left", False, False)),
                   Paragraph(markup(f"________________  {director.signature if director else ''}"),
                             para_style(14, "right", False, False))],
                  [Paragraph("М.П.", para_style(12, "left", False, False)), ""]],
                 colWidths=[120 * mm, 120 * mm])
    sign.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("LEFTPADDING", (0, 1), (0, 1), 30 * mm), ("TOPPADDING", (0, 1), (-1, 1), 6),
                              ("FONTNAME", (0, 0), (-1, -1), SERIF)]))
    title = para_style(30, "center", True, False, 6)
    story: list[Flowable] = [
        Paragraph(markup(school.full_name or school.short_name), para_style(12, "center", False, False)),
        Spacer(1, 10 * mm),
        Paragraph(f'<font color="#1f3a5f">{heading}</font>', title),
        Spacer(1, 6 * mm),
        Paragraph(markup(intro), para_style(16, "center", False, False, 6)),
        Paragraph(f"<i>{markup(name)}</i>", para_style(24, "center", True, False, 4)),
    ]
    if rest:
        story.append(Paragraph(markup(rest), para_style(14, "center", False, False, 4)))
    story += [Spacer(1, 4 * mm), Paragraph(markup(text), para_style(15, "center", False, False)),
              Spacer(1, 14 * mm), sign, Spacer(1, 6 * mm),
              Paragraph(markup(", ".join(p for p in (school.city, date_long(day)) if p)),
                        para_style(12, "center", False, False))]
    return story


def mentors_of(pairs: list[PairInfo]) -> list[tuple[PersonInfo, list[PairInfo]]]:
    """Each mentor once, with their pairs, in the order of ``pairs``."""
    grouped: dict[int, tuple[PersonInfo, list[PairInfo]]] = {}
    for pair in pairs:
        grouped.setdefault(pair.mentor.id, (pair.mentor, []))[1].append(pair)
    return sorted(grouped.values(), key=lambda item: item[0].sort_key)  # «ё» as «е»: Фёдорова before Фролова


def write_letters(school: SchoolSettings, pairs: list[PairInfo], path: str | Path,
                  day: dt.date | None = None) -> tuple[Path, int]:
    """One landscape page per mentor; returns the file and the number of letters."""
    day = day or dt.date.today()
    story: list[Flowable] = [Indenter(left=10 * mm, right=0)]
    mentors = mentors_of(pairs)
    for index, (mentor, their_pairs) in enumerate(mentors):
        if index:
            story.append(PageBreak())
        story.append(_Centred(KeepInFrame(*_FRAME, letter_flowables(school, mentor, their_pairs, day),
                                          mode="shrink")))
    return build_pdf(path, story, title="Благодарственные письма наставникам", landscape_pages=True,
                     page_numbers=False, on_page=draw_frame), len(mentors)
