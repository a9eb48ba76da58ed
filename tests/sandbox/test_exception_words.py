"""The grader words the code's exceptions without running the code's methods where it must not.

Forty-fifth round (sandbox45): the child read an exception's `__traceback__`, `__qualname__`,
`__module__` and a SystemExit's `repr(code)` by ordinary attribute lookup. A class of the
code's answers those lookups with code of its own: a `__traceback__` property handed the
grader's walk a fake traceback whose `tb_frame` ran while the frame guard was open and read
`main`'s locals (the job's token, the result channel, the guard's switch) in both of the
app's modes; an exit code whose `repr` raised, a metaclass's `__name__` that raised, a str
subclass whose `__format__` raised crashed the child with the grader's own traceback or
named the wrong exception. Each must read as the code's own error, in its own words.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import DOUBLE, run_adversarial, shown

FAKE_TRACEBACK = textwrap.dedent("""
    import sys

    SEEN = []

    class Code:
        @property
        def co_filename(self):
            frame = sys._getframe(1)
            while frame is not None:
                SEEN.append(frame.f_code.co_name)
                frame = frame.f_back
            return "submission.py"
        co_name = "double"

    class Frame:
        f_code = Code()

    class Fake:
        tb_frame = Frame()
        tb_lineno = 1
        tb_next = None

    class Sneaky(Exception):
        @property
        def __traceback__(self):
            return Fake()

    CALLS = []

    def double(x):
        CALLS.append(1)
        if len(CALLS) == 1:
            raise Sneaky("first")
        raise RuntimeError("grader frames seen: " + repr(sorted(set(SEEN))))
""")


def test_a_traceback_property_of_the_codes_runs_nothing_inside_the_walk(
    pool: WorkerPool,
) -> None:
    """Before, cases 2 to 4 read "grader frames seen: ['<module>', 'execute_case',
    'format_user_error', 'main']" and `main`'s locals held `frame_token`."""
    verdict = grade(DOUBLE, FAKE_TRACEBACK, seed=1, pool=pool)
    assert verdict.status is Status.ERROR, shown(verdict)
    first, *rest = [case.message for case in verdict.cases]
    assert first.startswith("submission.Sneaky: first"), first
    line = FAKE_TRACEBACK.splitlines().index('        raise Sneaky("first")') + 1
    assert f'line {line}, in double: raise Sneaky("first")' in first, first  # the real one
    assert rest and all("grader frames seen: []" in message for message in rest), rest


WORDING: dict[str, tuple[str, str]] = {
    "exit-code-whose-repr-raises": (
        """
        import sys
        class Code:
            def __repr__(self):
                raise ValueError("no words")
        def double(x):
            sys.exit(Code())
        """,
        "sys.exit(<an exit code that could not be shown>) was called during the call",
    ),
    "exit-code-whose-repr-exits": (
        """
        import sys
        class Code:
            def __repr__(self):
                sys.exit(0)
        def double(x):
            sys.exit(Code())
        """,
        "sys.exit(<an exit code that could not be shown>) was called during the call",
    ),
    "exit-at-load-whose-repr-raises": (
        """
        import sys
        class Code:
            def __repr__(self):
                raise ValueError("no words")
        sys.exit(Code())
        """,
        "sys.exit(<an exit code that could not be shown>) was called while loading your code",
    ),
    "metaclass-name-raises": (
        """
        class Meta(type):
            @property
            def __name__(cls):
                raise ValueError("no name")
        class Stop(BaseException, metaclass=Meta):
            pass
        def double(x):
            raise Stop()
        """,
        "Stop during the call",
    ),
    "message-a-str-subclass-whose-format-raises": (
        """
        class Text(str):
            def __format__(self, spec):
                raise ValueError("no format")
        class Oops(Exception):
            def __str__(self):
                return Text("its own words")
        def double(x):
            raise Oops()
        """,
        "submission.Oops: its own words",
    ),
    "message-a-str-subclass-whose-format-exits": (
        """
        class Text(str):
            def __format__(self, spec):
                raise SystemExit(0)
        class Oops(Exception):
            def __str__(self):
                return Text("its own words")
        def double(x):
            raise Oops()
        """,
        "submission.Oops: its own words",
    ),
    "qualname-a-str-subclass-at-load": (
        """
        class Text(str):
            def __format__(self, spec):
                raise ValueError("no format")
        class Oops(Exception):
            pass
        Oops.__qualname__ = Text("Oops")
        raise Oops("at load")
        """,
        "submission.Oops: at load",
    ),
    "module-that-is-no-str": (
        """
        class Module:
            def __eq__(self, other):
                raise ValueError("no comparing")
            __hash__ = object.__hash__
        class Oops(Exception):
            pass
        Oops.__module__ = Module()
        def double(x):
            raise Oops("in the call")
        """,
        "Oops: in the call",
    ),
}


@pytest.mark.parametrize("attack", list(WORDING))
def test_the_codes_exception_is_worded_as_its_own(pool: WorkerPool, attack: str) -> None:
    """Each crashed the child before ("the process exited (code 1) before reporting a result",
    the grader's traceback on stderr) or named the exception its wording raised
    ("ValueError during the call")."""
    source, phrase = WORDING[attack]
    verdict = run_adversarial(pool, textwrap.dedent(source).lstrip(), Status.ERROR, phrase)
    assert "Traceback" not in verdict.stderr, verdict.stderr
    assert "no format" not in shown(verdict) and "no comparing" not in shown(verdict)


def test_the_lines_of_a_traceback_are_never_linecaches(pool: WorkerPool) -> None:
    """A line past the file's end (code it compiled under its own name) was looked up in
    `linecache`, which the code had patched: its line's `strip` raised in the grader, and the
    file's KeyError read as "ValueError during the call"."""
    source = textwrap.dedent("""
        import linecache
        class Line:
            def strip(self):
                raise ValueError("no strip")
        linecache.getline = lambda *args, **kwargs: Line()
        FAR = compile("\\n" * 500 + "raise KeyError('far')\\n", "submission.py", "exec")
        def double(x):
            exec(FAR)
    """).lstrip()
    verdict = run_adversarial(pool, source, Status.ERROR)
    assert verdict.cases[0].message == (
        "KeyError: 'far'\n  line 8, in double: exec(FAR)\n  line 501, in <module>"
    ), shown(verdict)
