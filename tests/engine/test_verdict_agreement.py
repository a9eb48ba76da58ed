"""A verdict says one thing: the headline's status is the problem explained first, a file
lacking a function is told the line the starter writes, and a number too large for the
wire is named by the wire, not by a check no answer reaches."""

from __future__ import annotations

import ast
import math
import re
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from engine.checkers import get_checker
from engine.checks import not_written_message
from engine.grade_inprocess import grade_inprocess, grade_source_inprocess, load_submission
from engine.harnesses import _runtime
from engine.outcome import NOT_WRITTEN
from engine.signature_text import written_signature
from engine.verdict import CaseResult, CaseStatus, Status, build_verdict
from quiz.bank.loader import load_bank

CONTENT = Path(__file__).resolve().parents[2] / "content"

SIGMOID_LIST = """\
import math


def sigmoid(z):
    return [1 / (1 + math.exp(-v)) for v in z.ravel()]
"""
"""A list (FAILED on every case) whose math.exp raises OverflowError on large inputs (ERROR
on those): the headline said ERROR while "First problem" explained case 1's list."""


def test_the_problem_shown_first_has_the_headlines_status() -> None:
    verdict = grade_source_inprocess(get_checker("nn.activations.sigmoid"), SIGMOID_LIST, seed=1)
    statuses = [case.status for case in verdict.cases]
    # the case the old choice showed (the first that did not pass) only failed
    assert statuses[0] is CaseStatus.FAILED and CaseStatus.ERROR in statuses
    assert verdict.status is Status.ERROR
    first = verdict.first_failure
    assert first is not None and first.status is CaseStatus.ERROR
    assert first == next(c for c in verdict.cases if c.status is CaseStatus.ERROR)
    assert "OverflowError" in first.message
    assert verdict.summary.startswith(f"error: 0/{len(statuses)} cases passed; first problem in")
    assert first.name in verdict.summary and "numpy array" not in verdict.summary


def _case(number: int, status: CaseStatus) -> CaseResult:
    return CaseResult(name=f"case {number}: x", status=status, message=f"{status.value} {number}")


def _common() -> dict[str, Any]:
    return {"seed": 0, "duration_ms": 1.0, "isolation": []}


def test_a_runners_status_picks_its_own_case_and_a_plain_failure_stays_the_first() -> None:
    """A timeout after two failed cases: the headline is the runner's TIMEOUT, so the timed-out
    case is explained; with failures alone the first failure is, as before."""
    ran = [_case(1, CaseStatus.FAILED), _case(2, CaseStatus.PASSED), _case(3, CaseStatus.FAILED)]
    timed_out = [*ran, _case(4, CaseStatus.TIMEOUT), _case(5, CaseStatus.NOT_RUN)]
    common = _common()
    stopped = build_verdict("d", timed_out, status=Status.TIMEOUT, summary="timeout", **common)
    assert stopped.first_failure is not None and stopped.first_failure.name == "case 4: x"
    failed = build_verdict("d", ran, **common)
    assert failed.status is Status.FAILED
    assert failed.first_failure is not None and failed.first_failure.name == "case 1: x"
    invalid = build_verdict("d", [*ran, _case(4, CaseStatus.INVALID)], **common)
    assert invalid.status is Status.INVALID
    assert invalid.first_failure is not None and invalid.first_failure.name == "case 4: x"
    crashed = [_case(1, CaseStatus.FAILED), _case(2, CaseStatus.ERROR)]
    died = build_verdict("d", crashed, status=Status.CRASHED, summary="crashed", **common)
    assert died.first_failure is not None and died.first_failure.name == "case 2: x"


def test_a_missing_function_is_told_the_default_as_the_starter_writes_it() -> None:
    checker = get_checker("nn.gradcheck.numerical_gradient")
    verdict = grade_source_inprocess(checker, "def helper():\n    pass\n", seed=0)
    assert verdict.status is Status.ERROR and verdict.first_failure is not None
    message = verdict.first_failure.message
    assert "`numerical_gradient(f, x, eps=1e-5)`" in message, message
    assert "1e-05" not in message and "1e-05" not in verdict.summary


def _starter_defs() -> list[tuple[str, str, str, str]]:
    """(card id, checker, entry, the entry's def line as the starter writes it)."""
    found = []
    for card in load_bank([CONTENT], use_cache=False).cards:
        checker = getattr(card.front, "checker", None)
        if card.front.kind != "coding" or not checker:
            continue
        entries = set(get_checker(checker).entries)
        for node in ast.parse(card.starter).body:
            if isinstance(node, ast.FunctionDef) and node.name in entries:
                header = re.search(rf"def {node.name}\((.*?)\)\s*:", card.starter, re.S)
                assert header is not None, card.id
                params = " ".join(header[1].split()).rstrip(",")  # one line, no trailing comma
                found.append((card.id, checker, node.name, f"{node.name}({params})"))
    return found


def test_every_starters_def_line_is_what_a_file_lacking_it_is_told() -> None:
    """The message is a line to copy: it must be the starter's own, default for default."""
    defs = _starter_defs()
    assert len(defs) > 30
    for card_id, checker, entry, written in defs:
        told = get_checker(checker).call_signatures()[entry]
        assert told == written, card_id


