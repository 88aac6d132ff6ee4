"""Reference data shipped in ``data/`` and copied into every new database: the built-in forms of mentoring
with their role models, and the questionnaire templates (``data/questionnaires``)."""

from __future__ import annotations

import json
from typing import Any

from curator_app.models import MentoringForm, Question, Questionnaire, RoleModel, database
from curator_app.paths import data_file


def builtin_forms() -> list[dict]:
    with open(data_file("forms.json"), encoding="utf-8") as handle:
        return list(json.load(handle))


def seed_reference_data() -> None:
    """Add the built-in forms and questionnaires that are missing; the curator's edits to existing ones
    are kept."""
    existing = {f.code for f in MentoringForm.select(MentoringForm.code)}
    for position, item in enumerate(builtin_forms()):
        if item["code"] in existing:
            continue
        form = MentoringForm.create(
            code=item["code"], name=item["name"],
            mentor_categories=",".join(item["mentor_categories"]),
            mentee_categories=",".join(item["mentee_categories"]),
            description=item.get("description"), builtin=True, position=position,
        )
        for i, name in enumerate(item.get("role_models", [])):
            RoleModel.create(form=form, name=name, position=i)
    seed_questionnaires()


def forms() -> list[MentoringForm]:
    """Forms in display order, archived ones left out."""
    return list(MentoringForm.select().where(~MentoringForm.archived).order_by(MentoringForm.position))


def form_by_code(code: str) -> MentoringForm:
    return MentoringForm.get(MentoringForm.code == code)


def builtin_templates() -> list[dict[str, Any]]:
    """The templates shipped in ``data/questionnaires``, in a stable order."""
    folder = data_file("questionnaires")
    result = []
    for path in sorted(folder.glob("*.json")):
        with open(path, encoding="utf-8") as handle:
            result.append(json.load(handle))
    order = {"mentee": 0, "mentee_teacher": 1, "mentor": 2, "mentor_teacher": 3, "curator": 4}
    return sorted(result, key=lambda t: (order.get(t["code"], 99), t["code"]))


def seed_questionnaires() -> int:
    """Copy the shipped templates that the database lacks (by code); the curator's versions are kept."""
    rows: Any = Questionnaire.select(Questionnaire.code).tuples()
    existing = {row[0] for row in rows}
    forms = {f.code: f.id for f in MentoringForm.select()}
    made = 0
    with database.atomic():
        for template in builtin_templates():
            if template["code"] in existing:
                continue
            questionnaire = Questionnaire.create(
                code=template["code"], version=1, title=template["title"], audience=template["audience"],
                form=forms.get(template.get("form") or ""), description=template.get("description"))
            create_questions(questionnaire, template["questions"])
            made += 1
    return made


def create_questions(questionnaire: Questionnaire, items: list[dict[str, Any]]) -> None:
    rows = []
    for position, item in enumerate(items):
        kind = item["kind"]
        lo, hi = item.get("min"), item.get("max")
        if kind == "scale":
            lo, hi = (1 if lo is None else lo), (10 if hi is None else hi)
        rows.append({"questionnaire": questionnaire.id, "position": position, "code": item["code"],
                     "text": item["text"], "kind": kind, "options": item.get("options"), "min_value": lo,
                     "max_value": hi, "required": bool(item.get("required"))})
    if rows:
        Question.insert_many(rows).execute()
