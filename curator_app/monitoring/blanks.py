"""Printable blank questionnaires: one per respondent of a wave with their name, or unnamed copies of the
current templates. Boxes to tick for yes/no, the 1–10 scale and choices; lines for numbers and open text,
and for «другое». Every sheet carries the person's name, the questionnaire and the wave at its foot, so a
sheet that comes loose is still matched; the role agrees with the person («наставляемая»). Russian only:
the questionnaire is named by its title, never by its code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from curator_app.errors import CuratorError
from curator_app.lang.words import gendered
from curator_app.models import Person, Question, Questionnaire
from curator_app.pdf import SERIF, build_pdf, styles
from curator_app.settings import load_school

from .questionnaires import ROLE_LABELS, current_questionnaires, questions_of
from .waves import Respondent, get_wave, roster


class CheckOptions(Flowable):  # type: ignore[misc]
    """Options with an empty square before each, wrapped over lines (the fonts have no ballot-box glyph)."""

    def __init__(self, labels: list[str], hint: str = "", size: float = 12) -> None:
        super().__init__()
        self.labels, self.hint, self.size = labels, hint, size
        self._lines: list[list[tuple[float, str]]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        line: list[tuple[float, str]] = []
        self._lines, x = [], 0.0
        for label in self.labels:
            if is_other(label):  # «другое» gets a line of its own with room to write
                label = f"{label.rstrip(': ')}: " + "_" * 40
            width = self.size + 4 + stringWidth(label, SERIF, self.size) + 14
            if line and x + width > avail_width:
                self._lines.append(line)
                line, x = [], 0.0
            line.append((x, label))
            x += width
        self._lines.append(line)
        self.width = avail_width
        self.height = len(self._lines) * self.size * 1.5 + (self.size if self.hint else 0)
        return avail_width, self.height

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        y = self.height - size * 1.2
        for line in self._lines:
            for x, label in line:
                canvas.rect(x, y - 1, size * 0.8, size * 0.8, stroke=1, fill=0)
                canvas.setFont(SERIF, size)
                canvas.drawString(x + size + 2, y, label)
            y -= size * 1.5
        if self.hint:
            canvas.setFont(SERIF, size - 3)
            canvas.setFillColor(colors.HexColor("#666666"))
            canvas.drawString(0, y + size * 0.4, self.hint)


def is_other(label: str) -> bool:
    return label.strip().lower().rstrip(":. ").startswith(("другое", "иное", "другой вариант"))


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


class SheetOwner(Flowable):  # type: ignore[misc]
    """Takes no room; from the page it is drawn on, every sheet's foot names whose questionnaire it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._curator_owner = self.text  # noqa: SLF001 (read by the page's foot, drawn after the page)
        self.canv._curator_sheet = 0


def sheet_foot(canvas: Any, doc: Any) -> None:
    """«Иванова Мария Петровна · Анкета наставляемого · Входная волна — лист 2» at the foot of every page."""
    text = getattr(canvas, "_curator_owner", "")
    if not text:
        return
    canvas._curator_sheet = getattr(canvas, "_curator_sheet", 0) + 1
    canvas.saveState()
    canvas.setFont(SERIF, 8.5)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(20 * mm, 10 * mm, f"{text} — лист {canvas._curator_sheet}")
    canvas.restoreState()


def _answer_area(question: Question, st: dict[str, Any]) -> Flowable:
    kind = question.kind
    if kind == "scale":
        lo, hi = int(question.min_value or 1), int(question.max_value or 10)
        cells = [[str(v) for v in range(lo, hi + 1)]]
        table = Table(cells, colWidths=[11 * mm] * len(cells[0]), rowHeights=[8 * mm])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTSIZE", (0, 0), (-1, -1), 10),
                                   ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor("#555555"))]))
        table.hAlign = "LEFT"
        return table
    if kind == "yes_no":
        return CheckOptions(["да", "нет"])
    if kind in ("single", "multi"):
        hint = "отметьте один вариант" if kind == "single" else "можно отметить несколько вариантов"
        return CheckOptions([str(o) for o in question.options or []], hint)
    if kind == "number":
        return _p("Число: ____________", st["plain"])
    return Paragraph("<br/>".join(["_" * 78] * 3), st["plain"])


