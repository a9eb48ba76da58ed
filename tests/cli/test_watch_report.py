"""What `drillbit watch` prints on a pass: the explanation re-flowed, its code kept whole."""

from __future__ import annotations

from engine.verdict import Status, Verdict
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from quiz.watch_report import watch_report

LONG_CODE_LINE = "elu = np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))"


def test_code_in_the_explanation_is_never_re_flowed() -> None:
    card = next(c for c in load_bank([bundled_content_dir()]).cards if c.id == "relu-family")
    assert LONG_CODE_LINE in card.section("Explanation")  # a fenced line longer than 40
    verdict = Verdict(drill="nn.activations.relu_family", status=Status.PASSED, seed=0)
    text = watch_report(verdict, card, stamp="12:00:00", file="mine.py", width=40)
    # the prose is wrapped to 40 columns; the code line stays one line, as written
    assert [line for line in text.splitlines() if len(line) > 40] == [LONG_CODE_LINE]


def test_code_that_did_not_load_is_not_counted_as_a_case() -> None:
    """As the drill screen: the head said 'ERROR (0/4 cases)' for a drill of 3 cases."""
    from engine.verdict import LOADING, CaseResult, CaseStatus, build_verdict

    card = next(c for c in load_bank([bundled_content_dir()]).cards if c.id == "relu-family")
    results = [
        CaseResult(name=LOADING, status=CaseStatus.ERROR, message="SyntaxError: expected ':'"),
        *(CaseResult(name=f"case {n}", status=CaseStatus.NOT_RUN) for n in range(1, 4)),
    ]
    verdict = build_verdict(
        "relu", results, status=Status.ERROR, summary="error", seed=1, duration_ms=1, isolation=[]
    )
    text = watch_report(verdict, card, stamp="12:00:00", file="mine.py", width=80)
    assert "ERROR: the code did not load, so none of the 3 cases ran" in text.splitlines()
    assert "/4" not in text
    assert "seed" not in text, "no case ran: a seed replays nothing, as `grade` says"
    assert text.splitlines()[-1] == "1 ms · save to grade again"


def test_a_value_mismatch_says_expected_and_got_once() -> None:
    """The watch screen explains the first problem as `grade` does: its message ended
    'expected X, got Y' and the lines under it said X and Y again."""
    from engine.verdict import CaseResult, CaseStatus, build_verdict

    card = next(c for c in load_bank([bundled_content_dir()]).cards if c.id == "relu-family")
    wrong = CaseResult(
        name="case 1: zeros",
        status=CaseStatus.FAILED,
        message="max rel error 1e+00 > 1e-09 at relu(z)[0]: expected 0.123456, got 0.654321",
        expected="0.123456",
        got="0.654321",
    )
    verdict = build_verdict("relu", [wrong], seed=1, duration_ms=1, isolation=[])
    text = watch_report(verdict, card, stamp="12:00:00", file="mine.py", width=80)
    assert text.count("0.123456") == 1 and text.count("0.654321") == 1
    assert "FAILED: 0/1 cases passed" in text.splitlines()


def test_a_grader_failure_says_whose_failure_it_is_once() -> None:
    """The head said "the grader failed, not your code" and the block under it began with
    it again ("internal: the grader failed, not your code: ..."): the block gives the reason."""
    from engine.sandbox.decide import internal_verdict
    from quiz.drill_grading import find_drill

    bank = load_bank([bundled_content_dir()])
    drill = find_drill(bank, "relu-family", str)
    verdict = internal_verdict(
        drill.checker, "the pool is closed", seed=1, duration_ms=1, isolation=[]
    )
    text = watch_report(verdict, drill.card, stamp="12:00:00", file="mine.py", width=80)
    assert text.count("not your code") == 1, text
    assert "  the pool is closed" in text.splitlines()
    # the head's word is `drillbit grade`'s: it said INTERNAL where grade says GRADER PROBLEM
    assert "GRADER PROBLEM: the grader failed, not your code" in text.splitlines()


def test_the_untouched_starter_reads_not_written_yet_in_one_line() -> None:
    """`watch` said ERROR and explained case 1 as a problem; the app says NOT WRITTEN YET."""
    from engine.outcome import NOT_WRITTEN
    from engine.verdict import CaseResult, CaseStatus, build_verdict

    card = next(c for c in load_bank([bundled_content_dir()]).cards if c.id == "relu-family")
    results = [
        CaseResult(
            name=f"case {n}",
            status=CaseStatus.ERROR,
            message=f"{name} {NOT_WRITTEN}\nit still raises NotImplementedError (line 6)",
        )
        for n, name in enumerate(["relu", "relu", "elu"], start=1)
    ]
    verdict = build_verdict("relu", results, seed=1, duration_ms=1, isolation=[])
    lines = watch_report(verdict, card, stamp="12:00:00", file="mine.py", width=100).splitlines()
    assert lines[2:5] == [
        "NOT WRITTEN YET: 0/3 cases passed",
        "",
        "every case stopped at the starter's NotImplementedError: write relu and elu; see the Task",
    ]
    assert "First problem" not in "\n".join(lines)


def test_a_watch_verdict_states_its_isolation_layers() -> None:
    """SPEC: every verdict states which isolation layers were active. `grade` ends with
    them; a watch save said only the seed and the time (round 42's SPEC audit). A layer
    that was not active is not listed as one."""
    from engine.verdict import CaseResult, CaseStatus, build_verdict

    card = next(c for c in load_bank([bundled_content_dir()]).cards if c.id == "relu-family")
    passed = CaseResult(name="case 1: zeros", status=CaseStatus.PASSED)
    layers = [
        "process: a fresh `python -I -B` per submission",
        "rlimits: CPU 2 s",
        "bubblewrap: not active (turned off)",
        "seccomp: the kernel refuses new processes",
    ]
    verdict = build_verdict("relu", [passed], seed=3, duration_ms=1, isolation=layers)
    lines = watch_report(verdict, card, stamp="12:00:00", file="mine.py", width=80).splitlines()
    assert "isolation: process, rlimits, seccomp" in lines
    assert lines[-1] == "case seed 3 · 1 ms · save to grade again"
