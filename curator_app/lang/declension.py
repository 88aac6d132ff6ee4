"""Russian names in the case a sentence needs, with pytrovich doing the grammar.

pytrovich declines correctly but keeps the letter case it was given («ИВАНОВ» → «ИВАНОВа»), so every
part is normalised first («ИВАНОВ» → «Иванов»). The gender comes from the person's record when known,
else from the patronymic, then the first name, then the surname. Surnames that do not decline
(Шевченко, Черных, a woman's Мельник) are handled by pytrovich's own rules; a Turkic patronymic
(«Рашид оглы») keeps its form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from .text import normalize_name_part, short_name, signature_name

CaseName = Literal["nom", "gen", "dat", "acc", "ins", "pre"]
_CASES: dict[str, Case] = {
    "nom": Case.NOMINATIVE, "gen": Case.GENITIVE, "dat": Case.DATIVE, "acc": Case.ACCUSATIVE,
    "ins": Case.INSTRUMENTAL, "pre": Case.PREPOSITIONAL,
}
_TURKIC = ("оглы", "кызы", "улы", "уулу", "гызы")
_maker = PetrovichDeclinationMaker()
_detector = PetrovichGenderDetector()


@dataclass(frozen=True)
class Name:
    """A person's name, normalised: «ИВАНОВА анна» becomes «Иванова Анна»."""

    last: str
    first: str
    middle: str = ""
    gender: str | None = None  # "m" / "f"; detected when not given

    @classmethod
    def of(cls, last: str, first: str, middle: str | None = None, gender: str | None = None) -> Name:
        parts = (normalize_name_part(last), normalize_name_part(first), _normal_middle(middle))
        return cls(*parts, gender=gender if gender in ("m", "f") else detect_gender(*parts))

    @classmethod
    def parse(cls, full: str, gender: str | None = None) -> Name:
        """«Смирнова Ольга Викторовна» (surname first), as the school requisites keep names."""
        words = full.split()
        if not words:
            return cls("", "", "", gender)
        if len(words) > 3 and words[-1].casefold() in _TURKIC:
            words = [*words[:2], " ".join(words[2:])]
        return cls.of(words[0], " ".join(words[1:2]), " ".join(words[2:]) or None, gender)

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.last, self.first, self.middle) if p)

    @property
    def short(self) -> str:
        """«Смирнова О.В.» — lists and tables."""
        return short_name(self.last, self.first, self.middle)

    @property
    def signature(self) -> str:
        """«О.В. Смирнова» — under a signature line."""
        return signature_name(self.last, self.first, self.middle)

    def declined(self, case: CaseName) -> str:
        """The full name in ``case``: ``dat`` → «Васильевой Наталье Андреевне»."""
        return decline(self.last, self.first, self.middle, case, self.gender)

    def short_declined(self, case: CaseName) -> str:
        """«Смирновой О.В.»."""
        last = decline_part(self.last, "last", case, self.gender) if self.last else ""
        return short_name(last, self.first, self.middle)


def _normal_middle(middle: str | None) -> str:
    if not middle:
        return ""
    words = normalize_name_part(middle).split(" ")
    # «Рашид Оглы» → «Рашид оглы»: the particle is written in lower case
    return " ".join(w.lower() if w.casefold() in _TURKIC else w for w in words)


@lru_cache(maxsize=4096)
def detect_gender(last: str = "", first: str = "", middle: str = "") -> str | None:
    """"m" or "f" from the patronymic, then the first name, then the surname; None when unclear."""
    if middle:
        lowered = middle.casefold()
        if lowered.endswith(("вич", "ич", " оглы", " улы", " уулу")):
            return "m"
        if lowered.endswith(("вна", "чна", "шна", " кызы", " гызы")):
            return "f"
    for kwargs in ({"firstname": first}, {"lastname": last}):
        value = next(iter(kwargs.values()))
        if not value:
            continue
        found = _detector.detect(**kwargs)
        if found == Gender.MALE:
            return "m"
        if found == Gender.FEMALE:
            return "f"
    return None


def _gender(gender: str | None) -> Gender:
    return {"m": Gender.MALE, "f": Gender.FEMALE}.get(gender or "", Gender.ANDROGYNOUS)


@lru_cache(maxsize=65536)
def decline_part(value: str, part: Literal["last", "first", "middle"], case: CaseName,
                 gender: str | None) -> str:
    """One part of a name (already normalised) in ``case``."""
    if not value or case == "nom":
        return value
    name_part = {"last": NamePart.LASTNAME, "first": NamePart.FIRSTNAME, "middle": NamePart.MIDDLENAME}[part]
    if part == "middle" and " " in value:  # «Рашид оглы» does not change
        return value
    return str(_maker.make(name_part, _gender(gender), _CASES[case], value))


def decline(last: str, first: str, middle: str | None, case: CaseName, gender: str | None = None) -> str:
    """A full name in ``case``; parts are normalised and the gender detected when not given."""
    last, first, mid = normalize_name_part(last), normalize_name_part(first), _normal_middle(middle)
    if gender not in ("m", "f"):
        gender = detect_gender(last, first, mid)
    parts = [decline_part(last, "last", case, gender), decline_part(first, "first", case, gender),
             decline_part(mid, "middle", case, gender)]
    return " ".join(p for p in parts if p)


_POSITION_HEADS = {  # the first words of usual school positions, nominative → genitive/accusative (animate)
    "директор": "директора", "заместитель": "заместителя", "учитель": "учителя", "педагог": "педагога",
    "педагог-психолог": "педагога-психолога", "методист": "методиста", "социальный": "социального",
    "старший": "старшего", "советник": "советника", "руководитель": "руководителя",
    "педагог-организатор": "педагога-организатора", "воспитатель": "воспитателя",
    "классный": "классного", "главный": "главного", "ведущий": "ведущего", "учитель-логопед": "учителя-логопеда",
    "учитель-дефектолог": "учителя-дефектолога", "преподаватель": "преподавателя", "тьютор": "тьютора",
    "психолог": "психолога", "преподаватель-организатор": "преподавателя-организатора", "библиотекарь": "библиотекаря", "логопед": "логопеда", "председатель": "председателя",
}


def position_accusative(position: str) -> str | None:
    """«Заместитель директора по УВР» → «заместителя директора по УВР»; None for a position not known.

    Only the leading words change (an animate noun's accusative is its genitive): «социальный педагог»
    → «социального педагога». Unknown wording is not guessed at.
    """
    words = position.strip().split()
    if not words:
        return None
    out: list[str] = []
    changed = False
    for index, word in enumerate(words):
        head = _POSITION_HEADS.get(word.casefold())
        if head is None:
            out.extend(words[index:])
            break
        out.append(head)
        changed = True
        if word.casefold() not in ("социальный", "старший", "классный", "главный", "ведущий"):
            out.extend(words[index + 1:])
            break
    return " ".join(out) if changed else None


def position_dative(position: str) -> str | None:
    """«учитель математики» → «учителю математики»; None for a position not known."""
    acc = position_accusative(position)
    if acc is None:
        return None
    replacements = {"ого": "ому", "его": "ему"}
    words = acc.split(" ")
    source = position.strip().split()
    result = []
    for word, original in zip(words, source, strict=False):
        if word.casefold() == original.casefold():
            result.append(word)
            continue
        for end, new in replacements.items():
            if word.endswith(end):
                word = word[: -len(end)] + new
                break
        else:
            word = "-".join(p[:-1] + "ю" if p.endswith("я") else p[:-1] + "у" for p in word.split("-"))
        result.append(word)
    return " ".join(result + words[len(result):])
