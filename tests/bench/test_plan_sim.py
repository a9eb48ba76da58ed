"""The plan simulation's bookkeeping on a tiny run (the figures come from the bench itself)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from bench.common import Figure
from bench.plan import (
    BUDGET_MINUTES,
    QUICK,
    Policy,
    bank,
    draw_learner,
    horizon_figures,
    simulate,
    table,
    write,
)

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
    } <= names
    policies = {f.params["policy"] for f in figures if f.name == "sim_reviews"}
    assert policies == {"fsrs-0.90", "fsrs-matched", "fsrs-nosteps-matched", "plan"}
    assert "| 5 days | plan |" in table(figures)
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
