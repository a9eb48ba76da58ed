"""A one-shot timer whose task is held up at its start still fires (quiz/tui/timers.py).

Textual's Timer reads its clock twice before its first sleep and skips a tick it is
already late for, so a one-shot timer held between those reads for longer than its delay
never fired. Here the timers' clock moves 10 ms at every read, as a process the machine
did not run for a moment sees it, which makes that happen to every timer shorter than
10 ms (the app's Resize waits on one of 1/120 s) on every run, not one run in thousands.
"""

from __future__ import annotations

import types
from time import monotonic

import pytest
import textual.timer
from textual.geometry import Size

from tests.tui.conftest import AppFactory, resize, settle, wait_until

JUMP = 0.01
"""How far the timers' clock moves at each read: more than the Resize timer's 1/120 s."""


@pytest.fixture
def held_up_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual's timers read a clock that moves JUMP seconds further at every read."""
    jumped = [0.0]

    def get_time() -> float:
        jumped[0] += JUMP
        return monotonic() + jumped[0]

    monkeypatch.setattr(textual.timer, "_time", types.SimpleNamespace(get_time=get_time))


async def test_a_held_up_resize_still_lays_the_screen_out(
    build: AppFactory, held_up_timers: None
) -> None:
    """Without the fix the first resize never reached the screen: "never laid out at
    120x40 ... a Resize kept for the screen: True, its timer set: True"."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for width, height in ((120, 40), (80, 24), (100, 30)):
            await resize(pilot, width, height)
            assert app.screen.outer_size == Size(width, height)


async def test_a_held_up_one_shot_timer_fires_once(build: AppFactory, held_up_timers: None) -> None:
    fired: list[str] = []
    app = build()
    async with app.run_test() as pilot:
        await settle(pilot)
        app.set_timer(0.001, lambda: fired.append("app"))
        app.screen.set_timer(0.005, lambda: fired.append("screen"))
        assert await wait_until(pilot, lambda: len(fired) == 2), f"fired: {fired}"
        await settle(pilot)
        assert sorted(fired) == ["app", "screen"], "each once"


async def test_textual_itself_still_drops_a_held_up_one_shot_timer(
    build: AppFactory, held_up_timers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why quiz/tui/timers.py exists: with Textual's own Timer the same timer never fires.
    When this fails, a Textual upgrade fixed it and the patch can go."""
    from textual.timer import Timer

    textuals_own = getattr(Timer.__init__, "__wrapped__")  # noqa: B009 - set by timers.py's wraps
    monkeypatch.setattr(Timer, "__init__", textuals_own)
    fired: list[str] = []
    app = build()
    async with app.run_test() as pilot:
        await settle(pilot)
        app.set_timer(0.001, lambda: fired.append("app"))
        for _ in range(50):  # its task ends at its first clock reads, firing or not
            await pilot.pause()
        await settle(pilot)
        assert fired == []
