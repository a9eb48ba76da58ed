"""A number card's box in words: its placeholder names the forms it reads (roots and logs
too) inside its width at 80 columns, a refused answer is quoted once, and the hint under
the card follows the focus into and out of the box whatever moved it (tab, a click)."""

from __future__ import annotations

import math

import pytest
from textual.widgets import Static

from quiz.bank.loader import load_bank
from quiz.bank.models import NumericFront, Tolerance, parse_number
from quiz.bank.numbers import ACCEPTED
from quiz.bank.sources import bundled_content_dir
from quiz.study_view import (
    COUNT_FORM_EXAMPLES,
    NUMBER_FORM_EXAMPLES,
    is_count,
    number_examples,
    number_refusal,
)
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import PLACEHOLDER_ROOM, NumberAnswer, number_placeholder
from quiz.workspace import StudyRequest
from tests.fronts import numeric_front
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing
from tests.tui.test_footer import described


def status(study: StudyScreen) -> str:
    return str(study.query_one("#study-status", Static).render())


FIRST = {form: examples[0] for form, examples in NUMBER_FORM_EXAMPLES.items()}
"""Each form's first example: what a card whose answer is far from all of them shows."""


@pytest.mark.parametrize(
    "unit", [None, "parameters", "times g", "hidden units", "loss evaluations", "pixels (per side)"]
)
def test_the_placeholder_names_a_root_and_a_log_within_the_box_for_every_unit(
    unit: str | None,
) -> None:
    """The old "type a number (1e-3, 25%, 1/4 work)" named no root or log, so √128,
    sqrt(128) and ln 2 looked refused; a long unit (the bank's longest) leaves room for them."""
    placeholder = number_placeholder(unit, FIRST)
    assert len(placeholder) <= PLACEHOLDER_ROOM, placeholder
    assert "√128" in placeholder and "ln 2" in placeholder and "1/4" in placeholder
    assert placeholder.startswith(f"type a number in {unit}: " if unit else "type a number: ")


def test_without_a_unit_the_placeholder_names_every_form() -> None:
    assert number_placeholder(None, FIRST) == "type a number: 1e-3, 25%, 1/4, √128, sqrt(128), ln 2"


@pytest.mark.parametrize(
    ("answer", "instead"),
    [
        (math.sqrt(128), {"root": "√7", "sqrt": "sqrt(7)"}),  # attention-score-std
        (0.25, {"percent": "7%", "fraction": "5/8"}),  # sigmoid-derivative-bound
        (math.log(2), {"log": "ln 10"}),  # bce-at-zero-logit
        (0.3, {"percent": "7%", "fraction": "5/8"}),  # 25% and 1/4: refused, but near
    ],
)
def test_the_placeholder_never_shows_the_cards_answer(
    answer: float, instead: dict[str, str]
) -> None:
    """ "1/4, √128, ln 2" in every box gave away three bundled cards' answers: a form whose
    first example is right for the card, or near it, shows its second."""
    examples = number_examples(numeric_front(answer, Tolerance(relative=0.01)))
    assert examples == {**FIRST, **instead}
    for text in examples.values():
        assert abs(parse_number(text) - answer) > 0.25 * answer, text


def test_a_form_both_of_whose_examples_are_right_is_left_out() -> None:
    """An answer of 0 within 0.01: 1e-3 and 2e-5 are both right, so no exponent example."""
    examples = number_examples(numeric_front(0.0, Tolerance(absolute=0.01)))
    assert "exponent" not in examples
    assert examples["fraction"] == "1/4"


def test_no_bundled_number_card_is_shown_its_answer_or_near_it() -> None:
    numeric = [
        c for c in load_bank([bundled_content_dir()]).cards if isinstance(c.front, NumericFront)
    ]
    assert len(numeric) >= 30
    for card in numeric:
        front = card.front
        assert isinstance(front, NumericFront)
        examples = number_examples(front)
        forms = COUNT_FORM_EXAMPLES if is_count(front) else NUMBER_FORM_EXAMPLES
        assert set(examples) == set(forms), card.id
        for text in examples.values():
            value = parse_number(text)
            assert not front.check_numeric(value).correct, (card.id, text)
            assert abs(value - front.answer) > 0.25 * abs(front.answer), (card.id, text)


async def test_the_placeholder_is_drawn_whole_inside_the_box_at_80_columns(
    build: AppFactory,
) -> None:
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        box = study.query_one(NumberAnswer)
        assert box.value == ""
        assert "√128" in box.placeholder and "ln 2" in box.placeholder
        rows = [line.text for line in screen_lines(app) if "type a number" in line.text]
        assert len(rows) == 1, rows
        # the cursor sits on the first letter: it is drawn, in reverse, as the same letter
        assert box.placeholder in rows[0], rows[0]
        assert box.content_region.width >= len(box.placeholder)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("abc", "'abc' is not part of a number such as 0.25, 1e-3, 25%, 1/4 or 0.5^10"),
        ("1/0", "'1/0' is not a number: division by zero"),
        ("1e400", "'1e400' is not a number: type a finite number"),
        ("*2", "'*' cannot start a number: type a number such as 0.25, 1e-3, 25%, 1/4 or 0.5^10"),
    ],
)
def test_a_refusal_quotes_what_was_typed_once(typed: str, said: str) -> None:
    """A reason that names the typed text is said alone; one that does not is said after it."""
    with pytest.raises(ValueError) as refused:
        parse_number(typed)
    assert number_refusal(typed, str(refused.value)) == said


