"""The year's papers from the command line: ``consents``, ``plans``, ``journal``, ``regulation``,
``launch-order``, and ``template`` to see, change or reset the text of one of them."""

from __future__ import annotations

import argparse
from pathlib import Path

from curator_app.cli import Registry, print_json
from curator_app.cli.cmd_documents import parse_date, parse_ids
from curator_app.errors import CuratorError


def register(registry: Registry) -> None:
    p = registry.command("consents", "бланки согласий, заполненные по карточкам: на обработку персональных данных "
                         "(для несовершеннолетнего — законного представителя) или согласие работника на "
                         "наставничество (ст. 351.8 ТК РФ)", _consents)
    p.add_argument("--out", metavar="ФАЙЛ.pdf|.docx", help="куда сохранить бланки")
    p.add_argument("--kind", choices=["personal-data", "mentoring"], default="personal-data",
                   help="вид согласия (по умолчанию personal-data)")
    p.add_argument("--missing", action="store_true", help="только тем, у кого нет действующего согласия")
    p.add_argument("--person", metavar="ID,ID,…", help="только эти люди")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата бланков и отметок (по умолчанию сегодня)")
    p.add_argument("--mark-issued", action="store_true", help="отметить в карточках «бланк выдан»")
    p.add_argument("--mark-signed", action="store_true", help="отметить выданные бланки подписанными "
                   "(в дату --date); без --out ничего не печатает")

    p = registry.command("plans", "персонализированные программы наставничества (по программе на пару или группу) "
                         "в PDF или DOCX", _plans)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf|.docx")
    p.add_argument("--pair", metavar="ID,ID,…", help="только эти пары (по умолчанию все планируемые и действующие)")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата (по умолчанию сегодня)")

    p = registry.command("journal", "журналы наставника: встречи из журнала пары и пустые строки", _journal)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf|.docx")
    p.add_argument("--pair", metavar="ID,ID,…", help="только эти пары")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата (по умолчанию сегодня)")

    p = registry.command("regulation", "«Положение о программе наставничества» школы (DOCX для правки в Word или "
                         "PDF)", _regulation)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.docx|.pdf")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД")

    p = registry.command("launch-order", "приказ «О внедрении целевой модели наставничества»: утверждает "
                         "Положение и дорожную карту, назначает куратора, создаёт рабочую группу; с номером — "
                         "регистрируется", _launch)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf|.docx")
    p.add_argument("--number", default="", metavar="N", help="номер приказа (без номера — проект)")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата приказа (по умолчанию сегодня)")
    p.add_argument("--group", metavar="«ФИО, должность; …»", help="члены рабочей группы через «;» "
                   "(запоминаются; по умолчанию — сохранённые)")

    p = registry.command("template", "текст шаблона документа: показать, заменить из файла или вернуть исходный",
                         _template)
    p.add_argument("name", nargs="?", metavar="ШАБЛОН", help="regulation, launch_order, consent_personal, "
                   "consent_personal_guardian, consent_mentoring, programme (без имени — список)")
    p.add_argument("--set", metavar="ФАЙЛ.txt", help="заменить текст шаблона текстом из файла (UTF-8)")
    p.add_argument("--reset", action="store_true", help="вернуть исходный текст")


def _consents(args: argparse.Namespace) -> None:
    from curator_app.documents.papers import consent_subjects, make_consents, mark_consents

    day, people = parse_date(args.date), parse_ids(args.person)
    out: dict[str, object] = {}
    if args.mark_signed:
        ids = people if people is not None else [p.id for p in consent_subjects(args.kind, day)]
        out["signed"] = mark_consents(ids, args.kind, "signed", day)
    if args.out:
        result = make_consents(args.out, kind=args.kind, missing=args.missing, person_ids=people, day=day,
                               mark_issued=args.mark_issued)
        out.update({**result.as_dict(), "issued": result.activated})
    elif not args.mark_signed:
        raise CuratorError("Укажите --out ФАЙЛ (куда сохранить бланки) или --mark-signed.")
    print_json(out)


def _plans(args: argparse.Namespace) -> None:
    from curator_app.documents.papers import make_plans

    print_json(make_plans(args.out, mentorship_ids=parse_ids(args.pair), day=parse_date(args.date)).as_dict())


def _journal(args: argparse.Namespace) -> None:
    from curator_app.documents.papers import make_journals

    print_json(make_journals(args.out, mentorship_ids=parse_ids(args.pair), day=parse_date(args.date)).as_dict())


def _regulation(args: argparse.Namespace) -> None:
    from curator_app.documents.papers import make_regulation

    print_json(make_regulation(args.out, day=parse_date(args.date)).as_dict())


def _launch(args: argparse.Namespace) -> None:
    from curator_app.documents.papers import issue_launch_order

    group = [m for m in args.group.split(";")] if args.group is not None else None
    result = issue_launch_order(args.out, number=args.number, day=parse_date(args.date), group=group)
    print_json({**result.as_dict(), "registered": result.document_id is not None})


def _template(args: argparse.Namespace) -> None:
    from curator_app.documents.papers import TEMPLATES, save_template, template_text
    from curator_app.documents.papers.templates import is_edited

    if not args.name:
        print_json([{"name": name, "title": title, "edited": is_edited(name)} for name, title in TEMPLATES.items()])
        return
    if args.name not in TEMPLATES:
        raise CuratorError(f"Шаблона «{args.name}» нет. Есть: {', '.join(TEMPLATES)}.")
    if args.reset:
        save_template(args.name, None)
    elif args.set:
        try:
            text = Path(args.set).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise CuratorError(f"Не удалось прочитать «{args.set}»: нужен текстовый файл в UTF-8.") from None
        save_template(args.name, text)
    else:
        print(template_text(args.name), end="")
        return
    print_json({"name": args.name, "edited": is_edited(args.name)})
