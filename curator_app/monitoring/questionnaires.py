"""Questionnaire templates (versioned) and the answers to them.

A template lives in ``data/questionnaires/*.json`` and is copied into the database the first time it is
needed; the curator edits it in the app, and every edit makes a new version (``previous`` points to the
old one), so a response always keeps the exact questions it answered.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from curator_app.audit import log
from curator_app.db.reference import builtin_templates, create_questions, seed_questionnaires
from curator_app.errors import CuratorError
from curator_app.models import (
    QUESTION_KINDS,
    Answer,
    Question,
    Questionnaire,
    Response,
    SurveyWave,
    WaveQuestionnaire,
    database,
)

KIND_LABELS: dict[str, str] = {
    "yes_no": "да / нет", "scale": "шкала 1–10", "single": "один вариант", "multi": "несколько вариантов",
    "number": "число", "text": "открытый ответ",
}
AUDIENCE_LABELS: dict[str, str] = {"mentee": "наставляемые", "mentor": "наставники", "curator": "куратор"}
ROLE_LABELS: dict[str, str] = {"mentee": "Наставляемый", "mentor": "Наставник", "curator": "Куратор"}


def ensure_templates() -> None:
    """Seed the templates when the database has none yet (an older database, a fresh test)."""
    if not Questionnaire.select().exists():
        seed_questionnaires()


def current_questionnaires() -> list[Questionnaire]:
    ensure_templates()
    order = {code: i for i, code in enumerate(t["code"] for t in builtin_templates())}
    rows = list(Questionnaire.select().where(Questionnaire.is_current))
    return sorted(rows, key=lambda q: (order.get(q.code, 99), q.title))


def questions_of(questionnaire_id: int) -> list[Question]:
    return list(Question.select().where(Question.questionnaire == questionnaire_id).order_by(Question.position))


def template_dict(questionnaire: Questionnaire) -> dict[str, Any]:
    """A questionnaire as the editable dictionary that :func:`save_new_version` takes back."""
    items = []
    for q in questions_of(questionnaire.id):
        item: dict[str, Any] = {"code": q.code, "kind": q.kind, "text": q.text, "required": q.required}
        if q.options:
            item["options"] = list(q.options)
        if q.kind == "number":
            item["min"], item["max"] = q.min_value, q.max_value
        items.append(item)
    return {"code": questionnaire.code, "title": questionnaire.title, "audience": questionnaire.audience,
            "description": questionnaire.description or "", "questions": items}


def validate_template(template: dict[str, Any]) -> None:
    """Raise a Russian :class:`CuratorError` naming the first bad item of an edited template."""
    if not str(template.get("title") or "").strip():
        raise CuratorError("У анкеты должно быть название.")
    items = template.get("questions") or []
    if not items:
        raise CuratorError("В анкете нет ни одного вопроса.")
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        where = f"Вопрос {number}"
        if not str(item.get("text") or "").strip():
            raise CuratorError(f"{where}: пустой текст вопроса.")
        if item.get("kind") not in QUESTION_KINDS:
            raise CuratorError(f"{where}: неизвестный вид вопроса «{item.get('kind')}».")
        code = str(item.get("code") or "").strip()
        if not code:
            raise CuratorError(f"{where}: нет кода вопроса.")
        if code in seen:
            raise CuratorError(f"{where}: код «{code}» уже есть у другого вопроса.")
        seen.add(code)
        if item["kind"] in ("single", "multi") and len([o for o in item.get("options") or [] if str(o).strip()]) < 2:
            raise CuratorError(f"{where}: для выбора нужно не меньше двух вариантов ответа.")


def save_new_version(code: str, template: dict[str, Any]) -> Questionnaire:
    """Store an edited template as the next version of ``code``; answers keep the version they answered.

    Open waves that have no answers on the old version switch to the new one.
    """
    validate_template(template)
    old = Questionnaire.get_or_none((Questionnaire.code == code) & Questionnaire.is_current)
    if old is None:
        raise CuratorError(f"Анкета «{code}» не найдена.")
    with database.atomic():
        Questionnaire.update(is_current=False).where(Questionnaire.code == code).execute()
        form_id = old.form_id  # type: ignore[attr-defined]
        new = Questionnaire.create(
            code=code, version=old.version + 1, previous=old, is_current=True, title=template["title"].strip(),
            audience=old.audience, form=form_id, description=(template.get("description") or "").strip() or None)
        create_questions(new, template["questions"])
        open_links = (WaveQuestionnaire.select(WaveQuestionnaire, SurveyWave).join(SurveyWave)
                      .where((WaveQuestionnaire.questionnaire == old.id) & ~SurveyWave.closed))
        for link in open_links:
            answered = Response.select().where((Response.wave == link.wave_id)  # type: ignore[attr-defined]
                                               & (Response.questionnaire == old.id)).exists()
            if not answered:
                link.questionnaire = new
                link.save()
        log("update", "questionnaire", new.id, f"Анкета «{new.title}»: версия {new.version}")
    return new


# ---- answers ---------------------------------------------------------------------------------------------

@dataclass
class AnswerValue:
    """A parsed answer as the database keeps it: ``number`` for yes/no, scale, number and single choice
    (option index from 0), ``text`` for open text and multi choice (a JSON list of option indexes)."""

    number: float | None = None
    text: str | None = None

    @property
    def empty(self) -> bool:
        return self.number is None and not self.text


def check_value(question: Question, value: AnswerValue) -> str | None:
    """What is wrong with ``value`` for ``question``, in Russian, or None."""
    if value.empty:
        return "нужен ответ" if question.required else None
    kind = question.kind
    if kind == "yes_no" and value.number not in (0, 1):
        return "ответ «да» или «нет»"
    if kind == "scale":
        lo, hi = question.min_value or 1, question.max_value or 10
        if value.number is None or value.number != int(value.number) or not lo <= value.number <= hi:
            return f"целое число от {int(lo)} до {int(hi)}"
    if kind == "number":
        if value.number is None:
            return "нужно число"
        if question.min_value is not None and value.number < question.min_value:
            return f"число не меньше {question.min_value:g}"
        if question.max_value is not None and value.number > question.max_value:
            return f"число не больше {question.max_value:g}"
    if kind == "single" and (value.number is None or not 0 <= value.number < len(question.options or [])):
        return f"номер варианта от 1 до {len(question.options or [])}"
    if kind == "multi":
        chosen = json.loads(value.text or "[]")
        if not all(isinstance(i, int) and 0 <= i < len(question.options or []) for i in chosen):
            return f"номера вариантов от 1 до {len(question.options or [])}"
    return None


def save_response(wave_id: int, questionnaire_id: int, person_id: int, role: str, values: dict[int, AnswerValue],
                  *, mentorship_id: int | None = None, source: str = "paper", day: dt.date | None = None,
                  log_it: bool = True, check_required: bool = True) -> Response:
    """Store one filled questionnaire (replacing an earlier one of the same person in the wave).

    ``values`` maps question ids to answers; all are checked first, and nothing is written when one is bad.
    ``check_required=False`` lets questions absent from ``values`` stay unanswered (an import of a form
    that did not ask them).
    """
    questions = {q.id: q for q in questions_of(questionnaire_id)}
    problems = []
    for number, question in enumerate(questions.values(), start=1):
        if not check_required and question.id not in values:
            continue
        problem = check_value(question, values.get(question.id, AnswerValue()))
        if problem:
            problems.append(f"вопрос {number} «{question.text}»: {problem}")
    if problems:
        raise CuratorError("Анкета не сохранена — " + "; ".join(problems) + ".")
    with database.atomic():
        Response.delete().where((Response.wave == wave_id) & (Response.questionnaire == questionnaire_id)
                                & (Response.person == person_id)).execute()
        response = Response.create(wave=wave_id, questionnaire=questionnaire_id, person=person_id, role=role,
                                   mentorship=mentorship_id, submitted_on=day or dt.date.today(), source=source)
        rows = [{"response": response.id, "question": qid, "number": v.number, "text": v.text}
                for qid, v in values.items() if qid in questions and not v.empty]
        if rows:
            Answer.insert_many(rows).execute()
        if log_it:
            log("create", "response", response.id, f"Введена анкета (волна {wave_id}, участник {person_id})")
    return response


def response_values(response_id: int) -> dict[int, AnswerValue]:
    rows: Any = Answer.select(Answer.question, Answer.number, Answer.text).where(Answer.response == response_id).tuples()
    return {qid: AnswerValue(number, text) for qid, number, text in rows}


def delete_response(response_id: int) -> None:
    with database.atomic():
        Response.delete().where(Response.id == response_id).execute()
        log("delete", "response", response_id, "Удалена анкета")


def format_value(question: Question, value: AnswerValue) -> str:
    """An answer as a person reads it: «да», «8», «раз в неделю», «учёба; проекты»."""
    if value.empty:
        return ""
    options = list(question.options or [])
    if question.kind == "yes_no":
        return "да" if value.number == 1 else "нет"
    if question.kind == "single" and value.number is not None and 0 <= int(value.number) < len(options):
        return str(options[int(value.number)])
    if question.kind == "multi":
        return "; ".join(str(options[i]) for i in json.loads(value.text or "[]") if 0 <= i < len(options))
    if question.kind in ("scale", "number") and value.number is not None:
        return f"{value.number:g}".replace(".", ",")
    return value.text or ""
