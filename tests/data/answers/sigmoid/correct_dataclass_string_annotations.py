# expect: passed | passed all
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Halves:
    """With string annotations, dataclass looks this class's module up in sys.modules."""

    half: float = 0.5


def sigmoid(z: np.ndarray) -> np.ndarray:
    h = Halves().half
    return h * (1.0 + np.tanh(h * z))
