"""What numpy reports while a file loads, in a drill that checks for floating-point events.

Since the thirty-first round the grader's strict error state is in place before the file
loads (a state the file made then must not ignore the calls' events), so numpy printed no
warning for the file's own top-level code: an overflow there went unsaid. It is not graded
(only the calls are), but the user is told, as numpy's warning told them before.
"""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from tests.sandbox.helpers import DOUBLE, GOOD, shown

SIGMOID = get_checker("nn.activations.sigmoid")
STABLE = """
def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))
"""


@pytest.mark.parametrize(
    ("top_level", "words"),
    [
        ("np.exp(np.float64(1000.0))", "RuntimeWarning: overflow as your file loaded"),
        ("np.float64(1.0) / np.float64(0.0)", "RuntimeWarning: divide by zero as your file loaded"),
        ("np.float64(0.0) / np.float64(0.0)", "RuntimeWarning: invalid value as your file loaded"),
    ],
)
def test_an_event_of_the_files_top_level_code_is_said_and_not_graded(
    pool: WorkerPool, top_level: str, words: str
) -> None:
    source = f"import numpy as np\nSELF_TEST = {top_level}\n{STABLE}"
    verdict = grade(SIGMOID, source, seed=11, pool=pool)
    assert verdict.passed, shown(verdict)
    assert words in verdict.stderr, verdict.stderr
    assert "only the calls are graded" in verdict.stderr


def test_a_quiet_load_and_an_underflow_say_nothing(pool: WorkerPool) -> None:
    """Underflow to 0 is fine in these drills: it is no more said as the file loads than
    counted in a call."""
    source = f"import numpy as np\nTINY = np.exp(np.float64(-1000.0))\n{STABLE}"
    verdict = grade(SIGMOID, source, seed=11, pool=pool)
    assert verdict.passed and verdict.stderr == "", shown(verdict) + verdict.stderr


def test_a_drill_that_does_not_check_events_adds_nothing(pool: WorkerPool) -> None:
    source = "import numpy as np\nBIG = np.exp(np.float64(1000.0))\n" + GOOD
    verdict = grade(DOUBLE, source, seed=11, pool=pool)
    assert verdict.passed and "as your file loaded" not in verdict.stderr, shown(verdict)
