"""The waits of one walk through the app, key by key, as the probe's `walk` mode takes them.

Each wait is from the first key of a step to the app's next idle (Pilot's `pause`: the
message queue drained, so the screen the key asked for is built and drawn), wall time in
milliseconds. The walk: Home's `d` to a due session's first card; one answer to the next
card (a concept card rated Good, or a numeric card typed right and then moved on from;
cards of other kinds are skipped); the session's end and back to Home; the stats screen
and back; the drill list, its first drill and back; the settings and back.
"""

from __future__ import annotations

import time
from typing import Any

from textual.pilot import Pilot

WALK_STEPS = (
    "study_first_card",
    "answer_next_card",
    "study_end_home",
    "stats",
    "stats_back",
    "drill_list",
    "drill_open",
    "drill_back_home",
    "settings",
    "settings_back",
)
"""The steps a walk reports, in order (`answer_next_card` only when the session had a
card other than a drill in its first eight)."""


async def _timed(pilot: Pilot[Any], *keys: str) -> float:
    start = time.perf_counter()
    for key in keys:
        await pilot.press(key)
    await pilot.pause()
    return (time.perf_counter() - start) * 1000


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
    waits["drill_open"] = await _timed(pilot, "enter")
    on("DrillScreen")
    waits["drill_back_home"] = await _timed(pilot, "escape", "escape")
    on("HomeScreen")
    waits["settings"] = await _timed(pilot, "comma")
    on("SettingsScreen")
    waits["settings_back"] = await _timed(pilot, "escape")
    on("HomeScreen")
    return waits
