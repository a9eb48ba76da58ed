"""A caller's container emptied by one call and refilled by the next (forty-sixth round).

The forty-fifth round checked the inputs' contents after each call of an entry, but their
containers only after the case's last call: `params.pop("w")` in a case's first call, the
array put back in its second, left the dict as it came by the case's end and was never seen.
The containers are now walked after each call too, and the verdict names the input and the
call that took it out.
"""

from __future__ import annotations

import pytest

from engine.grade_inprocess import grade_source_inprocess
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import ScaledStepsChecker
from tests.sandbox.helpers import run_adversarial, shown

SCALED = ScaledStepsChecker()

RIGHT = "def scaled(step, params):\n    return float(step * params['w'].sum())\n"

EMPTIED_AND_REFILLED = """
TAKEN = {}

def scaled(step, params):
    if step == 1:  # the case's first call: the caller's array taken out, kept here
        TAKEN["w"] = params.pop("w")
        return float(step * TAKEN["w"].sum())
    if step == 2:  # its next call: the very same array put back
        params["w"] = TAKEN.pop("w")
    return float(step * params["w"].sum())
"""

SWAPPED_AND_SWAPPED_BACK = """
KEPT = {}

def scaled(step, params):
    w = params["w"]
    if step == 1:  # another array where the caller's was, for one call
        KEPT["w"] = w
        params["w"] = w.copy()
    elif "w" in KEPT:
        params["w"] = KEPT.pop("w")
    return float(step * w.sum())
"""

ADDED_AND_REMOVED = """
def scaled(step, params):
    if step == 1:
        params["spare"] = params["w"] * 0  # an entry the caller never had, for one call
    else:
        params.pop("spare", None)
    return float(step * params["w"].sum())
"""


def test_a_right_answer_over_shared_calls_passes(pool: WorkerPool) -> None:
    verdict = run_adversarial(pool, RIGHT, Status.PASSED, checker=SCALED)
    assert verdict.stderr == "", verdict.stderr


def test_an_input_taken_out_and_put_back_is_named_with_its_call(pool: WorkerPool) -> None:
    """Passed all three cases before: the dict was whole again when the case ended."""
    run_adversarial(
        pool,
        EMPTIED_AND_REFILLED,
        Status.FAILED,
        "changed its input args[0]['w'] (in call 1 of the case, scaled; put back later)",
        checker=SCALED,
    )


def test_an_input_swapped_for_a_copy_and_back_is_named(pool: WorkerPool) -> None:
    run_adversarial(
        pool,
        SWAPPED_AND_SWAPPED_BACK,
        Status.FAILED,
        "args[0]['w'] (in call 1 of the case, scaled; put back later)",
        checker=SCALED,
    )


def test_an_entry_added_for_one_call_is_named(pool: WorkerPool) -> None:
    run_adversarial(
        pool,
        ADDED_AND_REMOVED,
        Status.FAILED,
        "args[0]['spare'] (in call 1 of the case, scaled; put back later)",
        checker=SCALED,
    )


def test_the_in_process_grader_names_it_the_same_way() -> None:
    """Both graders run the same `execute_case`: the in-process one (the tests' and the
    reference answers') sees the emptied dict as the sandbox does."""
    verdict = grade_source_inprocess(SCALED, EMPTIED_AND_REFILLED, seed=3)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert "(in call 1 of the case, scaled; put back later)" in shown(verdict), shown(verdict)
    assert grade_source_inprocess(SCALED, RIGHT, seed=3).status is Status.PASSED


KEY_OF_ITS_OWN = """
class Key:
    def __repr__(self):
        raise SystemExit("passed all 3 cases")

    def __hash__(self):
        return 1


def scaled(step, params):
    if step == 1:
        params[Key()] = params["w"]  # named by its repr, which the walk after this call asks
    elif step == 2:
        params.pop(next(k for k in params if type(k) is Key))
    return float(step * params["w"].sum())
"""


def test_a_key_of_the_codes_whose_repr_exits_runs_nothing_in_the_grader(pool: WorkerPool) -> None:
    """The walk named a key by `repr`: the key's `__repr__` exited in the walk after the call
    (an error of case 1's), and again in the check of case 1's inputs that case 2 runs, outside
    any call, where it crashed the child ("the process exited (code 1)", the grader's
    traceback on its stderr). A key that is no str is named without its code now."""
    verdict = run_adversarial(
        pool,
        KEY_OF_ITS_OWN,
        Status.FAILED,
        "args[0][<a key the code added>] (in call 1 of the case, scaled; put back later)",
        checker=SCALED,
    )
    assert verdict.stderr == "", verdict.stderr


def test_a_key_of_the_codes_left_in_a_callers_dict_is_named_without_its_code(
    pool: WorkerPool,
) -> None:
    """Left there: the case's own check ran its `__repr__` (an error "during the call"), and
    case 2's check of case 1's inputs ran it outside any call and crashed the child."""
    source = KEY_OF_ITS_OWN.replace("    elif step == 2:\n", "    elif step == 0:\n")
    verdict = run_adversarial(
        pool,
        source,
        Status.FAILED,
        "changed its input args[0][<a key the code added>]",
        checker=SCALED,
    )
    assert "crashed" not in verdict.summary, shown(verdict)


TOO_DEEP_TO_WALK = {
    # a caller's dict made to hold itself, for good or for one call
    "a-cycle-left": 'params["me"] = params',
    "a-cycle-for-one-call": 'params["me"] = params\n    elif step == 2:\n        del params["me"]',
    # 200,000 lists, one in the other
    "deep-nesting": "deep = []\n        for _ in range(200_000):\n            deep = [deep]\n"
    '        params["deep"] = deep',
    # a list that holds another twice, 64 times over: 2^64 paths to walk
    "shared-twice-over": "shared = [params['w']]\n        for _ in range(64):\n"
    "            shared = [shared, shared]\n        params['shared'] = shared",
}


@pytest.mark.parametrize("kind", list(TOO_DEEP_TO_WALK))
def test_a_container_too_deep_to_walk_is_named_not_walked(pool: WorkerPool, kind: str) -> None:
    """The walk recursed into what the code put in a caller's dict: a RecursionError, raised
    again by case 2's check of case 1's inputs outside any call, crashed the child ("the
    process exited (code 1)", the grader's traceback on its stderr), in both modes."""
    source = (
        "def scaled(step, params):\n    if step == 1:\n        "
        + TOO_DEEP_TO_WALK[kind]
        + "\n    return float(step * params['w'].sum())\n"
    )
    verdict = run_adversarial(
        pool, source, Status.FAILED, "changed its input args[0][", checker=SCALED
    )
    assert "case 1" in verdict.summary, shown(verdict)
    assert verdict.stderr == "", verdict.stderr


@pytest.mark.parametrize(
    ("how", "named"),
    [
        ('params["w"].flags.writeable = False', "changed its input args[0]['w']"),
        (
            'params["w"].flags.writeable = False\n    elif step == 2:\n'
            '        params["w"].flags.writeable = True',
            "args[0]['w'] (in call 1 of the case, scaled; put back later)",
        ),
    ],
    ids=["left", "for-one-call"],
)
def test_a_callers_array_made_read_only_is_named(pool: WorkerPool, how: str, named: str) -> None:
    """Its bytes, shape and dtype as they came, so it passed: the caller's next write to its
    own array would fail."""
    source = (
        "def scaled(step, params):\n    if step == 1:\n        "
        + how
        + "\n    return float(step * params['w'].sum())\n"
    )
    run_adversarial(pool, source, Status.FAILED, named, checker=SCALED)
