"""What the TUI tests' helpers take from Textual, checked on the installed version: a
Textual upgrade that changes it fails here, by name, rather than as a flaky test elsewhere."""

from __future__ import annotations

import inspect

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from tests.tui.conftest import (
    WAIT_SECONDS,
    Recorder,
    notices,
    notifications,
    screen_lines,
    settle,
    wait_until,
)


class _Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello, drawn")


async def test_notices_keep_a_notification_after_its_timeout(recorder: Recorder) -> None:
    """A notification lives 5 s of wall clock in the app's own list (private), and a test
    that read the list after a few keys on a loaded machine found it gone: the helpers keep
    every Notify the app handled. A timeout of 0 has run out by the time anything reads."""
    app = _Hello()
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        app.notify("first", title="one", timeout=0)
        app.notify("second")
        await settle(pilot)
        assert notices(recorder) == ["first", "second"]
        assert [n.title for n in notifications(recorder)] == ["one", ""]


async def test_screen_lines_reads_the_cells_as_drawn() -> None:
    """`screen_lines` reads the screen's compositor, a Textual internal (no public API draws
    a frame as cells): the text drawn is there, one Strip per row of the terminal."""
    app = _Hello()
    async with app.run_test(size=(30, 3)) as pilot:
        await settle(pilot)
        lines = screen_lines(app)
        assert len(lines) == 3 and all(line.cell_length == 30 for line in lines)
        assert lines[0].text.startswith("hello, drawn")


async def test_a_pilot_waits_for_the_screen_as_long_as_the_other_waits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`pilot.press` (and the app's start) wait for the screen through `_wait_for_screen`, a
    Textual internal whose 30 s the TUI tests' fixture raises to WAIT_SECONDS: the waits a
    press makes go through the patched one, with that ceiling."""
    waited: list[float] = []
    patched = Pilot._wait_for_screen
    assert inspect.signature(patched).parameters["timeout"].default == WAIT_SECONDS

    async def seen(self: Pilot[None], timeout: float = WAIT_SECONDS) -> bool:
        waited.append(timeout)
        return await patched(self, timeout)

    monkeypatch.setattr(Pilot, "_wait_for_screen", seen)
    app = _Hello()
    async with app.run_test() as pilot:
        await pilot.press("x")
    assert waited and set(waited) == {WAIT_SECONDS}, waited


class _Crashing(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("about to fail")

    def key_x(self) -> None:
        raise RuntimeError("a handler failed")


async def test_a_wait_fails_at_once_when_the_app_stopped_on_an_exception() -> None:
    """`wait_until` and `settle` read `App._exception`: the app stopped on one, they fail
    with it rather than wait to their ceiling for what no longer comes."""
    app = _Crashing()
    with pytest.raises(RuntimeError, match="a handler failed"):
        async with app.run_test() as pilot:
            await pilot.press("x")
            with pytest.raises(AssertionError, match="a handler failed"):
                await wait_until(pilot, lambda: False)
            with pytest.raises(AssertionError, match="a handler failed"):
                await settle(pilot)
