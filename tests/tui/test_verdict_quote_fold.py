"""A SyntaxError's quote of a long code line, in the drill screen's verdict box, goes on
under the quote: it wrapped back to the box's first column, among the message's lines,
and the line's indentation and the place it names were lost (ux46's walk)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from engine.harnesses._runtime import compile_error
from engine.verdict import CaseResult, CaseStatus, Status, build_verdict
from quiz.tui.widgets.verdict_view import VerdictView
from tests.tui.conftest import AppFactory, resize, settle

LONG = (
    "    out = np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))), "
    "np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))) +"
)
SOURCE = f"import numpy as np\n\n\ndef sgd_step(z):\n{LONG}\n    return out\n"


def _load_error() -> str:
    """The engine's own words for SOURCE, as the sandbox's child writes them."""
    try:
        compile(SOURCE, "submission.py", "exec")
    except SyntaxError as exc:
        return compile_error(exc, SOURCE)
    raise AssertionError("SOURCE compiles")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_long_quoted_line_folds_under_the_quote(
    build: AppFactory, size: tuple[int, int]
) -> None:
    message = _load_error()
    assert "\n  line 5: out = np.where(" in message, message
    case = CaseResult(name="loading your code", status=CaseStatus.ERROR, message=message)
    verdict = build_verdict(
        "tiny", [case], status=Status.ERROR, summary="error", seed=1, duration_ms=1, isolation=[]
    )
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(60, 24)) as pilot:
        view = app.screen.query_one(VerdictView)
        view.show_verdict(verdict)
        await settle(pilot)
        await resize(pilot, *size)  # folded again at the new width
        await settle(pilot)
        failure = view.query_one("#verdict-failure")
        lines = str(failure.render()).splitlines()
        room = failure.content_region.width
        assert max(cell_len(line) for line in lines) <= room, (room, lines)
        at = next(n for n, line in enumerate(lines) if line.startswith("  line 5: "))
        quoted = [lines[at]]
        for line in lines[at + 1 :]:
            if not line.startswith(" " * len("  line 5: ")):
                break
            quoted.append(line)
        if cell_len(LONG) + 10 > room:  # it had to fold: every piece under the quote
            assert len(quoted) > 1, lines
        code = "".join(part[len("  line 5: ") :] for part in quoted)
        assert code.replace(" ", "") == LONG.replace(" ", ""), "the whole line, in order"
        assert lines[0] == "First problem: loading your code"
