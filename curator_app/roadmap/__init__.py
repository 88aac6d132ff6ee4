"""The roadmap of the school's mentoring programme, as schools write it.

- :mod:`.sources` — reading a roadmap from .docx, .xlsx, .pdf or pasted text into rows: a PDF's table
  (:mod:`.pdf_source`, :mod:`.pdf_page`), text copied one cell per line (:mod:`.cell_lines`,
  :mod:`.cell_assign`), the title and year above the table (:mod:`.preamble`);
- :mod:`.table` — rows into sections and events: the header found, debris repaired;
- :mod:`.period`, :mod:`.text_repair` — the periods in words («до 1 сентября 2022г», «I квартал») and the
  page-break debris of copied text;
- :mod:`.ops` — the stored roadmap: save a parsed one, events as rows, statuses, what is due soon;
- :mod:`.export` — to .xlsx, .pdf and .json; :mod:`.template` — the built-in roadmap of a new school.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curator_app.lazy import lazy_names

from .ops import EventRow, current_roadmap, event_rows, import_file, save_parsed, summary, upcoming

if TYPE_CHECKING:  # the readers and writers load when first used: the tab paints without them
    from .export import export_roadmap, roadmap_json
    from .sources import parse_file, parse_text
    from .table import ParsedRoadmap

__getattr__ = lazy_names(__name__, {".export": ("export_roadmap", "roadmap_json"),
                                    ".sources": ("parse_file", "parse_text"), ".table": ("ParsedRoadmap",)})

__all__ = [
    "EventRow", "ParsedRoadmap", "current_roadmap", "event_rows", "export_roadmap", "import_file", "parse_file",
    "parse_text", "roadmap_json", "save_parsed", "summary", "upcoming",
]
