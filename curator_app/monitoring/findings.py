"""Strengths, weaknesses and the biggest changes, worded from the figures (for the report and the tab)."""

from __future__ import annotations

from dataclasses import dataclass, field

from curator_app.lang.fmt import number, percent

from .analytics import SATISFIED_FROM, WaveAnalytics

_AUDIENCE = {"mentee": "наставляемые", "mentor": "наставники", "curator": "куратор"}


@dataclass
class Findings:
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def findings(analytics: WaveAnalytics, top: int = 3) -> Findings:
    """The highest and lowest scale items (by mean), the biggest changes and a few summary sentences."""
    result = Findings()
    items = [i for i in analytics.scale_items() if i.mean is not None]
    ranked = sorted(items, key=lambda i: (-(i.mean or 0), i.questionnaire, i.position))
    for item in ranked[:top]:
        result.strengths.append(f"«{item.text}» ({_AUDIENCE.get(item.audience, item.audience)}): средний балл "
                                f"{number(item.mean or 0)}, оценили на {SATISFIED_FROM}–10 — "
                                f"{percent(item.satisfied or 0)}.")
    for item in list(reversed(ranked))[:top]:
        if item in ranked[:top]:
            continue
        result.weaknesses.append(f"«{item.text}» ({_AUDIENCE.get(item.audience, item.audience)}): средний балл "
                                 f"{number(item.mean or 0)}, оценили на {SATISFIED_FROM}–10 — "
                                 f"{percent(item.satisfied or 0)}.")
    if analytics.rate is not None and analytics.rate < 0.8:
        result.weaknesses.append(f"Ответили {percent(analytics.rate)} участников (из {analytics.expected}): "
                                 "выводы по остальным не подтверждены анкетами.")
    share = analytics.coverage.pupils_share
    if share is not None and share < analytics.coverage.target:
        result.weaknesses.append(f"Охват обучающихся 10–18 лет — {percent(share)} при целевом значении "
                                 f"{percent(analytics.coverage.target)}.")
    change = analytics.change
    if change and change.items:
        biggest = sorted(change.items, key=lambda c: -abs(c.diff))[:top]
        for c in biggest:
            sign = "выросла" if c.diff > 0 else "снизилась"
            result.changes.append(f"«{c.text}»: оценка {sign} с {number(c.before)} до {number(c.after)} "
                                  f"({'+' if c.diff > 0 else '−'}{number(abs(c.diff))}; ответили в обеих волнах: {c.n}).")
    overall = analytics.overall
    if overall.mean is not None:
        result.summary.append(f"Средняя оценка по шкалам 1–10 — {number(overall.mean)}; удовлетворены программой "
                              f"(средний балл {SATISFIED_FROM} и выше) {percent(overall.satisfied or 0)} ответивших.")
    if change and change.mean_diff is not None:
        up, same, down = change.counts()
        result.summary.append(f"По сравнению с волной «{change.baseline_title}» средняя оценка изменилась с "
                              f"{number(change.mean_before or 0)} до {number(change.mean_after or 0)}; оценки выросли "
                              f"у {up}, не изменились у {same}, снизились у {down} участников.")
    return result
