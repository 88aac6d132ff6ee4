"""Small pieces shared by the pages of «Пары и группы»: a configured table view, a worker thread for
«Подобрать всем», and how an error reaches the curator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QTableView, QWidget

from curator_app.errors import CuratorError
from ui.common.views import fit_headers

from .models import IdRowsModel


def make_view(model: IdRowsModel, widths: tuple[int, ...] = (), multi: bool = False,
              view: QTableView | None = None) -> QTableView:
    """A table view over ``model`` set up as every table of the tab (``view``: a subclass instance to set up)."""
    view = view or QTableView()
    view.setModel(model)
    if model.default_sort is not None:  # the order the curator chooses by (the score for candidates)
        view.horizontalHeader().setSortIndicator(*model.default_sort)
        view.setSortingEnabled(True)
    else:  # rows stay in the order the core gave until a header is clicked
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, width)
    fit_headers(view)
    return view


def selected_id(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    model = view.model()
    assert isinstance(model, IdRowsModel)
    return model.id_at(rows[0].row())


def run_safely(parent: QWidget, action: Callable[[], Any]) -> Any:
    """Run a core action; a CuratorError is shown to the curator and None returned."""
    try:
        return action()
    except CuratorError as error:
        QMessageBox.warning(parent, "Пары и группы", str(error))
        return None


