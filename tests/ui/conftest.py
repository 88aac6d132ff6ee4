"""UI tests: the application gets the bundled fonts once, as the real program does."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _app_fonts(qapp: object) -> None:
    from ui.app import make_application

    make_application()
