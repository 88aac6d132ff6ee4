"""Keyboard shortcuts for the main actions, each named in its button's tooltip so the curator can find it."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton


def bind(button: QAbstractButton, keys: str) -> None:
    """``keys`` («Ctrl+I») presses ``button`` while its tab is shown; the tooltip says so: «… (Ctrl+I)»."""
    sequence = QKeySequence(keys)
    button.setShortcut(sequence)
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    tip = button.toolTip()
    button.setToolTip(f"{tip} ({text})" if tip else text)
