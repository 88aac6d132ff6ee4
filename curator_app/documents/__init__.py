"""Printed documents: the order fixing the pairs, the reward order, memos for mentees, letters of thanks.

:mod:`.ops` is what the tab and the CLI call (make, register, list); :mod:`.data` reads the pairs from the
database into plain values (with the consent rule applied); :mod:`.order`, :mod:`.memos`,
:mod:`.letters` lay those values out as blocks, which :mod:`.pdf_render` and :mod:`.docx_render` draw.
Only ``data`` and ``ops`` touch the database, so a worker thread can render. The operations load when
first used: they pull reportlab and python-docx in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curator_app.lazy import lazy_names

if TYPE_CHECKING:
    from .ops import (
        DocumentResult,
        issue_order,
        issue_reward_order,
        make_certificates,
        make_memos,
        render,
    )
    from .register import RegisterRow, register_rows

__getattr__ = lazy_names(__name__, {
    ".ops": ("DocumentResult", "issue_order", "issue_reward_order", "make_certificates", "make_memos", "render"),
    ".register": ("RegisterRow", "register_rows")})

__all__ = ["DocumentResult", "RegisterRow", "issue_order", "issue_reward_order", "make_certificates", "make_memos",
           "register_rows", "render"]
