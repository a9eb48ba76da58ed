"""The plan's pace and new-card pacing at their edges, with figures worked by hand: the
defaults of a kind never timed, the answers kept as answers, the long-answer blend, the
time box's last card, and how many days the unseen cards and the last pass take.

The sixth of the mutation audits (thirty-sixth round) reached `quiz/study/plan/pace.py` and
`new_cards.py` for the first time: mutants that priced a kind never timed by another
constant, kept an answer of exactly 0 s or dropped one of exactly 30 minutes, let a card
start when its long answer ran a second past the box, counted the eve as a day for new
cards or took a step due later today as due now survived the plan tests, which reach these
figures only through whole plans.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Scheduler, State

from quiz.store import InterviewPlan
from quiz.study.plan.new_cards import (
    final_days,
    new_days,
    pass_days,
    steps_due,
    steps_fit,
    takes_steps,
)
from quiz.study.plan.pace import (
    DEFAULT_SECONDS,
    MAX_ANSWER_SECONDS,
    Pace,
    TimeBox,
    TimedAnswer,
    answers_per_card,
    cost_fits,
    estimate_pace,
    time_box,
)
from tests.study.fakes import NOW, FakeCard

TODAY = NOW.date()  # UTC's study day starts at midnight

# a pace with round figures: a review 50 s (45 s an answer), a new card 100 s with its
# steps, 60 s without
PACE = Pace(
    review={"concept": 50.0},
    new={"concept": 100.0},
    answer={"concept": 45.0},
    first={"concept": 60.0},
)


def plan(minutes: float = 10.0, days: int = 10) -> InterviewPlan:
    return InterviewPlan(
        interview=TODAY + timedelta(days=days),
        minutes_per_day=minutes,
        target=0.9,
        created_at=NOW - timedelta(days=1),
    )


def cards(count: int, prefix: str = "c") -> list[FakeCard]:
    return [FakeCard(f"{prefix}{n:02d}") for n in range(count)]


def test_a_kind_never_timed_takes_the_concept_defaults() -> None:
    pace = Pace.default()
    assert pace.answer_seconds("essay") == 30.0
    assert pace.review_seconds("essay") == pytest.approx(33.0)  # one answer and 10% a step
    assert pace.new_seconds("essay") == pytest.approx(67.5)  # two answers and a quarter more
    assert pace.new_seconds("essay", steps=False) == 30.0
    assert pace.long_answer_seconds("essay") == 75.0
    assert pace.review_seconds("essay", steps=False) == 30.0
    assert not pace.measured


def test_without_history_each_kind_takes_the_time_docs_plan_md_gives() -> None:
    # "30 s for a concept card, 15 s for a choice, 40 s for a numeric answer and 300 s" a drill
    pace = Pace.default()
    documented = {"concept": 30.0, "choice": 15.0, "numeric": 40.0, "coding": 300.0}
    assert {kind: pace.new_seconds(kind, steps=False) for kind in documented} == documented
    assert {kind: pace.answer_seconds(kind) for kind in documented} == documented


def test_a_pace_per_answer_prices_first_looks_apart() -> None:
    pace = Pace.per_answer({"concept": 10.0, "coding": 100.0}, {"coding": 400.0})
    assert pace.review == pytest.approx({"concept": 11.0, "coding": 110.0})
    assert pace.new == pytest.approx({"concept": 22.5, "coding": 525.0})
    assert pace.new_seconds("coding", steps=False) == 400.0
    assert pace.new_seconds("concept", steps=False) == 10.0
    assert pace.answer_seconds("coding") == 100.0
    no_steps = Pace.per_answer(
        {"concept": 10.0}, scheduler=Scheduler(learning_steps=(), relearning_steps=())
    )
    assert (no_steps.review["concept"], no_steps.new["concept"]) == (10.0, 10.0)


def answer(seconds: float, *, first: bool = True, kind: str = "concept") -> TimedAnswer:
    return TimedAnswer("c", kind, seconds, first=first)


def test_answers_of_no_time_or_past_half_an_hour_are_breaks_not_answers() -> None:
    breaks = [answer(0.0), answer(-3.0), answer(MAX_ANSWER_SECONDS + 0.5)]
    ignored = estimate_pace(breaks)
    assert not ignored.measured
    assert ignored.new_seconds("concept", steps=False) == DEFAULT_SECONDS["concept"]
    kept = estimate_pace([*breaks, answer(MAX_ANSWER_SECONDS)])
    assert kept.measured
    # one answer of 1800 s with four defaults of 30 s standing in for the missing ones
    assert kept.new_seconds("concept", steps=False) == pytest.approx((1800 + 4 * 30) / 5)


def test_a_give_up_alone_is_a_measured_pace() -> None:
    pace = estimate_pace([TimedAnswer("d", "coding", 900.0, first=True, gave_up=True)])
    assert pace.measured
    assert pace.new_seconds("coding", steps=False) == pytest.approx((900 + 4 * 300) / 5)


def test_the_long_answer_blends_few_answers_high_percentile_with_the_default() -> None:
    # two answers: their 99th percentile 19.9 s, and 18 long defaults (2.5 x 30 s)
    pace = estimate_pace([answer(20.0), answer(10.0, first=False)])
    assert pace.long_answer_seconds("concept") == pytest.approx((2 * 19.9 + 18 * 75) / 20)
    one = estimate_pace([answer(40.0)])
    assert one.long_answer_seconds("concept") == pytest.approx((40 + 19 * 75) / 20)
    many = estimate_pace([answer(float(s)) for s in (5, 1, 4, 2, 3)] * 5)
    # 25 answers: the percentile alone, read from the sorted answers (position 23.76)
    assert many.long_answer_seconds("concept") == pytest.approx(5.0)
    assert many.long_answer_seconds("coding") == 750.0, "another kind keeps its default"


def test_the_time_box_starts_a_card_only_while_its_long_answer_fits() -> None:
    box = TimeBox(seconds_left=100.0, long_answer={"concept": 40.0, "choice": 20.0})
    assert box.fits("concept", 60.0) and not box.fits("concept", 60.5)
    # a kind the box does not know takes the long concept answer, 2.5 x 30 s
    assert box.fits("essay", 25.0) and not box.fits("essay", 25.5)
    assert not box.used_up
    assert not TimeBox(seconds_left=30.0, long_answer=box.long_answer).used_up  # a choice fits
    assert TimeBox(seconds_left=19.0, long_answer=box.long_answer).used_up
    assert TimeBox(seconds_left=1000.0, long_answer={}).used_up, "no kind to start"


def test_todays_box_is_the_budget_less_what_was_spent_with_each_kinds_long_answer() -> None:
    pace = Pace(review={}, new={}, long_answer={"concept": 44.0})
    box = time_box(plan(minutes=10.0), pace, 120.0, ["concept", "coding", "concept"])
    assert box.seconds_left == 480.0
    assert box.long_answer == {"concept": 44.0, "coding": 750.0}


def test_a_cost_fits_within_rounding_of_what_is_left() -> None:
    assert cost_fits(1.0, 1.0) and cost_fits(1.0, 1.0 - 1e-10)
    assert not cost_fits(1.0, 1.0 - 1e-8)


def test_the_last_pass_is_one_review_of_every_card_in_whole_days() -> None:
    assert final_days(cards(12), plan(), 10, PACE) == 1  # 600 s, the budget exactly
    assert final_days(cards(13), plan(), 10, PACE) == 2
    assert final_days(cards(25), plan(), 10, PACE) == 3
    assert final_days([], plan(), 10, PACE) == 1, "the eve at least"
    assert final_days(cards(25), plan(), 1, PACE) == 1, "only the eve is left"
    assert final_days(cards(25), plan(), 0, PACE) == 0, "the plan is over"
    assert final_days(cards(25), plan(minutes=0.0), 10, PACE) == 1


def test_new_cards_take_what_is_left_of_today_then_whole_days() -> None:
    three, twelve = cards(3), cards(12)
    assert new_days([], plan(), 300.0, PACE) == 0
    assert new_days(three, plan(), 300.0, PACE) == 1  # 300 s, what is left exactly
    assert new_days(three, plan(), 299.0, PACE) == 2
    assert new_days(three, plan(), -50.0, PACE) == 2, "a day over its budget has no room"
    assert new_days(twelve, plan(), 0.0, PACE) == 3  # today, then two days of 600 s
    assert new_days(twelve, plan(), 600.0, PACE) == 2
    assert new_days(cards(5), plan(), 300.0, PACE, steps=False) == 1  # 60 s a first look
    assert new_days(three, plan(minutes=0.0), 0.0, PACE) == sys.maxsize
    # what fits today needs no budget for the days after, and far more room is still 1 day
    assert new_days(three, plan(minutes=0.0), 300.0, PACE) == 1
    assert new_days(three, plan(), 5000.0, PACE) == 1


def test_the_last_pass_keeps_the_days_the_new_cards_leave() -> None:
    thirteen = cards(13)  # a last pass of 2 days
    unseen = thirteen[:3]  # 300 s: today (nothing left of it) and the day after
    assert pass_days(thirteen, [], plan(), 10, 0.0, PACE) == 2
    assert pass_days(thirteen, unseen, plan(), 10, 0.0, PACE) == 2
    assert pass_days(thirteen, unseen, plan(), 3, 0.0, PACE) == 1  # 3 days less 2
    assert pass_days(thirteen, unseen, plan(), 2, 0.0, PACE) == 1, "the eve at least"
    assert pass_days(thirteen, unseen, plan(), 3, 300.0, PACE) == 2  # all seen today
    assert pass_days(thirteen, cards(5), plan(), 3, 300.0, PACE, steps=False) == 2
    # with their steps 7 new cards need 3 days (700 s), without 2 (420 s): steps by default
    assert pass_days(thirteen, cards(7), plan(), 4, 0.0, PACE) == 1
    assert pass_days(thirteen, cards(7), plan(), 4, 0.0, PACE, steps=False) == 2


def memory_card(state: State, *, last: datetime | None, due: datetime, number: int = 1) -> Card:
    return Card(
        number, state=state, step=0, stability=1.0, difficulty=5.0, due=due, last_review=last
    )


def test_the_steps_fit_when_new_cards_and_owed_steps_fit_before_the_last_pass() -> None:
    unseen = cards(2)  # 200 s with their steps
    relearning = (FakeCard("r"), memory_card(State.Relearning, last=NOW, due=NOW))  # 45 s
    learning = (FakeCard("l"), memory_card(State.Learning, last=NOW, due=NOW))  # 100 - 60 s
    stepping = [relearning, learning]
    # 285 s in all; 3 days left and a last pass of 2: only today's room before it
    assert steps_fit(unseen, stepping, plan(), 3, 2, 285.0, PACE)
    assert not steps_fit(unseen, stepping, plan(), 3, 2, 284.0, PACE)
    assert steps_fit(unseen, [relearning], plan(), 3, 2, 245.0, PACE)
    assert not steps_fit(unseen, [relearning], plan(), 3, 2, 244.0, PACE)
    assert steps_fit(unseen, [learning], plan(), 3, 2, 240.0, PACE)
    assert not steps_fit(unseen, [learning], plan(), 3, 2, 239.0, PACE)
    # a whole day before the last pass (4 days left) adds the budget; a day spent adds none
    assert steps_fit(unseen, stepping, plan(), 4, 2, -1000.0, PACE)
    assert not steps_fit(cards(7), stepping, plan(), 4, 2, -1000.0, PACE)  # 785 s in 600
    assert steps_fit(cards(7), stepping, plan(), 4, 2, 185.0, PACE)


def test_steps_are_taken_before_the_last_pass_and_never_in_it() -> None:
    some = cards(6)  # 600 s of new cards, 300 s a pass
    memory: dict[str, Card] = {}
    assert takes_steps(some, memory, plan(days=5), NOW, tz=UTC, pace=PACE)
    # the eve is the last pass: no steps, however much room
    assert not takes_steps(some, memory, plan(days=1), NOW, tz=UTC, pace=PACE)
    assert takes_steps(some, memory, plan(days=0), NOW, tz=UTC, pace=PACE), "plan over"
    assert takes_steps(some, memory, plan(days=-3), NOW, tz=UTC, pace=PACE)
    # two days: today holds the 600 s of new cards with steps only while nothing is spent
    assert takes_steps(some, memory, plan(days=2), NOW, tz=UTC, pace=PACE)
    spent = takes_steps(some, memory, plan(days=2), NOW, tz=UTC, pace=PACE, spent_seconds=1.0)
    assert not spent


def test_steps_owed_today_count_against_the_room() -> None:
    some = cards(5)  # 500 s new
    owed = {"c00": memory_card(State.Relearning, last=NOW, due=NOW)}  # 45 s more, c00 seen
    yesterday = {"c00": memory_card(State.Relearning, last=NOW - timedelta(days=1), due=NOW)}
    # c00 seen leaves 400 s new; its step today makes 445 s, past the 430 s left
    left = {"spent_seconds": 170.0}
    assert not takes_steps(some, owed, plan(days=2), NOW, tz=UTC, pace=PACE, **left)
    assert takes_steps(some, yesterday, plan(days=2), NOW, tz=UTC, pace=PACE, **left)
    review = {"c00": memory_card(State.Review, last=NOW, due=NOW)}
    assert takes_steps(some, review, plan(days=2), NOW, tz=UTC, pace=PACE, **left)


def test_the_steps_due_are_todays_steps_due_by_now_soonest_first() -> None:
    earlier = NOW - timedelta(minutes=5)
    memory = {
        "b-step": memory_card(State.Learning, last=earlier, due=NOW - timedelta(minutes=1)),
        "a-step": memory_card(State.Relearning, last=earlier, due=NOW - timedelta(minutes=1)),
        "first": memory_card(State.Learning, last=earlier, due=NOW - timedelta(minutes=3)),
        "due-now": memory_card(State.Learning, last=earlier, due=NOW),
        "later": memory_card(State.Learning, last=earlier, due=NOW + timedelta(seconds=1)),
        "yesterdays": memory_card(
            State.Learning, last=NOW - timedelta(days=1), due=NOW - timedelta(hours=1)
        ),
        "review": memory_card(State.Review, last=earlier, due=NOW - timedelta(hours=2)),
        "never": memory_card(State.Learning, last=None, due=NOW - timedelta(hours=2)),
    }
    assert steps_due(memory, NOW, UTC) == ["first", "a-step", "b-step", "due-now"]
    assert steps_due({}, NOW, UTC) == []


def test_a_first_learning_step_of_a_day_or_more_adds_no_step_after_an_again() -> None:
    day = Scheduler(learning_steps=(timedelta(days=1),), relearning_steps=())
    assert answers_per_card(day) == (1.0, 1.0)
    almost = Scheduler(learning_steps=(timedelta(hours=23),), relearning_steps=())
    assert answers_per_card(almost) == (1.25, 1.0)


def test_a_give_up_counts_in_the_long_answer_and_only_for_its_own_mean() -> None:
    gave_up = TimedAnswer("d", "coding", 900.0, first=True, gave_up=True)
    pace = estimate_pace([gave_up])
    assert pace.long_answer_seconds("coding") == pytest.approx((900 + 19 * 750) / 20)
    # a later answer's prior is the first look's mean, (900 + 4 x 300) / 5; no later answer
    assert pace.answer_seconds("coding") == pytest.approx(420.0)
    at_the_prior = TimedAnswer("d", "coding", 300.0, first=True, gave_up=True)
    same = estimate_pace([at_the_prior])
    assert same.long_answer_seconds("coding") == 750.0, "a give-up no longer than the prior"


def test_the_long_answer_reads_between_the_two_answers_around_the_percentile() -> None:
    # 202 answers of 1..202 s: the 99th percentile sits at 198.99 in the sorted list
    pace = estimate_pace([answer(float(s)) for s in range(1, 203)])
    assert pace.long_answer_seconds("concept") == pytest.approx(199.99)


def test_a_box_with_exactly_a_long_answer_left_is_not_used_up() -> None:
    box = TimeBox(seconds_left=20.0, long_answer={"concept": 40.0, "choice": 20.0})
    assert not box.used_up


def test_a_budget_under_a_second_is_still_a_budget() -> None:
    # 0.01 min a day is 0.6 s: 300 s of new cards take 500 days more, a last pass 2084 days
    assert new_days(cards(3), plan(minutes=0.01), 0.0, PACE) == 501
    assert final_days(cards(25), plan(minutes=0.01), 10, PACE) == 2084


def test_a_day_past_its_budget_has_no_room_even_for_the_quickest_card() -> None:
    quick = Pace(review={"concept": 0.5}, new={"concept": 0.5})
    assert new_days(cards(1), plan(), -10.0, quick) == 2
    assert new_days(cards(1), plan(), 0.5, quick) == 1
    # nor for its same-day steps
    assert not steps_fit(cards(1), [], plan(), 3, 2, -10.0, quick)
    assert steps_fit(cards(1), [], plan(), 3, 2, 0.5, quick)
