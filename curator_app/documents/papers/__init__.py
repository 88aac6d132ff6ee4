"""The papers of the year the target model asks of a curator, beyond the pairs order: the participants'
written consents (personal data; an employee's consent to mentoring), personalised mentoring programmes,
mentor's journals, the regulation and the launch order.

- :mod:`.templates` — the texts: defaults in ``data/documents``, the curator's edits in the database;
- :mod:`.data` — who a consent is for, a pair's plan and meetings, read into plain values;
- :mod:`.consents`, :mod:`.programme`, :mod:`.launch` — the papers laid out as blocks;
- :mod:`.ops` — what the Documents tab and the CLI call.
"""

from __future__ import annotations

from .ops import (
    consent_subjects,
    issue_launch_order,
    layout_for,
    make_consents,
    make_journals,
    make_plans,
    make_regulation,
    mark_consents,
    working_group,
)
from .templates import TEMPLATES, default_text, save_template, template_text

__all__ = [
    "TEMPLATES", "consent_subjects", "default_text", "issue_launch_order", "layout_for", "make_consents",
    "make_journals", "make_plans", "make_regulation", "mark_consents", "save_template", "template_text",
    "working_group",
]
