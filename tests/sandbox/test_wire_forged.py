"""A submission that forges result messages with lying array tables gets a clear verdict.

The forged message is written, during the first call, to every descriptor the
child may own (the result pipe's number is not known to the submission), so it
arrives in place of case 1's result. It lacks the worker's token, which only the
job carries (thirty-first round: a forged result that swallowed the genuine one as a
spare array's bytes passed a naive sigmoid; thirty-second: each frame starts with it), so
the parent refuses it before reading its length or its table, without crashing or reading
more than the result limit; the tables' own checks are in test_wire.py.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool, wire
from engine.verdict import CaseStatus, Status
from tests.sandbox.drills import PatientDoubleChecker, SlowDoubleChecker
from tests.sandbox.helpers import GOOD, run_adversarial, shown

ROOMY = SlowDoubleChecker()
PATIENT = PatientDoubleChecker()
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
    assert "bytes the grader did not write" in first.message, first.message
    assert case_phrase not in first.message  # refused before its table was read


FORGED_FRAME = textwrap.dedent("""
    import os, struct

    def double(x):
        for fd in range(3, 4096):
            try:
                os.write(fd, {forged})
            except OSError:
                pass
        return 2 * x
""")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("forged", "before"),
    [
        ("struct.pack('>cI', b'J', 2**32 - 1)", "a result frame declares an impossible length"),
        ("struct.pack('>cI', b'J', 1_000_000)", "crashed in case 1: the process exited"),
        ("b'hello, grader'", "a result frame declares an impossible length"),
    ],
)
def test_a_forged_frame_is_named_whatever_length_it_declares(
    pool: WorkerPool, forged: str, before: str
) -> None:
    """A frame header written to the result pipe with a length guessed wrong was refused as
    "a result frame declares an impossible length", and one that declared a length under
    the limit swallowed the grader's own frames and read as a crash (`before`). Each frame
    now starts with the job's token, checked before its length: the verdict names that, at
    the case that wrote it."""
    source = FORGED_FRAME.format(forged=forged)
    verdict = run_adversarial(
        pool, source, Status.INVALID, "bytes the grader did not write", checker=ROOMY
    )
    assert before not in shown(verdict), shown(verdict)
    assert "token" in verdict.summary, verdict.summary
    assert verdict.cases[0].name == "case 1", verdict.cases[0]
    assert verdict.cases[0].status is CaseStatus.INVALID


FLOOD = textwrap.dedent("""
    import os

    FRAME = b"J" + (7).to_bytes(4, "big") + b'{"n":0}'  # the smallest message there is
    SENT = []

    def double(x):
        if not SENT:
            SENT.append(1)
            flood = FRAME * ((1 << 20) // len(FRAME))
            for fd in range(3, 4096):
                try:
                    for _ in range(8):  # the whole result limit
                        os.write(fd, flood)
                except OSError:
                    pass
        return 2 * x
""")


@pytest.mark.slow
def test_a_flood_of_tiny_messages_costs_the_app_little(
    pool: WorkerPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message is 12 bytes at the least: the result limit held 700,000 of them, and the app
    decoded each one it had read (87,000 a read, 0.33 s of its CPU) before it looked at the
    first, which was already out of order. A child sends one message per case and four more,
    so the reader refuses past `MAX_FRAMES`: a few hundred decodes, however many came."""
    decoded: list[int] = []
    real = wire._loads

    def counted(payload: bytearray) -> dict[str, Any]:
        decoded.append(1)
        return real(payload)

    monkeypatch.setattr(wire, "_loads", counted)
    run_adversarial(pool, FLOOD, Status.INVALID, checker=ROOMY)
    assert len(decoded) <= wire.MAX_FRAMES + 32, len(decoded)  # + the next grading's


def test_a_drill_of_many_cases_is_not_cut_short(pool: WorkerPool) -> None:
    """The bound on frames follows the job: a drill whose content asks for 300 cases (a
    result message and its arrays each) is graded whole. Under a wall clock a loaded machine
    does not reach: DOUBLE's 1 s for 300 cases ran out at a load average of 14."""
    verdict = grade(PATIENT, GOOD, seed=5, params={"n": 300}, pool=pool)
    assert verdict.passed and verdict.summary == "passed all 300 cases", shown(verdict)


LOAD_ERROR_FORGER = textwrap.dedent("""
    import json, os, struct

    claim = {"t": "load_error", "kind": "missing", "message": "", "n": 0,
             "missing": ["double" + "x" * 600_000] * 10,
             "defined": [["double", int("9" * 4000)]]}
    head = json.dumps(claim).encode()
    message = b"J" + struct.pack(">I", len(head)) + head
    for fd in range(3, 4096):
        try:
            view = memoryview(message)
            while view:
                view = view[os.write(fd, view):]
        except OSError:
            pass
    os._exit(0)
""")


@pytest.mark.slow
def test_a_forged_load_error_names_only_the_drills_functions(pool: WorkerPool) -> None:
    """The names a load error says are missing are the child's word: a submission wrote its
    own, ten of 600,000 characters, and the verdict repeated them in its summary, its case
    and its first failure (21 MB, printed by `drillbit grade` and saved with the try). Only
    the drill's own functions are named now, and a line number of 4,000 digits is dropped;
    since the thirty-first round the forged message, which lacks the worker's token, is
    refused outright."""
    verdict = run_adversarial(
        pool, LOAD_ERROR_FORGER, Status.INVALID, "bytes the grader did not write", checker=ROOMY
    )
    assert "xxxx" not in shown(verdict)
    assert "9999" not in shown(verdict)
    assert len(verdict.model_dump_json()) < 20_000
