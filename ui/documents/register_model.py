"""The register of issued documents (orders with their numbers, memos, letters), newest first."""

from __future__ import annotations

from typing import Any

from curator_app.documents import RegisterRow
from ui.common.table_model import Column, RowsModel

COLUMNS = (
    Column("Дата", lambda r: r.date),
    Column("Номер", lambda r: r.number),
    Column("Документ", lambda r: r.title, tip=lambda r: f"{r.kind_label}\n{r.title}"),
    Column("Пар", lambda r: r.pairs or None),
    Column("Файл", lambda r: r.file_path, tip=lambda r: r.file_path),
)


class RegisterModel(RowsModel):
    """Rows are ``RegisterRow`` values from :func:`curator_app.documents.register_rows`."""

    rows: list[RegisterRow]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
