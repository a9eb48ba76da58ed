"""A drill graded as its starter was handed out is told so in the headline, not ERROR."""

from __future__ import annotations

from engine.verdict import CaseResult, CaseStatus, Verdict, build_verdict
from quiz.tui.screens.drill import DrillScreen
from quiz.verdict_text import NOT_WRITTEN_HEADLINE, not_written, not_written_line
from tests.tui.conftest import WRONG, AppFactory, showing
from tests.tui.test_drill import editor_of, grade_now


def _status(screen: DrillScreen) -> str:
    return str(screen.query_one("#verdict-status").render())


async def test_the_starter_graded_reads_not_written_yet_and_other_errors_read_error(
    build: AppFactory,
) -> None:
    """The verdict already said "sgd_step is not written yet" under a red ERROR: a new user
    who pressed ctrl+r to see what grading does was told of an error they had not made."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        await grade_now(app, pilot)
        assert _status(screen).startswith(f" {NOT_WRITTEN_HEADLINE} ")
        assert "ERROR" not in _status(screen)
        # one plain line, no red "error" row per case
        assert str(screen.query_one("#verdict-failure").render()) == (
            "every case stopped at the starter's NotImplementedError: write sgd_step; see the Task"
        )
        assert not screen.query_one("#verdict-cases").display
        # the person's own code raising is an error, whatever it raises
        editor_of(screen).load_text(
            "def sgd_step(theta, grad, lr):\n    raise ValueError('not yet')\n"
        )
        await grade_now(app, pilot)
        assert _status(screen).startswith(" ERROR ")
        assert screen.query_one("#verdict-cases").display  # its rows are back
        assert "First problem" in str(screen.query_one("#verdict-failure").render())
        # a wrong answer fails as before
        editor_of(screen).load_text(WRONG)
        await grade_now(app, pilot)
        assert _status(screen).startswith(" FAILED ")


def _verdict(*cases: tuple[CaseStatus, str]) -> Verdict:
    results = [
        CaseResult(name=f"case {n}", status=status, message=message)
        for n, (status, message) in enumerate(cases, start=1)
    ]
    return build_verdict("nn.sigmoid", results, seed=1, duration_ms=5.0, isolation=[])


def test_only_code_stopped_at_the_starters_raise_everywhere_is_not_written() -> None:
    """A case passed (one function of two written) or a case failed on a value is work
    begun: ERROR or FAILED stays. A case not run after the starter's raise is nothing."""
    starter = "backward is not written yet\nit still raises NotImplementedError (line 9)"
    error, passed, failed = CaseStatus.ERROR, CaseStatus.PASSED, CaseStatus.FAILED
    assert not_written(_verdict((error, starter), (error, starter)))
    assert not_written(_verdict((error, starter), (CaseStatus.NOT_RUN, "")))
    assert not not_written(_verdict((passed, ""), (error, starter)))
    assert not not_written(_verdict((error, starter), (failed, "expected 1, got 2")))
    assert not not_written(_verdict((error, "ZeroDivisionError: division by zero")))
    assert not not_written(_verdict((error, "x\nbackward is not written yet")))


def test_the_one_line_names_each_function_still_to_write_once() -> None:
    """relu-family's starter raised in ten cases of four functions: the line names the four."""
    raised = [f"{name} is not written yet\nit still raises NotImplementedError" for name in "abc"]
    verdict = _verdict(*((CaseStatus.ERROR, m) for m in (raised[0], raised[0], *raised[1:])))
    assert not_written_line(verdict) == (
        "every case stopped at the starter's NotImplementedError: write a, b and c; see the Task"
    )
    one = _verdict((CaseStatus.ERROR, raised[0]), (CaseStatus.NOT_RUN, ""))
    assert not_written_line(one).endswith(": write a; see the Task")
