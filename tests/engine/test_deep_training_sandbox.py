"""Every deep-training answer file through the real sandbox: same status and reason as in-process.

tests/sandbox grades one correct and one wrong answer per drill; for this pack's drills
every file goes through the child, so the new harnesses and the wire format are covered
for each known mistake, not only for one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from tests.engine.answer_files import Answer, answers
from tests.sandbox.helpers import LIVE_POOLS, shown

DEEP = [a for a in answers() if a.checker.startswith("deep.")]


@pytest.fixture(scope="module")
def deep_pool() -> Iterator[WorkerPool]:
    """One warm worker at a time is enough for back-to-back grading."""
    with WorkerPool(size=1) as pool:
        LIVE_POOLS.append(pool)
        yield pool


def test_the_pack_has_answers_to_grade() -> None:
    assert len({a.drill for a in DEEP}) >= 2


@pytest.mark.parametrize("answer", DEEP, ids=[f"{a.drill}/{a.path.stem}" for a in DEEP])
def test_deep_training_answer_through_the_sandbox(deep_pool: WorkerPool, answer: Answer) -> None:
    verdict = grade(get_checker(answer.checker), answer.source, seed=3, pool=deep_pool)
    assert verdict.status.value == answer.status, shown(verdict)
    assert answer.phrase in shown(verdict), shown(verdict)
