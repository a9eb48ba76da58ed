"""A submission may set the code and defaults of functions it made itself (namedtuple's
`__new__` among them: `namedtuple(..., defaults=...)` and `typing.NamedTuple` set its
defaults), never of one that was alive before it loaded: numpy's, the stdlib's, the
grader's. Each try is reported back through the naive sigmoid's error."""

from __future__ import annotations

import textwrap

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from tests.sandbox.helpers import shown

SIGMOID = get_checker("nn.activations.sigmoid")

TRIES = """
import collections
import numpy as np

def loose(*args, **kwargs):
    return True

def own(a, b=1, *, c=2):
    return a + b + c

def fresh_new(code, namespace):  # namedtuple's eval, replaced: its `__new__` is numpy's isclose
    return np.isclose.__wrapped__

TRIES = {
    "numpy-defaults": lambda: setattr(np.isclose.__wrapped__, "__defaults__", (1e9, 1e9, True)),
    "numpy-code": lambda: setattr(np.seterr, "__code__", loose.__code__),
    "stdlib-kwdefaults": lambda: setattr(collections.namedtuple, "__kwdefaults__", {}),
    "namedtuple-handed-numpy": lambda: (
        setattr(collections, "eval", fresh_new),
        collections.namedtuple("P", "a", defaults=(1e9,)),
    ),
    "own-defaults": lambda: setattr(own, "__defaults__", (10,)),
    "own-kwdefaults": lambda: setattr(own, "__kwdefaults__", {"c": 20}),
    "own-code": lambda: setattr(own, "__code__", loose.__code__),
}
FOUND = {}
for label, call in TRIES.items():
    try:
        call()
        FOUND[label] = "done"
    except Exception as exc:
        FOUND[label] = "refused" if "rewriting functions" in str(exc) else repr(exc)
vars(collections).pop("eval", None)

def sigmoid(z):
    raise RuntimeError("found " + repr(sorted(FOUND.items())))
"""


def test_only_the_submissions_own_functions_can_be_rewritten(pool: WorkerPool) -> None:
    """Counted before the code loads, numpy's, the stdlib's and the grader's functions stay
    refused (also when namedtuple is handed one of them through a replaced `eval`); the
    code's own are its to change, as namedtuple changes the `__new__` it makes."""
    verdict = grade(SIGMOID, textwrap.dedent(TRIES), seed=11, pool=pool)
    text = shown(verdict)
    assert not verdict.passed, text
    for label in ("numpy-defaults", "numpy-code", "stdlib-kwdefaults", "namedtuple-handed-numpy"):
        assert f"('{label}', 'refused')" in text, text
    for label in ("own-defaults", "own-kwdefaults", "own-code"):
        assert f"('{label}', 'done')" in text, text


NAMEDTUPLES = """
from collections import namedtuple
from typing import NamedTuple
import numpy as np

Parts = namedtuple("Parts", "pos neg", defaults=(None,))

class Half(NamedTuple):
    value: float = 0.5

def sigmoid(z):
    h = Half().value
    return Parts(h * (1.0 + np.tanh(h * np.asarray(z, dtype=float)))).pos
"""


def test_namedtuples_with_defaults_load_and_pass(pool: WorkerPool) -> None:
    """`namedtuple(..., defaults=...)` and `typing.NamedTuple` with a default set their new
    `__new__`'s defaults: refused once as "rewriting functions", now a correct answer."""
    verdict = grade(SIGMOID, textwrap.dedent(NAMEDTUPLES), seed=11, pool=pool)
    assert verdict.passed, shown(verdict)


def test_the_hook_refuses_counted_functions_and_the_graders_namespaces() -> None:
    """Called directly: before the count every function is refused (as before this round);
    after it, one alive at the count stays refused, as does one made later with a grader's
    namespace as globals (a harness's per-case function), and a new one of the code's is
    allowed."""
    import types

    from engine.sandbox import child

    def counted(a: int = 1) -> int:
        return a

    grader_ns: dict[str, object] = {"__builtins__": {}}
    known: list[object] = []
    hook = child._make_hook({"workdir": "/nowhere", "forbidden": [], "allowed": []}, None, known)
    with pytest.raises(PermissionError, match="rewriting functions"):
        hook("object.__setattr__", (counted, "__defaults__", (2,)))
    child.count_functions(known, grader_ns)

    def own(a: int = 1) -> int:
        return a

    per_case = types.FunctionType(own.__code__, grader_ns, "per_case")
    for target, name in (
        (counted, "__defaults__"),
        (per_case, "__code__"),
        (hook, "__kwdefaults__"),
    ):
        with pytest.raises(PermissionError, match="rewriting functions"):
            hook("object.__setattr__", (target, name, None))
    for name in ("__defaults__", "__kwdefaults__", "__code__"):
        assert hook("object.__setattr__", (own, name, None)) is None
    with pytest.raises(PermissionError, match="rewriting functions"):
        hook("object.__setattr__", (type("Own", (), {}), 5, None))  # a name that is no str
