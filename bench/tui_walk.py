"""The waits of one walk through the app, key by key, as the probe's `walk` mode takes them.

Each wait is from the first key of a step to the app's next idle (Pilot's `pause`: the
message queue drained, so the screen the key asked for is built and drawn), wall time in
milliseconds. Pilot calls the process idle when its CPU time stops advancing, so a thread
still working (a drill's warm-up imports) stretches a wait it does not hold up: the step
`drill_leave_drawn` is timed instead from the escape to the first frame of the screen it
goes back to, the escape sent as soon as the drill's warm-up has begun. The walk: Home's `d` to a due session's first card; one answer to the next
card (a concept card rated Good, or a numeric card typed right and then moved on from;
cards of other kinds are skipped); the session's end and back to Home; the stats screen
and back; the drill list, its first drill and back; the settings and back.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
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
DRAWN_STEPS = frozenset({"drill_leave_drawn"})
"""The steps timed to a frame of the screen gone back to, not to the next idle."""


async def _timed(pilot: Pilot[Any], *keys: str) -> float:
    start = time.perf_counter()
    for key in keys:
        await pilot.press(key)
    await pilot.pause()
    return (time.perf_counter() - start) * 1000


async def _until(ready: Callable[[], bool], what: str) -> None:
    """Poll the app's own loop until `ready()`; RuntimeError naming `what` after a minute."""
    deadline = time.perf_counter() + 60
    while not ready():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the walk waited a minute for {what}")
        await asyncio.sleep(0.002)


async def _leave_drawn(pilot: Pilot[Any]) -> float:
    """Open the drill under the cursor and leave it as soon as its warm-up has begun: the
    time from the escape to the first frame composed for the screen it goes back to.

    The keys are posted as events, not pressed through Pilot, whose wait for an idle process
    would let the warm-up finish first."""
    from textual import events

    app: Any = pilot.app
    back = type(app.screen)
    drawn: list[float] = []
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        if renderable is not None and isinstance(screen, back) and screen is app.screen:
            drawn.append(time.perf_counter())
        display(screen, renderable)

    app.post_message(events.Key("enter", "\r"))
    await _until(lambda: type(app.screen).__name__ == "DrillScreen", "the drill's screen")
    await _until(lambda: any(w.group == "warm-up" for w in app.workers), "the warm-up")
    app._display = timed_display
    try:
        start = time.perf_counter()
        app.post_message(events.Key("escape", None))
        await _until(lambda: bool(drawn), f"a frame of {back.__name__}")
    finally:
        del app._display  # the class's own again
    waited = (drawn[0] - start) * 1000
    await pilot.pause()
    return waited


async def _answer(pilot: Pilot[Any]) -> float | None:
    """One answer and the next card: the keys that commit it and bring the next card, timed
    (revealing a concept card and typing a number are not)."""
    from quiz.bank.models import ChoiceFront, ConceptFront, NumericFront

    for _ in range(8):
        screen: Any = pilot.app.screen
        card = getattr(screen, "card", None)
        if card is None or getattr(screen, "phase", None) != "question":
            return None
        if isinstance(card.front, ConceptFront):
            await pilot.press("space", "enter")  # reveal, then the rating bar
            await pilot.pause()
            waited = await _timed(pilot, "3")
            if screen.phase == "feedback":
                waited += await _timed(pilot, "space")
            return waited
        if isinstance(card.front, NumericFront | ChoiceFront):
            typed = str(card.front.answer) if isinstance(card.front, NumericFront) else "1"
            await pilot.press(*typed)  # a choice card's first option, right or wrong
            await pilot.pause()
            return await _timed(pilot, "enter") + await _timed(pilot, "space")
        await _timed(pilot, "s")  # another kind: skipped, the next card looked at
    return None


async def walk(pilot: Pilot[Any]) -> dict[str, float]:
    """Walk from Home through the steps of WALK_STEPS; each step's wait in milliseconds."""
    waits: dict[str, float] = {}
    app: Any = pilot.app

    def on(name: str) -> None:
        if type(app.screen).__name__ != name:
            raise RuntimeError(f"the walk expected {name}, the app shows {app.screen!r}")

    waits["study_first_card"] = await _timed(pilot, "d")
    on("StudyScreen")
    answered = await _answer(pilot)
    if answered is not None:
        waits["answer_next_card"] = answered
    waits["study_end_home"] = await _timed(pilot, "escape")
    if type(app.screen).__name__ == "SummaryScreen":
        waits["study_end_home"] += await _timed(pilot, "escape")
    on("HomeScreen")
    waits["stats"] = await _timed(pilot, "s")
    on("StatsScreen")
    waits["stats_back"] = await _timed(pilot, "escape")
    waits["drill_list"] = await _timed(pilot, "l")
    on("DrillsScreen")
    waits["drill_leave_drawn"] = await _leave_drawn(pilot)
    on("DrillsScreen")
    waits["drill_open"] = await _timed(pilot, "enter")
    on("DrillScreen")
    waits["drill_back_home"] = await _timed(pilot, "escape", "escape")
    on("HomeScreen")
    waits["settings"] = await _timed(pilot, "comma")
    on("SettingsScreen")
    waits["settings_back"] = await _timed(pilot, "escape")
    on("HomeScreen")
    return waits
