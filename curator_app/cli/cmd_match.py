"""Command ``match``: «Подобрать всем» from the command line — the optimal draft as JSON, saved with --apply."""

from __future__ import annotations

import argparse

from curator_app.cli import Registry, db_path, print_json


def register(registry: Registry) -> None:
    p = registry.command("match", "подобрать наставников всем наставляемым без пары (оптимально для всей "
                         "школы); без --apply только показать черновик", _match, db="none")
    p.add_argument("--form", metavar="ФОРМА", help="только эта форма наставничества: название или код "
                   "(«Ученик – ученик», pupil_pupil)")
    p.add_argument("--apply", action="store_true", help="сохранить черновик как планируемые пары")
    p.add_argument("--groups", action="store_true", help="с --apply: подопечных одного наставника одной формы "
                   "объединить в группу")


def _match(args: argparse.Namespace) -> None:
    from curator_app.db import open_database
    from curator_app.matching import suggest as matching
    from curator_app.pairs import life as mentorships

    # Looking needs no lock (the window may have the file open); saving pairs does.
    open_database(db_path(args), lock=args.apply, create=False)

    form_id = matching.find_form(args.form).id if args.form else None
    draft = matching.propose(form_id)
    if args.apply and draft.rows:
        mentorships.accept_draft(draft.rows, group=args.groups)
    print_json(matching.draft_json(draft))
