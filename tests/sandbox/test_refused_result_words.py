"""A refused return is named without running the code's methods (forty-fifth round, sandbox45).

The encoder asked a refused value's class for its `__module__` by `getattr`, which a
metaclass's property of the code's answered, and the child then wrote `repr` of whatever the
encoder raised: an exception whose `repr` raised, or a str subclass whose `__format__` did,
crashed the child with the grader's traceback ("the process exited (code 1) before reporting
a result"), and a `sys.exit` there read as "the result could not be encoded (SystemExit(0))".
Each is now an invalid return in the grader's own words.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial

UNPRINTABLE = """
    class Bad(Exception):
        def __repr__(self):
            raise Bad()
        __str__ = __repr__
"""

ATTACKS: dict[str, tuple[str, str]] = {
    "a-module-property-that-raises": (
        """
        class Meta(type):
            @property
            def __module__(cls):
                raise Bad()
        class Thing(metaclass=Meta):
            pass
        def double(x):
            return Thing()
        """,
        "the returned value: got a submission.Thing; only numpy arrays",
    ),
    "a-module-property-beside-right-values": (
        """
        class Meta(type):
            @property
            def __module__(cls):
                raise Bad()
        class Thing(metaclass=Meta):
            pass
        def double(x):
            return [2 * x, Thing()]
        """,
        "the returned value, item [1]: got a submission.Thing",
    ),
    "a-module-of-a-str-subclass-whose-format-raises": (
        """
        class Text(str):
            def __format__(self, spec):
                raise Bad()
        class Meta(type):
            @property
            def __module__(cls):
                return Text("elsewhere")
        class Thing(metaclass=Meta):
            pass
        def double(x):
            return Thing()
        """,
        "the returned value: got a submission.Thing",
    ),
    "a-module-property-that-exits": (
        """
        import sys
        class Meta(type):
            @property
            def __module__(cls):
                sys.exit(0)
        class Thing(metaclass=Meta):
            pass
        def double(x):
            return Thing()
        """,
        "the returned value: got a submission.Thing",
    ),
    "a-class-property-that-raises": (
        """
        class Thing:
            @property
            def __class__(self):
                raise Bad()
        def double(x):
            return Thing()
        """,
        "invalid return: the result could not be encoded (Bad)",
    ),
    "the-wires-own-error-with-unprintable-words": (
        """
        class Words:
            def __str__(self):
                raise Bad()
        def wire_error():
            for cls in Exception.__subclasses__():
                for found in (cls, *cls.__subclasses__()):
                    if found.__name__ == "WireError":
                        return found
            raise LookupError("no WireError")
        class Thing:
            @property
            def __class__(self):
                raise wire_error()(Words())
        def double(x):
            return Thing()
        """,
        "invalid return: the result could not be encoded (WireError)",
    ),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_refused_return_is_named_in_the_graders_words(pool: WorkerPool, attack: str) -> None:
    body, phrase = ATTACKS[attack]
    source = textwrap.dedent(UNPRINTABLE).lstrip() + textwrap.dedent(body)
    verdict = run_adversarial(pool, source, Status.INVALID, phrase)
    assert "Traceback" not in verdict.stderr, verdict.stderr
