"""Файл → Новый учебный год: the preview of the rollover, then the rollover itself."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from curator_app.banks import RolloverPlan, apply_rollover, plan_rollover
from curator_app.errors import CuratorError
from curator_app.lang.fmt import plural
from ui.common.context import AppContext, Changed


class RolloverDialog(QDialog):
    """Shows what the new academic year changes (``plan``); «Перевести» carries it out."""

    def __init__(self, ctx: AppContext, plan: RolloverPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.plan = ctx, plan
        self.setWindowTitle(f"Новый учебный год {plan.to_year}")
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        grades = ", ".join(f"{g} кл. — {n}" for g, n in sorted(plan.by_grade.items()))
        layout.addWidget(QLabel(
            f"<p>Учебный год сменится: <b>{plan.from_year}</b> → <b>{plan.to_year}</b>.</p>"
            f"<ul><li>В следующий класс переходят: <b>{plural(plan.promoted, 'обучающийся', 'обучающихся', 'обучающихся')}</b>"
            f" ({grades or 'нет обучающихся с классом'});</li>"
            f"<li>11-классники становятся выпускниками и уходят в архив: <b>{len(plan.graduates)}</b>;</li>"
            f"<li>Завершённые пары и группы закрываются: <b>{len(plan.pairs_to_close)}</b>.</li></ul>"
            "<p>Сделайте резервную копию перед переводом (Файл → Резервная копия…).</p>"))
        details = QPlainTextEdit()
        details.setReadOnly(True)
        lines = ["Выпускники:"] + [f"  {name}" for _, name in plan.graduates]
        lines += ["", "Закрываемые пары и группы:"] + [f"  {text}" for _, text in plan.pairs_to_close]
        details.setPlainText("\n".join(lines))
        layout.addWidget(details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Перевести")
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def apply(self) -> None:
        try:
            apply_rollover(self.plan)
        except CuratorError as error:
            QMessageBox.critical(self, "Перевод не выполнен", f"{error}\nБаза не изменена.")
            return
        self.ctx.notify(Changed.ALL)
        self.accept()


def run_rollover(parent: QWidget, ctx: AppContext) -> bool:
    """The menu action: build the preview and show it."""
    try:
        plan = plan_rollover()
    except CuratorError as error:
        QMessageBox.warning(parent, "Новый учебный год", str(error))
        return False
    return bool(RolloverDialog(ctx, plan, parent).exec())
