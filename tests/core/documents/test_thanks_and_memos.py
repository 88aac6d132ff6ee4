"""The reward order, letters of thanks and memos on made-up people (no database): sorting with «ё», positions
in the right case, pupils and staff in separate points, «Вы», numbers kept with their nouns, «М.П.»; a memo
with only its mentee's own request, no minor's phone, the school's current name, a teacher's own memo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from curator_app.documents.blocks import Keep, Para
from curator_app.documents.data import PairInfo, PersonInfo
from curator_app.documents.letters import mentors_of, write_letters
from curator_app.documents.memos import write_memos
from curator_app.documents.order import OrderParams
from curator_app.documents.reward import mentor_named, reward_document
from curator_app.lang.declension import Name
from curator_app.settings import SchoolSettings
from tests.core.documents.test_documents import pdf_flat, poppler

DAY = dt.date(2026, 11, 16)
SCHOOL = SchoolSettings(full_name="Муниципальное бюджетное общеобразовательное учреждение «Школа № 3»",
                        short_name="МБОУ «Школа № 3»", city="г. Тула", director_name="Орлова Вера Павловна",
                        curator_name="Гончаренко Любовь Игоревна", academic_year="2026-2027")
_ids = iter(range(1, 10_000))


def person(full: str, category: str = "teacher", **fields: object) -> PersonInfo:
    values: dict[str, object] = {"grade": "", "position": "", "workplace": "", "phone": "", "email": "",
                                 "guardian_name": "", "guardian_phone": ""}
    values.update(fields)
    return PersonInfo(id=next(_ids), name=Name.parse(full), category=category, **values)  # type: ignore[arg-type]


def pair(mentor: PersonInfo, mentees: list[PersonInfo], **fields: object) -> PairInfo:
    values: dict[str, object] = {"group_name": "", "form": "Педагог – обучающийся", "form_code": "teacher_pupil",
                                 "status": "active", "start": dt.date(2026, 10, 1), "end": dt.date(2027, 5, 31),
                                 "meeting_rhythm": "раз в неделю", "place": ""}
    values.update(fields)
    return PairInfo(id=next(_ids), mentor=mentor, mentees=mentees, **values)  # type: ignore[arg-type]


def _texts(blocks: list) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Keep):
            out += _texts(block.blocks)
        elif isinstance(block, Para):
            out.append(block.text)
    return out


def test_reward_order_sorts_with_yo_and_rewards_each_kind_in_its_point() -> None:
    mentors = [
        person("Фролова Анна Сергеевна", position="учитель химии"),
        person("Фёдорова Елена Павловна", position="учитель физики"),
        person("Ёлкин Пётр Ильич", position="учитель истории"),
        person("Петров Иван Иванович", "employer", position="программист",
               workplace="МКУ «Центр информационных технологий»"),
        person("Сомова Дарья Игоревна", "student", workplace="Калужский филиал МГТУ им. Н.Э. Баумана"),
        person("Иванова Мария Петровна", "pupil", grade="10А"),
    ]
    texts = _texts(reward_document(SCHOOL, OrderParams("5-п", DAY), mentors).blocks)
    body = "\n".join(texts)
    staff = body.split("1. Объявить благодарность")[1].split("\n2. ")[0]
    assert staff.index("Ёлкину") < staff.index("Фёдоровой") < staff.index("Фроловой")  # «ё» read as «е»
    assert "Фёдоровой Елене Павловне, учителю физики" in staff and "Иванов" not in staff
    assert "2. Наградить грамотами" in body
    assert "2.1. Иванову Марию Петровну, обучающуюся 10А класса." in body  # a pupil: a diploma, accusative
    assert "3. Вручить благодарственные письма" in body
    assert "Петрову Ивану Ивановичу, программисту МКУ «Центр информационных технологий»" in body
    assert "Сомовой Дарье Игоревне, студентке Калужского филиала МГТУ им. Н.Э. Баумана" in body
    assert any(t.startswith("Основание: представление куратора наставничества Гончаренко Л.И.") for t in texts)


def test_positions_in_the_case_a_sentence_needs() -> None:
    engineer = person("Кузнецов Олег Петрович", "employer", position="ведущий инженер-конструктор",
                      workplace="ООО «Тулачермет»")
    assert mentor_named(engineer, "dat") == ("Кузнецову Олегу Петровичу, ведущему инженеру-конструктору "
                                             "ООО «Тулачермет»")
    assert mentor_named(engineer, "acc").startswith("Кузнецова Олега Петровича, ведущего инженера-конструктора")
    girl = person("Белова Кира Олеговна", "pupil", grade="9Б")
    assert mentor_named(girl, "dat") == "Беловой Кире Олеговне, обучающейся 9Б класса"


def test_mentors_of_sorts_with_yo() -> None:
    pairs = [pair(person(n), [person("Сидоров Илья", "pupil", grade="5А")])
             for n in ("Фролова Анна", "Фёдорова Елена", "Фадеев Олег")]
    assert [m.name.last for m, _ in mentors_of(pairs)] == ["Фадеев", "Фёдорова", "Фролова"]


@poppler
def test_a_letter_says_you_keeps_numbers_with_nouns_and_has_a_seal_place(tmp_path: Path) -> None:
    mentees = [person(f"Ученик{i} Иван", "pupil", grade="6А") for i in "АБВГ"]
    teacher = person("Смирнова Ольга Викторовна", position="учитель математики")
    pupil = person("Крылов Олег Ильич", "pupil", grade="11А")
    path, count = write_letters(SCHOOL, [pair(teacher, mentees), pair(pupil, mentees[:1])], tmp_path / "l.pdf", DAY)
    text = pdf_flat(path)
    raw = path.read_bytes()
    assert count == 2 and raw
    assert "которые Вы подарили четырём наставляемым" in text and "которые вы " not in text
    assert text.count("М.П.") == 2
    assert "ГРАМОТА" in text and "награждает грамотой Крылова Олега Ильича" in text
    from curator_app.documents.letters import letter_flowables

    story = letter_flowables(SCHOOL, teacher, [pair(teacher, mentees)], DAY)
    assert any("четырём\xa0наставляемым" in getattr(f, "text", "") for f in story)  # never parted at a line end


@poppler
def test_a_memo_is_its_mentee_s_own(tmp_path: Path) -> None:
    anna = person("Ковалёва Анна Игоревна", "pupil", grade="6Б", request="трудности с математикой",
                  birth_date=dt.date(2014, 3, 1))
    boris = person("Борисов Глеб Олегович", "pupil", grade="6Б", request="страх публичных выступлений",
                   birth_date=dt.date(2014, 5, 1))
    mentor = person("Крылов Олег Ильич", "pupil", grade="11А", phone="+7 900 111-22-33",
                    birth_date=dt.date(2009, 9, 1))
    group = pair(mentor, [anna, boris], group_name="Шаг вперёд", place="кабинет 214",
                 goals=["Запрос наставляемого: страх публичных выступлений", "Преодолеть страх публичных выступлений",
                        "Подготовить проект к защите"])
    teacher = person("Лебедева Ирина Павловна", position="учитель физики", request="классное руководство",
                     birth_date=dt.date(1999, 1, 1))
    staff_pair = pair(person("Орлов Пётр Ильич", position="учитель физики", phone="+7 900 555-66-77",
                             birth_date=dt.date(1970, 1, 1)), [teacher], form="Учитель – учитель",
                      form_code="teacher_teacher")
    school = dataclasses.replace(SCHOOL, short_name="МАОУ «Лицей № 5»")  # the school was renamed
    path, count = write_memos(school, [group, staff_pair], tmp_path / "m.pdf", DAY)
    pages = [pdf_flat_page(path, n) for n in (1, 2, 3)]
    assert count == 3
    first = pages[0]
    assert "ПАМЯТКА НАСТАВЛЯЕМОЙ" in first and "Ваш запрос: трудности с математикой" in first
    assert "публичных" not in first  # a group-mate's request never reaches this memo
    assert "Подготовить проект к защите" in first
    assert "+7 900 111-22-33" not in first and "через куратора наставничества" in first  # a minor mentor
    assert "Место встреч: МАОУ «Лицей № 5», кабинет 214" in first
    assert "ПАМЯТКА НАСТАВЛЯЕМОМУ" in pages[1] and "Ваш запрос: страх публичных выступлений" in pages[1]
    third = pages[2]
    assert "ПАМЯТКА НАСТАВЛЯЕМОМУ ПЕДАГОГУ" in third and "+7 900 555-66-77" in third
    assert "уроки" in third and "Приходите на встречи вовремя" not in third  # speaks to a teacher


def pdf_flat_page(path: Path, page: int) -> str:
    import subprocess

    from tests.core.documents.test_documents import flat

    return flat(subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                               text=True).stdout)
