"""The code a harness sends for a wrong return (engine/checkers/returned.py reads it).

Not a harness: `harness_sources` writes this function's text into each harness that
imports it, in place of the import, because a harness is shipped to the sandbox child
as one text and may not import `engine` there. No text crosses the wire, only the code.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def return_code(value: Any) -> int:
    """What a wrong return is, as a code: a tuple or list by its length, else its type."""
    if isinstance(value, tuple | list):
        return min(len(value), 999)
    if value is None:
        return -1
    if isinstance(value, np.ndarray):
        return -2
    if isinstance(value, bool | np.bool_):
        return -4
    if isinstance(value, int | float | np.number):
        return -3
    if isinstance(value, str):
        return -5
    if isinstance(value, dict):
        return -6
    return -7
