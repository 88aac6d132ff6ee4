"""``python -m curator_app.district.child BACKUP``: print the row of the backup ``BACKUP`` as JSON; its
password, if any, comes on the standard input (never on the command line, where other users could see it).

Run by :mod:`.backups` when the calling process has a database of its own open (the window): this
process reads the backup into memory and nothing else. A refusal goes to stderr as one Russian line, exit
code 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from curator_app.errors import user_message

    from .backups import encode, row_in_process

    try:
        values = row_in_process(Path(argv[0]), sys.stdin.read() or None)
    except Exception as error:  # noqa: BLE001 - the parent shows the message
        print(user_message(error), file=sys.stderr)
        return 1
    print(json.dumps(encode(values)))  # ASCII escapes: no console encoding can spoil it
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
