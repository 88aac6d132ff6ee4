"""UI tests: the application gets the bundled fonts once, as the real program does."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _app_fonts(qapp: object) -> None:
    from ui.app import make_application

    make_application()


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal message box nobody expected would wait forever offscreen: fail the test with its text instead.
    A test that expects one replaces the function itself."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(kind: str):  # type: ignore[no-untyped-def]
        def show(parent: object, title: str, text: str, *args: object, **kwargs: object) -> object:
            raise AssertionError(f"неожиданное окно «{title}» ({kind}): {text}")
        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))
