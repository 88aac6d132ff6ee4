"""The district's strengths, weaknesses, opportunities and threats, worded from the summed figures.

The same four parts as the school's report: what the figures show to be going well and badly now, and
what the district could build on or should watch. Each sentence names its figure, so the methodologist
can check it against the table.
"""

from __future__ import annotations

import datetime as dt
import math

from curator_app.lang.fmt import date_short, number, percent, plural
from curator_app.monitoring.findings import Findings as Swot  # the school report's SWOT: one structure

from .columns import FORMS, SchoolRow, total_row

GOOD_SHARE = 0.8  # trained mentors, young specialists with a mentor, answers: «most of them»
STALE_DAYS = 120  # a table older than this is last term's picture
SHOWN = 5  # schools named in one sentence


def of_schools(count: int, short: bool = False) -> str:
    """«3 образовательных организаций», «1 образовательной организации», «21 школы» (the genitive: after
    «из», «по таблицам …»)."""
    one = count % 10 == 1 and count % 100 != 11
    if short:
        return f"{count} {'школы' if one else 'школ'}"
    return f"{count} {'образовательной организации' if one else 'образовательных организаций'}"


def names(rows: list[SchoolRow]) -> str:
    shown = ", ".join(r.label for r in rows[:SHOWN])
    return shown + (f" и ещё {len(rows) - SHOWN}" if len(rows) > SHOWN else "")


def shortfall(row: SchoolRow) -> int | None:
    """Pupils aged 10–18 the school still has to bring into mentoring to reach its target."""
    total, covered, target = row["pupils_total"], row["pupils_covered"], row["target"]
    if not total or covered is None or target is None:
        return None
    return max(0, math.ceil(total * target - 1e-9) - covered)


def district_swot(rows: list[SchoolRow], day: dt.date) -> Swot:
    swot = Swot()
    total = total_row(rows)
    share, target = total["pupils_share"], total["target"]
    schools = of_schools(len(rows))
    summary = f"Сводка по {len(rows)} {'образовательной организации' if len(rows) == 1 else 'образовательным организациям'}"
    if share is not None:
        summary += (f": в программах наставничества {total['pupils_covered']} обучающихся 10–18 лет из "
                    f"{total['pupils_total']} ({percent(share)} при цели {percent(target or 0)})")
    swot.summary.append(summary + f"; наставников {total['mentors']}, действующих пар и групп "
                        f"{total['mentorships_active']}.")
    below = [r for r in rows if r.below_target]
    met = [r for r in rows if r["pupils_share"] is not None and not r.below_target]
    if share is not None and target is not None:
        (swot.strengths if share >= target else swot.weaknesses).append(
            f"Охват обучающихся 10–18 лет по району — {percent(share)} при целевом значении {percent(target)}.")
    if met:
        swot.strengths.append(f"Целевого охвата достигли {len(met)} из {schools}: {names(met)}.")
    if below:
        gap = sum(shortfall(r) or 0 for r in below)
        swot.weaknesses.append(f"Ниже целевого охвата {len(below)} из {schools}: {names(below)}; до цели им "
                               f"не хватает {plural(gap, 'обучающегося', 'обучающихся', 'обучающихся')}.")
    _people(swot, total)
    _survey(swot, rows, total)
    _outlook(swot, rows, total, day)
    return swot


def _people(swot: Swot, total: SchoolRow) -> None:
    trained = total["mentors_trained_share"]
    if trained is not None:
        line = (f"Обучение прошли {total['mentors_trained']} наставников из {total['mentors']} "
                f"({percent(trained)}).")
        (swot.strengths if trained >= GOOD_SHARE else swot.weaknesses).append(line)
    young = total["young_specialists_share"]
    if young is not None:
        line = (f"Наставник есть у {total['young_specialists_covered']} молодых специалистов из "
                f"{total['young_specialists']} ({percent(young)}).")
        (swot.strengths if young >= GOOD_SHARE else swot.weaknesses).append(line)


