"""The commands that open the app give it the command line's clock, as every other command
takes it: a test or a tool that moves `quiz.cli.main`'s clock a day on sees the app's
next day (Home's counts, the plan's days left), not the wall clock's."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.bank.sources import bundled_content_dir
from quiz.cli import main
from quiz.tui.app import DrillbitApp
from tests.conftest import FIXED_NOW

TOMORROW = FIXED_NOW + timedelta(days=1)


@pytest.mark.parametrize(
    "args",
    [
        [],  # Home, without click
        ["--content", str(bundled_content_dir())],  # Home, through the click group
        ["study"],  # a due session, without click
        ["study", "--mode", "cram", "--topic", "optimizers"],
        ["drill", "sigmoid"],
    ],
    ids=["home", "home-click", "study", "study-click", "drill"],
)
def test_the_app_runs_on_the_command_lines_clock(
    monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """`drillbit` and `drillbit study` alone, and every command opening the app, built it
    on the wall clock whatever clock `main` was given: a "next day" walk through the app
    showed today's counts and "14 days left" where `drillbit plan` said 13."""
    import quiz.tui.launch

    opened: list[DrillbitApp] = []
    monkeypatch.setattr(quiz.tui.launch, "_run", opened.append)
    main(args, clock=lambda: TOMORROW)
    [app] = opened
    try:
        assert app.workspace.now() == TOMORROW
    finally:
        app.workspace.close()
