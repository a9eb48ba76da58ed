"""`drillbit plan --json` is written by `json`, not through its pydantic model (importing
pydantic was a fifth of the command's CPU on a heavy home), and prints the model's bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pydantic_core
import pytest
from fsrs import Rating, Scheduler
from hypothesis import given
from hypothesis import strategies as st

from quiz.bank.models import Card
from quiz.cli.plain import SCHEMA_VERSION, model_like_json
from quiz.cli.plan import _plan_json
from quiz.cli.schemas import PlanReport
from tests.bank_inputs import while_held
from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit, modules_imported_by

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def _by_the_model(fields: dict[str, object] | None) -> str:
    """What the command printed before: the report validated into its model, dumped."""
    report = {"schema_version": SCHEMA_VERSION, **(fields or {})}
    return PlanReport.model_validate(report).model_dump_json(indent=2)


JSON_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.text(st.characters(codec="utf-8")),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(codec="utf-8"), max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(JSON_VALUE)
def test_json_writes_what_pydantic_writes_or_leaves_it_to_the_model(value: object) -> None:
    text = model_like_json(value)
    if text is not None:
        assert text == pydantic_core.to_json(value, indent=2).decode()


@pytest.mark.parametrize(
    ("number", "pydantic_writes"), [(1e-05, "0.00001"), (5e-06, "5e-6"), (1e-07, "1e-7")]
)
def test_a_number_json_writes_otherwise_is_left_to_the_model(
    number: float, pydantic_writes: str
) -> None:
    assert json.dumps(number) != pydantic_writes
    assert pydantic_core.to_json({"target": number}).decode() == f'{{"target":{pydantic_writes}}}'
    assert model_like_json({"target": number}) is None


def test_what_has_no_exponent_is_json_s_text() -> None:
    assert model_like_json({"target": 0.0001, "by_topic": {"é": 0.5}, "x": []}) == (
        '{\n  "target": 0.0001,\n  "by_topic": {\n    "é": 0.5\n  },\n  "x": []\n}'
    )
    for number in (float("nan"), float("inf"), 1e16):  # left to the model too
        assert model_like_json([number]) is None


def _studied_home(mini_bank: Path) -> list[Card]:
    """Half the mini bank's cards answered a week before NOW, some Again: readiness > 0."""
    from quiz.bank import loader
    from quiz.bank.sources import content_roots
    from quiz.store import Store
    from quiz.study.scheduling import new_card

    cards = list(loader.load_bank(content_roots([mini_bank])).cards)
    scheduler = Scheduler(enable_fuzzing=False)
    when = NOW - timedelta(days=7)
    with Store.open(now=NOW) as store:
        for index, card in enumerate(cards[::2]):
            rating = Rating.Again if index % 3 == 0 else Rating.Good
            fsrs_card, _ = scheduler.review_card(new_card(card.id, when), rating, when)
            store.record_review(
                card_id=card.id,
                rating=int(rating),
                correct=rating != Rating.Again,
                reviewed_at=when,
                mode="due",
                card_after=fsrs_card.to_json(),
            )
    return cards


@pytest.mark.parametrize("days_left", [14, 5, 2, 0, -3])
def test_the_report_is_the_models_bytes(mini_bank: Path, days_left: int) -> None:
    """At a fixed time, a plan 14, 5 and 2 days ahead, on the day and after it."""
    from quiz.store import InterviewPlan, Store
    from quiz.study.plan_status import plan_status

    cards = _studied_home(mini_bank)
    created = NOW - timedelta(days=20)
    with Store.open(now=NOW) as store:
        interview = (NOW + timedelta(days=days_left)).date()
        store.set_interview_plan(InterviewPlan(interview, 35.0, 0.85, created))
        status = plan_status(store, cards, NOW, tz=UTC, scheduler=Scheduler(), with_forecast=True)
    assert status is not None
    fields = status.as_dict()
    assert 0 < fields["readiness"]["overall"] < 1  # type: ignore[index]
    assert _plan_json(fields) == _by_the_model(fields)
    assert _plan_json(None) == _by_the_model(None)


def test_a_target_json_would_write_with_an_exponent_goes_through_the_model() -> None:
    fields = {"interview": "2026-03-20", "days_left": 10, "minutes_per_day": 30.0}
    fields |= {"target": 1e-05, "status": "done", "readiness": None}
    fields |= {"forecast_on_the_day": None, "unseen_on_the_day": None, "today": None}
    assert _plan_json(fields) == _by_the_model(fields)
    assert '"target": 0.00001' in _plan_json(fields)


def test_the_command_prints_the_models_bytes_without_importing_pydantic(
    drillbit_process: RunDrillbit,
) -> None:
    interview = (FIXED_DAY + timedelta(days=9)).isoformat()
    # the card index is remembered; both processes' clock at FIXED_NOW
    made = drillbit_process("plan", "--interview", interview, now=FIXED_NOW)
    assert made.returncode == 0, made.stderr
    # read the card index: the bank held still (`while_held`)
    loaded, printed = while_held(lambda: modules_imported_by("plan", "--json", now=FIXED_NOW))
    assert "pydantic" not in loaded and "quiz.cli.schemas" not in loaded
    assert json.loads(printed)["days_left"] == 9
    assert PlanReport.model_validate_json(printed).model_dump_json(indent=2) + "\n" == printed
