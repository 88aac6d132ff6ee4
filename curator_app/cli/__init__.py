"""The command line: ``curator-app [--db PATH] COMMAND``; with no command it starts the window.

Commands live in the ``cmd_*.py`` modules of this package, each with ``register(registry)``; they are
found at start, so a subject adds its commands without touching this file. Command names, options and
the JSON they print are contracts: extend them, never rename or reshape them.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peewee import DatabaseError

from curator_app.errors import CuratorError, user_message

Handler = Callable[[argparse.Namespace], "int | None"]


# argparse's own words, in Russian: it looks its messages up through the module's ``_`` at call time.
_ARGPARSE_RU = {
    "usage: ": "использование: ",
    "options": "параметры",
    "positional arguments": "аргументы",
    "show this help message and exit": "показать эту справку и выйти",
    "the following arguments are required: %s": "не хватает обязательных аргументов: %s",
    "unrecognized arguments: %s": "лишние аргументы: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (возможны: %(choices)s)",
    "expected one argument": "нужно одно значение",
    "invalid %(type)s value: %(value)r": "неверное значение: %(value)r",
    "argument %(argument_name)s: %(message)s": "параметр %(argument_name)s: %(message)s",
}
_english = argparse._  # type: ignore[attr-defined]
argparse._ = lambda text: _ARGPARSE_RU.get(text) or _english(text)  # type: ignore[attr-defined]


class RussianArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(2, f"Ошибка в командной строке: {message}\n")


class Registry:
    """Where command modules declare their commands and groups (``import``, ``export``, ``survey``)."""

    def __init__(self, subparsers: Any) -> None:
        self._subparsers = subparsers
        self._groups: dict[str, Registry] = {}

    def command(self, name: str, help: str, handler: Handler, *, db: str = "write") -> argparse.ArgumentParser:
        """Declare a command. ``db`` is ``"write"`` (open and lock the database), ``"read"`` (open read-only,
        for commands that only look: never created, locked or migrated) or ``"none"`` (the handler opens
        what it needs)."""
        parser = self._subparsers.add_parser(name, help=help, description=help)
        parser.set_defaults(handler=handler, db_mode=db)
        return parser

    def group(self, name: str, help: str) -> Registry:
        """A command with subcommands of its own, shared between modules (``import bank``, ``import roadmap``)."""
        if name not in self._groups:
            parser = self._subparsers.add_parser(name, help=help, description=help)
            sub = parser.add_subparsers(dest=f"{name}_what", metavar="ЧТО", required=True,
                                        parser_class=RussianArgumentParser)
            self._groups[name] = Registry(sub)
        return self._groups[name]


def build_parser() -> argparse.ArgumentParser:
    parser = RussianArgumentParser(
        prog="curator-app",
        description="Куратор наставничества. Без команды открывает окно программы.",
    )
    parser.add_argument("--db", metavar="ПУТЬ", help="файл базы данных (по умолчанию — в папке данных пользователя)")
    sub = parser.add_subparsers(dest="command", metavar="КОМАНДА", parser_class=RussianArgumentParser)
    registry = Registry(sub)
    package = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(package)]), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            importlib.import_module(f"{__name__}.{info.name}").register(registry)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    from curator_app.paths import default_db_path

    if args.db:
        return Path(args.db)
    env = os.environ.get("CURATOR_DB")
    return Path(env) if env else default_db_path()


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    try:
        from curator_app.files import sweep_tempdir

        sweep_tempdir()  # what killed copies of the program left in the temporary folder
        if args.db_mode != "none":
            from curator_app.db import open_database

            if args.db_mode == "write":
                open_database(db_path(args))
            else:  # a command that only looks never creates, locks or migrates the file
                open_database(db_path(args), lock=False, create=False, read_only=True)
        try:
            return int(args.handler(args) or 0)
        finally:
            from curator_app.db import close_database

            close_database()
    except CuratorError as error:
        print(f"Ошибка: {error}", file=sys.stderr)
        return 1
    except (DatabaseError, sqlite3.DatabaseError, OSError) as error:
        print(user_message(error), file=sys.stderr)
        return 1
    except MemoryError:
        print("Не хватило памяти компьютера: файл слишком велик.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Прервано.", file=sys.stderr)
        return 130