def _form(questionnaire: Questionnaire, respondent: Respondent | None, wave_title: str | None,
          school_name: str, gender: str | None = None) -> list[Flowable]:
    st = styles(12)
    owner = " · ".join(p for p in (respondent.name if respondent else "Фамилия, имя: ____________________",
                                   questionnaire.title, wave_title or "") if p)
    story: list[Flowable] = [SheetOwner(owner)]
    if school_name:
        story.append(_p(school_name, styles(10)["center"]))
        story.append(Spacer(1, 3 * mm))
    story.append(_p(questionnaire.title.upper(), st["title"]))
    if wave_title:
        story.append(_p(wave_title, st["center"]))
    story.append(Spacer(1, 3 * mm))
    if respondent:
        role = gendered(ROLE_LABELS.get(respondent.role, respondent.role).lower(), gender)
        who = f"{respondent.name} — {role}, {respondent.form_name.lower()}"
        story.append(_p(f"Участник: {who}", st["plain"]))
    else:
        story.append(_p("Фамилия, имя: ______________________________________________", st["plain"]))
    story.append(_p("Дата заполнения: «____» ______________ 20___ г.", st["plain"]))
    story.append(Spacer(1, 2 * mm))
    story.append(_p("Отметьте ответ галочкой в квадрате или обведите цифру: 1 — совсем нет, 10 — полностью да.", styles(10)["plain"]))
    story.append(Spacer(1, 3 * mm))
    for number, question in enumerate(questions_of(questionnaire.id), start=1):
        story.append(KeepTogether([_p(f"{number}. {question.text}", st["plain"]), Spacer(1, 1.5 * mm),
                                   _answer_area(question, st), Spacer(1, 4 * mm)]))
    story.append(_p(f"«{questionnaire.title}», версия {questionnaire.version}. Спасибо за ответы!",
                    styles(9)["plain"]))
    return story


def build_blanks(path: str | Path, wave_id: int | None = None, *, only_unanswered: bool = False) -> int:
    """Write the blanks to ``path``; returns how many questionnaires were printed.

    With a wave: one named copy per respondent (``only_unanswered`` skips those who answered).
    Without: one unnamed copy of each current template.
    """
    school = load_school()
    name = school.short_name or school.full_name
    story: list[Flowable] = []
    count = 0
    if wave_id is not None:
        wave = get_wave(wave_id)
        people = [r for r in roster(wave_id) if not (only_unanswered and r.answered)]
        if not people:
            raise CuratorError(f"В волне «{wave.title}» некому печатать анкеты: нет участников пар с действующим "
                               "согласием" + (" или все уже ответили." if only_unanswered else "."))
        questionnaires = {q.id: q for q in Questionnaire.select().where(
            Questionnaire.id.in_({r.questionnaire_id for r in people}))}
        genders = _genders([r.person_id for r in people])
        for respondent in people:
            if story:
                story.append(PageBreak())
            story += _form(questionnaires[respondent.questionnaire_id], respondent, wave.title, name,
                           genders.get(respondent.person_id))
            count += 1
        title = f"Анкеты: {wave.title}"
    else:
        for questionnaire in current_questionnaires():
            if story:
                story.append(PageBreak())
            story += _form(questionnaire, None, None, name)
            count += 1
        title = "Бланки анкет мониторинга"
    build_pdf(path, story, title=title, page_numbers=False, on_page_end=sheet_foot)
    return count


def _genders(person_ids: list[int]) -> dict[int, str | None]:
    """Each respondent's gender, from the card or, when not recorded, from the name."""
    from curator_app.lang.declension import detect_gender

    rows: Any = (Person.select(Person.id, Person.gender, Person.last_name, Person.first_name, Person.middle_name)
                 .where(Person.id.in_(person_ids)).tuples())
    return {pid: gender if gender in ("m", "f") else detect_gender(last, first, middle or "")
            for pid, gender, last, first, middle in rows}
