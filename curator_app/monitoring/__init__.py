"""Monitoring: questionnaires, survey waves, the answers, and what they show.

- :mod:`.questionnaires` — versioned templates and the answers to them;
- :mod:`.waves` — entry and final waves, who is asked, how far it got;
- :mod:`.answers_import` — answers from a filled sheet;
- :mod:`.blanks` — blank questionnaires to print, one per person;
- :mod:`.analytics`, :mod:`.findings` — means, distributions, before/after, coverage, and the SWOT
  sentences drawn from them;
- :mod:`.report_pdf`, :mod:`.report_charts`, :mod:`.report_xlsx` — the analytic report and the table
  for the district (loaded when first used: they pull reportlab and openpyxl in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curator_app.lazy import lazy_names

from .analytics import WaveAnalytics, analyse, coverage
from .answers_import import ImportReport, SurveyImportError, import_answers
from .questionnaires import current_questionnaires, ensure_templates, questions_of, save_response
from .waves import create_wave, default_dates, get_wave, latest_wave, progress, roster, waves

if TYPE_CHECKING:
    from .blanks import build_blanks
    from .report_pdf import build_report
    from .report_xlsx import build_table

__getattr__ = lazy_names(__name__, {".blanks": ("build_blanks",), ".report_pdf": ("build_report",),
                                    ".report_xlsx": ("build_table",)})

__all__ = [
    "ImportReport", "SurveyImportError", "WaveAnalytics", "analyse", "build_blanks", "build_report", "build_table",
    "coverage", "create_wave", "current_questionnaires", "default_dates", "ensure_templates", "get_wave",
    "import_answers", "latest_wave", "progress", "questions_of", "roster", "save_response", "waves",
]
