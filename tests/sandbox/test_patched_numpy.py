"""A submission that replaces what the grader's code in its process looks up as it runs.

The harnesses and the wire run in the submission's process and import the same numpy
module, whose attributes the submission can replace. The child hands them a snapshot of
the module taken before the submission loads (`engine.sandbox.child.module_snapshot`), so
what the submission replaces changes its own code only. The child's encoder reads the
wire's namespace, which the submission reaches through the encoder's class: what it can
make the encoder send is re-validated in the parent against fixed tables.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.checkers import get_checker
from engine.sandbox import WorkerPool
from engine.verdict import CaseStatus, Status
from tests.sandbox.helpers import run_adversarial, shown

CLIP = get_checker("deep.clipping.clip_grad_norm")
MOMENTUM = get_checker("nn.optim.momentum_step")

RETURNS_ITS_OWN_GRADS = """
    def clip_grad_norm(grads, max_norm):
        total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
        if total <= max_norm:
            return grads, total  # the caller's own arrays, not copies
        return [g * (max_norm / total) for g in grads], total
"""

VELOCITY_IS_GRAD = """
    def momentum_step(theta, grad, v, lr, beta=0.9):
        v_new = grad if not v.any() else beta * v + grad  # grad itself on the first step
        return theta - lr * v_new, v_new
"""

PATCHES = {
    # np.shares_memory answered False, so the harness saw no shared memory
    "shares-memory-says-no": "np.shares_memory = lambda *args, **kwargs: False",
    # np.ndarray replaced by an unrelated class: the harness saw no array to compare at all
    "ndarray-replaced": 'np.ndarray = type("ndarray", (), {})',
}


@pytest.mark.parametrize("patch", list(PATCHES))
def test_returning_the_callers_gradients_fails_however_numpy_was_patched(
    pool: WorkerPool, patch: str
) -> None:
    source = "import numpy as np\n" + PATCHES[patch] + "\n" + textwrap.dedent(RETURNS_ITS_OWN_GRADS)
    verdict = run_adversarial(
        pool, source, Status.FAILED, "is one of the input arrays", checker=CLIP
    )
    assert any(case.status is CaseStatus.PASSED for case in verdict.cases)  # the values are right


def test_a_velocity_that_is_the_callers_grad_fails_however_numpy_was_patched(
    pool: WorkerPool,
) -> None:
    source = (
        "import numpy as np\n"
        + PATCHES["shares-memory-says-no"]
        + "\n"
        + textwrap.dedent(VELOCITY_IS_GRAD)
    )
    run_adversarial(pool, source, Status.FAILED, "the caller's grad itself", checker=MOMENTUM)


SCALAR_OF_MANY_FIELDS = """
import numpy as np

def _wire_namespace():
    stack, seen = list(object.__subclasses__()), set()
    while stack:
        cls = stack.pop()
        if id(cls) in seen:
            continue
        seen.add(id(cls))
        if cls.__name__ == "Encoder" and "encode" in vars(cls):
            return cls.encode.__globals__
        try:
            stack.extend(type.__subclasses__(cls))
        except TypeError:
            pass
    raise AssertionError("the child's encoder was not found")

class Kind:
    kind = "f"
    str = "f8," * 20_000  # a struct dtype's name: numpy parses it field by field

class Scalar:
    dtype = Kind()
    def __float__(self):
        return 1.0

wire = _wire_namespace()
wire["_NUMPY_SCALAR_TYPES"] = frozenset({Scalar, *wire["_NUMPY_SCALAR_TYPES"]})
wire["_NUMPY_SCALAR_IDS"] = frozenset({id(Scalar), *wire["_NUMPY_SCALAR_IDS"]})  # by identity

def sgd_step(theta, grad, lr):
    return Scalar()
"""


def test_a_scalars_dtype_is_looked_up_in_the_wires_table_never_parsed(pool: WorkerPool) -> None:
    """The child's encoder reads the wire's namespace, which the submission reaches through
    the encoder's class: what it sends as a scalar's dtype name is only a key to look up."""
    verdict = run_adversarial(
        pool,
        SCALAR_OF_MANY_FIELDS,
        Status.INVALID,
        "a scalar of an unknown dtype",
        checker=get_checker("nn.optim.sgd_step"),
    )
    assert "f0" not in shown(verdict)


FIND_THE_WIRE = """
import numpy as np

def namespace_of(name, method):
    stack, seen = list(object.__subclasses__()), set()
    while stack:
        cls = stack.pop()
        if id(cls) in seen:
            continue
        seen.add(id(cls))
        if cls.__name__ == name and method in vars(cls):
            return getattr(cls, method).__globals__
        try:
            stack.extend(type.__subclasses__(cls))
        except TypeError:
            pass
    raise AssertionError(name)

