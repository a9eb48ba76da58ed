"""Home counts and stats numbers on a hand-built history."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from fsrs import Rating, Scheduler, State
from pydantic import TypeAdapter

from quiz.cli.schemas import SCHEMA_VERSION, StatsReport
from quiz.store import Store
from quiz.store.timefmt import from_db
from quiz.study.counts import (
    Counts,
    PlanWaiting,
    counts_change_at,
    deck_counts,
    due_not_today,
    fsrs_due,
    plan_backlog,
    plan_headline,
    today_headline,
    topic_labels,
)
from quiz.study.options import SessionOptions
from quiz.study.rest_of_day import REVIEW_STATE
from quiz.study.scheduling import review_card
from quiz.study.session import Session
from quiz.study.stats import DailyLimits, TodayCounts, TopicStats, compute_stats, streak
from tests.study.fakes import NOW, FakeCard, deck


def test_deck_counts_by_topic_and_pack(store: Store, scheduler: Scheduler) -> None:
    # Easy on a new card graduates it to review state with a ~8 day interval: due by now
    review_card(
        store, scheduler, "adam-bias", Rating.Easy, now=NOW - timedelta(days=40), correct=True
    )
    review_card(store, scheduler, "lr-scaling", Rating.Good, now=NOW, correct=True)  # not due
    review_card(
        store, scheduler, "bn-where", Rating.Again, now=NOW - timedelta(hours=1), correct=False
    )
    counts = deck_counts(store, deck(), NOW, new_per_day=6)
    optim = counts.by_topic["optim"]
    assert (optim.total, optim.new, optim.due, optim.learning, optim.learned) == (3, 1, 1, 1, 1)
    norm = counts.by_topic["normalization"]
    assert (norm.new, norm.due, norm.learning) == (1, 1, 1)
    assert counts.by_topic["activations"].new == 3
    assert counts.total.total == 8 and counts.total.new == 5 and counts.total.due == 2
    assert counts.by_pack["nn"] == counts.total
    assert counts.new_today == 4  # 6 per day, 2 introduced today (lr-scaling, bn-where)


def test_the_review_state_is_fsrs_own() -> None:
    assert REVIEW_STATE == int(State.Review)


def test_a_removed_card_reviewed_and_attempted_counts_once(store: Store) -> None:
    store.record_review(
        card_id="gone", rating=3, correct=True, reviewed_at=NOW, mode="cram", state_before=None
    )
    for card_id in ("gone", "gone-drill", "adam-step"):  # adam-step is in the deck
        store.record_attempt(card_id=card_id, status="passed", verdict_json="{}", attempted_at=NOW)
    stats = compute_stats(store, deck(), NOW)
    assert stats.removed_cards == 2  # gone (reviewed and attempted), gone-drill
    assert stats.cards_seen == 1 and stats.reviews == 1


def test_stats_on_a_hand_built_history(store: Store) -> None:
    def log(card_id: str, rating: int, correct: bool, when: datetime, **extra: object) -> None:
        store.record_review(
            card_id=card_id,
            rating=rating,
            correct=correct,
            reviewed_at=when,
            mode=extra.get("mode", "due"),  # type: ignore[arg-type]
            state_before=extra.get("state_before"),  # type: ignore[arg-type]
        )

    today = NOW
    log("adam-bias", 3, True, today, state_before=State.Review)
    log("adam-bias", 1, False, today - timedelta(days=1), state_before=State.Review)
    log("lr-scaling", 3, True, today - timedelta(days=1), state_before=State.Review)
    log("lr-scaling", 1, False, today - timedelta(days=2))
    log("bn-where", 4, True, today - timedelta(days=2))
    log("removed-card", 3, True, today - timedelta(days=5), state_before=State.Review)
    log("adam-bias", 3, True, today - timedelta(days=45), state_before=State.Review)
    # a cram Again and a mock Good to review cards: no lapse, so no part of retention
    crammed = today - timedelta(days=45)
    log("removed-card", 1, False, crammed, state_before=State.Review, mode="cram")
    log("removed-card", 3, True, crammed, state_before=State.Review, mode="mock")
    store.record_attempt(
        card_id="adam-step", status="failed", verdict_json="{}", attempted_at=today
    )
    store.record_attempt(
        card_id="adam-step", status="passed", verdict_json="{}", attempted_at=today
    )
    store.record_attempt(
        card_id="adam-step", status="passed", verdict_json="{}", attempted_at=today
    )
    store.record_attempt(
        card_id="bn-forward", status="error", verdict_json="{}", attempted_at=today
    )
    store.record_attempt(
        card_id="gone-drill", status="passed", verdict_json="{}", attempted_at=today
    )

    stats = compute_stats(store, deck(), NOW)
    assert stats.reviews == 9  # every mode counts here
    assert stats.cards_seen == 4
    assert stats.correct == 6
    assert stats.accuracy == 6 / 9
    # Anki's true retention: 5 due-session reviews of review-state cards, one Again (the
    # cram Again and mock Good left out; with them it read 5 / 7)
    assert stats.retention == 4 / 5
    assert stats.drills_passed == 2  # adam-step once, gone-drill; history of removed kept
    assert stats.drill_attempts == 5
    assert stats.removed_cards == 2
    assert stats.streak == 3
    assert len(stats.reviews_per_day) == 30
    assert stats.reviews_per_day[-1].date == date(2026, 3, 10)
    assert [d.reviews for d in stats.reviews_per_day[-6:]] == [1, 0, 0, 2, 2, 1]
    assert stats.by_topic["optim"] == TopicStats(reviews=5, accuracy=3 / 5, cards_seen=2)
    assert stats.by_topic["normalization"].reviews == 1
    assert "activations" not in stats.by_topic
    dumped = json.loads(json.dumps(stats.to_json()))
    assert dumped["reviews"] == 9 and dumped["cards_seen"] == 4
    assert set(dumped["by_topic"]) == {"optim", "normalization"}
    assert dumped["reviews_per_day"][-1] == {"date": "2026-03-10", "reviews": 1}
    assert dumped["by_topic"]["optim"] == {"reviews": 5, "accuracy": 0.6, "cards_seen": 2}
    # stats --json prints to_json() without pydantic: what the schema's model would print
    report = StatsReport(**vars(stats), schema_version=SCHEMA_VERSION)
    expected = TypeAdapter(StatsReport).dump_json(report, indent=2).decode()
    printed = json.dumps({**stats.to_json(), "schema_version": SCHEMA_VERSION}, indent=2)
    assert printed == expected


def test_stats_of_an_empty_history(store: Store) -> None:
    stats = compute_stats(store, deck(), NOW)
    assert (stats.reviews, stats.cards_seen, stats.drills_passed, stats.streak) == (0, 0, 0, 0)
    assert stats.accuracy is None and stats.retention is None
    assert stats.by_topic == {}
    assert stats.cards.new == 8


def test_streak_counts_back_from_today_or_yesterday() -> None:
    today = date(2026, 3, 10)
    days = {date(2026, 3, 9), date(2026, 3, 8), date(2026, 3, 6)}
    assert streak(days, today) == 2
    assert streak(days | {today}, today) == 3
    assert streak({date(2026, 3, 7)}, today) == 0
    assert streak(set(), today) == 0


def test_stats_days_follow_the_time_zone(store: Store) -> None:
    from zoneinfo import ZoneInfo

    late = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)  # the 10th in Tokyo
    store.record_review(card_id="adam-bias", rating=3, correct=True, reviewed_at=late, mode="due")
    utc = compute_stats(store, deck(), NOW)
    tokyo = compute_stats(store, deck(), NOW, tz=ZoneInfo("Asia/Tokyo"))
    assert utc.reviews_per_day[-1].reviews == 0 and utc.reviews_per_day[-2].reviews == 1
    assert tokyo.reviews_per_day[-1].reviews == 1


def test_breakdown_says_what_home_and_stats_say() -> None:
    counts = Counts(total=144, new=128, due=10, learning=15, learned=0, suspended=1)
    assert counts.breakdown() == "128 new + 15 learning + 0 review + 1 suspended = 144 cards"
    # no suspended card: the term is left out, the sum still adds up
    counts = Counts(total=4, new=2, learning=1, learned=1)
    assert counts.breakdown() == "2 new + 1 learning + 1 review = 4 cards"
    # buried cards are of the terms, so they follow the sum
    counts = Counts(total=4, new=2, learning=1, learned=1, buried=2)
    assert counts.breakdown() == "2 new + 1 learning + 1 review = 4 cards · 2 buried until tomorrow"


def test_buried_cards_are_counted_new_or_scheduled_until_the_burial_ends(
    store: Store, scheduler: Scheduler
) -> None:
    """A card buried today (`b`), new or reviewed, is counted buried; a suspended one is
    not (it is its own term), nor one whose burial has ended."""
    cards = deck()
    review_card(store, scheduler, cards[0].id, Rating.Good, now=NOW, correct=True)
    until = NOW + timedelta(hours=3)
    for card in cards[:2]:
        store.set_flag(card.id, suspended=False, buried_until=until, now=NOW)
    store.set_flag(cards[2].id, suspended=True, buried_until=None, now=NOW)
    counts = deck_counts(store, cards, NOW)
    assert (counts.total.buried, counts.total.suspended) == (2, 1)
    assert counts.total.breakdown().endswith(" · 2 buried until tomorrow")
    assert deck_counts(store, cards, until).total.buried == 0


def test_the_counts_next_change_at_the_next_due_time_or_midnight(
    store: Store, scheduler: Scheduler
) -> None:
    midnight = datetime(NOW.year, NOW.month, NOW.day, tzinfo=UTC) + timedelta(days=1)
    assert counts_change_at(store, NOW, UTC) == midnight, "nothing scheduled: a new day"
    review_card(store, scheduler, "sigmoid-why", Rating.Again, now=NOW, correct=False)
    step = counts_change_at(store, NOW, UTC)
    assert NOW < step <= NOW + timedelta(minutes=1), "a learning step a minute away"
    assert counts_change_at(store, step, UTC) == midnight, "once due, the next change"


def test_a_topic_name_two_packs_share_is_one_row_per_pack(store: Store) -> None:
    """Two packs' "optim" were one row of both packs' reviews; a name only one pack has
    keeps its own name. Rows go by topic name, then pack."""
    cards = [
        FakeCard("a", topic="optim", pack="nn"),
        FakeCard("b", topic="optim", pack="deep"),
        FakeCard("c", topic="losses", pack="deep"),
    ]
    assert topic_labels([("nn", "optim"), ("deep", "optim"), ("deep", "losses")]) == {
        ("nn", "optim"): "optim (nn)",
        ("deep", "optim"): "optim (deep)",
        ("deep", "losses"): "losses",
    }
    for card_id, correct in (("a", True), ("a", True), ("b", False), ("c", True)):
        store.record_review(
            card_id=card_id,
            rating=3 if correct else 1,
            correct=correct,
            reviewed_at=NOW,
            mode="cram",
            state_before=None,
        )
    stats = compute_stats(store, cards, NOW)
    assert list(stats.by_topic) == ["losses", "optim (deep)", "optim (nn)"]
    assert stats.by_topic["optim (nn)"] == TopicStats(reviews=2, accuracy=1.0, cards_seen=1)
    assert stats.by_topic["optim (deep)"] == TopicStats(reviews=1, accuracy=0.0, cards_seen=1)


def test_due_today_is_capped_by_max_reviews_per_day_as_the_session_is(
    store: Store, scheduler: Scheduler
) -> None:
    """Home said "5 due" (fsrs's count) while `d` gave max_reviews_per_day of them: Home's
    count is now the session's, the reviews done today counted, and the backlog is said."""
    cards = deck()
    long_ago = NOW - timedelta(days=40)
    for card in cards[:6]:  # Easy: to review state, due long before NOW
        review_card(store, scheduler, card.id, Rating.Easy, now=long_ago, correct=True)
    # two reviews of scheduled cards in today's due sessions, one cram answer (not counted)
    for card in cards[:2]:
        review_card(store, scheduler, card.id, Rating.Good, now=NOW, correct=True)
    review_card(store, scheduler, cards[2].id, Rating.Good, now=NOW, correct=True, mode="cram")
    counts = deck_counts(store, cards, NOW, new_per_day=1, max_reviews_per_day=5)
    assert counts.total.due == 4 and counts.reviews_done == 2 and counts.reviews_left == 3
    assert counts.due_today(counts.total.due) == 3
    assert counts.due_today(1) == 1  # a row with fewer due cards than the limit leaves
    assert counts.headline() == (
        "3 due",
        " · 1 new today",
        " (4 due by fsrs; max_reviews_per_day 5, 2 done so far)",
    )
    session = Session(store, cards, SessionOptions(new_per_day=1, max_reviews_per_day=5), now=NOW)
    assert len(session.planned) == counts.due_today(counts.total.due) + counts.new_today
    unlimited = deck_counts(store, cards, NOW, new_per_day=1)
    assert unlimited.due_today(4) == 4 and unlimited.headline() == ("4 due", " · 1 new today")


def test_fsrs_due_is_one_phrase_under_a_plan_too() -> None:
    assert fsrs_due(9991) == "9,991 due by fsrs"
    assert plan_headline(14, PlanWaiting(9984), last_pass=False) == (
        "14 planned today",
        " · 9,984 more due by fsrs today: the plan reviews them in the last days before the interview if needed",
    )
    assert plan_headline(14, PlanWaiting(2, 1), last_pass=True)[1] == (
        " · 2 more due by fsrs today, 1 of them in a learning step: the plan reviews them on a later day if needed"
    )
    assert plan_headline(3, PlanWaiting(), last_pass=False) == ("3 planned today", "")


def test_a_heavy_homes_count_of_today_separates_thousands_as_its_backlog_does() -> None:
    """Home, the stats screen and `drillbit stats` said "1931 due · 20 new today (9,991
    due by fsrs; ...)": one count with a comma beside one without."""
    assert today_headline(1931, 20, 9991, 200, 1200) == (
        "1,931 due",
        " · 20 new today",
        " (9,991 due by fsrs; max_reviews_per_day 200, 1,200 done so far)",
    )
    assert plan_headline(1402, PlanWaiting(9984), last_pass=False)[0] == "1,402 planned today"


def test_drillbit_stats_names_the_plans_backlog_in_homes_words() -> None:
    """`drillbit stats` said "· 2 due by fsrs" (and "· 0 due by fsrs") under a plan; when
    today's list is not known it says "· 2 due by fsrs (the plan decides when)", and
    nothing when none is due."""

    def planned(due: int) -> str:
        return TodayCounts(None, None, due, 200, 0, interview_plan=True).headline()

    plan = "the interview plan's cards (`drillbit plan` counts them)"
    assert planned(2) == plan + plan_backlog(2)
    assert planned(2).endswith(" · 2 due by fsrs (the plan decides when)")
    assert planned(0) == plan


def test_the_due_cards_a_plan_asks_today_are_not_said_to_wait(
    store: Store, scheduler: Scheduler
) -> None:
    """Home, the stats screen and `drillbit stats` count fsrs's due cards beside today's
    plan with one function: a due card today's list asks is planned, not "due by fsrs,
    not today" too (it was counted twice); a card due exactly now is due; a card not
    due, though in the list, takes nothing off the count."""
    for card_id in ("adam-bias", "bn-where"):  # Easy 40 days ago: due by now
        review_card(
            store, scheduler, card_id, Rating.Easy, now=NOW - timedelta(days=40), correct=True
        )
    review_card(store, scheduler, "lr-scaling", Rating.Good, now=NOW, correct=True)  # not due
    due = deck_counts(store, deck(), NOW).total.due
    assert due == 2
    assert due_not_today(store, NOW, due, ()) == 2
    assert due_not_today(store, NOW, due, ("bn-where",)) == 1
    assert due_not_today(store, NOW, due, ("bn-where", "adam-bias", "lr-scaling")) == 0
    assert due_not_today(store, NOW, due, ("lr-scaling", "relu-dead")) == 2
    assert due_not_today(store, NOW, 0, ("bn-where",)) == 0
    exactly = from_db(store.due_times()["bn-where"])  # due <= now, as the counts take it
    assert due_not_today(store, exactly, 1, ("bn-where",)) == 0


def test_drillbit_stats_says_the_plans_due_cards_as_home_does() -> None:
    """`drillbit stats` under a plan said "· 2 due by fsrs (the plan decides when)" of every
    due card, those today's list asks too, then (until the fiftieth round) "2 due by fsrs,
    not today" beside Home's one count: it now says Home's words of what the list leaves."""

    def line(waiting: int, steps: int = 0, *, last_pass: bool) -> str:
        today = TodayCounts(None, None, 5, 200, 0, interview_plan=True, planned=3)
        kept = replace(today, waiting=waiting, waiting_in_step=steps, last_pass=last_pass)
        return kept.headline()

    assert line(2, last_pass=False) == (
        "3 planned today · 2 more due by fsrs today: the plan reviews them in the last days before the interview if needed"
    )
    assert line(3, 1, last_pass=True) == (
        "3 planned today · 3 more due by fsrs today, 1 of them in a learning step: the plan reviews them on a later day if needed"
    )
    assert line(0, last_pass=False) == "3 planned today", "every due card is today's"


def test_a_step_later_today_is_counted_as_the_due_session_waits_for_it(store: Store) -> None:
    """Quit with a card in its 10-minute step and Home said one card fewer than `d` then
    asked (the session queues it and waits for the step, as Anki's deck list counts it):
    a step later today is in today's count, one past the day's end or buried is not."""
    steps = Scheduler(enable_fuzzing=False)
    cards = deck()
    late = NOW.replace(hour=23, minute=55)
    review_card(store, steps, cards[0].id, Rating.Good, now=late, correct=True)  # 00:05
    review_card(store, steps, cards[1].id, Rating.Again, now=late, correct=False)  # 23:56
    review_card(store, steps, cards[2].id, Rating.Again, now=late, correct=False)
    store.set_flag(cards[2].id, suspended=False, buried_until=late + timedelta(hours=1), now=late)
    for card in cards[3:5]:  # in review state, due long before: the daily limit holds one
        review_card(store, steps, card.id, Rating.Easy, now=late - timedelta(days=40), correct=True)
    moment = late + timedelta(seconds=20)
    counts = deck_counts(store, cards, moment, new_per_day=4, max_reviews_per_day=1)
    assert counts.total.later_today == 1 and counts.total.due == 2
    # new_per_day 4 less the three introduced today leaves one new card
    assert counts.studies_today(counts.total) == 1 + 1 + 1, "one review, the step, one new"
    assert counts.headline() == (
        "2 due",
        " · 1 new today",
        " (2 due by fsrs; max_reviews_per_day 1)",
    ), "the limit still holds one review back"
    options = SessionOptions(new_per_day=4, max_reviews_per_day=1)
    session = Session(store, cards, options, now=moment, scheduler=steps)
    assert len(session.planned) == counts.studies_today(counts.total)
    assert cards[1].id in {card.id for card in session.planned}
    today = TodayCounts.of(counts, DailyLimits(4, 1), interview_plan=False)
    assert (today.due, today.later_today) == (2, 1)
    assert today.headline() == "2 due · 1 new today (2 due by fsrs; max_reviews_per_day 1)"


def test_a_concept_card_rated_hard_is_right_in_accuracy(store: Store) -> None:
    """Accuracy's words ("Hard, Good or Easy") say what a self-rated answer counts: Hard
    is a pass (Anki's), so a concept card rated Hard is right and only Again is wrong."""
    cards = [card for card in deck() if card.kind == "concept"][:3]
    session = Session(store, cards, SessionOptions(mode="cram"), now=NOW)
    for rating in (Rating.Hard, Rating.Good, Rating.Again):
        assert session.current is not None
        session.rate(rating, now=NOW)
    stats = compute_stats(store, cards, NOW)
    assert (stats.reviews, stats.correct) == (3, 2)


def test_the_last_30_days_are_summed_up_in_the_words_of_ankis_reviews_graph() -> None:
    """`drillbit stats` printed nothing of the reviews per day, which Anki's Statistics
    sums up under its Reviews graph (days studied, average over the period)."""
    from quiz.study.stats import DayCount, daily_average, recent_reviews_line

    start = date(2026, 3, 1)
    heavy = [DayCount(start + timedelta(days=n), 0 if n == 3 else 1_150 + n) for n in range(30)]
    total = sum(day.reviews for day in heavy)
    assert recent_reviews_line(heavy) == (
        f"Last 30 days: {total:,} reviews, 1,126 a day on average, studied 29 of 30 days"
    )
    light = [DayCount(day.date, 1 if n < 2 else 0) for n, day in enumerate(heavy[:4])]
    assert recent_reviews_line(light) == (
        "Last 4 days: 2 reviews, 0.5 a day on average, studied 2 of 4 days"
    )
    assert recent_reviews_line(light[2:3]) == (
        "Last 1 day: 0 reviews, 0.0 a day on average, studied 0 of 1 day"
    )
    assert daily_average([]) == "0.0"
    first = [1] + [0] * 29  # a first session's one review in the stats screen's 30 days
    assert daily_average(first) == "under 0.1"  # it read "0.0 on average" beside its bar
    assert daily_average([2] + [0] * 29) == "0.1"  # 0.0667 rounds to a tenth again
