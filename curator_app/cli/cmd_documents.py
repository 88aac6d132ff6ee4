"""Documents from the command line: ``order``, ``memos``, ``certificates``, ``documents`` (the register)."""

from __future__ import annotations

import argparse
import datetime as dt

from curator_app.cli import Registry, print_json
from curator_app.errors import CuratorError


def register(registry: Registry) -> None:
    p = registry.command("order", "приказ о закреплении наставнических пар (групп) в PDF или DOCX; "
                         "с номером — регистрируется, а его пары становятся действующими с его даты", _order)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf|.docx", help="куда сохранить приказ")
    p.add_argument("--number", default="", metavar="N", help="номер приказа, например 470-п (без номера — "
                   "проект приказа, не регистрируется)")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата приказа (по умолчанию сегодня)")
    p.add_argument("--pairs", metavar="ID,ID,…", help="только эти пары (по умолчанию все планируемые и действующие)")
    p.add_argument("--long-date", action="store_true", help="дата словами: «1 сентября 2026 г.»")

    p = registry.command("memos", "памятки наставляемым (по странице на каждого) в PDF", _memos)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf")
    p.add_argument("--pairs", metavar="ID,ID,…", help="только эти пары (по умолчанию все планируемые и действующие)")

    p = registry.command("certificates", "благодарственные письма наставникам действующих и завершённых пар "
                         "в PDF; по желанию — приказ о поощрении", _certificates)
    p.add_argument("--out", required=True, metavar="ФАЙЛ.pdf")
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД", help="дата писем и приказа (по умолчанию сегодня)")
    p.add_argument("--pairs", metavar="ID,ID,…", help="только эти пары")
    p.add_argument("--reward-order", metavar="ФАЙЛ.pdf|.docx",
                   help="также приказ «О поощрении участников наставнической деятельности»")
    p.add_argument("--number", default="", metavar="N", help="номер приказа о поощрении")

    registry.command("documents", "реестр выпущенных документов в JSON", _documents, db="read")


def parse_date(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CuratorError(f"Дата «{value}» указана неверно: нужен вид ГГГГ-ММ-ДД, например 2026-09-01.") from None


def parse_ids(value: str | None) -> list[int] | None:
    if not value:
        return None
    try:
        return [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise CuratorError(f"Список «{value}» указан неверно: нужны номера через запятую, например 3,7,12.") \
            from None


def _order(args: argparse.Namespace) -> None:
    from curator_app.documents import issue_order

    result = issue_order(args.out, number=args.number, day=parse_date(args.date), mentorship_ids=parse_ids(args.pairs),
                         long_date=args.long_date)
    print_json({**result.as_dict(), "registered": result.document_id is not None})


def _memos(args: argparse.Namespace) -> None:
    from curator_app.documents import make_memos

    print_json(make_memos(args.out, mentorship_ids=parse_ids(args.pairs)).as_dict())


def _certificates(args: argparse.Namespace) -> None:
    from curator_app.documents import issue_reward_order, make_certificates

    day, ids = parse_date(args.date), parse_ids(args.pairs)
    if args.number and not args.reward_order:
        raise CuratorError("Номер указан, а файл приказа о поощрении — нет: добавьте --reward-order ФАЙЛ.")
    out = make_certificates(args.out, mentorship_ids=ids, day=day).as_dict()
    if args.reward_order:
        out["reward_order"] = issue_reward_order(args.reward_order, number=args.number, day=day,
                                                 mentorship_ids=ids).as_dict()
    print_json(out)


def _documents(args: argparse.Namespace) -> None:
    from curator_app.documents import register_rows

    print_json([{"id": r.id, "kind": r.kind, "number": r.number, "date": r.date, "title": r.title,
                 "file": r.file_path, "pairs": r.pairs} for r in register_rows()])
