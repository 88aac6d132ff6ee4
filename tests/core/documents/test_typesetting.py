"""Typesetting a secretary would not send back: words break only at a syllable and with a hyphen, justified
lines never open rivers, «№», initials and «%» stay with their neighbours, and a Russian document has no
Latin letters in it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from curator_app.documents import ops as documents
from curator_app.documents.textblock import MAX_GAP, TextBlock, width, wrap_words
from curator_app.lang.hyphen import break_points
from curator_app.lang.text import tie
from curator_app.pdf import SERIF, register_fonts
from curator_app.settings import SchoolSettings
from tests.conftest import DEMO_DAY
from tests.core.documents.test_documents import poppler


def _parts(word: str) -> list[str]:
    points = [0, *break_points(word), len(word)]
    return [word[a:b] for a, b in zip(points, points[1:], strict=False)]


@pytest.mark.parametrize(("word", "parts"), [
    ("организатор", ["ор", "га", "ни", "за", "тор"]),
    ("наставничества", ["на", "став", "ни", "че", "ства"]),
    ("сопровождение", ["со", "про", "вож", "де", "ние"]),
    ("педагог-организатор", ["пе", "да", "гог-", "ор", "га", "ни", "за", "тор"]),
    ("Российской", ["Рос", "сий", "ской"]), ("«Лицей", ["«Лицей"]), ("«ученик", ["«уче", "ник"]),
    ("«программисту»,", ["«про", "грам", "ми", "сту»,"]),
    ("подъезд", ["подъ", "езд"]),
    ("УВР", ["УВР"]), ("ОБЗР", ["ОБЗР"]), ("2026-2027", ["2026-2027"]), ("идея", ["идея"]),
])
def test_words_break_at_syllables(word: str, parts: list[str]) -> None:
    assert _parts(word) == parts


def test_a_narrow_column_breaks_words_only_with_a_hyphen() -> None:
    register_fonts()
    words = "Преподаватель-организатор ОБЗР, заместитель директора по воспитательной работе".split()
    for column in (18, 22, 30, 45):
        lines = wrap_words([(w, SERIF) for w in words], 12, column * mm)
        pieces = [w for line in lines for w, _ in line]
        rebuilt, current = [], ""
        for piece in pieces:
            current += piece[:-1] if piece.endswith("-") and piece[:-1] + "-" not in words else piece
            if not piece.endswith("-") or piece in words:
                rebuilt.append(current)
                current = ""
        assert " ".join(rebuilt).replace("--", "-") == " ".join(words), (column, pieces)
        ends = set()  # pieces that end a word
        current = ""
        for piece in pieces:
            current += piece
            if current.replace("-", "") in {w.replace("-", "") for w in words}:
                ends.add(piece)
                current = ""
        for line in lines[:-1]:
            last = line[-1][0]
            assert last in ends or last.endswith("-"), (column, last)  # «органи|затор» never bare


class _Recorder:
    """Stands in for a canvas: records where each run of text starts on each line."""

    def __init__(self) -> None:
        self.origins: list[tuple[float, float]] = []

    def beginText(self) -> _Recorder:  # noqa: N802 (reportlab's name)
        return self

    def setFont(self, *args: object) -> None:  # noqa: N802
        pass

    def setTextOrigin(self, x: float, y: float) -> None:  # noqa: N802
        self.origins.append((x, y))

    def textOut(self, text: str) -> None:  # noqa: N802
        pass

    def drawText(self, text: object) -> None:  # noqa: N802
        pass


def test_justified_lines_have_no_rivers() -> None:
    """Hyphenation fills the lines of the long basis paragraph; a line that would still stretch past
    ``MAX_GAP`` spaces is set flush left rather than opened into a river."""
    register_fonts()
    basis = " ".join(documents.default_basis(SchoolSettings(short_name="МБОУ «СОШ № 17»")))
    space = width(" ", SERIF, 14)
    for column in (60, 90, 180):
        block = TextBlock(basis, 14, "justify", indent=12.5 * mm)
        block.wrap(column * mm, 10_000)
        block.canv = _Recorder()
        block.draw()
        drawn: dict[float, list[float]] = {}
        for x, y in block.canv.origins:
            drawn.setdefault(y, []).append(x)
        widest = 0.0
        for line, starts in zip(block.lines, drawn.values(), strict=True):
            for (word, font), start, following in zip(line, starts, starts[1:], strict=False):
                widest = max(widest, following - start - width(word, font, 14))
        assert widest <= space * MAX_GAP + 0.01, column
        if column == 180:  # the order's own width: hyphenation keeps the spaces close to normal
            gaps = [(column * mm - (12.5 * mm if n == 0 else 0) - sum(width(w, f, 14) for w, f in line))
                    / (len(line) - 1) for n, line in enumerate(block.lines[:-1])]
            assert sum(gaps) / len(gaps) < space * 2


def test_ties_keep_numbers_and_initials_together() -> None:
    text = tie("Приказ № 470-п, куратор Васильева Н.А., директор О.В. Смирнова, г. Калуга — итог")
    assert "№\xa0470-п" in text and "Васильева\xa0Н.А." in text and "О.В.\xa0Смирнова" in text
    assert "г.\xa0Калуга\xa0— итог" in text


LATIN = re.compile(r"[A-Za-z]")


@poppler
def test_no_latin_letters_in_a_russian_document(demo_db: Path, tmp_path: Path) -> None:
    from curator_app.monitoring import analyse, build_blanks, build_report, latest_wave

    made = [
        documents.issue_order(tmp_path / "order.pdf", day=DEMO_DAY).path,
        documents.issue_reward_order(tmp_path / "reward.pdf", day=DEMO_DAY).path,
        documents.make_memos(tmp_path / "memos.pdf", day=DEMO_DAY).path,
        documents.make_certificates(tmp_path / "letters.pdf", day=DEMO_DAY).path,
    ]
    wave = latest_wave(with_responses=True)
    assert wave is not None
    build_blanks(tmp_path / "blanks.pdf", wave.id)
    build_report(analyse(wave.id), tmp_path / "report.pdf", day=DEMO_DAY)
    made += [tmp_path / "blanks.pdf", tmp_path / "report.pdf"]
    for path in made:
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        assert text.strip(), path
        found = sorted({line for line in text.splitlines() if LATIN.search(line)})
        assert found == [], (path.name, found[:5])
