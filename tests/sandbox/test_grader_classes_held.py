"""The grader's own classes, changed by the code (fifty-second round, sandbox52b).

Setting a class's attribute raises no audit event, and the code finds every class of the
grader's through `object.__subclasses__()`: a `__del__` set on the wire's `Encoder` ran after
each result was laid out, with the grader's encoder as `self`. The child now takes each grader
class's dict, bases, metaclass and names before the code loads and holds them to it before and
after each result is encoded: a change is an invalid return in the grader's own words ("your
code changed the grader's Encoder"), the class is put back, and no method of the code's set
there runs. Each answer returns the right values, so INVALID is the check's alone; each trap
records any call the code did not make itself, and the next call raises "reached: ...".
"""

from __future__ import annotations

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import DOUBLE, GOOD, run_adversarial, shown

PATIENT = PatientDoubleChecker()

ATTACK = """import sys
import numpy as np

seen = []
mine = [False]


def note(what):
    if not mine[0]:
        seen.append(what)


def find(name, module):
    todo = list(object.__subclasses__())
    while todo:
        cls = todo.pop()
        try:
            todo.extend(type.__subclasses__(cls))
        except TypeError:
            continue
        if cls.__name__ == name and cls.__dict__.get("__module__") == module:
            return cls
    raise ValueError(name + " not found")


def trap(name):
    def method(self, *args, **kw):
        note(name + " ran")
        if name == "__eq__":
            return True
        if name == "__repr__":
            return "passed all 4 cases"
        if name == "__reduce__":
            return (str, ("passed all 4 cases",))
        return None
    return method


def double(x):
    if seen:
        raise RuntimeError("reached: " + "; ".join(seen))
    mine[0] = True
    cls = find(CLASS, MODULE)
    CHANGE
    mine[0] = False
    return 2 * x
"""

CLASSES = {"Encoder": "drillbit_wire", "_JobReader": "drillbit_child"}

CHANGES = {
    name: f"setattr(cls, {name!r}, trap({name!r}))"
    for name in ("__del__", "__eq__", "__repr__", "__reduce__")
}
CHANGES["its qualified name"] = "cls.__qualname__ = 'passed all 4 cases'"
CHANGES["an attribute deleted"] = "delattr(cls, '__init__')"
# (a class of `object` cannot be rebased on one of the code's: CPython refuses the layout; the
# rebased refusal class is in test_process_tables_and_lying_objects.py)


def source(cls: str, change: str) -> str:
    return (
        ATTACK.replace("CLASS", repr(cls))
        .replace("MODULE", repr(CLASSES[cls]))
        .replace("CHANGE", CHANGES[change])
    )


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize("cls", list(CLASSES))
def test_a_changed_grader_class_is_an_invalid_return_in_the_graders_words(
    pool: WorkerPool, cls: str, change: str
) -> None:
    verdict = run_adversarial(
        pool,
        source(cls, change),
        Status.INVALID,
        f"your code changed the grader's {cls}",
        checker=PATIENT,
    )
    words = "\n".join(case.message for case in verdict.cases)
    seen = f"{shown(verdict)}\n{words}\n{verdict.stdout}\n{verdict.stderr}"
    assert "reached" not in seen, seen
    assert "passed all" not in seen, seen
    # the warm pool's next worker grades a right answer as before
    after = grade(DOUBLE, GOOD, pool=pool)
    assert after.status is Status.PASSED, shown(after)


def test_the_same_answer_without_the_change_passes(pool: WorkerPool) -> None:
    """The attack's own code (finding the class, building the trap) with nothing set passes."""
    verdict = run_adversarial(
        pool,
        source("Encoder", "__del__").replace("setattr(", "(lambda *a: None)("),
        Status.PASSED,
        checker=PATIENT,
    )
    assert "changed the grader's" not in shown(verdict)


def test_a_class_changed_and_put_back_by_the_code_passes(pool: WorkerPool) -> None:
    """Held to as it was made, not to never having been touched: the check reads the class."""
    put_back = (
        "old = cls.__dict__['__init__']\n    cls.__init__ = trap('__init__')\n"
        "    cls.__init__ = old"
    )
    verdict = run_adversarial(
        pool,
        ATTACK.replace("CLASS", "'Encoder'")
        .replace("MODULE", "'drillbit_wire'")
        .replace("CHANGE", put_back),
        Status.PASSED,
        checker=PATIENT,
    )
    assert "changed the grader's" not in shown(verdict)
