"""The verdict's text comes from the submission (its exception messages, its case names never):
it is shown as the characters it is, never read as Textual/Rich markup."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import DataTable
from textual.widgets._toast import Toast

from engine.verdict import CaseResult, CaseStatus, Status, build_verdict
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.verdict_view import VerdictView
from tests.tui.conftest import AppFactory, Recorder, notices, notifications, press, settle, showing

HOSTILE = [
    "ValueError: [/x] closes a tag nobody opened",
    "ValueError: [@click=app.quit]click to see the expected values[/]",
    "ValueError: [link=https://example.invalid/x]the expected values[/link] [bold]",
]


async def test_a_submissions_exception_text_is_not_markup(build: AppFactory) -> None:
    results = [
        CaseResult(name=f"case {n}", status=CaseStatus.ERROR, message=message)
        for n, message in enumerate(HOSTILE, 1)
    ]
    verdict = build_verdict(
        "tiny", results, status=Status.ERROR, summary="error", seed=1, duration_ms=1, isolation=[]
    )
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(160, 40)) as pilot:
        view = app.screen.query_one(VerdictView)
        view.show_verdict(verdict)
        await settle(pilot)
        table = view.query_one("#verdict-cases", DataTable)
        shown = [table.get_row_at(i)[2] for i in range(len(HOSTILE))]
        rendered = [str(getattr(cell, "plain", cell)) for cell in shown]
        # the first problem's row is bare: its block above says it, as it is
        assert rendered == ["", *HOSTILE[1:]]
        assert HOSTILE[0] in str(view.query_one("#verdict-failure").render())
        # drawn as it is: the row's text on screen holds the brackets
        await pilot.pause()
        assert app.is_running


async def test_a_grader_failure_naming_brackets_is_shown_as_it_is(
    build: AppFactory, recorder: Recorder
) -> None:
    """The failure's text (it may quote the submission) goes to a notification too."""

    def broken(drill: object, source: str) -> object:
        raise RuntimeError("[/x] the grader could not read [@click=app.quit]this[/]")

    app = build(drill="tiny-sgd", grader=broken)
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.is_running
        assert "[/x] the grader could not read" in str(screen.query_one("#verdict-status").render())
        assert any("[/x] the grader could not read" in text for text in notices(recorder))
        # drawn as a toast draws its message (the title needs a mounted toast's styles)
        toasts = [Toast(replace(n, title="")).render().plain for n in notifications(recorder)]
        assert any("could not read [@click=app.quit]this[/]" in text for text in toasts), toasts