def _keyword_only(x: float, *, scale: float = 1e-3, name: str = "a b") -> float:
    return x


def _starred(x: float, tol: float = 1e-8, *rest: float, **options: str) -> float:
    return x


def test_a_signature_keeps_every_kind_of_parameter_and_falls_back_where_source_is_not_its() -> None:
    assert written_signature("f", _keyword_only) == 'f(x, *, scale=1e-3, name="a b")'
    assert written_signature("g", _starred) == "g(x, tol=1e-8, *rest, **options)"
    # a partial's source is not its signature's: Python's own rendering, never a wrong line
    bound = partial(_starred, tol=5e-1)
    assert written_signature("h", bound) == "h(x, *, tol=0.5, **options)"
    assert written_signature("floor", math.floor) == "floor(x, /)"


@pytest.mark.parametrize("big", [10**30, 10**400, -(10**400)])
def test_an_int_past_64_bits_is_refused_by_the_wire_with_its_size(big: int) -> None:
    """Judgement.scalar named ints too large for a float64 ("an int with 401 digits"), but the
    wire refuses any int past 64 bits first, so no answer reached that words: they are gone,
    and this is what an answer returning one reads."""
    source = f"def cross_entropy(y_hat, y):\n    return {big}\n"
    checker = get_checker("nn.softmax.cross_entropy")
    verdict = grade_source_inprocess(checker, source, seed=0)
    assert verdict.status is Status.INVALID and verdict.first_failure is not None
    message = verdict.first_failure.message
    assert f"an int of {big.bit_length()} bits is too large to send" in message, message
    assert "fit in 64 bits" in message and "digits" not in message


def test_every_starter_is_told_kindly_that_it_is_not_written_yet() -> None:
    """A first grading of the unchanged starter read "your code raised NotImplementedError"
    over the starter's own `raise` line: each case now names the function not written yet
    and points at the Task, with no traceback."""
    told = 0
    for card in load_bank([CONTENT], use_cache=False).cards:
        checker = getattr(card.front, "checker", None)
        if card.front.kind != "coding" or not checker:
            continue
        entries = get_checker(checker).entries
        verdict = grade_source_inprocess(get_checker(checker), card.starter, seed=2)
        for case in verdict.cases:
            assert "raised NotImplementedError" not in case.message, (card.id, case.message)
            if NOT_WRITTEN not in case.message:
                continue
            told += 1
            headline, _, advice = case.message.partition("\n")
            assert headline.removesuffix(f" {NOT_WRITTEN}") in entries, (card.id, headline)
            assert "as the Task asks" in advice and ", in " not in advice, (card.id, advice)
    assert told > 100  # nearly every starter raises, on every case


def test_only_not_implemented_is_not_written_and_its_function_is_the_one_that_raised() -> None:
    nested = (
        "NotImplementedError\n"
        "  line 9, in layer_forward: return helper(x)\n"
        "  line 4, in helper: raise NotImplementedError"
    )
    message = not_written_message(nested)
    assert message is not None and message.startswith(f"helper {NOT_WRITTEN}\n")
    assert "(line 4)" in message
    assert not_written_message("NotImplementedError: later") == (
        f"your code {NOT_WRITTEN}\nit raises NotImplementedError: write it as the Task asks"
    )
    for other in ("ValueError: shapes\n  line 3, in f: x", "NotImplementedErrorish: no", ""):
        assert not_written_message(other) is None


def test_a_frame_shown_without_its_text_still_names_the_function_not_written() -> None:
    """The grader shows a frame's text only from its own copy of the file (forty-fifth
    round): a frame without it ends at the name, with no colon, and the starter's verdict
    read "your code is not written yet" where it had named `sgd_step`."""
    message = not_written_message("NotImplementedError\n  line 2, in sgd_step")
    assert message is not None and message.startswith(f"sgd_step {NOT_WRITTEN}\n"), message
    assert "(line 2)" in message


def test_in_process_tracebacks_show_the_lines_of_the_file_graded_not_the_last_loaded() -> None:
    """`load_submission` did not hand the grader its file's lines, so a traceback showed the
    lines of whatever file had been loaded before it in the same process, or none: the
    drill screen's tests passed or failed by which tests their worker had run first."""
    checker = get_checker("nn.optim.sgd_step")
    load_submission("x = 1\ny = 2\nz = 3\n", ())  # another file, loaded first
    starter = "def sgd_step(theta, grad, lr):\n    raise NotImplementedError  # mine\n"
    verdict = grade_inprocess(checker, load_submission(starter, checker.entries), seed=2)
    first = verdict.cases[0].message
    assert first.startswith(f"sgd_step {NOT_WRITTEN}\n"), first
    with pytest.raises(NotImplementedError) as raised:
        load_submission(starter, checker.entries)["sgd_step"](0, 0, 0)
    assert _runtime.format_user_error(raised.value) == (
        "NotImplementedError\n  line 2, in sgd_step: raise NotImplementedError  # mine"
    )
