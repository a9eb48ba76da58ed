"""The interview plan's pure functions: readiness, pacing, reviews brought forward."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from fsrs import Card, Rating, Scheduler, State

import quiz.study.plan
import quiz.study.plan.placement
import quiz.study.plan_reads
from quiz.store import InterviewPlan, Store
from quiz.study.cards import Filters
from quiz.study.options import SessionOptions
from quiz.study.plan import (
    DEFAULT_SECONDS,
    NEW_ANSWERS,
    READINESS_MARGIN,
    Ahead,
    DayPlan,
    LastPass,
    Pace,
    Readiness,
    TimeBox,
    TimedAnswer,
    answers_per_card,
    estimate_pace,
    final_days,
    forecast,
    interview_start,
    last_pass,
    new_days,
    pass_days,
    plan_day,
    readiness,
    recall_at,
    rest_of_day,
    study_ahead,
    time_box,
)
from quiz.study.plan_phrases import cards_wait, readiness_percent, session_cut_note
from quiz.study.plan_status import PlanStatus, plan_status
from quiz.study.plan_today import day_decided_at, plan_queue
from quiz.study.session import Session
from tests.study.fakes import FakeCard

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class C:
    """A StudyCard with only what the plan reads."""

    id: str
    topic: str = "optim"
    kind: str = "concept"
    title: str = "a card"
    tags: tuple[str, ...] = ()


def learned(scheduler: Scheduler, when: datetime, goods: int) -> Card:
    """A card rated Good `goods` times, each when it fell due (the first at `when`)."""
    card = Card(card_id=1, due=when)
    moment = when
    for _ in range(goods):
        card, _log = scheduler.review_card(card, Rating.Good, review_datetime=moment)
        moment = card.due
    return card


def reviewed(days_ago: float, stability: float) -> Card:
    """A card in review whose last review was `days_ago` days before START."""
    last = START - timedelta(days=days_ago)
    return Card(
        card_id=1,
        state=State.Review,
        step=None,
        stability=stability,
        difficulty=5.0,
        due=last + timedelta(days=stability),
        last_review=last,
    )


def a_plan(days: int, *, minutes: float = 45.0, target: float = 0.9) -> InterviewPlan:
    return InterviewPlan(
        interview=START.date() + timedelta(days=days),
        minutes_per_day=minutes,
        target=target,
        created_at=START,
    )


# -- readiness -------------------------------------------------------------------------


def test_recall_is_fsrs_own_retrievability_and_zero_when_never_seen(scheduler: Scheduler) -> None:
    card = learned(scheduler, START, 3)
    assert card.last_review is not None
    later = card.last_review + timedelta(days=17)
    assert recall_at(card, later, scheduler) == scheduler.get_card_retrievability(card, later)
    assert 0.0 < recall_at(card, later, scheduler) < 1.0
    assert recall_at(None, later, scheduler) == 0.0


def test_readiness_is_the_mean_over_cards_overall_and_per_topic(scheduler: Scheduler) -> None:
    cards = [C("a", "optim"), C("b", "optim"), C("c", "losses"), C("d", "losses")]
    memory = {"a": learned(scheduler, START, 2), "b": learned(scheduler, START, 4)}
    memory["c"] = learned(scheduler, START + timedelta(days=1), 3)
    moment = START + timedelta(days=30)
    ra, rb, rc = (scheduler.get_card_retrievability(memory[k], moment) for k in "abc")
    found = readiness(cards, memory, moment, scheduler)
    assert found.overall == pytest.approx((ra + rb + rc + 0.0) / 4)
    assert found.by_topic == {
        "losses": pytest.approx((rc + 0.0) / 2),
        "optim": pytest.approx((ra + rb) / 2),
    }
    assert (found.cards, found.seen) == (4, 3)


def test_readiness_keeps_a_topic_two_packs_share_apart(scheduler: Scheduler) -> None:
    """The plan's per-topic readiness merged two packs' "optim"; it is one figure per pack."""
    cards = [FakeCard("a", topic="optim", pack="nn"), FakeCard("b", topic="optim", pack="deep")]
    memory = {"a": learned(scheduler, START, 3)}
    moment = START + timedelta(days=10)
    found = readiness(cards, memory, moment, scheduler)
    ra = scheduler.get_card_retrievability(memory["a"], moment)
    assert found.by_topic == {"optim (deep)": 0.0, "optim (nn)": pytest.approx(ra)}


def test_readiness_falls_as_the_interview_moves_away(scheduler: Scheduler) -> None:
    cards = [C("a")]
    memory = {"a": learned(scheduler, START, 3)}
    near = readiness(cards, memory, START + timedelta(days=10), scheduler).overall
    far = readiness(cards, memory, START + timedelta(days=60), scheduler).overall
    assert far < near


def test_interview_start_is_local_midnight() -> None:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Europe/Paris")
    plan = a_plan(10)
    assert interview_start(plan, tz) == datetime(2026, 3, 10, 23, 0, tzinfo=UTC)


# -- pace ------------------------------------------------------------------------------


def test_pace_learns_first_answers_and_later_ones_apart_per_kind() -> None:
    answers = [
        # five new concept cards: a 20 s first look, then a 10 s learning step
        *(
            TimedAnswer(f"n{i}", "concept", s, first)
            for i in range(5)
            for s, first in ((20, True), (10, False))
        ),
        # five reviews of 12 s; a 5000 s "answer" is a break, left out
        *(TimedAnswer(f"r{i}", "concept", 12, False) for i in range(5)),
        TimedAnswer("r1", "concept", 5000, False),
    ]
    pace = estimate_pace(answers)
    later = (5 * 10 + 5 * 12) / 10
    assert pace.new_seconds("concept", steps=False) == 20, (
        "a new card without steps: its first look"
    )
    assert pace.answer_seconds("concept") == pytest.approx(later)
    # with fsrs's default steps: the first look, then 1.25 later answers (NEW_ANSWERS - 1)
    assert pace.new_seconds("concept") == pytest.approx(20 + (NEW_ANSWERS - 1) * later)
    assert pace.review_seconds("concept") == pytest.approx(later * 1.1)
    assert Pace.default().review_seconds("coding") == DEFAULT_SECONDS["coding"] * 1.1
    assert Pace.default().new_seconds("numeric", steps=False) == DEFAULT_SECONDS["numeric"]


def test_a_new_drill_s_time_learns_from_the_first_looks_at_once() -> None:
    """The tester's week: first looks at drills took 100-250 s; the plan said 47 s, from
    learning-step answers seconds apart on one day. First looks are measured alone."""
    quick_steps = [TimedAnswer("old", "coding", 4, False) for _ in range(9)]
    two = [TimedAnswer("a", "coding", 150, True), TimedAnswer("b", "coding", 250, True)]
    pace = estimate_pace(quick_steps + two)
    # two first looks already move the estimate, the default filling the three missing
    assert pace.new_seconds("coding", steps=False) == pytest.approx((150 + 250 + 3 * 300) / 5)
    many = [
        TimedAnswer(f"d{i}", "coding", float(t), True) for i, t in enumerate(range(100, 260, 10))
    ]
    pace = estimate_pace(quick_steps + many)
    assert pace.new_seconds("coding", steps=False) == pytest.approx(175)
    assert pace.new_seconds("coding") >= 175, "the steps add to the first look, never less"
    # the quiz cards keep their own (default) estimate
    assert pace.new_seconds("concept", steps=False) == DEFAULT_SECONDS["concept"]


def test_a_given_up_drill_only_ever_lengthens_the_estimate() -> None:
    """A give-up is not a solve time: a quick one is left out (it made the plan schedule
    more drills the quicker one gave up), a long one counts as any answer would."""
    solved = [TimedAnswer(f"d{i}", "coding", 200.0, True) for i in range(2)]
    quick = TimedAnswer("g", "coding", 23.0, True, gave_up=True)
    alone = estimate_pace(solved).new_seconds("coding", steps=False)
    assert alone == pytest.approx((2 * 200 + 3 * 300) / 5)
    assert estimate_pace([*solved, quick]).new_seconds("coding", steps=False) == alone
    assert estimate_pace([quick]).new_seconds("coding", steps=False) == DEFAULT_SECONDS["coding"]
    assert estimate_pace([quick]).long_answer_seconds("coding") == 2.5 * DEFAULT_SECONDS["coding"]
    # a give-up after 20 minutes: the drill takes at least that, and it counts
    long = TimedAnswer("h", "coding", 1200.0, True, gave_up=True)
    pace = estimate_pace([*solved, quick, long])
    assert pace.new_seconds("coding", steps=False) == pytest.approx((2 * 200 + 1200 + 2 * 300) / 5)
    # a slow person (first looks of 600 s): a give-up at 400 s would pull the mean down
    slow = [TimedAnswer(f"s{i}", "coding", 600.0, True) for i in range(5)]
    middling = TimedAnswer("m", "coding", 400.0, True, gave_up=True)
    assert estimate_pace([*slow, middling]).new_seconds("coding", steps=False) == 600
    # a review given up: the later answers keep their estimate too
    reviews = [TimedAnswer(f"r{i}", "coding", 90.0, False) for i in range(5)]
    again = TimedAnswer("r0", "coding", 10.0, False, gave_up=True)
    assert estimate_pace([*reviews, again]).answer_seconds("coding") == 90
    # answers that are not give-ups still teach the pace, quick or slow
    quick_solve = TimedAnswer("q", "coding", 23.0, True)
    assert estimate_pace([quick_solve]).new_seconds("coding", steps=False) == pytest.approx(
        (23 + 4 * 300) / 5
    )


def test_the_answers_per_card_follow_the_configured_steps() -> None:
    assert answers_per_card() == (NEW_ANSWERS, 1.1)
    assert answers_per_card(Scheduler()) == (NEW_ANSWERS, 1.1)
    none = Scheduler(learning_steps=(), relearning_steps=())
    assert answers_per_card(none) == (1.0, 1.0)
    three = Scheduler(
        learning_steps=(timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1)),
        relearning_steps=(timedelta(minutes=10), timedelta(minutes=30)),
    )
    assert answers_per_card(three) == pytest.approx((3.25, 1.2))
    # a step of a day or more is not the same day's
    daily = Scheduler(
        learning_steps=(timedelta(minutes=10), timedelta(days=1)),
        relearning_steps=(timedelta(days=1),),
    )
    assert answers_per_card(daily) == pytest.approx((1.25, 1.0))
    answers = [TimedAnswer(f"n{i}", "concept", 20, True) for i in range(5)]
    assert estimate_pace(answers, none).new_seconds("concept") == 20, "no steps: one answer"
    assert Pace.default(none).review_seconds("coding") == DEFAULT_SECONDS["coding"]
    assert Pace.default(three).new_seconds("concept") == pytest.approx(30 * 3.25)


def test_the_long_answer_time_is_a_high_percentile_blended_with_the_default_while_few() -> None:
    many = [TimedAnswer(f"n{i}", "concept", float(i + 1), False) for i in range(100)]
    assert estimate_pace(many).long_answer_seconds("concept") == pytest.approx(99.01)
    few = many[:10]  # 1..10 s: half the weight goes to the default (2.5 x 30 s)
    assert estimate_pace(few).long_answer_seconds("concept") == pytest.approx(
        (10 * 9.91 + 10 * 75.0) / 20
    )
    assert Pace.default().long_answer_seconds("coding") == 2.5 * DEFAULT_SECONDS["coding"]


# -- pacing ----------------------------------------------------------------------------


def simulate(
    cards: list[C],
    plan: InterviewPlan,
    scheduler: Scheduler,
    pace: Pace,
    rating: Rating = Rating.Good,
) -> tuple[dict[str, Card], list[float], dict[str, list[date]]]:
    """Follow plan mode day by day, answering everything with `rating` at 08:00 UTC.

    Returns the memory at the end, each day's expected seconds and the days on which each
    card was studied. Same-day learning steps are answered at once (they cost nothing
    extra here: the pace counts them in a new card's time).
    """
    memory: dict[str, Card] = {}
    loads: list[float] = []
    studied: dict[str, list[date]] = {}
    day = START
    while True:
        today = plan_day(cards, memory, plan, day, tz=UTC, scheduler=scheduler, pace=pace)
        if today is None:
            return memory, loads, studied
        loads.append(today.seconds)
        moment = day
        for card_id in today.queue:
            card = memory.get(card_id, Card(card_id=1, due=moment))
            card, _ = scheduler.review_card(card, rating, review_datetime=moment)
            while card.due < moment + timedelta(hours=1):  # its learning steps, same day
                card, _ = scheduler.review_card(card, rating, review_datetime=card.due)
            memory[card_id] = card
            studied.setdefault(card_id, []).append(day.date())
            moment += timedelta(seconds=1)
        day += timedelta(days=1)


def deck(count: int) -> list[C]:
    topics = ("optim", "losses", "attention")
    return [
        C(f"c{i:03d}", topics[i % 3], "coding" if i % 25 == 0 else "concept") for i in range(count)
    ]


def test_every_card_is_seen_before_the_day_and_no_day_goes_over_budget(
    scheduler: Scheduler,
) -> None:
    cards = deck(150)
    plan = a_plan(14, minutes=45)
    pace = Pace.per_answer({"concept": 20.0, "coding": 240.0})
    memory, loads, studied = simulate(cards, plan, scheduler, pace)
    assert len(loads) == 14, "one plan per day until the interview day, then None"
    assert set(memory) == {card.id for card in cards}
    assert max(loads) <= 45 * 60
    # new cards come first (front-loaded), so the last days are free for the last pass
    last_new_day = max(days[0] for days in studied.values())
    last_pass = final_days(cards, plan, 14, pace)
    window = plan.interview - timedelta(days=last_pass)
    assert last_new_day < window
    # no review between a card's first day and the last pass: the day does not need it
    assert all(later >= window for days in studied.values() for later in days[1:])
    # ... and the last pass reviews until readiness on the day reaches the target
    ready = readiness(cards, memory, interview_start(plan, UTC), scheduler).overall
    assert ready >= plan.target + READINESS_MARGIN
    assert any(len(days) == 1 for days in studied.values()), "not every card is reviewed"


def test_new_cards_come_before_the_last_pass_even_when_one_pass_takes_every_day(
    scheduler: Scheduler,
) -> None:
    cards = deck(150)
    plan = a_plan(7, minutes=20)
    pace = Pace.per_answer({"concept": 20.0, "coding": 240.0})
    # one review of every card (4752 s) takes four 20-minute days, and the new cards
    # without their steps (4320 s) take four more: the week cannot hold both in full
    assert final_days(cards, plan, 7, pace) == 4
    assert new_days(cards, plan, 1200.0, pace, steps=False) == 4
    assert pass_days(cards, cards, plan, 7, 1200.0, pace, steps=False) == 3, "what is left"
    memory, loads, studied = simulate(cards, plan, scheduler, pace)
    assert set(memory) == {card.id for card in cards}, "every card seen before the day"
    assert max(loads) <= 20 * 60, "no day over budget"
    first_days = [days[0] for days in studied.values()]
    review_days = [later for days in studied.values() for later in days[1:]]
    assert review_days, "the last pass reviews"
    assert max(first_days) < min(review_days), "no card is first seen after a review day"
    assert max(first_days) <= START.date() + timedelta(days=3)
    ready = readiness(cards, memory, interview_start(plan, UTC), scheduler).overall
    assert ready >= plan.target + READINESS_MARGIN


def test_new_days_count_what_is_left_of_today() -> None:
    plan = a_plan(7, minutes=10)
    pace = Pace.per_answer({"concept": 20.0, "coding": 240.0})
    cards = [C(f"k{i}") for i in range(59)]  # 59 * 45 s = 2655 s with steps
    assert new_days([], plan, 600.0, pace) == 0
    assert new_days(cards[:13], plan, 600.0, pace) == 1  # 585 s fit today
    assert new_days(cards, plan, 600.0, pace) == 5  # 600 today, then 2055 s: four days
    assert new_days(cards, plan, 0.0, pace) == 6, "today used up: five days from tomorrow"
    assert new_days(cards, plan, 600.0, pace, steps=False) == 2  # 1180 s at 20 s each


def test_only_an_interview_tomorrow_puts_first_looks_in_the_last_pass(
    scheduler: Scheduler,
) -> None:
    pace = Pace({"concept": 30.0}, {"concept": 30.0}, answer={"concept": 30.0})
    cards = [C("weak"), C("strong"), C("new")]
    memory = {"weak": reviewed(20, 2.0), "strong": reviewed(1, 30.0)}
    day = partial(plan_day, cards, memory, tz=UTC, scheduler=scheduler, pace=pace)
    # two days left: the unseen card first, the weak card waits for the eve
    first = day(a_plan(2, minutes=1), START)
    assert first is not None and first.new == ("new",) and first.forward == ()
    # the interview tomorrow: the unseen card and the weak one compete in the last pass
    eve = day(a_plan(1, minutes=1), START)
    assert eve is not None and eve.new == ("new",) and eve.forward == ("weak",)


def test_new_cards_come_as_fast_as_the_budget_allows(scheduler: Scheduler) -> None:
    cards = deck(60)
    plan = a_plan(7, minutes=600)
    today = plan_day(cards, {}, plan, START, tz=UTC, scheduler=scheduler)
    assert today is not None and len(today.new) == 60, "they all fit on the first day"
    tight = plan_day(cards, {}, a_plan(7, minutes=10), START, tz=UTC, scheduler=scheduler)
    assert tight is not None and tight.seconds <= 600 and 0 < len(tight.new) < 60
    seen = {card_id: learned(scheduler, START, 2) for card_id in tight.new}
    later = START + timedelta(hours=2)
    again = plan_day(
        cards, seen, a_plan(7, minutes=10), later, tz=UTC, scheduler=scheduler, spent_seconds=600
    )
    assert again is not None and again.new == (), "today's minutes are used: no more today"


def test_a_day_done_early_offers_the_next_new_cards_that_fit_at_the_pace_measured_now(
    scheduler: Scheduler,
) -> None:
    cards = deck(60)
    plan = a_plan(7, minutes=20)
    slow = Pace.per_answer({"concept": 60.0, "coding": 300.0})
    day = plan_day(cards, {}, plan, START, tz=UTC, scheduler=scheduler, pace=slow)
    assert day is not None and 0 < len(day.new) < 60
    kinds = {card.id: card.kind for card in cards}
    # the day's list answered in half the minutes the slow pace gave it
    seen = {card_id: learned(scheduler, START, 1) for card_id in day.new}
    spent = plan.minutes_per_day * 60 / 2
    later = START + timedelta(hours=1)
    rest = rest_of_day(day, kinds, slow, gone=set(seen))
    assert rest.queue == ()
    quick = Pace.per_answer({"concept": 15.0, "coding": 120.0})
    ahead = study_ahead(
        rest, cards, seen, plan, later, tz=UTC, scheduler=scheduler, pace=quick, spent_seconds=spent
    ).cards
    unseen = [card.id for card in cards if card.id not in seen]
    assert ahead and ahead == tuple(unseen[: len(ahead)]), "the next cards, in content order"
    cost = sum(quick.new_seconds(kinds[card_id], steps=rest.same_day_steps) for card_id in ahead)
    assert cost <= plan.minutes_per_day * 60 - spent, "within what is left of today's minutes"
    # nothing ahead while the list has cards left, once the minutes are used, or in the last pass
    offer = partial(study_ahead, tz=UTC, scheduler=scheduler, pace=quick)
    assert offer(day, cards, {}, plan, START, spent_seconds=0) == Ahead()
    assert offer(rest, cards, seen, plan, later, spent_seconds=plan.minutes_per_day * 60) == Ahead()
    last = replace(rest, last_pass=True)
    assert offer(last, cards, seen, plan, later, spent_seconds=0) == Ahead(last_pass=True)


def test_nothing_ahead_when_the_plan_made_now_is_in_its_last_pass(scheduler: Scheduler) -> None:
    """A day decided before its last pass whose plan made now has begun it (the minutes
    spent since) offers nothing, and says it is the last pass, not that no card fits."""
    cards = deck(30)
    plan = a_plan(1, minutes=45)  # the interview tomorrow: today is the last pass
    seen = {card.id: learned(scheduler, START, 1) for card in cards[:10]}
    rest = DayPlan(
        reviews=(), forward=(), new=(), seconds=0.0, days_left=1, new_remaining=20
    )  # as if decided before the last pass
    quick = Pace.per_answer({"concept": 15.0, "coding": 120.0})
    found = study_ahead(
        rest, cards, seen, plan, START, tz=UTC, scheduler=scheduler, pace=quick, spent_seconds=60
    )
    assert found == Ahead(last_pass=True)


def test_the_bench_s_spread_pace_shares_the_unseen_cards_over_its_first_days(
    scheduler: Scheduler,
) -> None:
    cards = deck(60)
    plan = a_plan(7, minutes=600)  # room for every card on the first day
    spread = partial(plan_day, tz=UTC, scheduler=scheduler, spread_over=4)
    first = spread(cards, {}, plan, START)
    assert first is not None and len(first.new) == 15, "60 cards over 4 days"
    assert list(first.new) == [card.id for card in cards[:15]], "in content order"
    seen = {card_id: learned(scheduler, START, 2) for card_id in first.new}
    second = spread(cards, seen, plan, START + timedelta(days=1))
    assert second is not None and len(second.new) == 15, "45 left over the 3 days left"
    seen |= {card_id: learned(scheduler, START, 2) for card_id in second.new[:5]}
    third = spread(cards, seen, plan, START + timedelta(days=2))
    assert third is not None and len(third.new) == 20, "a day short: 40 over the 2 days left"
    late = spread(cards, seen, plan, START + timedelta(days=5))
    assert late is not None and len(late.new) == 40, "past its days: what is left, at once"


def test_a_tight_budget_caps_the_day(scheduler: Scheduler) -> None:
    cards = deck(60)
    plan = a_plan(14, minutes=5)
    pace = Pace(
        {"concept": 30.0},
        {"concept": 60.0, "coding": 600.0},
        answer={"concept": 30.0, "coding": 400.0},
    )
    day = partial(plan_day, cards, {}, plan, START, tz=UTC, scheduler=scheduler, pace=pace)
    stepping = day(same_day_steps=True)
    assert stepping is not None
    assert stepping.seconds <= 5 * 60 and len(stepping.new) == 5  # 60 s per new concept card
    # 60 cards with their steps (5220 s) need more than the 2100 s before the last pass
    # (seven 5-minute days: one review of every card takes 1809 s): plan mode drops
    # the same-day steps, so a new card costs its first answer (30 s)
    today = day()
    assert today is not None and not today.same_day_steps
    assert today.seconds <= 5 * 60 and len(today.new) == 10


def test_imposed_new_cards_are_the_only_new_ones(scheduler: Scheduler) -> None:
    cards = deck(30)
    plan = a_plan(7, minutes=600)
    today = plan_day(
        cards,
        {},
        plan,
        START,
        tz=UTC,
        scheduler=scheduler,
        time_reviews=False,
        new_cards=["c003", "c001", "c999"],
    )
    assert today is not None and today.new == ("c001", "c003"), "in content order"


def test_short_of_days_plan_mode_drops_the_same_day_steps(scheduler: Scheduler) -> None:
    cards = deck(60)
    # Three 10-minute days for 60 new cards: with their learning steps they need 5265 s.
    short = a_plan(3, minutes=10)
    failed, _ = scheduler.review_card(
        Card(card_id=1, due=START - timedelta(hours=1)),
        Rating.Again,
        review_datetime=START - timedelta(hours=1),
    )
    assert failed.state == State.Learning and failed.due <= START
    memory = {"c001": failed}
    day = partial(plan_day, cards, tz=UTC, scheduler=scheduler)
    today = day(memory, short, START)
    assert today is not None and not today.same_day_steps
    assert "c001" not in today.queue, "answered Again today: not asked again today"
    # every card seen once: each new card costs its first answer only (30 s, a drill 300 s)
    kinds = {card.id: card.kind for card in cards}
    assert today.seconds == pytest.approx(sum(DEFAULT_SECONDS[kinds[c]] for c in today.new))
    assert today.new[0] == "c000" and today.forward == (), "new cards first, not the last pass"
    # a later session the same day decides as the first did, and its answers wait
    seen = dict(memory)
    for card_id in today.new:
        seen[card_id], _ = scheduler.review_card(
            Card(card_id=2, due=START), Rating.Good, review_datetime=START
        )
    later = day(seen, short, START + timedelta(hours=1), spent_seconds=today.seconds)
    assert later is not None and not later.same_day_steps
    assert not set(later.queue) & set(seen), "today's answers are not asked again today"
    # with room for every card and its steps, the step is taken today, as fsrs says
    roomy = day(memory, a_plan(30, minutes=60), START)
    assert roomy is not None and roomy.same_day_steps and roomy.reviews == ("c001",)
    # ... and a step left from an earlier day waits for the last pass
    tomorrow = day(memory, a_plan(30, minutes=60), START + timedelta(days=1))
    assert tomorrow is not None and tomorrow.same_day_steps and "c001" not in tomorrow.queue


def test_the_last_pass_takes_no_same_day_steps(scheduler: Scheduler) -> None:
    # A lapse 15 minutes ago: before the last pass its relearning step cannot wait; in the
    # last pass a look is one answer (a step adds little recall on the day by fsrs's
    # model, and nothing on the eve), so the lapsed card is not asked again today.
    plan = a_plan(2)
    cards = [C("lapsed"), C("other")]

    def lapsed_at(moment: datetime) -> Card:
        card, _ = scheduler.review_card(reviewed(5, 3.0), Rating.Again, review_datetime=moment)
        assert card.state == State.Relearning and card.due <= moment + timedelta(minutes=15)
        return card

    other = reviewed(2, 20.0)
    before = START + timedelta(minutes=15)
    early = plan_day(
        cards,
        {"lapsed": lapsed_at(START), "other": other},
        plan,
        before,
        tz=UTC,
        scheduler=scheduler,
    )
    assert early is not None and early.days_left == 2 and early.same_day_steps
    assert early.reviews == ("lapsed",)
    eve = before + timedelta(days=1)
    last = plan_day(
        cards,
        {"lapsed": lapsed_at(eve - timedelta(minutes=15)), "other": other},
        plan,
        eve,
        tz=UTC,
        scheduler=scheduler,
    )
    assert last is not None and last.days_left == 1 and not last.same_day_steps
    assert last.last_pass and not early.last_pass
    assert "lapsed" not in last.queue
    # plain fsrs (the bench's baselines) keeps its steps
    plain = plan_day(
        cards,
        {"lapsed": lapsed_at(eve - timedelta(minutes=15)), "other": other},
        plan,
        eve,
        tz=UTC,
        scheduler=scheduler,
        time_reviews=False,
    )
    assert plain is not None and plain.same_day_steps and "lapsed" in plain.reviews


def test_a_card_with_low_recall_on_the_day_is_brought_forward(scheduler: Scheduler) -> None:
    # Studied long ago: fsrs next shows it after the interview, when recall will be ~0.9;
    # the plan asks for 0.97 on the day, so it is reviewed before.
    card = learned(scheduler, START - timedelta(days=40), 4)
    plan = a_plan(10, target=0.97)
    start = interview_start(plan, UTC)
    assert card.due > start and recall_at(card, start, scheduler) < 0.97
    cards = [C("low"), C("fresh")]
    memory: Mapping[str, Card] = {
        "low": card,
        "fresh": learned(scheduler, START - timedelta(hours=30), 1),
    }
    first = plan_day(cards, memory, plan, START, tz=UTC, scheduler=scheduler)
    assert first is not None and first.queue == (), "room later: it waits for the last days"
    last = plan_day(cards, memory, plan, START + timedelta(days=9), tz=UTC, scheduler=scheduler)
    assert last is not None and "low" in last.forward
    # a learning step left from an earlier day waits for the last pass too
    assert "fresh" in last.forward


def test_the_last_pass_puts_the_weakest_cards_nearest_the_day(
    scheduler: Scheduler,
) -> None:
    plan = a_plan(3, minutes=1)  # 60 s a day: two 30 s reviews fit
    pace = Pace({"concept": 30.0}, {})
    old = reviewed(20, 5.0)
    cards = [C(f"low{i}") for i in range(5)]
    memory = {c.id: old for c in cards}
    placed = last_pass(
        cards, [], memory, plan, START, tz=UTC, scheduler=scheduler, pace=pace, today_left=60.0
    )
    # all five are under the target: two on the eve, two the day before, and then
    # readiness on the day is above the goal, so the fifth is left alone
    assert [len(day) for day in placed.days] == [0, 2, 2]
    assert placed.predicted >= plan.target + READINESS_MARGIN
    today = plan_day(cards, memory, plan, START, tz=UTC, scheduler=scheduler, pace=pace)
    assert today is not None and today.queue == ()
    # asked for more (a wide margin), the fifth comes today: the latest day with room
    greedy = last_pass(
        cards,
        [],
        memory,
        plan,
        START,
        tz=UTC,
        scheduler=scheduler,
        pace=pace,
        today_left=60.0,
        margin=1.0,
    )
    assert [len(day) for day in greedy.days] == [1, 2, 2]
    wide = plan_day(cards, memory, plan, START, tz=UTC, scheduler=scheduler, pace=pace, margin=1.0)
    assert wide is not None and wide.forward == greedy.days[0] and wide.reviews == ()
    # a card reviewed yesterday is above the target on the day: the weak ones take the eve
    fresh, weaker = reviewed(1, 30.0), reviewed(20, 2.0)
    mixed = {"low0": weaker, "low1": weaker, "low2": fresh, "low3": fresh, "low4": fresh}
    pass_days = [
        plan_day(
            cards, mixed, plan, START + timedelta(days=d), tz=UTC, scheduler=scheduler, pace=pace
        )
        for d in (0, 1, 2)
    ]
    assert pass_days[2] is not None and set(pass_days[2].forward) == {"low0", "low1"}
    assert pass_days[0] is not None and pass_days[0].queue == (), "nothing needed today"
    # a drill costs ten times more: with equal gains, the concept card gets the last day
    drill_plan = a_plan(2, minutes=5)  # one pass (330 s) takes both days
    priced = Pace({"concept": 30.0, "coding": 300.0}, {})
    two = [C("quick"), C("slow", kind="coding")]
    eve = plan_day(
        two,
        {"quick": old, "slow": old},
        drill_plan,
        START,
        tz=UTC,
        scheduler=scheduler,
        pace=priced,
    )
    assert eve is not None and eve.forward == ("slow",), "the drill cannot wait for the last day"


def test_the_last_pass_reaches_the_goal_with_the_fewest_looks(
    scheduler: Scheduler, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A weak drill adds the most recall per look; ranked per second (ten quiz answers'
    time) it never came, and six quiz cards were looked at where a drill and four do."""
    plan = a_plan(2, minutes=10)  # 600 s a day: room for the drill and more on the eve
    pace = Pace({"concept": 30.0, "coding": 300.0}, {})
    cards = [C("drill", kind="coding")] + [C(f"q{i}") for i in range(6)]
    memory = {"drill": reviewed(20, 1.0), **{f"q{i}": reviewed(20, 6.0) for i in range(6)}}
    start = interview_start(plan, UTC)
    assert recall_at(memory["drill"], start, scheduler) < recall_at(memory["q0"], start, scheduler)

    def placed() -> LastPass:
        return last_pass(
            cards, [], memory, plan, START, tz=UTC, scheduler=scheduler, pace=pace, today_left=600.0
        )

    fewest = placed()
    assert fewest.days[0] == () and "drill" in fewest.days[1]
    assert len(fewest.days[1]) == 5
    assert fewest.predicted >= plan.target + READINESS_MARGIN
    monkeypatch.setattr(
        quiz.study.plan.placement, "PRICE_ROUNDS", 0
    )  # the ranking per second alone
    per_second = placed()
    assert "drill" not in per_second.days[1] and len(per_second.days[1]) == 6


def test_a_card_above_the_target_on_the_day_is_not_reviewed_in_the_last_pass(
    scheduler: Scheduler,
) -> None:
    plan = a_plan(3, minutes=45)  # room for every card on every day
    weak = reviewed(20, 5.0)
    strong = reviewed(2, 60.0)
    start = interview_start(plan, UTC)
    assert recall_at(weak, start, scheduler) < plan.target < recall_at(strong, start, scheduler)
    cards = [C("weak"), C("strong"), C("strong2")]
    memory = {"weak": weak, "strong": strong, "strong2": strong}
    place = partial(
        last_pass,
        cards,
        [],
        plan=plan,
        moment=START,
        tz=UTC,
        scheduler=scheduler,
        pace=Pace.default(),
        today_left=45 * 60.0,
    )
    placed = place(memory)
    assert placed.days == ((), (), ("weak",)), "the weak card on the eve, nothing else"
    assert placed.predicted >= plan.target + READINESS_MARGIN
    # a wider margin asks for more: the strong cards are looked at too, on the eve
    assert set(place(memory, margin=1.0).days[2]) == {"weak", "strong", "strong2"}
    # with the readiness already above the goal, the last pass reviews nothing
    ready = {"weak": strong, "strong": strong, "strong2": strong}
    assert place(ready).days == ((), (), ())


def test_a_due_review_waits_for_the_last_pass(scheduler: Scheduler) -> None:
    card = learned(scheduler, START, 3)
    assert card.state == State.Review
    due_day = card.due.date()
    plan = InterviewPlan(
        interview=due_day + timedelta(days=2),
        minutes_per_day=1.0,
        target=0.9,
        created_at=card.due - timedelta(days=12),
    )
    now = card.due + timedelta(hours=1)
    pace = Pace({"concept": 30.0}, {})
    assert final_days([C("a"), C("b")], plan, 2, pace) == 1
    wide = InterviewPlan(plan.interview, 0.5, 0.99, plan.created_at)
    assert final_days([C("a"), C("b")], wide, 2, pace) == 2  # one pass takes two days
    both = [C("a"), C("b")]
    memory = {"a": card, "b": card}
    today = plan_day(both, memory, wide, now, tz=UTC, scheduler=scheduler, pace=pace)
    assert today is not None and today.reviews == (), "due, but placed by the last pass"
    assert today.forward == ("b",), "one fits tomorrow (a), the other comes today"
    plain = plan_day(
        both, memory, wide, now, tz=UTC, scheduler=scheduler, pace=pace, time_reviews=False
    )
    assert plain is not None and plain.reviews == ("a",), "time_reviews=False: fsrs decides"
    tomorrow = plan_day(
        both, memory, wide, now + timedelta(days=1), tz=UTC, scheduler=scheduler, pace=pace
    )
    assert tomorrow is not None and tomorrow.forward == ("a",)
    # before the last pass a due review waits too: the last pass has room for it
    early = InterviewPlan(due_day + timedelta(days=5), 30.0, 0.9, card.due - timedelta(days=9))
    before = plan_day([C("a")], {"a": card}, early, now, tz=UTC, scheduler=scheduler)
    assert before is not None and before.queue == ()
    # ... but a learning step cannot wait
    stepping, _ = scheduler.review_card(
        Card(card_id=2, due=now - timedelta(minutes=15)),
        Rating.Good,
        review_datetime=now - timedelta(minutes=15),
    )
    assert stepping.state == State.Learning and stepping.due <= now
    steps = plan_day(
        [C("a"), C("s")], {"a": card, "s": stepping}, early, now, tz=UTC, scheduler=scheduler
    )
    assert steps is not None and steps.reviews == ("s",)


def test_the_plan_ends_on_the_interview_day(scheduler: Scheduler) -> None:
    plan = a_plan(5)
    on_the_day = START + timedelta(days=5)
    assert plan_day([C("a")], {}, plan, on_the_day, tz=UTC, scheduler=scheduler) is None
    assert (
        plan_day([C("a")], {}, plan, on_the_day + timedelta(days=3), tz=UTC, scheduler=scheduler)
        is None
    )


def test_a_due_session_studies_the_plan_queue_in_its_order(store: Store) -> None:
    cards = [C("a", "optim"), C("b", "losses"), C("c", "optim")]
    planned = Session(store, cards, SessionOptions(plan_queue=("c", "b", "a")), now=START)
    assert [card.id for card in planned.planned] == ["c", "b", "a"]
    narrowed = SessionOptions(plan_queue=("c", "b", "a"), filters=Filters(topic="optim"))
    assert [card.id for card in Session(store, cards, narrowed, now=START).planned] == ["c", "a"]
    plain = Session(store, cards, SessionOptions(), now=START)
    assert [card.id for card in plain.planned] == ["a", "b", "c"], "no plan: the usual due queue"


def test_a_card_buried_today_leaves_today_s_plan_but_counts_on_the_day(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck(6)
    store.set_interview_plan(a_plan(12, minutes=3))
    status = partial(plan_status, store, cards, START, tz=UTC, scheduler=scheduler)
    first = status()
    assert first is not None and first.today is not None
    buried = first.today.queue[0]
    store.set_flag(buried, suspended=False, buried_until=START + timedelta(hours=16), now=START)
    later = status()
    assert later is not None and later.today is not None
    assert buried not in later.today.queue, "no session shows it today: the line must not count it"
    # the day's list was decided at its start: it loses the card, and none takes its
    # place (until the eighteenth round another new card did, and the count stayed)
    assert later.today.new == tuple(c for c in first.today.new if c != buried)
    assert later.on_the_day.cards == first.on_the_day.cards == 6, "it is back tomorrow"
    tomorrow = plan_status(store, cards, START + timedelta(days=1), tz=UTC, scheduler=scheduler)
    assert tomorrow is not None and tomorrow.today is not None
    assert buried in tomorrow.today.queue
    store.set_flag(buried, suspended=True, buried_until=None, now=START)
    suspended = status()
    assert suspended is not None and suspended.on_the_day.cards == 5, "suspended: out of the plan"


def test_the_forecast_runs_to_the_day_and_following_the_plan_beats_stopping(
    scheduler: Scheduler,
) -> None:
    cards = deck(40)
    memory = {card.id: learned(scheduler, START - timedelta(days=20), 3) for card in cards[:10]}
    before = dict(memory)
    plan = a_plan(10, minutes=30)
    points = forecast(cards, memory, plan, START, tz=UTC, scheduler=scheduler)
    assert memory == before, "the forecast studies a copy"
    assert [p.day for p in points] == [START.date() + timedelta(days=d) for d in range(1, 11)]
    assert points[-1].day == plan.interview
    idle = [p.idle for p in points]
    assert idle == sorted(idle, reverse=True), "without study, readiness only falls"
    assert points[-1].idle == pytest.approx(
        readiness(cards, memory, interview_start(plan, UTC), scheduler).overall
    )
    assert all(p.followed >= p.idle for p in points)
    assert points[-1].followed > 0.9 > points[-1].idle, "every card seen and reviewed in time"
    assert (
        forecast(cards, memory, plan, START + timedelta(days=10), tz=UTC, scheduler=scheduler) == []
    )


# -- the time box ------------------------------------------------------------------------


def test_the_time_box_starts_a_card_only_if_a_long_answer_still_fits() -> None:
    plan = a_plan(5, minutes=10)
    pace = Pace.default()
    box = time_box(plan, pace, 120.0, ["concept", "coding"])
    assert box.seconds_left == 480.0
    assert box.fits("concept", 400.0)  # 400 + 75 <= 480
    assert not box.fits("concept", 410.0)
    assert not box.fits("coding", 0.0), "a long drill answer (750 s) does not fit in 480 s"


def test_a_plan_session_stops_offering_cards_once_the_minutes_are_used(store: Store) -> None:
    cards = [C("a"), C("b"), C("c"), C("d", kind="coding")]
    box = TimeBox(seconds_left=100.0, long_answer={"concept": 40.0, "coding": 500.0})
    options = SessionOptions(plan_queue=("a", "b", "d", "c"), time_box=box)
    session = Session(store, cards, options, now=START)
    assert [card.id for card in session.planned] == ["a", "b", "d", "c"]
    assert session.current is not None and session.current.id == "a"
    assert session.remaining == 3, "the drill never fits: it waits for another day"
    # Easy: each card graduates, so none comes back for a learning step
    session.rate(Rating.Easy, now=START + timedelta(seconds=50), duration_ms=50_000)
    assert session.current is not None and session.current.id == "b"  # 50 + 40 <= 100
    session.rate(Rating.Easy, now=START + timedelta(seconds=80), duration_ms=30_000)
    assert session.current is None, "80 s used: a 40 s answer would end past 100 s"
    summary = session.finish(now=START + timedelta(seconds=90))
    assert (
        session.time_box_note is not None and "2 cards wait for tomorrow" in session.time_box_note
    )
    # the summary's Plan row counts what waits, from the plan after the session
    assert summary.note == session_cut_note() and "cram" in summary.note


def test_a_plan_session_ended_with_cards_left_says_nothing_of_the_minutes(
    store: Store,
) -> None:
    """A drill that never fits is set aside as the session starts; a person who ended the
    session at once (esc) was told its last cards no longer fit in the minutes, which had
    not ended it: the cards were still there."""
    cards = [C("a"), C("b"), C("d", kind="coding")]
    box = TimeBox(seconds_left=100.0, long_answer={"concept": 40.0, "coding": 500.0})
    session = Session(
        store, cards, SessionOptions(plan_queue=("a", "b", "d"), time_box=box), now=START
    )
    assert session.left_for_later and session.remaining == 2
    session.rate(Rating.Easy, now=START + timedelta(seconds=20), duration_ms=20_000)
    assert session.current is not None and session.current.id == "b"
    assert session.finish(now=START + timedelta(seconds=30)).note is None


def test_without_a_plan_a_due_session_has_no_time_box(store: Store) -> None:
    cards = [C("a"), C("b")]
    session = Session(store, cards, SessionOptions(), now=START)
    session.rate(Rating.Good, now=START + timedelta(hours=5), duration_ms=5 * 3600 * 1000)
    assert session.current is not None and session.current.id == "b"
    session.rate(Rating.Good, now=START + timedelta(hours=6))
    assert session.finish(now=START + timedelta(hours=6)).note is None


def test_the_home_line_says_when_the_day_needs_nothing() -> None:
    plan = a_plan(10)
    ready = Readiness(overall=0.95, by_topic={}, cards=3, seen=3)
    idle = DayPlan(reviews=(), forward=(), new=(), seconds=0.0, days_left=10, new_remaining=0)
    status = PlanStatus(plan=plan, days_left=10, on_the_day=ready, today=idle)
    assert status.line() == (
        "10 days left · readiness 95% → target 90% on the day · today: nothing planned"
    )
    busy = DayPlan(
        reviews=("a",), forward=("b",), new=("c",), seconds=150.0, days_left=10, new_remaining=1
    )
    assert (
        PlanStatus(plan, 10, ready, busy)
        .line()
        .endswith("today: 2 reviews + 1 new, about 2 min at your pace")
    )
    assert PlanStatus(plan, 10, ready, busy).steps_note() is None
    short = replace(busy, same_day_steps=False)
    note = PlanStatus(plan, 10, ready, short).steps_note()
    assert note is not None and "not asked again the same day" in note and "Too few days" in note
    # in a new user's words: "the last pass" was the plan's own jargon
    assert "reviews it again in the last days before the interview" in note
    final = replace(short, last_pass=True)
    note = PlanStatus(plan, 10, ready, final).steps_note()
    assert note is not None and "not asked again the same day" in note
    assert note.startswith("The last days before the interview:") and "last pass" not in note


# -- one decision a day ------------------------------------------------------------------


def plan_session(store: Store, cards: list[C], now: datetime, scheduler: Scheduler) -> Session:
    """A plan-mode due session over `cards` at `now`, as the app builds it."""
    planned = plan_queue(store, cards, now, tz=UTC, scheduler=scheduler)
    assert planned is not None
    options = SessionOptions(
        plan_queue=planned.ids,
        time_box=planned.box,
        requeue=planned.same_day_steps,
    )
    return Session(store, cards, options, now=now, scheduler=scheduler)


def yesterday_s_plan(days: int, *, minutes: float = 30.0) -> InterviewPlan:
    """A plan set the day before START: today is planned from its midnight."""
    return replace(a_plan(days, minutes=minutes), created_at=START - timedelta(days=1))


def a_mixed_deck(count: int) -> list[C]:
    """Concept cards with a drill second and every tenth."""
    return [C(f"c{i:03d}", kind="coding" if i % 10 == 1 else "concept") for i in range(count)]


def answer_current(session: Session, moment: datetime, seconds: float) -> datetime:
    """Answer the session's current card in `seconds`: Good, or a drill given up."""
    card = session.current
    assert card is not None
    session.show(now=moment)
    moment += timedelta(seconds=seconds)
    if card.kind == "coding":
        session.answer_drill(passed=False, hints_used=0, failed_attempts=0, now=moment)
    else:
        session.rate(Rating.Good, now=moment, duration_ms=int(seconds * 1000))
    return moment


def test_the_day_s_counts_only_go_down_as_it_is_studied(store: Store, scheduler: Scheduler) -> None:
    # The new user's walkthrough: `drillbit plan` said "0 reviews + 15 new", two quick
    # answers later Home said "+ 18 new", a few more (a drill given up) "+ 24 new". The
    # day was planned again at each call with the pace measured then: quick answers made
    # it faster and more cards fitted. In Anki the day's counts are set at its start and
    # only go down; the plan's day is now decided once, from its midnight.
    cards = a_mixed_deck(120)
    store.set_interview_plan(yesterday_s_plan(14))
    status = partial(plan_status, store, cards, tz=UTC, scheduler=scheduler)
    morning = status(START)
    assert morning is not None and morning.today is not None
    assert "c001" in morning.offered, "a drill among today's cards"
    session = plan_session(store, cards, START, scheduler)
    assert tuple(card.id for card in session.planned) == morning.offered
    moment, seen = START, morning
    gave_up = False
    for _answer in range(8):
        assert session.current is not None
        gave_up |= session.current.kind == "coding"
        answered = session.current.id
        moment = answer_current(session, moment, 2.0)
        now = status(moment)
        assert now is not None and now.today is not None and seen.today is not None
        assert len(now.today.new) <= len(seen.today.new), "the new count never grows"
        assert now.offered == tuple(c for c in seen.offered if c != answered), "one card less"
        seen = now
    assert gave_up, "a drill given up in seconds among the answers"
    assert seen.today is not None and len(seen.today.new) == len(morning.today.new) - 8
    assert seen.load().startswith(f"today: 0 reviews + {len(morning.today.new) - 8} new")
    # the pace measured now is much quicker: planning the day again with it held more
    fast = quiz.study.plan_reads.pace_from_store(store, cards, moment, UTC)
    assert fast.new_seconds("concept") < Pace.default().new_seconds("concept") / 2


def test_a_later_session_the_same_day_offers_the_rest_of_the_morning_s_list(
    store: Store, scheduler: Scheduler
) -> None:
    cards = a_mixed_deck(120)
    store.set_interview_plan(yesterday_s_plan(14))
    morning = plan_status(store, cards, START, tz=UTC, scheduler=scheduler)
    assert morning is not None and morning.today is not None
    first = plan_session(store, cards, START, scheduler)
    moment = START
    for _answer in range(4):
        moment = answer_current(first, moment, 3.0)
    answered = {answer.card.id for answer in first.answers}
    first.finish(now=moment)
    later = START + timedelta(hours=6)
    second = plan_session(store, cards, later, scheduler)
    rest = tuple(c for c in morning.offered if c not in answered)
    planned = tuple(card.id for card in second.planned)
    assert planned[: len(rest)] == rest, "the morning's cards not yet answered, in order"
    # ... then the answered ones whose same-day learning step is due (the day takes them)
    assert morning.today.same_day_steps and set(planned[len(rest) :]) == answered
    home = plan_status(store, cards, later, tz=UTC, scheduler=scheduler)
    assert home is not None and home.offered == planned
    assert home.load().startswith(f"today: 4 reviews + {len(rest)} new")
    assert home.queue is not None and home.queue.spent_seconds > 0, "the minutes used count"


def test_a_plan_set_during_the_day_says_at_once_what_home_says_after(
    store: Store, scheduler: Scheduler
) -> None:
    # a plain due session in the morning, then a plan set at noon: its first day is
    # planned from its making (the morning's minutes count), and the line does not move
    cards = a_mixed_deck(60)
    session = Session(store, cards, SessionOptions(), now=START, scheduler=scheduler)
    moment = START
    for _answer in range(3):
        moment = answer_current(session, moment, 20.0)
    session.finish(now=moment)
    noon = START + timedelta(hours=4)
    store.set_interview_plan(replace(a_plan(14), created_at=noon))
    status = partial(plan_status, store, cards, tz=UTC, scheduler=scheduler)
    made = status(noon)
    assert made is not None and made.today is not None
    morning = {answer.card.id for answer in session.answers}
    assert not morning & set(made.today.new), "the morning's first looks are not new today"
    assert set(made.today.reviews) == morning, "... their learning steps are due"
    assert made.queue is not None and made.queue.spent_seconds == 60.0
    assert status(noon + timedelta(minutes=5)) == made
    # a change of minutes is asked for: the day is decided again with them
    store.set_interview_plan(replace(a_plan(14, minutes=90), created_at=noon))
    more = status(noon + timedelta(minutes=6))
    assert more is not None and more.today is not None
    assert len(more.today.new) > len(made.today.new)


def test_a_second_session_the_same_day_asks_an_again_as_the_first_did(
    store: Store, scheduler: Scheduler
) -> None:
    # The tester's week: a first session drops the same-day steps (too few days for
    # every card with them), its answers are quick (a drill given up in seconds), and a
    # second session the same day took the steps, asking an Again again. The day decides
    # once, from its start: today's answers and their times change nothing.
    cards = [C(f"c{i:03d}") for i in range(60)]
    store.set_interview_plan(a_plan(3, minutes=10))
    first = plan_session(store, cards, START, scheduler)
    assert not first.options.requeue, "short of days: no same-day steps today"
    moment = START
    for index in range(8):
        moment += timedelta(seconds=2)
        rating = Rating.Again if index == 0 else Rating.Good
        answer = first.rate(rating, now=moment, duration_ms=1_000)
        assert not answer.requeued
    again = first.answers[0].card.id
    first.finish(now=moment)
    # the quick answers make the measured pace fast: deciding again with them, the steps
    # seemed to fit
    fast = quiz.study.plan_reads.pace_from_store(store, cards, moment, UTC)
    assert fast.new_seconds("concept") < Pace.default().new_seconds("concept") / 2
    later = START + timedelta(hours=3)
    second = plan_session(store, cards, later, scheduler)
    assert not second.options.requeue, "the day decided without same-day steps"
    assert again not in {card.id for card in second.planned}, "the Again waits for the last pass"
    answer = second.rate(Rating.Again, now=later + timedelta(seconds=5), duration_ms=1_000)
    assert not answer.requeued, "an Again in the second session is not asked again either"
    status = plan_status(store, cards, later, tz=UTC, scheduler=scheduler)
    assert status is not None and status.today is not None
    assert not status.today.same_day_steps and status.steps_note() is not None


def test_the_line_counts_only_what_a_session_started_now_gives(
    store: Store, scheduler: Scheduler
) -> None:
    # The tester's Home said "today: 0 reviews + 2 new" while d refused: "today's plan
    # minutes are used". The plan's day fitted its cards by their expected time, the
    # session's time box by a long answer. Both now read the same time box.
    cards = [C(f"c{i:03d}") for i in range(10)]
    store.set_interview_plan(a_plan(10, minutes=3))
    first = plan_session(store, cards, START, scheduler)
    # 120 s: the card's review is expected to take 1.1 times the person's pace (48 s, the
    # answer blended with the default), which fits in the 60 s left; a long answer does not
    first.rate(Rating.Again, now=START + timedelta(minutes=2), duration_ms=120_000)
    first.finish(now=START + timedelta(minutes=2))
    later = START + timedelta(minutes=30)
    status = plan_status(store, cards, later, tz=UTC, scheduler=scheduler)
    assert status is not None and status.today is not None and status.queue is not None
    assert status.today.queue, "the plan's day still holds a card by its expected time"
    session = plan_session(store, cards, later, scheduler)
    assert session.current is None, "... that no long answer fits: d gives nothing"
    assert status.offered == ()
    waiting = len(status.queue.waiting)
    word = "card waits" if waiting == 1 else "cards wait"
    assert status.load() == f"today: done, 2 of 3 min used; {waiting} {word} for tomorrow"
    assert cards_wait(1, more=True) == "1 more card waits for tomorrow"
    # the session's note says it in the line's words ("cards of today's plan wait for
    # the next day" before the seventeenth round)
    assert session.time_box_note == (
        f"Today's plan minutes are used: {waiting} {word} for tomorrow. "
        "To practise more (the schedule stays as planned): drillbit study --mode cram."
    )
    assert status.status() == "minutes_used"
    today = status.as_dict()["today"]
    assert isinstance(today, dict)
    assert (today["reviews"], today["new"], today["waiting"]) == (0, 0, waiting)
    assert today["minutes_used"] == pytest.approx(120 / 60, abs=0.05)


def test_after_the_interview_readiness_on_the_day_stays_what_it_was(
    store: Store, scheduler: Scheduler
) -> None:
    # The tester saw "readiness on the day" change after the interview: it was computed
    # again from each day's memory. On and after the day it is what the memory gave at
    # the start of the day, whatever is studied since.
    cards = [C(f"c{i}") for i in range(4)]
    plan = a_plan(2, minutes=30)
    store.set_interview_plan(plan)
    first = plan_session(store, cards, START, scheduler)
    for step in range(2):
        first.rate(Rating.Good, now=START + timedelta(seconds=30 * (step + 1)), duration_ms=30_000)
    first.finish(now=START + timedelta(minutes=2))

    def status_at(moment: datetime) -> PlanStatus:
        found = plan_status(store, cards, moment, tz=UTC, scheduler=scheduler)
        assert found is not None
        return found

    morning = START + timedelta(days=2)
    on_the_day = status_at(morning).on_the_day
    assert 0 < on_the_day.overall < 1 and on_the_day.seen == 2
    # a plain due session on the day and after it (the plan is over): every card answered
    for day in (0, 3):
        moment = morning + timedelta(days=day, hours=2)
        session = Session(store, cards, SessionOptions(), now=moment, scheduler=scheduler)
        while session.current is not None:
            moment += timedelta(seconds=20)
            session.rate(Rating.Good, now=moment, duration_ms=20_000)
        session.finish(now=moment)
        later = status_at(moment)
        assert later.on_the_day == on_the_day, "readiness on the day does not drift"
    ended = status_at(morning + timedelta(days=3))
    assert ended.days_left == -3 and ended.today is None
    assert ended.line() == (
        f"The plan ended on {plan.interview.isoformat()} (the interview) · "
        f"readiness on the day {readiness_percent(on_the_day.overall)} (target 90%) · normal reviews resume"
    )
    assert ended.status() == "ended"
    note = ended.ended_note()
    assert note is not None and "drillbit plan --clear" in note and "--interview" in note
    assert status_at(morning).line().startswith("Interview today · readiness on the day")


def test_the_day_is_priced_when_it_is_studied_and_kept_from_its_first_answer(
    store: Store, scheduler: Scheduler
) -> None:
    """A first take decided the day at midnight: the eve's last pass priced its looks at
    00:00, a whole day before the interview, and asked for more looks than the target
    needed (the plan bench: 226 reviews at 7 days where 136 reach the same goal). The day
    is decided at its first plan-mode answer, and at the moment asked before it."""
    cards = [C(f"r{i:02d}") for i in range(30)]
    store.set_interview_plan(yesterday_s_plan(1, minutes=120.0))  # today is the eve
    for n, card in enumerate(cards):
        state = replace(reviewed(days_ago=4 + n % 5, stability=3.0 + n % 7), card_id=n + 1)
        store.record_review(
            card_id=card.id,
            rating=Rating.Good,
            correct=True,
            reviewed_at=state.last_review,  # type: ignore[arg-type]
            mode="due",
            card_after=state.to_json(),
        )
    midnight = START.replace(hour=0)
    status = partial(plan_status, store, cards, tz=UTC, scheduler=scheduler)
    at_midnight, in_the_evening = status(midnight), status(midnight + timedelta(hours=20))
    assert at_midnight is not None and at_midnight.today is not None
    assert in_the_evening is not None and in_the_evening.today is not None
    needed = len(in_the_evening.today.queue)
    assert 0 < needed < len(at_midnight.today.queue), "a later look needs fewer of them"
    # from the day's first answer on, the day is the one decided then
    session = plan_session(store, cards, midnight + timedelta(hours=20), scheduler)
    first = session.current
    assert first is not None
    answer_current(session, midnight + timedelta(hours=20), 5.0)
    late = status(midnight + timedelta(hours=23))
    assert late is not None and late.today is not None
    assert late.today.reviews == tuple(c for c in in_the_evening.today.reviews if c != first.id), (
        "the evening's list less the card answered"
    )
    assert day_decided_at(
        yesterday_s_plan(1), midnight + timedelta(hours=23), UTC, first_answer=midnight
    ) == midnight + timedelta(hours=0), "never before the day began"


def test_the_load_says_the_default_pace_until_an_answer_is_timed(
    store: Store, scheduler: Scheduler
) -> None:
    """`drillbit plan` and Home said 'about 20 min at your pace' to a person who had not
    answered a card: the minutes were at the default pace, and now say so. Once a day of
    answers is timed, the next day's minutes are at the person's pace."""
    cards = a_mixed_deck(40)
    store.set_interview_plan(yesterday_s_plan(14))
    fresh = plan_status(store, cards, START, tz=UTC, scheduler=scheduler)
    assert fresh is not None and fresh.load().endswith("min at the default pace")
    session = plan_session(store, cards, START, scheduler)
    moment = START
    for _answer in range(3):
        moment = answer_current(session, moment, 20.0)
    session.finish(now=moment)
    tomorrow = plan_status(store, cards, START + timedelta(days=1), tz=UTC, scheduler=scheduler)
    assert tomorrow is not None
    load, *notes = tomorrow.load().split("; ")
    assert load.endswith("min at your pace")
    # the three answers left in a learning step yesterday wait, and it is said
    assert notes == ["3 cards left in a learning step wait for the last days"]


def test_a_plan_session_going_past_midnight_ends_with_its_day(
    store: Store, scheduler: Scheduler
) -> None:
    # Started at 23:50, the session went on after midnight with the old day's cards and
    # the old day's minutes left, while Home and `drillbit plan` counted the new day's
    # list (Anki's counts, too, are the new day's once it begins).
    cards = a_mixed_deck(120)
    store.set_interview_plan(yesterday_s_plan(14))
    late = START.replace(hour=23, minute=50)
    session = plan_session(store, cards, late, scheduler)
    assert session.remaining > 3
    moment = answer_current(session, late, 20.0)
    session.show(now=moment)
    assert session.current is not None, "before midnight the day's list goes on"
    midnight = START.replace(hour=0) + timedelta(days=1)
    answer_current(session, midnight - timedelta(seconds=10), 30.0)  # shown before midnight
    session.show(now=midnight + timedelta(seconds=25))
    assert session.current is None and session.day_ended, "the old day's list ends"
    assert len(session.answers) == 2, "the card shown before midnight was still answered"
    undone = session.undo(now=midnight + timedelta(seconds=30))
    assert undone is not None and session.current == undone.card, "undo brings the list back"
    session.show(now=midnight + timedelta(seconds=40))
    assert session.current is None, "... and showing a card ends it again"
    summary = session.finish(now=midnight + timedelta(seconds=40))
    assert summary.note is not None and summary.note.startswith("The study day ended at 00:00")
    # the next session is the new day's list, as Home counts it
    fresh = plan_session(store, cards, midnight + timedelta(minutes=1), scheduler)
    home = plan_status(store, cards, midnight + timedelta(minutes=1), tz=UTC, scheduler=scheduler)
    assert home is not None and home.offered == tuple(card.id for card in fresh.planned)


def test_a_plan_session_started_before_midnight_and_shown_after_has_no_card(
    store: Store, scheduler: Scheduler
) -> None:
    cards = a_mixed_deck(30)
    store.set_interview_plan(yesterday_s_plan(14))
    session = plan_session(store, cards, START.replace(hour=23, minute=59), scheduler)
    assert session.current is not None
    session.show(now=START.replace(hour=0, minute=1) + timedelta(days=1))
    assert session.current is None and not session.answers
