"""The weights panel: each soft criterion's weight from 0 to 10 and «обязательно», remembered in settings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from curator_app.matching import load_weights, save_weights
from curator_app.matching.rules import CRITERIA, Weight, Weights, default_weights


class WeightsPanel(QGroupBox):
    """Spin boxes and check boxes over ``CRITERIA``; ``saved`` is emitted after the curator saves."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Веса критериев (0–10)", parent)
        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.required: dict[str, QCheckBox] = {}
        for row, (key, label, _) in enumerate(CRITERIA):
            text = QLabel(label)
            text.setWordWrap(True)
            spin = QDoubleSpinBox()
            spin.setRange(0, 10)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setToolTip("Сколько баллов даёт критерий, выполненный полностью")
            must = QCheckBox("обязательно")
            must.setToolTip("Без этого критерия пара не допускается")
            grid.addWidget(text, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(must, row, 2)
            self.spins[key], self.required[key] = spin, must
        self.save_button = QPushButton("Сохранить веса")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton("По умолчанию")
        self.reset_button.clicked.connect(lambda: self.show_weights(default_weights()))
        grid.addWidget(self.reset_button, len(CRITERIA), 0)
        grid.addWidget(self.save_button, len(CRITERIA), 1, 1, 2)
        grid.setRowStretch(len(CRITERIA) + 1, 1)

    def load(self) -> None:
        self.show_weights(load_weights())

    def show_weights(self, weights: Weights) -> None:
        for key, w in weights.items():
            self.spins[key].setValue(w.weight)
            self.required[key].setChecked(w.required)

    def weights(self) -> Weights:
        return {key: Weight(self.spins[key].value(), self.required[key].isChecked()) for key in self.spins}

    def save(self) -> None:
        save_weights(self.weights())
        self.saved.emit()
