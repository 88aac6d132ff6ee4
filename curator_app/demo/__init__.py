"""A demo school that looks like a real one (Russian names with patronymics, grades like «7Б», real
subjects, a roadmap, pairs, answered questionnaires), deterministic from a seed and a day: :mod:`.school`,
with the answers in :mod:`.surveys`."""

from __future__ import annotations

from .school import fill_demo

__all__ = ["fill_demo"]
