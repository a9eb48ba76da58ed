"""The child's self-checks (input mutated, floating-point warnings) against a submission that fights them.

They run in the submission's process, so they are best-effort; these are the
known ways around them, each of which must now fail: replacing numpy's
functions, changing the error state during the call, and reaching the
runner's frames to clear what it recorded or to write to its result pipe.
"""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.harnesses import _runtime
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import WARM_WITHIN_SECONDS, assert_clean, shown

SIGMOID = get_checker("nn.activations.sigmoid")
NAIVE = "\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"

CHEATS = {
    "patched-errstate-and-seterr": """
        import contextlib
        import numpy as np
        np.errstate = lambda **kw: contextlib.nullcontext()
        np.seterrcall = lambda f: None
        np.seterr(all="ignore")
    """,
    "patched-numpy-internals": """
        import numpy as np
        import numpy._core._ufunc_config as config
        config._make_extobj = lambda **kw: config._extobj_contextvar.get()
        config._get_extobj_dict = lambda: {"divide": "call", "over": "call",
                                           "under": "call", "invalid": "call"}
        np.geterr = lambda: {"divide": "call", "over": "call", "under": "call", "invalid": "call"}
    """,
    "seterr-during-the-call": """
        import numpy as np
        def sigmoid(z):
            np.seterr(all="ignore")
            np.seterrcall(None)
            return 1 / (1 + np.exp(-z))
    """,
    "errstate-inside-the-call": """
        import numpy as np
        def sigmoid(z):
            with np.errstate(all="ignore"):
                return 1 / (1 + np.exp(-z))
    """,
    "seterr-put-back-before-returning": """
        import numpy as np
        def sigmoid(z):
            old = np.seterr(all="ignore")
            try:
                return 1 / (1 + np.exp(-z))
            finally:
                np.seterr(**old)
    """,
    "errstate-as-a-decorator": """
        import numpy as np
        @np.errstate(over="ignore")
        def sigmoid(z):
            return 1 / (1 + np.exp(-z))
    """,
    "numpys-primitive-set-and-reset": """
        import numpy as np
        from numpy._core import _multiarray_umath as core
        def sigmoid(z):
            token = core._extobj_contextvar.set(core._make_extobj(all="ignore"))
            try:
                return 1 / (1 + np.exp(-z))
            finally:
                core._extobj_contextvar.reset(token)
    """,
    "numpys-maker-dug-out-of-the-grader-s-stand-in": """
        import numpy as np
        from numpy._core import _ufunc_config as config
        def sigmoid(z):
            maker = config._make_extobj
            for cell in maker.__closure__ or ():
                if callable(cell.cell_contents):
                    maker = cell.cell_contents
            token = config._extobj_contextvar.set(maker(all="ignore"))
            try:
                return 1 / (1 + np.exp(-z))
            finally:
                config._extobj_contextvar.reset(token)
    """,
    "a-quiet-state-made-as-the-file-loads": """
        import numpy as np
        from numpy._core import _ufunc_config as config
        QUIET = config._make_extobj(all="ignore")  # before any call: numpy's maker was in place
        def sigmoid(z):
            token = config._extobj_contextvar.set(QUIET)
            try:
                return 1 / (1 + np.exp(-z))
            finally:
                config._extobj_contextvar.reset(token)
    """,
    "frames-clear-the-recorded-events": """
        import sys
        import numpy as np
        def _clear():
            try:
                frame = sys._getframe(1)
            except ValueError:
                return
            while frame is not None:
                for value in list(frame.f_locals.values()):
                    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                        value.clear()
                frame = frame.f_back
        def sigmoid(z):
            out = 1 / (1 + np.exp(-z))
            _clear()
            return out
    """,
    "traceback-frames-clear-the-recorded-events": """
        import numpy as np
        def _clear():
            try:
                raise RuntimeError
            except RuntimeError as exc:
                try:
                    frame = exc.__traceback__.tb_frame
                except ValueError:
                    return
            while frame is not None:
                for value in list(frame.f_locals.values()):
                    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                        value.clear()
                frame = frame.f_back
        def sigmoid(z):
            out = 1 / (1 + np.exp(-z))
            _clear()
            return out
    """,
    "the-error-callback-is-reached-and-reset": """
        import numpy as np
        def sigmoid(z):
            out = 1 / (1 + np.exp(-z))
            record = np.geterrcall()
            for cell in (record.__closure__ or ()):
                if isinstance(cell.cell_contents, list):
                    cell.cell_contents.clear()
            for name, value in record.__globals__.items():
                if isinstance(value, list):
                    value.clear()
            return out
    """,
}


