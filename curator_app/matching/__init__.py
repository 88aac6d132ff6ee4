"""Who could mentor whom: the rules, the scores and the best draft for the whole school.

- :mod:`.rules` — hard rules (form, consent, capacity, age, grade) and weighted criteria, each with its
  reason in Russian;
- :mod:`.pool` — the mentors and mentees to match, read in a few queries, and the weights;
- :mod:`.matrix` — every mentor (with capacity copies) against every mentee, scored at once;
- :mod:`.suggest` — candidates for one person, and «Подобрать всем»: the optimal draft
  (``linear_sum_assignment``) the curator reviews before anything is written.
"""

from __future__ import annotations

from .pool import load_pool, load_weights, save_weights
from .rules import Weight, default_weights, hard_problems, pair_form, score_pair
from .suggest import Draft, DraftRow, Suggestion, Unmatched, propose, suggest_mentees, suggest_mentors

__all__ = [
    "Draft", "DraftRow", "Suggestion", "Unmatched", "Weight", "default_weights", "hard_problems", "load_pool",
    "load_weights", "pair_form", "propose", "save_weights", "score_pair", "suggest_mentees", "suggest_mentors",
]
