"""Words that change with the person or the number: roles by gender («наставляемая»), positions in the
case a sentence needs («программисту МКУ …»), small numbers in words («четырём наставляемым»).

pytrovich declines names only; a position is a phrase («ведущий специалист по персоналу») whose leading
adjectives and head noun change while the rest («по персоналу», «МКУ …») stays. The rules here are the
regular endings of masculine nouns and adjectives, which is what school and partner positions are;
a word they do not know (Latin, capitals, an indeclinable noun) is left as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

Case = Literal["nom", "gen", "dat", "acc", "ins", "pre"]
NBSP = "\u00a0"

_HUSH = "жшчщ"
# Adjectival nouns: after them comes their object («заведующий библиотекой»), not a head noun.
_ADJECTIVAL_NOUNS = frozenset({"заведующий", "управляющий", "исполняющий", "дежурный", "уполномоченный",
                               "вожатый", "ответственный"})
# First parts of compounds that do not change: «шеф-повару», «вице-президенту».
_FIXED_PREFIXES = frozenset({"шеф", "вице", "экс", "обер", "унтер", "штаб", "бизнес", "арт", "веб", "фитнес"})
_CYRILLIC_WORD = re.compile(r"^[а-яё]+$")


def _adjective(word: str, case: Case, gender: str = "m", plural: bool = False) -> str:
    """An adjective or participle («наставляемый», «обучающийся», «старший») in ``case``."""
    reflexive = word.endswith("ся")
    base = word[:-2] if reflexive else word
    stem, ending = base[:-2], base[-2:]
    if ending not in ("ый", "ий", "ой", "ая", "яя"):
        return word
    soft = ending in ("ий", "яя") and not (stem[-1:] in "гкх" and ending == "ий")
    hush = stem[-1:] in _HUSH
    velar = stem[-1:] in "гкх"
    if plural:
        forms = {"nom": "ие" if soft or hush or velar else "ые", "gen": "их" if soft or hush or velar else "ых",
                 "dat": "им" if soft or hush or velar else "ым", "acc": "их" if soft or hush or velar else "ых",
                 "ins": "ими" if soft or hush or velar else "ыми", "pre": "их" if soft or hush or velar else "ых"}
    elif gender == "f":
        e = "е" if soft or hush else "о"
        forms = {"nom": "яя" if soft and not hush else "ая", "gen": e + "й", "dat": e + "й",
                 "acc": "юю" if soft and not hush else "ую", "ins": e + "й", "pre": e + "й"}
    else:
        e = "е" if soft or hush else "о"
        i = "и" if soft or hush or velar else "ы"
        forms = {"nom": ending, "gen": e + "го", "dat": e + "му", "acc": e + "го", "ins": i + "м",
                 "pre": e + "м"}
    return stem + forms[case] + ("ся" if reflexive else "")


def _noun(word: str, case: Case) -> str:
    """A masculine noun of the 2nd declension («программист», «руководитель», «врач») or a feminine one in
    -а/-я («медсестра») in ``case`` (animate: the accusative is the genitive)."""
    low = word.lower()
    if not _CYRILLIC_WORD.match(low) or case == "nom":
        return word
    last = low[-1]
    if last in "ьй":
        stem = word[:-1]
        return stem + {"gen": "я", "dat": "ю", "acc": "я", "ins": "ем", "pre": "е"}[case]
    if last == "а":
        stem = word[:-1]
        velar = low[-2:-1] in "гкхжшчщ"
        return stem + {"gen": "и" if velar else "ы", "dat": "е", "acc": "у", "ins": "ой", "pre": "е"}[case]
    if last == "я":
        stem = word[:-1]
        return stem + {"gen": "и", "dat": "е", "acc": "ю", "ins": "ей", "pre": "е"}[case]
    if last in "аеёиоуыэюя":
        return word  # indeclinable: «атташе»
    ins = "ем" if last in _HUSH + "ц" and low not in ("врач",) else "ом"
    return word + {"gen": "а", "dat": "у", "acc": "а", "ins": ins, "pre": "е"}[case]


def _compound(word: str, case: Case) -> str:
    """«инженер-конструктор» → «инженеру-конструктору»; «шеф-повар» → «шеф-повару»."""
    parts = word.split("-")
    return "-".join(p if p.lower() in _FIXED_PREFIXES and i < len(parts) - 1 else _noun(p, case)
                    for i, p in enumerate(parts))


@lru_cache(maxsize=4096)
def decline_position(position: str, case: Case) -> str:
    """A position in ``case``: leading adjectives and the head noun change, the rest is kept.

    «ведущий специалист по персоналу» → (dat) «ведущему специалисту по персоналу»;
    «заведующий библиотекой» → «заведующему библиотекой»; «ИП» → «ИП».
    """
    words = position.strip().split()
    if not words or case == "nom":
        return position.strip()
    out = []
    for index, word in enumerate(words):
        low = word.lower()
        if (not _CYRILLIC_WORD.match(low.replace("-", "")) or (word[:1].isupper() and index > 0)
                or (word.isupper() and len(word) > 1)):
            out.extend(words[index:])
            break
        if low in _ADJECTIVAL_NOUNS:
            out.append(_match_case(word, _adjective(low, case)))
            out.extend(words[index + 1:])
            break
        if low.endswith(("ый", "ий", "ой")) and index + 1 < len(words) and "-" not in low:
            out.append(_match_case(word, _adjective(low, case)))
            continue
        out.append(_compound(word, case))
        out.extend(words[index + 1:])
        break
    return " ".join(out)


def _match_case(original: str, declined: str) -> str:
    return declined[:1].upper() + declined[1:] if original[:1].isupper() else declined


def gendered(masculine: str, gender: str | None, case: Case = "nom", plural: bool = False) -> str:
    """A role word that agrees with the person: («наставляемый», "f") → «наставляемая»;
    («обучающийся», "f", "dat") → «обучающейся»; an unknown gender keeps the masculine form."""
    return " ".join(_adjective(w, case, "f" if gender == "f" else "m", plural) for w in masculine.split())


_NUMERALS: dict[int, dict[str, str]] = {
    2: {"nom": "два", "gen": "двух", "dat": "двум", "ins": "двумя"},
    3: {"nom": "три", "gen": "трёх", "dat": "трём", "ins": "тремя"},
    4: {"nom": "четыре", "gen": "четырёх", "dat": "четырём", "ins": "четырьмя"},
    5: {"nom": "пять", "gen": "пяти", "dat": "пяти", "ins": "пятью"},
    6: {"nom": "шесть", "gen": "шести", "dat": "шести", "ins": "шестью"},
    7: {"nom": "семь", "gen": "семи", "dat": "семи", "ins": "семью"},
    8: {"nom": "восемь", "gen": "восьми", "dat": "восьми", "ins": "восемью"},
    9: {"nom": "девять", "gen": "девяти", "dat": "девяти", "ins": "девятью"},
    10: {"nom": "десять", "gen": "десяти", "dat": "десяти", "ins": "десятью"},
}


def numeral(n: int, case: Literal["nom", "gen", "dat", "ins"] = "nom") -> str:
    """2…10 in words in ``case`` («четырём»); other numbers as digits (documents write 11 and up so)."""
    return _NUMERALS[n][case] if n in _NUMERALS else str(n)


def with_count(n: int, word: str, case: Literal["nom", "gen", "dat", "ins"] = "nom", words: bool = True) -> str:
    """A number and its noun that never part at a line end: «четырём наставляемым», «12 наставляемым»."""
    return f"{numeral(n, case) if words else n}{NBSP}{word}"
