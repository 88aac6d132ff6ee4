"""What stands in the way of a document, said above its pairs with the step that removes it: requisites not
filled in (the order would print «Наименование организации» and no director), no pairs for it yet."""

from __future__ import annotations

from curator_app.settings import SchoolSettings

MISSING = {"full_name": "полное наименование школы", "city": "город", "director_name": "ФИО руководителя",
           "curator_name": "ФИО куратора"}
NEEDS = {"order": "планируемых или действующих", "memo": "планируемых или действующих",
         "certificate": "действующих или завершённых", "reward_order": "действующих или завершённых"}


def advice(kind: str, pairs: int, school: SchoolSettings) -> tuple[str, str] | None:
    """(what is wrong, the step: "school" or "pairs"), or None when the document can be made as it is."""
    missing = [label for key, label in MISSING.items() if not getattr(school, key)]
    if missing:
        return (f"В реквизитах школы не заполнено: {', '.join(missing)} — в документе на их месте будут пропуски.",
                "school")
    if not pairs:
        text = f"Для этого документа нужны пары: {NEEDS.get(kind, 'подходящих')} пока нет."
        if kind in ("certificate", "reward_order"):
            text += " Пары становятся действующими с даты зарегистрированного приказа о закреплении."
        return text, "pairs"
    return None
