# expect: passed | passed all
from typing import NamedTuple

import numpy as np


class Split(NamedTuple):
    """A field with a default: typing.NamedTuple sets its __new__'s defaults."""

    z: np.ndarray
    half: float = 0.5


def sigmoid(z):
    s = Split(np.asarray(z, dtype=float))
    return s.half * (1.0 + np.tanh(s.half * s.z))
