"""Grading in this process leaves this process's numpy as it found it (thirty-third round).

`load_submission` runs a file's top level here, and an answer that switched numpy's
floating-point errors off there (`np.seterr(all="ignore")`, a correct sigmoid answer among
tests/data/answers) left them off for every test after it in the same pytest worker: a
test of an overflow then passed or failed by which tests its worker had run before it.
"""

from __future__ import annotations

import numpy as np

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission

SIGMOID = get_checker("nn.activations.sigmoid")

SWITCHES_ERRORS_OFF = """
import numpy as np

np.seterr(all="ignore")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))
"""


def test_a_files_top_level_seterr_stays_in_its_grading() -> None:
    before = np.geterr()
    with np.errstate(over="warn"):
        fns = load_submission(SWITCHES_ERRORS_OFF, SIGMOID.entries)
        assert np.geterr()["over"] == "warn"
        grade_inprocess(SIGMOID, fns, seed=0)
        assert np.geterr()["over"] == "warn"
    assert np.geterr() == before
