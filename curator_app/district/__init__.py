"""The district's picture: each school's monitoring as one row, and the rows of many schools summed.

A municipality (управление образования) collects every school's monitoring in spreadsheet forms and sums
them for the region (DOMAIN §10). Here each school's table carries its row, and the district's methodologist
sums the files offline:

- :mod:`.columns` — the row's columns (Russian headers: the format), how each is totalled, ``SchoolRow``;
- :mod:`.row` — the row of the open database (``school_row``), with ``info``'s own counts;
- :mod:`.xlsx` — the row sheet in the school's table (``build_school_table``) and the district's table
  (``build_district_table``);
- :mod:`.read` — a school's table read back and checked (``read_school_table``, ``SchoolFileError``);
- :mod:`.backups`, :mod:`.child` — the row of a school's backup, plain or encrypted, from a private copy;
- :mod:`.collect` — files and folders in, one row per school out, every refusal named (``collect``);
- :mod:`.findings`, :mod:`.charts`, :mod:`.report_pdf` — the district's analytic report (``build_district_report``).

The writers and the report are loaded when first used: they pull openpyxl and reportlab in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curator_app.lazy import lazy_names

from .collect import Collection, collect, read_school_file, school_files
from .columns import COLUMNS, FORMAT_VERSION, ROW_SHEET, Column, SchoolRow, total_row
from .read import SchoolFileError, read_school_table
from .row import school_row

if TYPE_CHECKING:
    from .report_pdf import build_district_report
    from .xlsx import build_district_table, build_school_table, school_sheet

__getattr__ = lazy_names(__name__, {".xlsx": ("build_district_table", "build_school_table", "school_sheet"),
                                    ".report_pdf": ("build_district_report",)})

__all__ = [
    "COLUMNS", "FORMAT_VERSION", "ROW_SHEET", "Collection", "Column", "SchoolFileError", "SchoolRow",
    "build_district_report", "build_district_table", "build_school_table", "collect", "read_school_file",
    "read_school_table", "school_files", "school_row", "school_sheet", "total_row",
]
