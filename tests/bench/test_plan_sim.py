"""The plan simulation's bookkeeping on a tiny run (the figures come from the bench itself)."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fsrs import Card, Rating, Scheduler

import bench.plan
from bench.common import Figure
from bench.plan import (
    BUDGET_MINUTES,
    FIRST_SITTING,
    QUICK,
    RECALLED_RATINGS,
    START,
    EqualBaseline,
    Outcome,
    Policy,
    bank,
    best_baseline,
    draw_learner,
    equal_reviews_baseline,
    exact_baseline,
    horizon_figures,
    main,
    simulate,
    table,
    write,
)
from bench.plan_oracle import TrueModel, oracle_reviews, recall_bound, review_gains
from quiz.study.plan import DayPlan, Pace, plan_day, rest_of_day
from tests.bench.fsrs_expected import expected_recall_after

TINY = replace(QUICK, cards=24, learners=2, horizons=(5,), match_learners=2, match_steps=2)


def test_one_learner_bookkeeping_adds_up() -> None:
    cards = bank(24)
    assert sum(card.kind == "coding" for card in cards) == 2  # every tenth card
    learner = draw_learner(7, 0)
    again = draw_learner(7, 0)
    assert learner == again, "a learner is reproducible from the seed"
    for policy in (Policy("plan", plan=True), Policy("fsrs-0.90")):
        outcome = simulate(cards, learner, 5, policy, seed=7)
        assert outcome == simulate(cards, learner, 5, policy, seed=7), "deterministic"
        assert len(outcome.daily_seconds) == len(outcome.daily_planned) == 5
        assert 0.0 <= outcome.recall_on_day <= 1.0
        assert outcome.never_seen == 0.0, "24 cards fit easily in five 45-minute days"
        assert outcome.reviews < outcome.answers
        assert outcome.answers >= 24 * 1, "every card answered at least once"
        assert max(outcome.daily_planned) <= BUDGET_MINUTES * 60
        assert outcome.max_load_ratio == max(outcome.daily_seconds) / (BUDGET_MINUTES * 60)


def test_the_plain_policies_introduce_the_cards_plan_mode_introduced_the_same_day() -> None:
    cards = bank(24)
    learner = draw_learner(7, 0)
    plan = simulate(cards, learner, 5, Policy("plan", plan=True), seed=7)
    assert sum(len(day) for day in plan.introduced) == 24
    for policy in (Policy("fsrs-0.90"), Policy("fsrs-0.97", retention=0.97)):
        plain = simulate(cards, learner, 5, policy, seed=7, new_by_day=plan.introduced)
        assert plain.introduced == plan.introduced


def test_short_of_days_the_plain_policies_still_introduce_plan_modes_cards() -> None:
    # 150 cards in 3 days: plan mode drops the same-day steps to see them all; the plain
    # policies, which do their steps, get the extra time rather than fewer new cards
    cards = bank(150)
    learner = draw_learner(7, 0)
    plan = simulate(cards, learner, 3, Policy("plan", plan=True), seed=7)
    plan_days = [set(day) for day in plan.introduced]
    for policy in (Policy("fsrs-0.90"), Policy("bare", steps=False)):
        plain = simulate(cards, learner, 3, policy, seed=7, new_by_day=plan.introduced)
        assert [set(day) for day in plain.introduced] == plan_days
        assert plain.max_load_ratio == max(plain.daily_seconds) / (BUDGET_MINUTES * 60)


def test_a_learner_with_no_study_days_has_seen_nothing() -> None:
    cards = bank(10)
    outcome = simulate(cards, draw_learner(7, 1), 0, Policy("plan", plan=True), seed=7)
    assert (outcome.recall_on_day, outcome.never_seen, outcome.answers) == (0.0, 1.0, 0)


def test_figures_table_and_results_file(tmp_path: Path) -> None:
    figures = horizon_figures(TINY, 5, lambda _line: None)
    names = {figure.name for figure in figures}
    assert {
        "plan_recall_on_day",
        "plan_recall_gain_pp",
        "plan_max_load_over_budget_pct",
        "sim_recall_on_day",
        "sim_reviews",
        "sim_never_seen_share",
        "sim_max_load_over_budget_pct",
        "sim_mean_daily_minutes",
        "plan_recall_gain_vs_nosteps_pp",
        "plan_recall_gain_vs_matched_pp",
        "plan_recall_gain_equal_reviews_with_steps_pp",
        "plan_recall_gain_equal_reviews_without_steps_pp",
    } <= names
    assert "plan_recall_gain_equal_reviews_pp" not in names, "it is plan_recall_gain_pp now"
    assert {
        "plan_oracle_recall_on_day",
        "plan_oracle_gain_pp",
        "plan_oracle_room_pp",
        "plan_recall_bound_on_day",
        "plan_recall_bound_gain_pp",
        "plan_recall_bound_gain_equal_reviews_pp",
        "plan_recall_budget_bound_on_day",
        "plan_recall_budget_bound_gain_equal_reviews_pp",
        "plan_recall_budget_bound_room_pp",
    } <= names
    policies = {f.params["policy"] for f in figures if f.name == "sim_reviews"}
    assert policies == {"fsrs-0.90", "fsrs-matched", "fsrs-nosteps-matched", "plan", "oracle"}
    value = {f.name: f.value for f in figures if "policy" not in f.params}
    assert value["plan_oracle_recall_on_day"] <= value["plan_recall_bound_on_day"]
    # both gains at equal reviews are against the same baseline: they differ by bound - plan
    assert value["plan_recall_bound_gain_equal_reviews_pp"] - value[
        "plan_recall_gain_pp"
    ] == pytest.approx(
        100 * (value["plan_recall_bound_on_day"] - value["plan_recall_on_day"]), abs=0.03
    )
    # the target's figure is against the best plain fsrs at equal reviews: with its
    # learning steps or without, whichever recalls more (the smaller gain)
    split = [f for f in figures if f.name.startswith("plan_recall_gain_equal_reviews_with")]
    assert {f.params["versus"] for f in split} == {
        "plain fsrs with learning steps at exactly plan mode's mean review count",
        "plain fsrs without learning steps at exactly plan mode's mean review count",
    }
    reachable = [f.value for f in split if f.params["bracketed"]] or [f.value for f in split]
    assert value["plan_recall_gain_pp"] == min(reachable)
    assert "| 5 days | plan |" in table(figures)
    assert "| 5 days | oracle |" in table(figures)
    assert "| oracle recall |" in table(figures), "the ceiling's own table"
    # the budget only takes away from the bound without one
    assert value["plan_recall_budget_bound_on_day"] <= value["plan_recall_bound_on_day"] + 1e-4
    assert value["plan_recall_budget_bound_gain_equal_reviews_pp"] - value[
        "plan_recall_gain_pp"
    ] == pytest.approx(value["plan_recall_budget_bound_room_pp"], abs=0.03)
    assert "| budgeted bound recall |" in table(figures)
    out = tmp_path / "results.json"
    other = Figure("load_ms", 12.0, "ms", {"cards": 100})
    out.write_text(json.dumps({"machine": {"cpu": "x"}, "figures": [other.as_json()]}))
    write(figures, out, TINY)
    written = json.loads(out.read_text())
    assert written["machine"] == {"cpu": "x"}, "the other sections' results are kept"
    assert written["figures"][0] == other.as_json()
    assert {f["name"] for f in written["figures"]} == names | {"load_ms"}
    write(figures, out, TINY)
    assert len(json.loads(out.read_text())["figures"]) == len(figures) + 1, "replaced, not added"


def test_the_oracles_memory_model_is_fsrs_with_the_learners_parameters() -> None:
    # The oracle's vectorised formulas against fsrs itself: the expected recall on the
    # day a review adds, same-day (short-term) answers and lapses included.
    learner = draw_learner(7, 3)
    truth = Scheduler(parameters=learner.params, enable_fuzzing=False)
    model = TrueModel(learner.params)
    rng = np.random.default_rng(5)
    for _trial in range(30):
        card = Card(card_id=1, due=START)
        moment = START + timedelta(hours=8, minutes=int(rng.integers(0, 600)))
        for _answer in range(int(rng.integers(1, 4))):
            card, _ = truth.review_card(card, Rating(int(rng.integers(1, 5))), moment)
            moment += timedelta(hours=float(rng.uniform(1, 80)))
        day = moment + timedelta(days=int(rng.integers(0, 9)), hours=float(rng.uniform(0, 23)))
        expected = expected_recall_after(truth, card, moment, day)
        gain = review_gains(model, [card], [moment], day, RECALLED_RATINGS)[0, 0]
        assert abs(gain - (expected - truth.get_card_retrievability(card, day))) < 1e-9


def test_the_oracle_keeps_plan_modes_new_cards_and_review_count() -> None:
    cards = bank(60)
    learner = draw_learner(7, 0)
    plan = simulate(cards, learner, 6, Policy("plan", plan=True), seed=7)
    for budget in (0, 10, plan.reviews):
        for truth in (True, False):
            oracle = simulate(
                cards,
                learner,
                6,
                Policy("oracle", oracle=True, truth=truth),
                seed=7,
                new_by_day=plan.introduced,
                review_budget=budget,
            )
            assert oracle.introduced == plan.introduced
            assert oracle.reviews <= budget
            assert sum(oracle.daily_reviews) == oracle.reviews
            assert oracle.answers >= 60 + oracle.reviews
            assert oracle.recall_bound is not None
            assert oracle.recall_on_day <= oracle.recall_bound + 1e-12
            assert oracle.max_load_ratio == max(oracle.daily_seconds) / (BUDGET_MINUTES * 60)
    assert plan.recall_bound is None


def test_the_oracle_plans_the_weakest_cards_for_the_eve_within_the_room() -> None:
    model = TrueModel(draw_learner(7, 0).params)
    first = START + timedelta(hours=8)
    known = {
        "weak": Scheduler().review_card(Card(card_id=1, due=first), Rating.Again, first)[0],
        "strong": Scheduler().review_card(Card(card_id=2, due=first), Rating.Easy, first)[0],
    }
    eve = START + timedelta(days=4, hours=8)
    day = START + timedelta(days=5)
    today = START + timedelta(days=3, hours=8)
    cost = {"weak": 10.0, "strong": 10.0}
    # room for one review a day, one review left: the weak card, on the eve (not today)
    assert (
        oracle_reviews(known, cost, model, [today, eve], day, [10, 10], 1, RECALLED_RATINGS) == []
    )
    # only today has room: the weak card is today's
    assert oracle_reviews(known, cost, model, [today, eve], day, [10, 0], 1, RECALLED_RATINGS) == [
        "weak"
    ]
    assert oracle_reviews(known, cost, model, [today, eve], day, [20, 0], 0, RECALLED_RATINGS) == []


def test_the_recall_bound_lifts_the_weakest_cards_to_one() -> None:
    assert recall_bound([0.2, 0.9, 0.5], reviews=2, cards=4) == (2 + 0.9) / 4
    assert recall_bound([0.2, 0.9], reviews=5, cards=2) == 1.0
    assert recall_bound([0.2, 0.9], reviews=0, cards=2) == (0.2 + 0.9) / 2
    assert recall_bound([], reviews=3, cards=0) == 0.0


def test_the_equal_review_baseline_mixes_the_two_retentions_around_plan_modes_count() -> None:
    def runs(*pairs: tuple[int, float]) -> list[Outcome]:
        return [Outcome(recall, reviews, reviews, 0.0, 1.0) for reviews, recall in pairs]

    fewer = runs((90, 0.80), (110, 0.90))  # 100 reviews on average
    more = runs((130, 0.84), (170, 0.96))  # 150
    recalls, spent, bracketed = equal_reviews_baseline(110, more, fewer)
    assert bracketed and spent == 110
    assert recalls == [0.8 * 0.80 + 0.2 * 0.84, 0.8 * 0.90 + 0.2 * 0.96]  # 110 is 1/5 of the way
    # not bracketed (fsrs spends more than plan mode at both): the run with fewer reviews
    recalls, spent, bracketed = equal_reviews_baseline(60, more, fewer)
    assert not bracketed and spent == 100 and recalls == [0.80, 0.90]


def test_an_unbracketed_baseline_is_searched_again_on_every_learner() -> None:
    """On the subset the two retentions bracketed plan mode's count; on all learners both
    spend fewer: the bracket is found again on all of them, so the mixture is exact."""

    def spends(retention: float) -> int:  # fsrs's count jumps at 0.80: 140 to 180 reviews
        return 140 if retention < 0.80 else 180

    asked: list[Policy] = []

    def run(policy: Policy, index: int) -> Outcome:
        asked.append(policy)
        reviews = spends(policy.retention) + index  # learners 0 and 1: +0, +1
        return Outcome(policy.retention, reviews, reviews, 0.0, 1.0)

    found = [run(Policy("a", retention=0.78), i) for i in range(2)]
    beside = [run(Policy("b", retention=0.79), i) for i in range(2)]
    asked.clear()
    equal = exact_baseline(run, 2, 150.5, 8, ((0.78, found), (0.79, beside)))
    assert equal.bracketed and equal.reviews == 150.5 and equal.name == "with learning steps"
    low, high = equal.retentions
    assert low < 0.80 <= high, "the retentions either side of the jump"
    weight = (150.5 - 140.5) / 40  # a quarter of the way from 140.5 to 180.5 reviews
    assert equal.recalls == pytest.approx([(1 - weight) * low + weight * high] * 2)
    assert asked and all(policy.steps for policy in asked)
    # without learning steps, the search runs plain fsrs without them
    asked.clear()
    bare = exact_baseline(run, 2, 150.5, 8, ((0.78, found), (0.79, beside)), learning_steps=False)
    assert bare.name == "without learning steps" and bare.retentions == equal.retentions
    assert asked and not any(policy.steps for policy in asked)
    # already bracketed: kept as found, nothing run again
    asked.clear()
    kept = [run(Policy("c", 0.85), i) for i in range(2)]
    again = exact_baseline(run, 2, 141.0, 8, ((0.78, found), (0.85, kept)))
    assert again.bracketed and again.retentions == (0.78, 0.85) and len(asked) == 2


def test_the_bank_order_moves_the_drills_and_nothing_else() -> None:
    content = bank(30)
    assert [card.kind for card in content].count("coding") == 3
    assert content[9].kind == "coding", "every tenth card a drill"
    last = bank(30, "drills-last")
    first = bank(30, "drills-first")
    assert [card.kind for card in last] == ["concept"] * 27 + ["coding"] * 3
    assert [card.kind for card in first] == ["coding"] * 3 + ["concept"] * 27
    assert sorted(last, key=lambda c: c.id) == sorted(first, key=lambda c: c.id) == content
    assert [c.id for c in last if c.kind == "concept"] == [
        c.id for c in content if c.kind == "concept"
    ], "the quiz cards keep their content order"
    with pytest.raises(ValueError, match="bank order 'random'"):
        bank(30, "random")


def test_plan_modes_margin_and_spread_reach_plan_day(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[float, int | None]] = []

    def spy(*args: Any, **kwargs: Any) -> DayPlan | None:
        seen.append((kwargs["margin"], kwargs["spread_over"]))
        return plan_day(*args, **kwargs)

    monkeypatch.setattr(bench.plan, "plan_day", spy)
    policy = Policy("plan", plan=True, margin=0.06, spread_over=2)
    simulate(bank(24), draw_learner(7, 1), 3, policy, seed=7)
    assert seen and set(seen) == {(0.06, 2)}


def test_plan_modes_later_sittings_get_the_rest_of_the_day_decided_at_its_first_sitting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As the app: plan_day once a day, at its first plan-mode answer (the morning
    sitting), nothing spent; a later sitting studies the app's `rest_of_day` of it,
    which adds only cards in a step."""
    decided: list[tuple[datetime, float, DayPlan]] = []
    rests: list[tuple[DayPlan, set[str], tuple[str, ...], DayPlan]] = []

    def plan_spy(*args: Any, **kwargs: Any) -> DayPlan | None:
        day = plan_day(*args, **kwargs)
        assert day is not None
        decided.append((args[3], kwargs["spent_seconds"], day))
        return day

    def rest_spy(
        day: DayPlan,
        kinds: Mapping[str, str],
        pace: Pace,
        *,
        gone: Collection[str] = (),
        stepping: Sequence[str] = (),
    ) -> DayPlan:
        rest = rest_of_day(day, kinds, pace, gone=gone, stepping=stepping)
        rests.append((day, set(gone), tuple(stepping), rest))
        return rest

    monkeypatch.setattr(bench.plan, "plan_day", plan_spy)
    monkeypatch.setattr(bench.plan, "rest_of_day", rest_spy)
    outcome = simulate(bank(24), draw_learner(7, 1), 5, Policy("plan", plan=True), seed=7)
    assert [(now, spent) for now, spent, _ in decided] == [
        (START + timedelta(days=day) + FIRST_SITTING, 0.0) for day in range(5)
    ], "decided once a day, at the morning sitting, when it is studied"
    assert rests, "a later sitting asks for what is left"
    mornings = [day for _, _, day in decided]
    for day, gone, stepping, rest in rests:
        assert any(day is morning for morning in mornings)
        assert set(rest.queue) <= set(day.queue) | set(stepping), "nothing off the list"
        assert set(stepping) <= gone, "a step is of a card answered today"
        assert not (set(rest.queue) - set(stepping)) & gone, "an answered card is done"
    assert outcome.off_plan == 0


