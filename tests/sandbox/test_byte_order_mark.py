"""A submission saved as "UTF-8 with BOM" grades as Python runs it (the mark is not code)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.source import BOM, without_bom
from engine.verdict import Status
from tests.engine.answer_files import ANSWERS, Answer, answers
from tests.sandbox.helpers import LIVE_POOLS, shown

SOFTMAX = [a for a in answers() if a.drill in ("softmax", "batchnorm")]


@pytest.fixture(scope="module")
def bom_pool() -> Iterator[WorkerPool]:
    """One warm worker at a time is enough for back-to-back grading."""
    with WorkerPool(size=1) as pool:
        LIVE_POOLS.append(pool)
        yield pool


@pytest.mark.parametrize("answer", SOFTMAX, ids=[f"{a.drill}/{a.path.stem}" for a in SOFTMAX])
def test_a_leading_bom_changes_nothing(bom_pool: WorkerPool, answer: Answer) -> None:
    checker = get_checker(answer.checker)
    verdict = grade(checker, BOM + answer.source, seed=4, pool=bom_pool)
    assert verdict.status.value == answer.status, shown(verdict)
    assert answer.phrase in shown(verdict), shown(verdict)
    local = grade_inprocess(checker, load_submission(BOM + answer.source, checker.entries), seed=4)
    assert local.status.value == answer.status, shown(local)


def test_only_one_bom_is_dropped_as_python_does(bom_pool: WorkerPool) -> None:
    source = (ANSWERS / "softmax" / "correct_shift.py").read_text(encoding="utf-8")
    verdict = grade(get_checker("nn.softmax.softmax"), BOM + BOM + source, seed=4, pool=bom_pool)
    assert verdict.status is Status.ERROR, shown(verdict)
    assert "U+FEFF" in shown(verdict), shown(verdict)
    assert without_bom(BOM + BOM + "x") == BOM + "x"
    assert without_bom("x" + BOM) == "x" + BOM
