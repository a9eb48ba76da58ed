"""The study screen's count and bar agree with the session's queue after each answer.

A UX walk read "6 answered, none done yet" beside a bar at 0% after six answers in a
session of ten new cards, each answer putting its card in a learning step: as if nothing
had been taken. The count now says "6 answered · 4 still to see · 6 back later today" and
the bar is answers given out of those and the one each queued card still needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.heading import CardHeading
from quiz.tui.widgets.progress import SessionProgress
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, settle, showing

CARDS = 10
"""New concept cards in the topic the test studies."""

CARD = """---
id: recall-{n}
kind: concept
title: Recall {n}
topic: recall
tags: [activations]
difficulty: 1
source: tests
key_points:
  - the point of card {n}
---

## Question

What is card {n} about?

## Answer

Card {n} is about its point.
"""


@pytest.fixture
def recall(tui_bank: Path) -> None:
    """Ten new concept cards in a topic of their own, "recall", in the test's bank."""
    topic = tui_bank / "mini" / "recall"
    topic.mkdir()
    for n in range(CARDS):
        (topic / f"recall-{n}.md").write_text(CARD.format(n=n), encoding="utf-8")


def _place(screen: StudyScreen) -> str:
    """The count at the end of the card's heading."""
    return screen.query_one(CardHeading).text.plain.rsplit("  ", 1)[-1]


def _from_queue(screen: StudyScreen, answered_ids: set[str], answers: int) -> str:
    """The count as the queue says it should read: cards queued that were never answered
    are still to see, the others come back, each part said only when not zero."""
    queued = [card.id for card in screen.session.queued]
    back = sum(1 for card_id in queued if card_id in answered_ids)
    parts = [f"recall · {answers} answered"]
    if len(queued) - back:
        parts.append(f"{len(queued) - back} still to see")
    if back:
        parts.append(f"{back} back later today")
    return " · ".join(parts)


async def _rate(pilot: Pilot[None], key: str) -> None:
    """Reveal the current concept card, go to its rating keys and rate it with `key`."""
    await press(pilot, "space", "enter", key)
    await settle(pilot)


@pytest.mark.usefixtures("recall")
async def test_the_count_and_bar_move_with_each_answer_and_agree_with_the_queue(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="due", topic="recall"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        bar = study.query_one(SessionProgress)
        assert len(study.session.queued) == CARDS
        assert _place(study) == "recall · 0 answered · 10 still to see"
        assert bar.fraction == 0
        answered: set[str] = set()
        last = 0.0
        # six new cards, Again and Good by turns: each goes into a learning step, back today
        for i, key in enumerate("131313", start=1):
            card = study.card
            assert card is not None and card.id not in answered, "a card not seen yet"
            # inside Again's one-minute step until the last: the card after it is chosen once
            # the first Again's step is due
            clock.advance(5 if i < 6 else 120)
            await _rate(pilot, key)
            answered.add(card.id)
            words = f"recall · {i} answered · {CARDS - i} still to see · {i} back later today"
            assert _place(study) == words
            assert _place(study) == _from_queue(study, answered, i)
            assert bar.fraction == pytest.approx(i / (i + CARDS)), "one answer on, none fewer owed"
            assert bar.fraction > last, "every answer moves the bar on"
            last = bar.fraction
        # the walk's case: six answers, and a bar that says they were taken
        assert bar.fraction == pytest.approx(6 / 16)
        card = study.card
        assert card is not None and card.id in answered, "a missed card comes back"
        await _rate(pilot, "3")  # Good: its next step, still back today
        assert _place(study) == "recall · 7 answered · 4 still to see · 6 back later today"
        assert bar.fraction == pytest.approx(7 / 17) and bar.fraction > last
        last = bar.fraction
        card = study.card
        assert card is not None and card.id in answered, "the next missed card"
        await _rate(pilot, "4")  # Easy: graduated, out of the session
        assert _place(study) == "recall · 8 answered · 4 still to see · 5 back later today"
        assert _place(study) == _from_queue(study, answered, 8)
        assert bar.fraction == pytest.approx(8 / 17) and bar.fraction > last
        await press(pilot, "u")  # undo the Easy: the card is back in its step
        await settle(pilot)
        assert _place(study) == "recall · 7 answered · 4 still to see · 6 back later today"
        assert bar.fraction == pytest.approx(7 / 17)


@pytest.mark.usefixtures("recall")
async def test_once_every_card_is_seen_the_count_says_only_what_comes_back(
    build: AppFactory, clock: FakeClock
) -> None:
    """ "0 still to see" is not said; the bar stays short of full while cards come back."""
    app = build(study=StudyRequest(mode="due", topic="recall"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        for _ in range(CARDS):
            clock.advance(1)
            await _rate(pilot, "3")  # Good on a new card: its 10-minute step
        assert _place(study) == "recall · 10 answered · 10 back later today"
        assert study.query_one(SessionProgress).fraction == pytest.approx(0.5)
