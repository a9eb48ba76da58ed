"""The waits of one walk through the app, key by key, as the probe's `walk` mode takes them.

Each wait is from a step's first key to the first frame that shows its result, wall time in
milliseconds: the keys are posted as key events (Pilot's `press` waits for an idle app
after each), and the app's `_display` is watched for the first frame composed for the
screen the step leads to once that screen holds what was asked for (the next card after an
answer once it is presented; a session's first card is composed with its screen). Until the twenty-eighth round the steps
stopped at Pilot's next idle, which waits until the process's CPU time stops advancing:
a thread still working (a drill's warm-up imports, the plan's forecast) stretched a wait
it did not hold up. The walk still takes that idle after each step (`idles`, from the same
first key) so both can be compared. The walk: Home's `d` to a due session's first card;
one answer to the next card (a concept card rated Good, or a numeric or choice card
answered and then moved on from; cards of other kinds are skipped); the session's end and
back to Home; the stats screen and back; the drill list; its first drill left during its
warm-up (`drill_leave_drawn`); the drill opened and the drill and the list left back to
Home; the settings and back.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Any

from textual.pilot import Pilot

WALK_STEPS = (
    "study_first_card",
    "answer_next_card",
    "study_end_home",
    "stats",
    "stats_back",
    "drill_list",
    "drill_leave_drawn",
    "drill_open",
    "drill_back_home",
    "settings",
    "settings_back",
)
"""The steps a walk reports, in order (`answer_next_card` only when the session had a
card other than a drill in its first eight)."""
KEYS = {"comma": ",", "space": " ", "enter": "\r", "escape": None}
"""The character of each key the walk posts by name (a letter or digit is its own)."""


async def _until(ready: Callable[[], bool], what: str) -> None:
    """Poll the app's own loop until `ready()`; RuntimeError naming `what` after a minute."""
    deadline = time.perf_counter() + 60
    while not ready():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the walk waited a minute for {what}")
        await asyncio.sleep(0.002)


def _post(app: Any, key: str) -> None:
    from textual import events

    app.post_message(events.Key(key, KEYS.get(key, key)))


class _Frames:
    """Watches the frames the app composes: the moment of the first one that shows a screen
    of a given class, current, holding what `ready` asks (the class's own `_display`
    again once the walk ends)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.shows = ""
        self.ready: Callable[[Any], bool] = lambda screen: True
        self.drawn: float | None = None
        self._display = app._display
        app._display = self._watch

    def _watch(self, screen: Any, renderable: Any) -> None:
        if (
            self.drawn is None
            and renderable is not None
            and type(screen).__name__ == self.shows
            and screen is self.app.screen
            and self.ready(screen)
        ):
            self.drawn = time.perf_counter()
        self._display(screen, renderable)

    def expect(self, shows: str, ready: Callable[[Any], bool] | None = None) -> None:
        """Watch for the next frame of `shows` (holding what `ready` asks)."""
        self.shows, self.ready, self.drawn = shows, ready or (lambda screen: True), None

    def close(self) -> None:
        del self.app._display  # the class's own again


def _moved_from(app: Any, screen: Any) -> Callable[[], bool]:
    """Whether the app shows another screen than `screen` now."""
    return lambda: app.screen is not screen


def _drawn_or_feedback(frames: _Frames, screen: Any) -> Callable[[], bool]:
    """Whether the next card was drawn or `screen` shows an answer's feedback."""
    return lambda: frames.drawn is not None or getattr(screen, "phase", "") == "feedback"


async def _step(
    pilot: Pilot[Any],
    frames: _Frames,
    keys: Sequence[str],
    shows: str,
    *,
    ready: Callable[[Any], bool] | None = None,
    again_on: str = "",
) -> tuple[float, float]:
    """Post `keys` (each after the screen the one before led to is up) and wait for the
    first frame of `shows` holding what `ready` asks: (ms to that frame, ms to the next
    idle), both from the first key. On a screen named `again_on` the last key is posted
    once more (a session's summary before Home)."""
    app: Any = pilot.app
    frames.expect(shows, ready)
    start = time.perf_counter()
    for number, key in enumerate(keys):
        _post(app, key)
        if number < len(keys) - 1:
            await _until(_moved_from(app, app.screen), f"a screen after {key}")
    if again_on:
        await _until(
            lambda: frames.drawn is not None or type(app.screen).__name__ == again_on, shows
        )
        if frames.drawn is None:
            _post(app, keys[-1])
    await _until(lambda: frames.drawn is not None, f"a frame of {shows}")
    drawn = frames.drawn
    assert drawn is not None
    await pilot.pause()
    return (drawn - start) * 1000, (time.perf_counter() - start) * 1000