def test_a_quick_learner_s_first_day_done_early_studies_ahead_and_only_then(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first day is planned at the default pace; a learner quicker than it ends the
    list with minutes left and studies ahead (the app's `study_ahead`), within the
    budget. With `ahead=False` no day introduces a card its morning did not plan."""
    mornings: dict[int, DayPlan] = {}

    def plan_spy(*args: Any, **kwargs: Any) -> DayPlan | None:
        day = plan_day(*args, **kwargs)
        assert day is not None
        mornings[(args[3] - START).days] = day
        return day

    monkeypatch.setattr(bench.plan, "plan_day", plan_spy)
    cards, learner = bank(120), draw_learner(7, 0)
    assert learner.seconds["concept"] < 15, "quicker than the default pace's 30 s"

    def beyond_the_morning(outcome: Outcome) -> list[int]:
        return [
            len(set(fresh) - set(mornings[day].new)) for day, fresh in enumerate(outcome.introduced)
        ]

    ahead = simulate(cards, learner, 5, Policy("plan", plan=True), seed=7)
    extra = beyond_the_morning(ahead)
    assert extra[0] > 0, "the first day went on with the next days' new cards"
    assert ahead.off_plan == 0, "studied ahead are not off the plan"
    assert ahead.max_load_ratio <= 1.0
    stopped = simulate(cards, learner, 5, Policy("plan", plan=True, ahead=False), seed=7)
    assert beyond_the_morning(stopped) == [0] * 5
    assert len(stopped.introduced[0]) < len(ahead.introduced[0])


def test_off_plan_counts_an_answer_outside_the_days_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bookkeeping catches a later sitting that adds a card the day's start did not plan."""
    cards = bank(24)

    def adding(day: DayPlan, kinds: Mapping[str, str], pace: Pace, **kwargs: Any) -> DayPlan:
        rest = rest_of_day(day, kinds, pace, **kwargs)
        extra = [
            card.id
            for card in cards
            if card.kind == "concept" and card.id not in day.queue and card.id not in rest.queue
        ]
        return replace(rest, reviews=rest.reviews + tuple(extra[:1]))

    monkeypatch.setattr(bench.plan, "rest_of_day", adding)
    outcome = simulate(cards, draw_learner(7, 1), 5, Policy("plan", plan=True), seed=7)
    assert outcome.off_plan > 0


def test_a_variant_runs_settings_are_in_every_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    variant = replace(
        TINY, seed=11, margin=0.05, bank_order="drills-last", spread_days=3, study_ahead=False
    )
    figures = horizon_figures(variant, 5, lambda _line: None)
    assert figures
    names = ("seed", "margin", "bank_order", "spread_days", "study_ahead")
    for figure in figures:
        assert tuple(figure.params[name] for name in names) == (
            11,
            0.05,
            "drills-last",
            3,
            False,
        ), figure.name
    plain = horizon_figures(TINY, 5, lambda _line: None)
    assert not any(set(names) & set(f.params) for f in plain), (
        "the bench's own run carries no variant keys"
    )


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        (["--margin", "0.2"], "--margin: from 0 up to 0.1"),
        (["--margin", "-0.01"], "--margin: from 0 up to 0.1"),
        (["--bank-order", "random"], "invalid choice: 'random'"),
        (["--seed", "x"], "invalid int value"),
        (["--spread-days", "0"], "--spread-days: one day or more, not 0"),
    ],
)
def test_bad_flags_are_refused_before_anything_runs(
    flag: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "results.json"
    with pytest.raises(SystemExit) as stop:
        main(["--plan", "--out", str(out), *flag])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_the_targets_baseline_is_the_best_plain_fsrs_that_spends_plan_modes_reviews() -> None:
    def at(name: str, recall: float, *, bracketed: bool = True) -> EqualBaseline:
        return EqualBaseline(name, [recall, recall], 146.0, bracketed, (0.81, 0.82))

    steps, bare = at("with learning steps", 0.877), at("without learning steps", 0.879)
    assert best_baseline([steps, bare]) is bare
    assert best_baseline([at("with", 0.88), bare]).name == "with"
    # a plain fsrs that cannot spend plan mode's count is not at equal reviews
    assert best_baseline([steps, at("fewer", 0.9, bracketed=False)]) is steps
    unreached = [at("with", 0.8, bracketed=False), at("without", 0.9, bracketed=False)]
    assert best_baseline(unreached).name == "without", "the strongest, when none is exact"
