"""Russian word hyphenation for printed documents: where a word may be broken at the end of a line.

The simplified syllable rules office programs used before dictionaries: one break between two vowels, placed
in the run of consonants between them — after «й», «ь», «ъ»; inside a doubled consonant; before «с» and
before a stop with «р»/«л» («со-про-вож-де-ние»); otherwise after the first consonant — and never fewer
than two letters left on a line. A word written with a hyphen («педагог-организатор») breaks after its hyphen first. Latin words,
numbers and abbreviations in capitals are not broken.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

VOWELS = frozenset("аеёиоуыэюя")
SPECIAL = frozenset("йьъ")
CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_LETTERS = VOWELS | SPECIAL | CONSONANTS


_BEFORE_LIQUID = frozenset("бвгдкптфхз")


def _break_in(group: str) -> int:
    """Where to break a run of consonants between two vowels (an offset into the run)."""
    specials = [i for i, ch in enumerate(group) if ch in SPECIAL]
    if specials:  # «тель-ный», «подъ-езд», «рай-он»
        return specials[-1] + 1
    if len(group) <= 1:
        return 0  # «ме-то-до»
    if group[0] == group[1]:
        return 1  # «Рос-сий-ской», «програм-мист»
    if group[0] == "с" or (len(group) == 2 and group[1] in "рл" and group[0] in _BEFORE_LIQUID):
        return 0  # «на-став-ни-че-ства», «со-про-вож-де-ние»
    return 1  # «ор-га-ни-за-тор», «ответ-ствен-ный»


def _breaks_plain(word: str) -> list[int]:
    """Positions ``i`` where ``word`` (letters only) may break between ``word[i-1]`` and ``word[i]``."""
    low = word.lower()
    if len(low) < 4 or any(ch not in _LETTERS for ch in low) or (word.isupper() and len(word) > 1):
        return []
    vowels = [i for i, ch in enumerate(low) if ch in VOWELS]
    found = []
    for a, b in zip(vowels, vowels[1:], strict=False):
        point = a + 1 + _break_in(low[a + 1:b])
        lone = low[point - 1] in VOWELS and low[point - 2] in VOWELS  # not «общео-бразовательный»
        if 2 <= point <= len(low) - 2 and not lone:
            found.append(point)
    return found


@lru_cache(maxsize=50_000)
def break_points(word: str) -> tuple[int, ...]:
    """Where ``word`` may be broken; after a hyphen the line simply ends (no second hyphen is added).

    Punctuation around the word stays with its part: «(органи-» … «затор),».
    """
    start = 0
    while start < len(word) and not word[start].isalpha():
        start += 1
    end = len(word)
    while end > start and not word[end - 1].isalpha():
        end -= 1
    core = word[start:end]
    if word.startswith(("«", "\"")) and core[:1].isupper():
        return ()  # the first word of a name in quotes («Лицей № 5») is not broken
    points: list[int] = []
    offset = start
    for index, part in enumerate(core.split("-")):
        if index:
            points.append(offset)  # just after the hyphen
        points += [offset + p for p in _breaks_plain(part)]
        offset += len(part) + 1
    return tuple(p for p in points if start < p < end)


def split_pairs(word: str) -> Iterator[tuple[str, str]]:
    """(head, tail) pairs from the longest head down, as reportlab's ``hyphenationLang`` callable wants.

    A head that ends with a hyphen already carries it; otherwise reportlab adds «-» itself.
    """
    for point in reversed(break_points(word)):
        yield word[:point], word[point:]


def fit(word: str, room: float, measure: object) -> tuple[str, str] | None:
    """The longest ``(head-with-hyphen, tail)`` of ``word`` whose head is no wider than ``room``.

    ``measure(text) -> float`` gives a width (a callable, kept loose so this module needs no fonts).
    """
    for head, tail in split_pairs(word):
        shown = head if head.endswith("-") else head + "-"
        if measure(shown) <= room:  # type: ignore[operator]
            return shown, tail
    return None