@pytest.mark.parametrize(
    ("answer", "tolerance", "unit", "count"),
    [
        (1536.0, Tolerance(absolute=0.5), "parameters", True),  # layernorm-param-count
        (2.0, Tolerance(absolute=0.01), "hidden units", True),  # xor-hidden-units
        (8.0, Tolerance(absolute=0.5), "pixels (per side)", True),  # the bracket is no noun
        (391.0, Tolerance(absolute=0.01), "mini-batches", True),  # a plural in "es"
        (3e9, Tolerance(relative=0.01), "FLOPs", True),  # a relative tolerance counts too
        (1.0, Tolerance(absolute=0.5), "layer", True),  # a singular
        (10.0, Tolerance(absolute=1), "layers", True),  # a loose count is still a count
        (100.0, Tolerance(absolute=0.1), "times g", False),  # momentum-terminal-velocity
        (1024.0, Tolerance(relative=0.001), "MiB", False),  # attention-score-memory
        (5e4, Tolerance(relative=0.01), "tokens per second", False),  # a rate
        (4.0, Tolerance(absolute=0.01), "bits per weight", False),  # a rate whose last word counts
        (6e9, Tolerance(relative=0.01), "FLOPs per token", False),  # the same
        (3.0, Tolerance(absolute=0.01), "bits", False),  # an entropy: ln 8 / ln 2, a measure
        (1.0, Tolerance(absolute=0.01), "bit", False),  # a fair coin's entropy
        (1536.0, Tolerance(absolute=0.5), None, False),  # no unit names no count
        (2.5, Tolerance(absolute=0.01), "parameters", False),  # a mean of counts is real
        (0.0, Tolerance(absolute=0.01), "parameters", False),  # nothing counted: a real's box
    ],
)
def test_a_count_is_a_whole_answer_whose_unit_names_things_counted(
    answer: float, tolerance: Tolerance, unit: str | None, count: bool
) -> None:
    """The rule was the tolerance's (a whole answer that takes no other whole number), and
    it took momentum-terminal-velocity, 100 ± 0.1 times g, a ratio, for a count."""
    assert is_count(numeric_front(answer, tolerance, unit)) is count


def test_an_entropy_in_bits_is_shown_the_log_form_its_answer_is_written_in() -> None:
    """ "bit" was a counted unit: an entropy of 3 bits (ln 8 / ln 2) was shown "12, 3e6",
    a count's whole forms, and its refusal named no log."""
    front = numeric_front(3.0, Tolerance(absolute=0.01), "bits")
    examples = number_examples(front)
    assert examples["log"] == "ln 2" and "fraction" in examples
    assert "ln 2" in number_refusal("x", f"'x' cannot start a number: type {ACCEPTED}", front)
    assert front.check_numeric(parse_number("ln 8 / ln 2")).correct


COUNT, REAL = True, False
BUNDLED_NUMBER_CARDS = [
    ("sigmoid-derivative-bound", REAL),
    ("gelu-negative-input", REAL),
    ("sigmoid-gradient-depth", REAL),
    ("softmax-ce-gradient", REAL),
    ("gradient-check-cost", COUNT),  # loss evaluations
    ("momentum-terminal-velocity", REAL),  # times g: a ratio
    ("adam-uncorrected-first-step", REAL),
    ("mini-batch-count", COUNT),  # mini-batches
    ("last-mini-batch-size", COUNT),  # examples
    ("linear-scaling-rule", REAL),
    ("he-vs-xavier-variance", REAL),
    ("xavier-uniform-limit", REAL),
    ("dropout-scaling", REAL),
    ("batchnorm-parameter-count", COUNT),  # parameters
    ("xor-hidden-units", COUNT),  # hidden units
    ("relu-linear-pieces", COUNT),  # pieces
    ("bce-at-zero-logit", REAL),
    ("label-smoothing-true-class", REAL),
    ("focal-loss-weight", REAL),
    ("sgd-l2-decay-factor", REAL),
    ("rmsprop-first-step-size", REAL),
    ("adamw-shrink-per-step", REAL),
    ("warmup-first-rate", REAL),
    ("cosine-third-of-way", REAL),
    ("clipped-array-norm", REAL),
    ("layernorm-param-count", COUNT),  # parameters
    ("conv-output-size", COUNT),  # pixels
    ("conv-parameter-count", COUNT),  # parameters
    ("receptive-field-stack", COUNT),  # layers
    ("bottleneck-parameters", COUNT),  # weights
    ("pool-output-size", COUNT),  # pixels
    ("receptive-field-with-pooling", COUNT),  # pixels (per side)
    ("lstm-parameter-count", COUNT),  # parameters
    ("gru-parameter-count", COUNT),  # parameters
    ("embedding-parameter-count", COUNT),  # parameters
    ("attention-score-std", REAL),  # √128, no unit
    ("attention-score-memory", REAL),  # MiB: a size, 1.5 MiB is one
    ("mha-parameter-count", COUNT),  # weights
]
"""Every bundled number card and its class, decided by reading its unit: a new number card
is added here, so its class is a decision and not a side effect of its tolerance."""