@pytest.mark.parametrize("cheat", list(CHEATS))
def test_a_naive_overflowing_sigmoid_does_not_pass(pool: WorkerPool, cheat: str) -> None:
    source = textwrap.dedent(CHEATS[cheat])
    if "def sigmoid" not in source:
        source += NAIVE
    pool.wait_warm(WARM_WITHIN_SECONDS)
    verdict = grade(SIGMOID, source, seed=11, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert verdict.status in (Status.FAILED, Status.ERROR), shown(verdict)
    message = shown(verdict)
    assert "overflow" in message or "error handling" in message or "frames" in message, message
    assert_clean([pool])


def test_the_naive_sigmoid_alone_fails_on_overflow(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, "import numpy as np\n" + NAIVE, seed=11, pool=pool)
    assert verdict.status is Status.FAILED and "overflow" in shown(verdict), shown(verdict)


MUTATING = """
import numpy as np
np.array_equal = lambda *args, **kwargs: True
np.ndarray.copy  # a C method: it cannot be replaced
def sigmoid(z):
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    z[...] = out  # writes over the caller's input
    return out
"""


def test_patched_array_equal_does_not_hide_a_mutated_input(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, MUTATING, seed=11, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert "in place" in shown(verdict), shown(verdict)


def test_frames_are_out_of_reach_but_namedtuple_still_works(pool: WorkerPool) -> None:
    source = textwrap.dedent("""
        import collections, sys, traceback
        import numpy as np
        Pair = collections.namedtuple("Pair", "a b")
        def sigmoid(z):
            assert Pair(1, 2).a == 1
            try:
                sys._getframe(1)
            except ValueError as exc:
                assert "inspecting stack frames" in str(exc)
            else:
                raise AssertionError("sys._getframe was allowed")
            e = np.exp(-np.abs(z))
            return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    """)
    verdict = grade(SIGMOID, source, seed=11, pool=pool)
    assert verdict.passed, shown(verdict)


def test_a_user_traceback_still_names_the_submissions_lines(pool: WorkerPool) -> None:
    source = "import numpy as np\n\ndef sigmoid(z):\n    return helper(z)\n\ndef helper(z):\n    raise KeyError('boom')\n"
    verdict = grade(SIGMOID, source, seed=11, pool=pool)
    message = shown(verdict)
    assert "KeyError: 'boom'" in message, message
    assert "line 4, in sigmoid: return helper(z)" in message, message
    assert "line 7, in helper: raise KeyError('boom')" in message, message


def test_the_verdict_says_the_self_checks_are_best_effort(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, "import numpy as np\n" + NAIVE, seed=11, pool=pool)
    (note,) = [layer for layer in verdict.isolation if layer.startswith("note:")]
    assert "best-effort self-checks" in note and "judged here, in the parent" in note


L2 = get_checker("deep.regularization.l2_penalty_and_grads")
CALLERS_DICT_CHANGED = {
    # a learner's "biases are not penalized": the caller's dict loses its biases
    "entries-popped": """
        def l2_penalty_and_grads(params, lam, m):
            grads = {}
            for key in [k for k in params if k.startswith("b")]:
                grads[key] = np.zeros_like(params.pop(key))
            penalty = lam / (2 * m) * sum(float(np.sum(W * W)) for W in params.values())
            for key, W in params.items():
                grads[key] = lam / m * W
            return penalty, grads
    """,
    # the caller's arrays emptied in place, pristine copies left where the check looks
    "copies-swapped-in": """
        def l2_penalty_and_grads(params, lam, m):
            grads, penalty = {}, 0.0
            for key in list(params):
                value = params[key]
                params[key] = value.copy()
                if key.startswith("W"):
                    penalty += lam / (2 * m) * float(np.sum(value * value))
                    grads[key] = lam / m * value
                    value *= 0.0
                else:
                    grads[key] = np.zeros_like(value)
            return penalty, grads
    """,
    # the same, behind a dict subclass whose items() shows the check a pristine array
    "a-dict-that-lies": """
        class Shown(dict):
            def items(self):
                return [("", self.pristine)]

        def l2_penalty_and_grads(params, lam, m):
            grads, penalty = {}, 0.0
            for key in list(params):
                value = params[key]
                grads[key] = lam / m * value if key.startswith("W") else np.zeros_like(value)
                if key.startswith("W"):
                    penalty += lam / (2 * m) * float(np.sum(value * value))
                    shown = Shown()
                    shown.pristine = value.copy()
                    params[key] = shown
                    value *= 0.0
            return penalty, grads
    """,
}


@pytest.mark.parametrize("change", list(CALLERS_DICT_CHANGED))
def test_a_changed_entry_of_the_callers_dict_is_an_input_changed_in_place(
    pool: WorkerPool, change: str
) -> None:
    source = "import numpy as np\n" + textwrap.dedent(CALLERS_DICT_CHANGED[change])
    pool.wait_warm(WARM_WITHIN_SECONDS)
    verdict = grade(L2, source, seed=11, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert "changed its input" in shown(verdict) and "params['" in shown(verdict), shown(verdict)
    assert_clean([pool])


BETWEEN_CALLS = """
import weakref
import numpy as np

pending = {}

def _fill():
    # runs when the grader drops the last case's returned array: after the next call's
    # events were counted, before its result was sent
    if "out" in pending:
        pending["out"][...] = 1 / (1 + np.exp(-pending["z"]))

def sigmoid(z):
    if not pending:
        out = 1 / (1 + np.exp(-z))  # case 1: nothing overflows there
    else:
        out = np.zeros_like(z)  # filled in by the finalizer of the last case's result
    pending["z"], pending["out"] = z, out
    weakref.finalize(out, _fill)
    return out
"""


def test_a_naive_sigmoid_computed_between_two_calls_fails_on_overflow(pool: WorkerPool) -> None:
    pool.wait_warm(WARM_WITHIN_SECONDS)
    verdict = grade(SIGMOID, BETWEEN_CALLS, seed=11, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert "overflow" in shown(verdict), shown(verdict)
    assert_clean([pool])


def test_what_is_sent_is_the_graders_copy_of_the_returned_values() -> None:
    """Code of the submission's that runs after the call (a thread, a finalizer) changes
    nothing that is sent: the events counted by then are all those behind the values."""
    kept: list[np.ndarray] = []

    def run_case(fns: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
        out = np.zeros(3)
        kept.append(out)
        return {"out": (out, [out], {"again": out})}

    raw = _runtime.execute_case(run_case, {}, {"fn": "f", "args": []}, False)
    kept[0][:] = 1.0  # after the call, as a thread or a finalizer of the submission's would
    first, listed, named = raw["outputs"]["out"]
    assert not first.any() and not listed[0].any() and not named["again"].any()


def test_a_returned_value_the_wire_refuses_is_not_copied_first() -> None:
    """Past the wire's bounds (4096 arrays, 8 MiB, about a million items) the value is handed
    on as it is, for the wire to refuse at once: copying 900,000 small arrays first took the
    time the refusal "more than 4096 arrays" used to be reported in."""
    many_arrays = [np.zeros(1) for _ in range(4097)]
    many_items = [0.0] * ((1 << 20) + 1)
    large = np.zeros((8 << 20) // 8 + 1)
    for value in (many_arrays, many_items, (large,)):
        assert _runtime._frozen(value) is value
    within = [np.zeros(1) for _ in range(4096)]
    frozen = _runtime._frozen(within)
    assert frozen is not within and all(a is not b for a, b in zip(frozen, within, strict=True))