def _survey(swot: Swot, rows: list[SchoolRow], total: SchoolRow) -> None:
    if total["mean_score"] is not None:
        swot.summary.append(f"Средняя оценка программы участниками — {number(total['mean_score'])} из 10; "
                            f"удовлетворены (8–10) {percent(total['satisfied_share'] or 0)} из "
                            f"{total['rated']} оценивших.")
        line = (f"Удовлетворены программой {percent(total['satisfied_share'] or 0)} участников, средний балл "
                f"{number(total['mean_score'])}.")
        (swot.strengths if (total["satisfied_share"] or 0) >= 0.5 else swot.weaknesses).append(line)
    rate = total["response_rate"]
    if rate is not None and rate < GOOD_SHARE:
        swot.weaknesses.append(f"Ответили на анкеты {percent(rate)} участников ({total['answered']} из "
                               f"{total['expected']}): выводы по остальным не подтверждены анкетами.")
    silent = [r for r in rows if r["answered"] in (None, 0)]
    if silent:
        swot.weaknesses.append(f"Нет ответов анкет в {len(silent)} из {of_schools(len(rows), True)}: {names(silent)}.")
    change = total["mean_change"]
    if change is not None and total["compared"]:
        sign = "вырос" if change > 0 else "снизился"
        line = (f"Средний балл участников, ответивших «до» и «после», {sign} с {number(total['mean_before'] or 0)} "
                f"до {number(total['mean_after'] or 0)}; оценки выросли у {total['improved']}, снизились у "
                f"{total['worsened']} из {total['compared']}.")
        (swot.strengths if change > 0 else swot.weaknesses).append(line)


def _outlook(swot: Swot, rows: list[SchoolRow], total: SchoolRow, day: dt.date) -> None:
    leaders = sorted((r for r in rows if r["pupils_share"] is not None and not r.below_target),
                     key=lambda r: -(r["pupils_share"] or 0))
    if leaders and any(r.below_target for r in rows):
        swot.opportunities.append(f"Опыт школ с наибольшим охватом ({names(leaders[:3])}) можно представить "
                                  "на муниципальном методическом объединении кураторов.")
    untrained = (total["mentors"] or 0) - (total["mentors_trained"] or 0)
    if untrained > 0:
        swot.opportunities.append(f"Обучение {plural(untrained, 'наставника', 'наставников', 'наставников')}, "
                                  "не прошедших его, можно провести на муниципальном уровне.")
    for code, name in FORMS:
        using = [r for r in rows if (r[f"form_{code}"] or 0) > 0]
        if code in ("student_pupil", "employer_pupil") and len(using) < len(rows):
            swot.opportunities.append(f"Форма «{name}» работает в {len(using)} из {of_schools(len(rows), True)}: "
                                      f"организации-партнёры района ({total['partners'] or 0}) могут дать "
                                      "наставников и другим школам.")
    far = [r for r in rows if r["pupils_share"] is not None and r["target"] and r["pupils_share"] < r["target"] / 2]
    if far:
        swot.threats.append(f"Охват меньше половины целевого в {len(far)} из {of_schools(len(rows), True)} ({names(far)}): "
                            "цель не будет достигнута без дополнительных пар и групп.")
    ended = total["mentorships_ended_early"] or 0
    finished = ended + (total["mentorships_completed"] or 0) + (total["mentorships_active"] or 0)
    if finished and ended / finished >= 0.1:
        swot.threats.append(f"Прекращены досрочно {ended} пар и групп из {finished} ({percent(ended / finished)}).")
    stale = [r for r in rows if r.as_of and (day - r.as_of).days > STALE_DAYS]
    if stale:
        swot.threats.append(f"Данные {of_schools(len(stale), True)} старше {STALE_DAYS} дней ({names(stale)}; самые ранние — на "
                            f"{date_short(min(r.as_of for r in stale if r.as_of))}): нужны свежие таблицы.")
    working, mentees = total["mentors_working"] or 0, total["mentees_in_mentoring"] or 0
    if working and mentees / working > 8:
        swot.threats.append(f"На одного работающего наставника в среднем {number(mentees / working)} "
                            "наставляемых: при такой нагрузке страдает качество работы.")
