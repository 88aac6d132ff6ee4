"""A package's face that loads heavy modules only when one of their names is first used (PEP 562), so
that importing the face at start-up does not pull reportlab or python-docx in."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_names(package: str, modules: dict[str, tuple[str, ...]]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``: ``modules`` maps a submodule (".ops") to its names."""
    where = {name: module for module, names in modules.items() for name in names}

    def getattr_(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(module, package), name)

    return getattr_
