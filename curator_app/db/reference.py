"""Reference data shipped in ``data/``: the built-in forms of mentoring and their role models."""

from __future__ import annotations

import json

from curator_app.models import MentoringForm, RoleModel
from curator_app.paths import data_file


def builtin_forms() -> list[dict]:
    with open(data_file("forms.json"), encoding="utf-8") as handle:
        return list(json.load(handle))


def seed_reference_data() -> None:
    """Add the built-in forms that are missing; the curator's edits to existing ones are kept."""
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
    from curator_app.monitoring.questionnaires import (
        seed_questionnaires,  # the questionnaire templates in data/questionnaires
    )

    seed_questionnaires()


def forms() -> list[MentoringForm]:
    """Forms in display order, archived ones left out."""
    return list(MentoringForm.select().where(~MentoringForm.archived).order_by(MentoringForm.position))


def form_by_code(code: str) -> MentoringForm:
    return MentoringForm.get(MentoringForm.code == code)
