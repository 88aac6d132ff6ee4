"""Printable blank questionnaires: one per respondent of a wave with their name, or unnamed copies of the
current templates. Boxes to tick for yes/no, the 1–10 scale and choices; lines for numbers and open text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from curator_app.errors import CuratorError
from curator_app.models import Question, Questionnaire
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


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


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
          school_name: str) -> list[Flowable]:
    st = styles(12)
    story: list[Flowable] = []
    if school_name:
        story.append(_p(school_name, styles(10)["center"]))
        story.append(Spacer(1, 3 * mm))
    story.append(_p(questionnaire.title.upper(), st["title"]))
    if wave_title:
        story.append(_p(wave_title, st["center"]))
    story.append(Spacer(1, 3 * mm))
    if respondent:
        who = f"{respondent.name} — {ROLE_LABELS.get(respondent.role, respondent.role).lower()}, {respondent.form_name}"
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
    story.append(_p(f"Анкета «{questionnaire.code}», версия {questionnaire.version}. Спасибо за ответы!",
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
        for respondent in people:
            if story:
                story.append(PageBreak())
            story += _form(questionnaires[respondent.questionnaire_id], respondent, wave.title, name)
            count += 1
        title = f"Анкеты: {wave.title}"
    else:
        for questionnaire in current_questionnaires():
            if story:
                story.append(PageBreak())
            story += _form(questionnaire, None, None, name)
            count += 1
        title = "Бланки анкет мониторинга"
    build_pdf(path, story, title=title, page_numbers=False)
    return count
