"""The banks of mentors and mentees: the people, their consents, and the school's sheets in and out.

- :mod:`.people` — a person's card: check, save, archive, restore, delete; consents recorded on it;
- :mod:`.consent` — when a consent to processing is valid (on a given day), and the refusal if not;
- :mod:`.rows` — a bank as table rows in one query, filtered and sorted (the banks' tabs, the export);
- :mod:`.read` — reading a school's sheet (xlsx, xls, ods, csv): headers, cells, names, dates, grades;
- :mod:`.importer` — import: a plan (added, updated, rejected with row, column, reason), then one
  all-or-nothing transaction;
- :mod:`.export` — a bank to .xlsx or .csv; :mod:`.xlsx_write` the fast sheet writer it uses;
- :mod:`.rollover` — the new academic year: grades up, graduates archived.
"""

from __future__ import annotations

from .consent import consent_problem, has_valid_consent, require_consent, valid_condition, valid_consent_ids
from .export import export_bank
from .importer import ImportCancelled, ImportPlan, apply_import, auto_mapping, plan_import
from .people import PersonInvalid, save_person
from .rollover import RolloverPlan, apply_rollover, plan_rollover
from .rows import CONSENT_LABELS, STATUS_LABELS, BankFilter, BankRow, bank_rows, category_label, filter_rows

__all__ = [
    "CONSENT_LABELS", "STATUS_LABELS", "BankFilter", "BankRow", "ImportCancelled", "ImportPlan", "PersonInvalid",
    "RolloverPlan", "apply_import", "apply_rollover", "auto_mapping", "bank_rows", "category_label",
    "consent_problem", "export_bank", "filter_rows", "has_valid_consent", "plan_import", "plan_rollover",
    "require_consent", "save_person", "valid_condition", "valid_consent_ids",
]
