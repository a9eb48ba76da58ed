"""The grader's own classes, changed by the code (fifty-second round, sandbox52b).

Setting a class's attribute raises no audit event, and the code finds every class of the
grader's through `object.__subclasses__()`: a `__del__` set on the wire's `Encoder` ran after
each result was laid out, with the grader's encoder as `self`. The child now takes each grader
class's dict, bases, metaclass and names before the code loads and holds them to it before and
after each result is encoded: a change is an invalid return in the grader's own words ("your
code changed the grader's Encoder"), the class is put back, and no method of the code's set
there runs. Since the fifty-fourth round the child also makes those classes immutable before
the code loads (CPython's Py_TPFLAGS_IMMUTABLETYPE, written by the child's `seal_classes`), so each
change is refused in the code's own call: ERROR, with CPython's "cannot set ... attribute of
immutable type"; the check stays behind it, tested in-process. Each answer returns the right
values; each trap records any call the code did not make itself, and the next call raises
"reached: ...".
"""

from __future__ import annotations

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.attack_parts import CLASSES, NOTES
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import DOUBLE, GOOD, run_adversarial, shown

PATIENT = PatientDoubleChecker()

ATTACK = (
    "import sys\nimport numpy as np\n\n"
    + NOTES
    + CLASSES
    + """

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
)

GRADER_CLASSES = {"Encoder": "drillbit_wire", "_JobReader": "drillbit_child"}

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
        .replace("MODULE", repr(GRADER_CLASSES[cls]))
        .replace("CHANGE", CHANGES[change])
    )


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize("cls", list(GRADER_CLASSES))
def test_a_change_to_a_grader_class_is_refused_where_the_code_makes_it(
    pool: WorkerPool, cls: str, change: str
) -> None:
    """Found and put back from the fifty-second round (INVALID, "your code changed the
    grader's Encoder"); refused since the fifty-fourth: the child makes the grader's classes
    immutable before the code loads, so CPython raises in the code's own call."""
    verdict = run_adversarial(
        pool,
        source(cls, change),
        Status.ERROR,
        f"attribute of immutable type '{cls}'",
        checker=PATIENT,
    )
    words = "\n".join(case.message for case in verdict.cases)
    seen = f"{shown(verdict)}\n{words}\n{verdict.stdout}\n{verdict.stderr}"
    assert "reached" not in seen, seen
    # (the code's own line, quoted in its traceback, may hold "passed all 4 cases")
    assert not verdict.summary.startswith("passed"), seen
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


def test_a_class_the_code_tries_to_change_and_put_back_passes(pool: WorkerPool) -> None:
    """The change refused (the class is immutable), the code catching the refusal: its values
    are right and nothing of the grader's changed, so it passes."""
    put_back = (
        "old = cls.__dict__['__init__']\n    try:\n        cls.__init__ = trap('__init__')\n"
        "        cls.__init__ = old\n    except TypeError as exc:\n"
        "        print('refused:', exc)"
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
    assert "refused: cannot set '__init__' attribute of immutable type 'Encoder'" in (
        verdict.stdout
    )


def test_the_check_names_the_class_puts_it_back_and_ignores_a_read() -> None:
    """In-process, on classes made for the test: reading a class (its annotations, which
    CPython makes on first read) is no change; setting `__del__`, deleting a method and
    renaming are, each named, and each put back so the next check finds nothing."""
    from engine.sandbox import child

    namespace: dict[str, object] = {"__name__": "made_here"}
    exec("class Held:\n    def keep(self):\n        return 1\n", namespace)
    held = namespace["Held"]
    assert isinstance(held, type)
    states = child.grader_classes(namespace)
    assert [state[0] for state in states] == [held]
    assert held.__annotations__ == {}
    assert child.changed_classes(states) is None
    keep = vars(held)["keep"]
    held.__del__ = lambda self: None  # type: ignore[attr-defined]
    del held.keep  # type: ignore[attr-defined]
    held.__qualname__ = "passed all 4 cases"
    words = child.changed_classes(states)
    assert words is not None and words.startswith("your code changed the grader's Held")
    assert "passed all" not in words
    assert "__del__" not in vars(held) and vars(held)["keep"] is keep
    assert held.__qualname__ == "Held"
    assert child.changed_classes(states) is None


# the one door past the immutable flag CPython leaves in 3.11: `__abstractmethods__`' own
# setter, called from `type`'s dict, does not check the flag (fifty-fourth round)
ABSTRACT = "type.__dict__['__abstractmethods__'].__set__(cls, frozenset({'encode'}))"


def test_a_class_made_abstract_past_the_flag_is_found_by_the_check(pool: WorkerPool) -> None:
    """The setter adds `__abstractmethods__` to the class's dict: the check finds it, and
    the case is an invalid return in the grader's words (the class cannot be put back: the
    flag refuses the grader too, so each case is found again)."""
    attack = (
        ATTACK.replace("CLASS", "'Encoder'")
        .replace("MODULE", "'drillbit_wire'")
        .replace("CHANGE", ABSTRACT)
    )
    verdict = run_adversarial(
        pool, attack, Status.INVALID, "your code changed the grader's Encoder", checker=PATIENT
    )
    assert "passed all" not in shown(verdict) and "reached" not in shown(verdict)
