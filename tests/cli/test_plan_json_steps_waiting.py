"""`drillbit plan --json`'s `today.steps_waiting`: the cards an earlier answer left in a
learning step that today's plan does not ask. `drillbit plan` said "1 card left in a
learning step waits for the last days" since the forty-seventh round; the JSON had no
field for it, so a script could not see what the text says (docs/plan.md, "Steps left
from an earlier answer")."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating, State
from jsonschema import Draft202012Validator

from quiz.store import Store
from quiz.study.days import study_zone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit, run_at
from tests.study.fakes import FakeCard

EVENING = FIXED_NOW - timedelta(hours=14)
"""22:00 local the evening before the commands' FIXED_NOW (noon): a plain due session."""

LAPSED = "sigmoid-bound"
"""A card of the mini bank, answered Again that evening."""


def _lapse_the_evening_before() -> None:
    """Due sessions without a plan: LAPSED learned four days before EVENING, then answered
    Again at EVENING into its relearning step, the session ended before the step was due."""
    card = FakeCard(LAPSED, kind="numeric", topic="basics", pack="mini")
    options = SessionOptions(tz=study_zone())

    def answer(moment_hours: float, rating: Rating) -> None:
        moment = EVENING + timedelta(hours=moment_hours)
        with Store.open(now=moment) as store:
            session = Session(store, [card], options, now=moment)
            assert session.current is not None and session.current.id == LAPSED
            session.rate(rating, now=moment + timedelta(seconds=20), duration_ms=20_000)
            session.finish(now=moment + timedelta(seconds=30))

    answer(-96, Rating.Good)
    answer(-96 + 0.25, Rating.Good)
    answer(0, Rating.Again)
    with Store.open(now=FIXED_NOW) as store:
        state = store.card_state(LAPSED)
        assert state is not None and state.state == State.Relearning


def _said_waiting(text: str) -> int:
    """The count `drillbit plan` says before "left in a learning step", 0 when it says none."""
    found = re.findall(r"(\d+) cards? left in a learning step", " ".join(text.split()))
    assert len(set(found)) <= 1, text
    return int(found[0]) if found else 0


@pytest.mark.parametrize(
    ("lapsed", "days", "words"),
    [
        (True, 14, "1 card left in a learning step waits for the last days"),
        (True, 1, "1 card left in a learning step: the plan reviews it on a later day if needed"),
        (False, 14, None),
    ],
)
def test_steps_waiting_is_the_count_plan_says_and_validates(
    mini_bank: Path, drillbit: RunDrillbit, lapsed: bool, days: int, words: str | None
) -> None:
    """Before the last pass, in it (the interview tomorrow), and with no step left."""
    run = run_at(drillbit, FIXED_NOW)
    content = ("--content", str(mini_bank))
    if lapsed:
        _lapse_the_evening_before()
    interview = (FIXED_DAY + timedelta(days=days)).isoformat()
    shown = run(*content, "plan", "--interview", interview)
    assert shown.returncode == 0, shown.stderr
    printed = run(*content, "plan", "--json")
    assert printed.returncode == 0, printed.stderr
    data = json.loads(printed.stdout)
    said = _said_waiting(shown.stdout)
    assert data["today"]["steps_waiting"] == said == (1 if lapsed else 0), shown.stdout
    if words is not None:
        assert words in " ".join(shown.stdout.split()), shown.stdout
    schema = run("schema", "plan")
    assert schema.returncode == 0, schema.stderr
    validator = Draft202012Validator(
        json.loads(schema.stdout), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert [error.message for error in validator.iter_errors(data)] == []
    # the schema names the field and refuses a count that cannot be
    described = json.loads(schema.stdout)["$defs"]["PlanTodayReport"]["properties"]
    assert "learning step" in described["steps_waiting"]["description"]
    broken = {**data, "today": {**data["today"], "steps_waiting": -1}}
    assert not validator.is_valid(broken)
    missing = {**data, "today": {k: v for k, v in data["today"].items() if k != "steps_waiting"}}
    assert not validator.is_valid(missing)
