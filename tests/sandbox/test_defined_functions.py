"""A file without the drill's function: what it defines is listed without running its code.

Forty-fifth round (sandbox45): to name what a file defines instead ("it defines doubled
(line 8)"), the child read `getattr(value, "__code__")` of everything the file left in its
namespace and compared its `co_filename`, all by ordinary lookups. A property or
`__getattr__` of the code's ran there, in the grader's frame: one that raised or called
`sys.exit` crashed the child with the grader's traceback ("the process exited before
reporting a result"), and a fake code object's `co_firstlineno` of 5,000 digits crashed the
encoder, one of 101 digits read as "data the protocol does not allow (did the code write to
file descriptors it does not own?)". Now only the file's own functions are listed, read
from their C structs.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial

NO_DOUBLE = "your code does not define `double(x)`; it defines"

ATTACKS: dict[str, str] = {
    "code-property-raises": """
        class Thing:
            @property
            def __code__(self):
                raise ValueError("no code")
        thing = Thing()
    """,
    "getattr-exits": """
        import sys
        class Thing:
            def __getattr__(self, name):
                sys.exit(0)
        thing = Thing()
    """,
    "filename-whose-eq-raises": """
        class Name:
            def __eq__(self, other):
                raise ValueError("no eq")
            __hash__ = object.__hash__
        class Code:
            co_filename = Name()
            co_firstlineno = 1
        class Thing:
            __code__ = Code()
        thing = Thing()
    """,
    "line-of-5000-digits": """
        class Code:
            co_filename = "submission.py"
            co_firstlineno = 10**5000
        class Thing:
            __code__ = Code()
        thing = Thing()
    """,
    "line-of-101-digits": """
        class Code:
            co_filename = "submission.py"
            co_firstlineno = 10**100
        class Thing:
            __code__ = Code()
        thing = Thing()
    """,
}
HELPER = "\ndef doubled(x):\n    return 2 * x\n"


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_what_a_file_defines_is_listed_without_running_its_code(
    pool: WorkerPool, attack: str
) -> None:
    """Each crashed the child or read as a forged frame before; now the file's one real
    function is named at its line, and nothing the fakes claimed."""
    body = textwrap.dedent(ATTACKS[attack]).lstrip()
    source = body + HELPER
    line = source.splitlines().index("def doubled(x):") + 1
    verdict = run_adversarial(pool, source, Status.ERROR, f"{NO_DOUBLE} doubled (line {line})")
    assert "Traceback" not in verdict.stderr, verdict.stderr
    assert verdict.cases[0].message == f"{NO_DOUBLE} doubled (line {line})"


def test_only_the_files_functions_under_their_names_are_listed(pool: WorkerPool) -> None:
    """A name that is no str (`globals()[5] = ...`) listed `5 (line 1)` and `['a', 1]`; a
    lambda bound to a name is a function of the file's and is listed."""
    source = textwrap.dedent("""
        def doubled(x):
            return 2 * x
        twice = lambda x: 2 * x
        globals()[5] = doubled
        globals()[("a", 1)] = doubled
    """).lstrip()
    verdict = run_adversarial(pool, source, Status.ERROR)
    assert verdict.cases[0].message == f"{NO_DOUBLE} doubled (line 1), twice (line 3)"
