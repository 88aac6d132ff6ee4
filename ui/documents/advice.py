"""What stands in the way of a document, said above its pairs with the step that removes it: requisites not
filled in (the order would print «Наименование организации» and no director), no pairs for it yet."""

from __future__ import annotations

from curator_app.settings import SchoolSettings, load_school
from ui.common.context import AppContext, Changed
from ui.common.next_step import NextStep

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


def show_advice(strip: NextStep, ctx: AppContext, kind: str, pairs: int) -> None:
    """Say in ``strip`` what stands in the way of the document, with its step; hide it when nothing does."""
    found = advice(kind, pairs, load_school())
    if found is None:
        strip.hide()
    elif found[1] == "school":
        strip.offer(found[0], [("Заполнить реквизиты…", lambda: _edit_school(strip, ctx))])
    else:
        strip.offer(found[0], [("Перейти к подбору пар", lambda: ctx.open("pairs", "match"))])


def _edit_school(parent: NextStep, ctx: AppContext) -> None:
    from ui.school.settings_dialog import SettingsDialog

    if SettingsDialog(parent.window()).exec():
        ctx.notify(Changed.SETTINGS)