def test_every_bundled_number_card_is_a_count_or_a_real_as_decided() -> None:
    cards = {
        c.id: c.front
        for c in load_bank([bundled_content_dir()]).cards
        if isinstance(c.front, NumericFront)
    }
    assert sorted(cards) == sorted(card_id for card_id, _ in BUNDLED_NUMBER_CARDS)
    classed = {card_id: is_count(cards[card_id]) for card_id, _ in BUNDLED_NUMBER_CARDS}
    assert classed == dict(BUNDLED_NUMBER_CARDS)


def test_a_ratio_cards_box_keeps_fractions_roots_and_logs() -> None:
    """momentum-terminal-velocity (100 ± 0.1 times g) was shown "12, 3e6" as a count."""
    front = next(
        c.front
        for c in load_bank([bundled_content_dir()]).cards
        if c.id == "momentum-terminal-velocity"
    )
    assert isinstance(front, NumericFront)
    assert number_examples(front) == FIRST
    placeholder = number_placeholder(front.unit, number_examples(front))
    assert placeholder == "type a number in times g: 1e-3, 25%, 1/4, √128, ln 2"


def test_a_counts_refusal_names_whole_numbers_only() -> None:
    """A count's refused answer named "0.5^10" after its whole examples: a power it is not
    written in. It names 2^10, or no power where 2^10 is near the answer."""
    with pytest.raises(ValueError) as refused:
        parse_number("abc")
    reason = str(refused.value)
    count = numeric_front(1536.0, Tolerance(absolute=0.5), "parameters")
    assert number_refusal("abc", reason, count) == (
        "'abc' is not part of a number such as 12, 3e6 or 2^10"
    )
    near = numeric_front(1000.0, Tolerance(absolute=0.5), "parameters")
    assert number_refusal("abc", reason, near) == "'abc' is not part of a number such as 12 or 3e6"
    real = numeric_front(0.25, Tolerance(absolute=0.001))
    assert number_refusal("abc", reason, real).endswith(" or 0.5^10")


async def test_a_refused_number_under_the_card_says_the_input_once(build: AppFactory) -> None:
    """The old "'abc' is not a number: 'abc' is not part of a number such as ..." said it
    twice."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "a", "b", "c", "enter")
        await settle(pilot)
        said = status(study)
        assert said.startswith("'abc' is not part of a number such as ")
        assert said.count("abc") == 1


async def test_a_refusal_gives_no_example_that_is_the_cards_answer(build: AppFactory) -> None:
    """The refusal's examples were parse_number's fixed "0.25, 1e-3, 25%, 1/4 or 0.5^10":
    on "What is σ'(0)?", whose answer is 0.25, a mistyped answer was told it three ways.
    They are now the placeholder's for the card, none near its answer."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        card = study.card
        assert card is not None and isinstance(card.front, NumericFront)
        assert card.front.check_numeric(0.25).correct, "the card this test needs"
        await press(pilot, "a", "b", "c", "enter")
        await settle(pilot)
        said = status(study).removeprefix("'abc' is not part of a number such as ")
        shown = said.replace(" or ", ", ").split(", ")
        assert shown == [*number_examples(card.front).values(), "0.5^10"]
        assert len(shown) >= 5 and "1/4" not in shown and "25%" not in shown
        for example in shown:
            assert not card.front.check_numeric(parse_number(example)).correct, example


async def test_a_refusal_gives_way_to_the_hint_once_the_box_is_typed_in_again(
    build: AppFactory,
) -> None:
    """ "'ss0.' is not part of a number" stayed under the box after it was erased and 0.25
    typed in its place: the refusal spoke of text no longer there."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        hint = status(study)
        await press(pilot, "s", "s", "enter")
        await settle(pilot)
        assert status(study).startswith("'ss' is not part of a number")
        await press(pilot, "backspace")
        await settle(pilot)
        assert status(study) == hint
        await press(pilot, "backspace", *"0.3", "enter")  # wrong, and answered: as before
        await settle(pilot)
        assert study.phase == "feedback"


async def test_the_hint_follows_the_focus_out_of_the_box_by_tab_and_back_by_a_click(
    build: AppFactory,
) -> None:
    """Tab and a click moved the focus and the footer with it, while the hint under the card
    kept the in-box words ("esc for skip ...") over keys that now skip and bury."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        box = study.query_one(NumberAnswer)
        assert box.has_focus
        assert status(study).startswith("Type your answer and press enter · esc for")
        await press(pilot, "tab")
        await settle(pilot)
        assert not box.has_focus
        assert "Skip" in described(app)
        assert status(study).startswith("s skips · b buries · x suspends · esc ends")
        await pilot.click(NumberAnswer)
        await settle(pilot)
        assert box.has_focus
        assert status(study).startswith("Type your answer and press enter · esc for")
        assert "Skip" not in described(app)
