"""A number card's box takes every letter while it has the focus: an answer may start with
one (sqrt(128), ln 2, log 2), and s, b, x and u in an empty box used to skip, bury,
suspend or undo at the first letter. Escape leaves the box for the card's keys; enter or a
key the card does not use goes back into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.study_typed import NOTHING_TYPED
from quiz.tui.widgets.answers import NumberAnswer
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, Recorder, notices, press, settle, showing
from tests.tui.test_footer import described

ROOT_CARD = """---
id: root-of-128
kind: numeric
title: The norm of a vector of 128 ones
topic: norms
tags: []
difficulty: 1
source: tests
answer: 11.3137
tolerance: {absolute: 0.001}
---

## Question

What is the Euclidean norm of a vector of 128 ones?

## Explanation

The square root of the sum of 128 squares of one: the square root of 128.
"""

LN_CARD = """---
id: ln-two
kind: numeric
title: Entropy of a fair coin in nats
topic: norms
tags: []
difficulty: 1
source: tests
answer: 0.6931
tolerance: {absolute: 0.001}
---

## Question

What is the entropy of a fair coin, in nats?

## Explanation

Two outcomes of probability one half: ln 2.
"""


@pytest.fixture
def roots(tmp_path: Path) -> Path:
    """A pack "roots" with two number cards whose answers are written with a letter first."""
    root = tmp_path / "roots-bank"
    topic = root / "roots" / "norms"
    topic.mkdir(parents=True)
    (root / "roots" / "pack.yaml").write_text(
        "title: Roots\ndescription: Roots and logs.\nversion: 0.1.0\n", encoding="utf-8"
    )
    (topic / "root-of-128.md").write_text(ROOT_CARD, encoding="utf-8")
    (topic / "ln-two.md").write_text(LN_CARD, encoding="utf-8")
    return root


def status(study: StudyScreen) -> str:
    return str(study.query_one("#study-status", Static).render())


@pytest.mark.parametrize(
    ("card", "typed", "right"),
    [
        ("root-of-128", "sqrt(128)", True),
        ("root-of-128", "sqrt(2)", False),  # a wrong root is graded wrong, not skipped
        ("ln-two", "ln 2", True),
        ("ln-two", "log(2)", True),
        ("ln-two", "ln 3", False),
    ],
)
async def test_an_answer_that_starts_with_a_letter_is_typed_and_graded(
    build: AppFactory, roots: Path, recorder: Recorder, card: str, typed: str, right: bool
) -> None:
    app = build(study=StudyRequest(mode="cram", card_ids=(card, "sigmoid-bound")), extra=[roots])
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == card
        box = study.query_one(NumberAnswer)
        await press(pilot, *typed)
        await settle(pilot)
        assert box.value == typed and study.card.id == card and study.phase == "question"
        assert notices(recorder) == []  # no "Skipped", no bury, no undo
        await press(pilot, "enter")
        await settle(pilot)
        (graded,) = recorder.of(StudyScreen.AnswerGraded)
        answer = graded.answer
        assert (answer.card.id, answer.correct) == (card, right)
        feedback = str(study.query_one("#feedback", Static).render())
        assert f"You typed {typed} (" in feedback


async def test_the_cards_keys_leave_the_footer_while_the_box_has_the_focus(
    build: AppFactory, roots: Path
) -> None:
    """The footer shows what the keys do now: in the box, escape leaves it (s, b, x and u
    are letters there); out of it, they are the card's keys and enter goes back."""
    app = build(study=StudyRequest(mode="cram", pack="roots"), extra=[roots])
    async with app.run_test(size=(120, 40)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        keys = described(app)
        assert "Card keys" in keys and "Show answer" in keys
        assert not {"Skip", "Bury", "Suspend", "End"} & set(keys)
        assert status(study).startswith("Type your answer and press enter · esc for skip")
        await press(pilot, "escape")
        await settle(pilot)
        keys = described(app)
        assert {"Skip", "Bury", "Suspend", "End"} <= set(keys)
        assert "Card keys" not in keys
        assert status(study).startswith("s skips · b buries · x suspends · esc ends")
        await press(pilot, "enter")
        await settle(pilot)
        assert study.query_one(NumberAnswer).has_focus
        assert status(study).startswith("Type your answer")
        assert "Card keys" in described(app)


@pytest.mark.parametrize("key", ["s", "b", "x"])
async def test_escape_then_the_cards_key_skips_buries_or_suspends(
    build: AppFactory, roots: Path, key: str
) -> None:
    app = build(study=StudyRequest(mode="cram", pack="roots"), extra=[roots])
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        first, before = study.card.id, study.session.remaining
        await press(pilot, "escape", key)
        await settle(pilot)
        assert study.card.id != first
        assert study.session.remaining == (before if key == "s" else before - 1)
        flag = app.workspace.store.card_flags().get(first)
        assert (flag is not None and flag.suspended) is (key == "x")
        assert (flag is not None and flag.buried_until is not None) is (key == "b")
        assert study.query_one(NumberAnswer).has_focus  # the next card's box, ready to type


async def test_escape_then_u_undoes_and_escape_twice_ends(
    build: AppFactory, roots: Path, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="cram", pack="roots"), extra=[roots])
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        first = study.card.id
        await press(pilot, *"0.6931", "enter", "enter")  # right: on to the next card
        await settle(pilot)
        assert study.card.id != first and len(study.session.answers) == 1
        await press(pilot, "u")  # typed: the box takes it
        assert study.query_one(NumberAnswer).value == "u"
        assert len(study.session.answers) == 1
        await press(pilot, "escape", "u")
        await settle(pilot)
        assert study.session.answers == [] and study.card.id == first
        await press(pilot, "escape", "escape")  # out of the box, then the end
        await settle(pilot)
        assert study.phase == "over"


async def test_a_key_the_card_does_not_use_goes_back_into_the_box(
    build: AppFactory, roots: Path
) -> None:
    """An escape pressed by mistake loses nothing: the next digit or the l of ln is typed
    into the box after what it held, and s is still the card's skip out of it."""
    app = build(study=StudyRequest(mode="cram", pack="roots"), extra=[roots])
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        box = study.query_one(NumberAnswer)
        await press(pilot, "1", "escape", "2")
        await settle(pilot)
        assert box.has_focus and box.value == "12"
        await press(pilot, "escape", "l", "n")
        await settle(pilot)
        assert box.has_focus and box.value == "12ln"


async def test_enter_on_an_empty_box_in_a_mock_names_the_keys_that_skip(
    build: AppFactory, roots: Path
) -> None:
    app = build(study=StudyRequest(mode="mock", pack="roots", minutes=5), extra=[roots])
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        first = study.card.id
        await press(pilot, "enter")
        assert status(study) == NOTHING_TYPED
        assert len(NOTHING_TYPED) <= 78  # one line inside the padding at 80 columns
        await press(pilot, "escape", "s")  # as the hint says
        await settle(pilot)
        assert study.card.id != first
