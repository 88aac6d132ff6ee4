"""Russian word stems for comparing a mentee's request with a mentor's competencies.

The Snowball Russian algorithm (M. Porter's "russian" stemmer), written out here in some eighty lines
because it is small and fixed, and the project keeps its dependency list short: «математике»,
«математикой» and «математика» all give «математик». Words are folded (ё → е, lower case) first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

_VOWELS = "аеиоуыэюя"
_PERFECTIVE_1 = ("вшись", "вши", "в")  # after а/я
_PERFECTIVE_2 = ("ившись", "ывшись", "ивши", "ывши", "ив", "ыв")
_REFLEXIVE = ("ся", "сь")
_ADJECTIVE = ("ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем",
              "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею")
_PARTICIPLE_1 = ("ем", "нн", "вш", "ющ", "щ")  # after а/я
_PARTICIPLE_2 = ("ивш", "ывш", "ующ")
_VERB_1 = ("ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н")
_VERB_2 = ("ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены",
           "ить", "ыть", "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю")
_NOUN = ("иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий",
         "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю",
         "я")
_SUPERLATIVE = ("ейше", "ейш")
_DERIVATIONAL = ("ость", "ост")
_WORD = re.compile(r"[0-9a-zа-я]+")

# Words that carry no meaning for matching: prepositions, conjunctions, pronouns and the like.
STOP_WORDS = frozenset(
    "и в во на с со к ко по о об от до из за для при без над под про у а но или ли не ни же то это как что "
    "его ее их мой моя свой своя всех все весь очень".split())


def _region(word: str, start: int) -> int:
    """Where the region after the first non-vowel following a vowel begins (R1/R2 of Snowball)."""
    for i in range(start + 1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return i + 1
    return len(word)


def _strip(word: str, rv: int, endings: tuple[str, ...], after_a: bool = False) -> str | None:
    """Remove the longest of ``endings`` lying in RV; ``after_a``: only when preceded by а or я."""
    for ending in sorted(endings, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= rv:
            if after_a:
                before = len(word) - len(ending) - 1
                if before < rv or word[before] not in "ая":
                    continue
            return word[: len(word) - len(ending)]
    return None


def _step1(word: str, rv: int) -> str:
    stripped = _strip(word, rv, _PERFECTIVE_1, after_a=True) or _strip(word, rv, _PERFECTIVE_2)
    if stripped is not None:
        return stripped
    word = _strip(word, rv, _REFLEXIVE) or word
    adjective = _strip(word, rv, _ADJECTIVE)
    if adjective is not None:
        return _strip(adjective, rv, _PARTICIPLE_1, after_a=True) or _strip(adjective, rv, _PARTICIPLE_2) \
            or adjective
    verb = _strip(word, rv, _VERB_1, after_a=True) or _strip(word, rv, _VERB_2)
    if verb is not None:
        return verb
    noun = _strip(word, rv, _NOUN)
    return noun if noun is not None else word


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """The stem of one word: «математике» → «математик», «трудности» → «трудност»."""
    word = fold(word)
    if not re.fullmatch(r"[а-я]+", word):
        return word
    rv = next((i + 1 for i, ch in enumerate(word) if ch in _VOWELS), len(word))
    r2 = _region(word, _region(word, 0))
    word = _step1(word, rv)
    if word.endswith("и") and len(word) - 1 >= rv:
        word = word[:-1]
    derivational = _strip(word, max(rv, r2), _DERIVATIONAL)
    if derivational is not None:
        word = derivational
    if word.endswith("нн") and len(word) - 2 >= rv:
        return word[:-1]
    superlative = _strip(word, rv, _SUPERLATIVE)
    if superlative is not None:
        word = superlative
        return word[:-1] if word.endswith("нн") and len(word) - 2 >= rv else word
    if word.endswith("ь") and len(word) - 1 >= rv:
        return word[:-1]
    return word


@lru_cache(maxsize=20000)
def stems(text: str | None) -> frozenset[str]:
    """The meaningful stems of a text: stop words and one-letter words left out."""
    if not text:
        return frozenset()
    return frozenset(stem(w) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS and len(w) > 1)
