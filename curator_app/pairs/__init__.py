"""Mentor–mentee pairs and groups (``Mentorship``) and their life.

- :mod:`.life` — make a pair by hand or accept the draft (the hard rules checked), start it on the
  order's date, complete it or end it early, its members, plan (goals) and meetings; every change in the
  audit log;
- :mod:`.query` — the pairs as rows for the list, one pair's card, its history.

Who could be paired with whom, and the best draft for the whole school, is :mod:`curator_app.matching`.
"""

from __future__ import annotations

from .life import (
    accept_draft,
    activate,
    check_period,
    complete,
    create,
    default_end,
    end_early,
    start_work,
)
from .query import MentorshipRow, changes, get_row, list_mentorships

__all__ = [
    "MentorshipRow", "accept_draft", "activate", "changes", "check_period", "complete", "create", "default_end",
    "end_early", "get_row", "list_mentorships", "start_work",
]
