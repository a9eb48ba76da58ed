"""A submission that forges result messages with lying array tables gets a clear verdict.

The forged message is written, during the first call, to every descriptor the
child may own (the result pipe's number is not known to the submission), so it
arrives in place of case 1's result; the genuine result that follows is then
out of order. The parent must refuse the table before building any array and
say so, without crashing or reading more than the result limit.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import CaseStatus, Status
from tests.sandbox.drills import SlowDoubleChecker
from tests.sandbox.helpers import run_adversarial

ROOMY = SlowDoubleChecker()
"""A 5 s wall clock: writing the forged message to every descriptor took over the drill's
usual 1 s on a loaded machine (two CI runs at once on 2 cores), and case 2 then ended on
the clock instead of the lie this file is about."""

FORGER = textwrap.dedent("""
    import json, os, struct

    SENT = []

    def forged():
        head = json.dumps({{"t": "result", "i": 0, "n": 1, "arrays": {table},
                            "out": {{"$d": {{"out": {{"$a": 0}}}}}}}}).encode()
        return (b"J" + struct.pack(">I", len(head)) + head
                + b"B" + struct.pack(">I", {declared}) + {data})

    def double(x):
        if not SENT:
            SENT.append(1)
            message = forged()
            for fd in range(3, 4096):
                try:
                    os.write(fd, message)
                except OSError:
                    pass
        return 2 * x
""")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("table", "data", "case_phrase"),
    [
        ([["<f8", [1000, 1000]]], "bytes(8)", "data is short"),
        ([["<f8", [1]]], "bytes(64)", "bytes left over"),
        ([["|O", [1]]], "b'\\x80\\x04K\\x01.' + bytes(3)", "'|O' is not accepted"),
        ([["<f8", [-1]]], "bytes(8)", "bad shape"),
        ([["<f8", [1]]] * 5000, "bytes(8)", "malformed"),
    ],
)
def test_a_lying_array_table_is_an_invalid_return(
    pool: WorkerPool, table: list[object], data: str, case_phrase: str
) -> None:
    source = FORGER.format(table=table, declared=f"len({data})", data=data)
    verdict = run_adversarial(pool, source, Status.INVALID, "result channel", checker=ROOMY)
    first = verdict.cases[0]
    assert first.status is CaseStatus.INVALID
    assert case_phrase in first.message, first.message


@pytest.mark.slow
def test_an_impossible_frame_length_is_refused_before_reading_it(pool: WorkerPool) -> None:
    source = FORGER.format(table=[["<f8", [1]]], declared=2**32 - 1, data="bytes(8)")
    verdict = run_adversarial(pool, source, Status.INVALID, "impossible length", checker=ROOMY)
    assert verdict.cases[0].status is not CaseStatus.PASSED
