"""The real drills through the real sandbox: one correct and one wrong answer per drill.

The full answer set is graded in-process by tests/engine; here the point is that
the sandbox (wire format, harnesses shipped as text, warm workers) changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from tests.engine.answer_files import Answer, answers
from tests.sandbox.helpers import LIVE_POOLS, shown


def _selection() -> list[Answer]:
    """Per drill: the first correct answer and the first wrong one."""
    chosen: dict[tuple[str, bool], Answer] = {}
    for answer in answers():
        key = (answer.drill, answer.status == "passed")
        chosen.setdefault(key, answer)
    return sorted(chosen.values(), key=lambda a: a.path)


SELECTION = _selection()


@pytest.fixture(scope="module")
def drills_pool() -> Iterator[WorkerPool]:
    """A pool keeping two workers warm, for back-to-back grading."""
    with WorkerPool(size=2) as pool:
        LIVE_POOLS.append(pool)
        yield pool


@pytest.mark.parametrize("answer", SELECTION, ids=[f"{a.drill}/{a.path.stem}" for a in SELECTION])
def test_answer_through_the_sandbox(drills_pool: WorkerPool, answer: Answer) -> None:
    verdict = grade(get_checker(answer.checker), answer.source, seed=1, pool=drills_pool)
    assert verdict.status.value == answer.status, shown(verdict)
    assert answer.phrase in shown(verdict), shown(verdict)


SCIPY_SOFTMAX = (
    "from scipy.special import softmax as columns\n\n\n"
    "def softmax(z):\n    return columns(z, axis=0)\n"
)
SCIPY_INSIDE = (
    "def softmax(z):\n    from scipy.special import softmax as columns\n\n"
    "    return columns(z, axis=0)\n"
)


@pytest.mark.parametrize("source", [SCIPY_SOFTMAX, SCIPY_INSIDE], ids=["at-load", "in-a-call"])
def test_a_library_the_sandbox_lacks_is_named_as_such(drills_pool: WorkerPool, source: str) -> None:
    """scipy is not in the sandbox (only NumPy and the standard library): the verdict says
    so, whether the import runs as the file loads or inside the function."""
    verdict = grade(get_checker("nn.softmax.softmax"), source, seed=1, pool=drills_pool)
    assert verdict.status.value == "error", shown(verdict)
    assert "No module named 'scipy'" in shown(verdict), shown(verdict)
    assert "NumPy and the Python standard library only, so scipy" in shown(verdict), shown(verdict)


def test_an_exception_while_loading_is_named_in_the_headline(drills_pool: WorkerPool) -> None:
    """A file that raises as it loads: the summary (the verdict's headline) and the loading
    row's first line name the exception; they said "your code raised an exception while
    loading:" and stopped at the colon."""
    verdict = grade(get_checker("nn.softmax.softmax"), SCIPY_SOFTMAX, seed=1, pool=drills_pool)
    assert verdict.status.value == "error", shown(verdict)
    named = "while loading, your code raised ModuleNotFoundError: No module named 'scipy'"
    assert verdict.summary == f"error: {named}", verdict.summary
    loading = verdict.cases[0]
    assert loading.message.splitlines()[0] == named, loading.message
    assert "line 1, in <module>: from scipy.special import softmax" in loading.message
