"""Results that lie to the checker, and what one grading leaves for the next (the forty-second
round's audit of the verdict's side: code that stays inside but would get a PASS it did not
earn).

The app judges the plain values the child's message holds and never calls a method of the
code's: so a returned object whose `__eq__`, `__bool__`, `__float__`, `__array__` or numpy
hooks answer whatever is asked is refused by the child's encoder, by its exact type, with its
class named, and the wrong values under it never reach a comparison. What a warm worker's
grading changes in its process (environment, warnings filters, recursion limit, modules,
numpy's random state, threads, files; changing directory is refused outright) is gone for the next: each grading
gets a fresh interpreter.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool, wire
from engine.verdict import Status
from tests.sandbox.helpers import DOUBLE, run_adversarial, shown

LIARS = {
    "ndarray-subclass-numpy-hooks": """
        import numpy as np
        class Liar(np.ndarray):
            def __array_ufunc__(self, *args, **kwargs):
                return np.True_
            def __array_function__(self, *args, **kwargs):
                return True
            def __array_finalize__(self, obj):
                pass
            def __eq__(self, other):
                return True
        def double(x):
            return np.zeros_like(x).view(Liar)
    """,
    "float-subclass-equal-to-all": """
        class F(float):
            def __eq__(self, other):
                return True
            __hash__ = float.__hash__
        def double(x):
            return [F(0.0)] * x.size
    """,
    "numpy-float64-subclass": """
        import numpy as np
        class G(np.float64):
            def __eq__(self, other):
                return True
        def double(x):
            return G(0.0)
    """,
    "array-protocol-object": """
        import numpy as np
        class A:
            def __array__(self, dtype=None, copy=None):
                return np.zeros(3)
            def __len__(self):
                return 3
            def __getitem__(self, i):
                return 0.0
            def __eq__(self, other):
                return True
            def __bool__(self):
                return True
            def __float__(self):
                return 0.0
        def double(x):
            return A()
    """,
    "list-subclass": """
        class L(list):
            def __eq__(self, other):
                return True
        def double(x):
            return L([0.0] * x.size)
    """,
    "tuple-subclass": """
        import numpy as np
        class T(tuple):
            def __eq__(self, other):
                return True
        def double(x):
            return T((np.zeros_like(x),))
    """,
    "dict-subclass": """
        import numpy as np
        class D(dict):
            def __eq__(self, other):
                return True
        def double(x):
            return D(out=np.zeros_like(x))
    """,
}
"""Each returns zeros (wrong for `double`) inside an object that claims to be right."""

CLASS_NAMED = {
    "ndarray-subclass-numpy-hooks": "submission.Liar, a subclass of numpy.ndarray",
    "float-subclass-equal-to-all": "submission.F",
    "numpy-float64-subclass": "submission.G",
    "array-protocol-object": "submission.A",
    "list-subclass": "submission.L",
    "tuple-subclass": "submission.T",
    "dict-subclass": "submission.D",
}


@pytest.mark.parametrize("name", sorted(LIARS))
def test_a_result_that_lies_about_itself_is_refused_by_its_type(
    pool: WorkerPool, name: str
) -> None:
    run_adversarial(
        pool, textwrap.dedent(LIARS[name]), Status.INVALID, f"got a {CLASS_NAMED[name]}"
    )


@pytest.mark.parametrize("size", [4, wire.SMALL_COPY // 8 + 5], ids=["small", "large"])
def test_an_array_changed_after_its_message_was_written_arrives_as_it_was(size: int) -> None:
    """The bytes are copied into the message when it is encoded (both copy paths): a thread of
    the code's that rewrites the returned array, or a view of it, once it is sent changes
    nothing the app reads."""
    result = np.zeros(size)
    view = result[::2]
    data = wire.encode_message({"t": "result"}, {"out": [result, view]}, allow_str=False)
    result[...] = 7.0
    ((fields, bulk),) = wire.FrameReader(wire.RESULT_LIMIT).feed(bytes(data))
    got, got_view = wire.decode_field(fields, "out", bulk, allow_str=False, path="out")
    assert not got.any() and not got_view.any()


PLANT = textwrap.dedent("""
    import atexit, builtins, os, sys, tempfile, threading, time, types, warnings
    import numpy as np

    def _tried(step):
        try:
            step()
        except Exception:
            pass

    _tried(lambda: os.environ.__setitem__("S42B_LEFT", "1"))
    _tried(lambda: warnings.filterwarnings("ignore", message="S42B_LEFT"))
    _tried(lambda: sys.setrecursionlimit(4242))
    _tried(lambda: sys.modules.__setitem__("s42b_planted", types.ModuleType("s42b_planted")))
    _tried(lambda: np.random.seed(4242))
    _tried(lambda: setattr(builtins, "S42B_LEFT", True))
    _tried(lambda: setattr(np, "S42B_LEFT", True))

    def _left_file(folder):
        with open(os.path.join(folder, "s42b_left"), "w") as file:
            file.write("1")

    for _folder in {os.path.expanduser("~"), tempfile.gettempdir(), os.getcwd()}:
        _tried(lambda: _left_file(_folder))
    _tried(lambda: atexit.register(_left_file, tempfile.gettempdir()))

    def _linger():
        while True:
            time.sleep(0.05)

    _tried(lambda: threading.Thread(target=_linger, name="s42b-left", daemon=True).start())
""")

FINDS = textwrap.dedent("""
    import builtins, os, sys, tempfile, threading, warnings
    import numpy as np


    def _traces():
        seeded = np.random.RandomState(4242).get_state()[1][0]
        folders = {os.path.expanduser("~"), tempfile.gettempdir(), os.getcwd()}
        return [
            os.environ.get("S42B_LEFT") == "1",
            any("S42B_LEFT" in str(getattr(f[1], "pattern", f[1])) for f in warnings.filters),
            sys.getrecursionlimit() == 4242,
            "s42b_planted" in sys.modules,
            np.random.get_state()[1][0] == seeded,
            getattr(builtins, "S42B_LEFT", False),
            getattr(np, "S42B_LEFT", False),
            any(os.path.exists(os.path.join(d, "s42b_left")) for d in folders),
            any(t.name == "s42b-left" for t in threading.enumerate()),
        ]


    def double(x):
        # right only where something an earlier grading left behind is found
        return 2 * x if any(_traces()) else 2 * x + 1
""")


def test_what_a_grading_leaves_in_its_worker_is_not_there_for_the_next(pool: WorkerPool) -> None:
    # the control: in its own process the finder sees what was planted, and passes (so it
    # can tell); every trace is counted, not just one
    control = textwrap.dedent(PLANT + FINDS.replace("any(_traces())", "all(_traces())"))
    planted = grade(DOUBLE, control, seed=2, pool=pool)
    assert planted.status is Status.PASSED, shown(planted)
    # graded next in the same pool, none of it is there: off by one, as written
    after = grade(DOUBLE, FINDS, seed=2, pool=pool)
    assert after.status is Status.FAILED, shown(after)
