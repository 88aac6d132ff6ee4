"""A full SWOT — strengths, weaknesses, opportunities, threats — worded from the figures of a wave and the
school's counts, and the conclusions drafted from it (for the report and the tab).

Means are printed one way, with one decimal («7,0» beside «7,4»); shares as «72 %» with a non-breaking
space; counts agree with their nouns («4 разных ответа»).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from curator_app.lang.fmt import number, percent, plural

from .analytics import SATISFIED_FROM, ItemStats, WaveAnalytics
from .indicators import Indicators

_AUDIENCE = {"mentee": "наставляемые", "mentor": "наставники", "curator": "куратор"}
LOW_SAFETY = 7.0  # a mean below this on «safety» is a threat to the programme
FALL = 0.3  # a drop of the mean larger than this between waves is a threat


def score(value: float) -> str:
    """A mean on the 1–10 scale: «7,0», «7,4»."""
    return number(value, 1, fixed=True)


@dataclass
class Findings:
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    threats: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def _item_line(item: ItemStats) -> str:
    return (f"«{item.text}» ({_AUDIENCE.get(item.audience, item.audience)}): средний балл {score(item.mean or 0)}, "
            f"оценили на {SATISFIED_FROM}–10 — {percent(item.satisfied or 0)}.")


def _yes_share(analytics: WaveAnalytics, code: str) -> tuple[float, int] | None:
    """The share of «да» to a yes/no item of this code over all questionnaires, and how many answered."""
    values = [v for i in analytics.items if i.code == code and i.kind == "yes_no" for v in i.values]
    return (sum(values) / len(values), len(values)) if values else None


def findings(analytics: WaveAnalytics, top: int = 3, counts: Indicators | None = None) -> Findings:
    """The highest and lowest scale items (by mean), what the school can build on and what endangers the
    programme, the biggest changes and a few summary sentences."""
    result = Findings()
    items = [i for i in analytics.scale_items() if i.mean is not None]
    ranked = sorted(items, key=lambda i: (-(i.mean or 0), i.questionnaire, i.position))
    result.strengths = [_item_line(item) for item in ranked[:top]]
    result.weaknesses = [_item_line(item) for item in list(reversed(ranked))[:top] if item not in ranked[:top]]
    if analytics.rate is not None and analytics.rate < 0.8:
        result.weaknesses.append(f"Ответили {percent(analytics.rate)} участников (из {analytics.expected}): "
                                 "выводы по остальным не подтверждены анкетами.")
    _opportunities(result, analytics, counts)
    _threats(result, analytics, counts)
    change = analytics.change
    if change and change.items:
        for c in sorted(change.items, key=lambda c: -abs(c.diff))[:top]:
            sign = "выросла" if c.diff > 0 else "снизилась"
            result.changes.append(f"«{c.text}»: оценка {sign} с {score(c.before)} до {score(c.after)} "
                                  f"({'+' if c.diff > 0 else '−'}{score(abs(c.diff))}; ответили в обеих волнах: {c.n}).")
    overall = analytics.overall
    if overall.mean is not None:
        result.summary.append(f"Средняя оценка по шкалам 1–10 — {score(overall.mean)}; удовлетворены программой "
                              f"(средний балл {SATISFIED_FROM} и выше) {percent(overall.satisfied or 0)} ответивших.")
    if change and change.mean_diff is not None:
        up, same, down = change.counts()
        result.summary.append(f"По сравнению с волной «{change.baseline_title}» средняя оценка изменилась с "
                              f"{score(change.mean_before or 0)} до {score(change.mean_after or 0)}; оценки выросли "
                              f"у {up}, не изменились у {same}, снизились у {plural(down, 'участника', 'участников', 'участников')}.")
    return result


def _opportunities(result: Findings, analytics: WaveAnalytics, counts: Indicators | None) -> None:
    add = result.opportunities.append
    future = _yes_share(analytics, "become_mentor")
    if future and future[0] > 0:
        add(f"{percent(future[0])} наставляемых (из {future[1]} ответивших) планируют сами стать наставниками — "
            "резерв наставников на следующий год.")
    growth = _yes_share(analytics, "growth_here")
    if growth:
        add(f"{percent(growth[0])} молодых педагогов видят своё профессиональное развитие в школе в ближайшие "
            "5 лет — основа для их закрепления.")
    stay = _yes_share(analytics, "continue")
    if stay and stay[0] >= 0.5:
        add(f"{percent(stay[0])} ответивших хотели бы продолжить участие в программе.")
    cov = analytics.coverage
    if cov.pupils_total and cov.pupils_share is not None and cov.pupils_share < cov.target:
        need = max(0, round(cov.target * cov.pupils_total) - cov.pupils_in_mentoring)
        add(f"Для целевого охвата {percent(cov.target)} достаточно включить в программу ещё "
            f"{plural(need, 'обучающегося', 'обучающихся', 'обучающихся')} 10–18 лет.")
    if counts:
        untrained = counts.mentors_total - counts.mentors_trained
        if untrained:
            add(f"Обучение ещё не прошли {plural(untrained, 'наставник', 'наставника', 'наставников')}: "
                "обучение повысит качество работы пар.")
        waiting = counts.young_total - counts.young_with_mentor
        if waiting:
            add(f"{plural(waiting, 'молодой специалист', 'молодых специалиста', 'молодых специалистов')} "
                f"(стаж до 3 лет) пока без наставника.")


def _threats(result: Findings, analytics: WaveAnalytics, counts: Indicators | None) -> None:
    add = result.threats.append
    safety = [i for i in analytics.scale_items() if i.code == "safety" and i.mean is not None]
    for item in safety:
        if (item.mean or 0) < LOW_SAFETY:
            add(f"Ощущение безопасности в программе ({_AUDIENCE.get(item.audience, item.audience)}) — "
                f"{score(item.mean or 0)} из 10.")
    change = analytics.change
    if change:
        for c in change.items:
            if c.diff < -FALL:
                add(f"Оценка «{c.text}» снизилась с {score(c.before)} до {score(c.after)}.")
    share = analytics.coverage.pupils_share
    if share is not None and share < analytics.coverage.target:
        add(f"Охват обучающихся 10–18 лет — {percent(share)} при целевом значении "
            f"{percent(analytics.coverage.target)}: показатель может быть не достигнут.")
    if counts:
        if counts.ended_early:
            add(f"Досрочно прекращено в этом учебном году: "
                f"{plural(counts.ended_early, 'пара (группа)', 'пары (группы)', 'пар (групп)')}.")
        if counts.overloaded:
            add(f"У {plural(counts.overloaded, 'наставника', 'наставников', 'наставников')} наставляемых больше, "
                "чем он может вести: риск выгорания.")
        if counts.mentors_total and counts.mentors_trained / counts.mentors_total < 0.8:
            add(f"Обучение прошли только {percent(counts.mentors_trained / counts.mentors_total)} наставников.")


def draft_conclusions(analytics: WaveAnalytics, found: Findings, counts: Indicators | None = None) -> list[str]:
    """Conclusions and proposals drawn from the figures, for when the curator has written none."""
    lines = []
    if counts and counts.working_pairs:
        mentees = sum(f.mentees for f in counts.forms)
        lines.append(f"Программа наставничества реализуется: работают "
                     f"{plural(counts.working_pairs, 'пара (группа)', 'пары (группы)', 'пар (групп)')}, в них "
                     f"{plural(mentees, 'наставляемый', 'наставляемых', 'наставляемых')}.")
    lines += found.summary[:1]
    cov = analytics.coverage
    if cov.pupils_share is not None:
        reached = "достигнуто" if cov.pupils_share >= cov.target else "не достигнуто"
        lines.append(f"Охват обучающихся 10–18 лет — {percent(cov.pupils_share)}; целевое значение "
                     f"{percent(cov.target)} {reached}.")
    if found.strengths:
        lines.append("Наиболее высокую оценку участники дали по вопросу " + found.strengths[0].split(" (")[0] + ".")
    proposals = []
    if counts and counts.mentors_total > counts.mentors_trained:
        proposals.append("организовать обучение наставников, не прошедших его")
    if cov.pupils_share is not None and cov.pupils_share < cov.target:
        proposals.append("расширить охват обучающихся, привлекая наставников из числа старшеклассников и партнёров")
    if found.weaknesses and found.weaknesses[0].startswith("«"):
        proposals.append("обсудить на методическом объединении причины низких оценок по вопросу "
                         + found.weaknesses[0].split(" (")[0])
    if analytics.rate is not None and analytics.rate < 0.8:
        proposals.append("добиться участия в анкетировании всех пар и групп")
    if proposals:
        lines.append("Предложения: " + "; ".join(proposals) + ".")
    return lines