wire = namespace_of("Arrays", "take")
real = wire["_frombuffer"]
"""

INPUTS_BUILT_BY_THE_SUBMISSION = {
    # each case's input was built by the wire's `_frombuffer`, just before its call: a naive
    # sigmoid computed there was counted in no case
    "a-naive-sigmoid-before-each-call": (
        get_checker("nn.activations.sigmoid"),
        """
        ready = {}

        def built(*args):
            flat = real(*args)
            ready[flat.__array_interface__["data"][0]] = 1 / (1 + np.exp(-flat))
            return flat

        wire["_frombuffer"] = built

        def sigmoid(z):
            got = ready.get(z.__array_interface__["data"][0])
            if got is None:
                return 1 / (1 + np.exp(-z))
            return got.reshape(z.shape).copy()
        """,
        "overflow",
    ),
    # inputs of an ndarray subclass of the submission's own, which the in-place check does
    # not look into
    "inputs-of-its-own-class": (
        get_checker("nn.optim.sgd_step"),
        """
        class Mine(np.ndarray):
            pass

        wire["_frombuffer"] = lambda *args: real(*args).view(Mine)

        def sgd_step(theta, grad, lr):
            theta -= lr * grad
            return np.array(theta)
        """,
        "changed its input theta in place",
    ),
}


@pytest.mark.parametrize("attack", list(INPUTS_BUILT_BY_THE_SUBMISSION))
def test_every_input_is_built_before_the_submission_loads(pool: WorkerPool, attack: str) -> None:
    """The wire's `Arrays` class reads the wire's namespace, which the submission reaches
    through that class, so no input is built by it once the submission has loaded."""
    checker, body, phrase = INPUTS_BUILT_BY_THE_SUBMISSION[attack]
    source = textwrap.dedent(FIND_THE_WIRE) + textwrap.dedent(body)
    run_adversarial(pool, source, Status.FAILED, phrase, checker=checker)


SPARE_ARRAY_THAT_REWRITES_THE_MESSAGE = """
import numpy as np

def class_named(name, method):
    stack, seen = list(object.__subclasses__()), set()
    while stack:
        cls = stack.pop()
        if id(cls) in seen:
            continue
        seen.add(id(cls))
        if cls.__name__ == name and method in vars(cls):
            return cls
        try:
            stack.extend(type.__subclasses__(cls))
        except TypeError:
            pass
    raise AssertionError(name)

class Sneaky(np.ndarray):
    def __array_function__(self, func, types, args, kwargs):
        # np.copyto(view, self): the view is of the buffer the result's message is laid out in
        view = args[0]
        buffer = view
        while isinstance(buffer, np.ndarray):
            buffer = buffer.base
        text = bytes(buffer)
        at = text.find(b'"fp":[')
        if at >= 0:
            end = text.index(b"]", at)
            buffer[at + 6 : end] = b" " * (end - at - 6)  # "fp":[   ]: no events
        view[...] = self.view(np.ndarray)

Encoder = class_named("Encoder", "encode")
encode = Encoder.encode

class Twice(list):
    # the arrays as they are when first walked (a check), the spare one as Sneaky afterwards
    walked = 0

    def __iter__(self):
        self.walked += 1
        items = list.__iter__(self)
        if self.walked == 1:
            return items
        return iter([a.view(Sneaky) if a.size == 4096 else a for a in items])

def with_a_spare_array(self, value, path="value", depth=0):
    out = encode(self, value, path, depth)
    if path == "out":  # large enough to be copied with np.copyto
        spare = np.zeros(4096)
        self.arrays = SPARE(self.arrays, spare)
        self.table.append(["<f8", [4096]])
    return out

Encoder.encode = with_a_spare_array

def sigmoid(z):
    return 1 / (1 + np.exp(-z))
"""

SPARES = {
    "an-ndarray-subclass": ("lambda arrays, spare: [*arrays, spare.view(Sneaky)]", "Sneaky"),
    # a plain array when the list is first walked, a Sneaky one when it is walked again
    "a-list-that-changes-between-two-walks": (
        "lambda arrays, spare: Twice([*arrays, spare])",
        "overflow",
    ),
}


@pytest.mark.parametrize("spare", list(SPARES))
def test_the_message_takes_plain_arrays_only_whatever_the_encoder_let_through(
    pool: WorkerPool, spare: str
) -> None:
    """The child's `Encoder` class was the submission's to change; `message`, which lays the
    result out, runs from the wire's private namespace and takes exact ndarrays only (it
    said "Sneaky", or the overflow stayed counted). Since sandbox52b the changed class is
    found before it encodes anything: invalid, in the grader's words, whatever it would do.
    Since the fifty-fourth round the class is immutable: the change is refused as the code
    loads."""
    make, _phrase = SPARES[spare]
    source = SPARE_ARRAY_THAT_REWRITES_THE_MESSAGE.replace("SPARE(", f"({make})(")
    verdict = run_adversarial(
        pool,
        source,
        Status.ERROR,
        "attribute of immutable type 'Encoder'",
        checker=get_checker("nn.activations.sigmoid"),
    )
    assert not verdict.passed