async def _leave_drawn(pilot: Pilot[Any], frames: _Frames) -> tuple[float, float]:
    """Open the drill under the cursor and leave it as soon as its warm-up has begun: the
    time from the escape to the first frame composed for the screen it goes back to."""
    from bench.quitting import warm_up_begun

    app: Any = pilot.app
    back = type(app.screen).__name__
    _post(app, "enter")
    await _until(lambda: type(app.screen).__name__ == "DrillScreen", "the drill's screen")
    await _until(lambda: warm_up_begun(app), "the warm-up")
    return await _step(pilot, frames, ["escape"], back)


async def _answer(
    pilot: Pilot[Any], frames: _Frames, presented: list[Any]
) -> tuple[float, float] | None:
    """One answer and the next card: from the keys that commit it and bring the next card to
    the next card's first frame once presented (revealing a concept card and typing a
    number are not timed)."""
    from quiz.bank.models import ChoiceFront, ConceptFront, NumericFront

    app: Any = pilot.app
    for _ in range(8):
        screen: Any = app.screen
        card = getattr(screen, "card", None)
        if card is None or getattr(screen, "phase", None) != "question":
            return None
        shown = len(presented)
        if isinstance(card.front, ConceptFront):
            await pilot.press("space", "enter")  # reveal, then the rating bar
            await pilot.pause()
            key = "3"
        elif isinstance(card.front, NumericFront | ChoiceFront):
            typed = str(card.front.answer) if isinstance(card.front, NumericFront) else "1"
            await pilot.press(*typed)  # a choice card's first option, right or wrong
            await pilot.pause()
            key = "enter"
        else:
            await pilot.press("s")  # another kind: skipped, the next card looked at
            await pilot.pause()
            continue

        def next_card(_: Any, shown: int = shown) -> bool:
            return len(presented) > shown

        frames.expect("StudyScreen", next_card)
        start = time.perf_counter()
        _post(app, key)
        await _until(_drawn_or_feedback(frames, screen), "the next card or the feedback")
        if frames.drawn is None:  # feedback shown: space moves on
            await pilot.pause()
            _post(app, "space")
        await _until(lambda: frames.drawn is not None, "the next card")
        drawn = frames.drawn
        assert drawn is not None
        await pilot.pause()
        return (drawn - start) * 1000, (time.perf_counter() - start) * 1000
    return None


async def _leave_number_box(pilot: Pilot[Any]) -> None:
    """Escape out of a number card's box, untimed, when it has the focus: there escape
    leaves the box (its letters are the answer's), and the next escape ends the session."""
    from quiz.tui.widgets.answers import NumberAnswer

    if isinstance(pilot.app.focused, NumberAnswer):
        await pilot.press("escape")
        await pilot.pause()


async def walk(pilot: Pilot[Any]) -> tuple[dict[str, float], dict[str, float]]:
    """Walk from Home through the steps of WALK_STEPS: (each step's wait to its frame, the
    same step's wait to the next idle), in milliseconds."""
    from quiz.tui.screens.study import StudyScreen

    app: Any = pilot.app
    waits: dict[str, float] = {}
    idles: dict[str, float] = {}
    presented: list[Any] = []
    present = StudyScreen._present

    def presenting(screen: Any, card: Any, question: Any) -> None:
        present(screen, card, question)
        presented.append(card)

    def on(name: str) -> None:
        if type(app.screen).__name__ != name:
            raise RuntimeError(f"the walk expected {name}, the app shows {app.screen!r}")

    def keep(step: str, timed: tuple[float, float] | None) -> None:
        if timed is not None:
            waits[step], idles[step] = timed

    frames = _Frames(app)
    StudyScreen._present = presenting  # type: ignore[method-assign,assignment]
    try:
        keep("study_first_card", await _step(pilot, frames, ["d"], "StudyScreen"))
        keep("answer_next_card", await _answer(pilot, frames, presented))
        await _leave_number_box(pilot)
        keep(
            "study_end_home",
            await _step(pilot, frames, ["escape"], "HomeScreen", again_on="SummaryScreen"),
        )
        keep("stats", await _step(pilot, frames, ["s"], "StatsScreen"))
        keep("stats_back", await _step(pilot, frames, ["escape"], "HomeScreen"))
        keep("drill_list", await _step(pilot, frames, ["l"], "DrillsScreen"))
        keep("drill_leave_drawn", await _leave_drawn(pilot, frames))
        on("DrillsScreen")
        keep("drill_open", await _step(pilot, frames, ["enter"], "DrillScreen"))
        keep("drill_back_home", await _step(pilot, frames, ["escape", "escape"], "HomeScreen"))
        keep("settings", await _step(pilot, frames, ["comma"], "SettingsScreen"))
        keep("settings_back", await _step(pilot, frames, ["escape"], "HomeScreen"))
        on("HomeScreen")
    finally:
        StudyScreen._present = present  # type: ignore[method-assign]
        frames.close()
    return waits, idles
