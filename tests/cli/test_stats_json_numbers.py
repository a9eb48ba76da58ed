"""`drillbit stats --json` is written by `json` for speed, and must print what its pydantic
model (`StatsReport`) prints for every value: `json` wrote an accuracy of 1 in 100,000 as
`1e-05`, the model `0.00001`, so the two outputs of one report differed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache

from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from quiz.cli.plain import SCHEMA_VERSION
from quiz.cli.schemas import StatsReport
from quiz.cli.stats import stats_json
from quiz.study.counts import Counts
from quiz.study.forecast import DayDue
from quiz.study.stats import DayCount, Stats, TodayCounts, TopicStats

SHARE = st.none() | st.floats(min_value=0.0, max_value=1.0) | st.sampled_from([1e-05, 5e-06])
"""An accuracy or a retention: a share, or null before any review (the two that json and
pydantic write differently are drawn often, not left to luck)."""


def _stats(accuracy: float | None, retention: float | None, topic: float | None) -> Stats:
    return Stats(
        generated_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
        reviews=100_000,
        cards_seen=40,
        correct=1,
        accuracy=accuracy,
        retention=retention,
        drills_passed=0,
        drills_passed_with_hints=0,
        drill_attempts=0,
        streak=3,
        reviews_per_day=[DayCount(date(2026, 3, 10), 7)],
        by_topic={"é-topic": TopicStats(reviews=10, accuracy=topic, cards_seen=2)},
        removed_cards=0,
        cards=Counts(total=40, new=10, due=5, learning=5, learned=25),
        today=TodayCounts(5, 10, 5, 200, 0, interview_plan=False),
        forecast=[DayDue(date(2026, 3, 10), 5), DayDue(date(2026, 3, 11), 12)],
    )


@cache
def _stats_report() -> TypeAdapter[StatsReport]:
    """Built once: a TypeAdapter walks the whole model (18 ms of CPU), and rebuilt for each of
    the property test's 100 examples it was most of the test's 14 s."""
    return TypeAdapter(StatsReport)


def _by_the_model(stats: Stats) -> str:
    report = StatsReport(**vars(stats), schema_version=SCHEMA_VERSION)
    return _stats_report().dump_json(report, indent=2).decode()


@given(SHARE, SHARE, SHARE)
def test_stats_json_is_the_models_text_for_every_share(
    accuracy: float | None, retention: float | None, topic: float | None
) -> None:
    stats = _stats(accuracy, retention, topic)
    assert stats_json(stats) == _by_the_model(stats)


def test_an_accuracy_of_one_in_a_hundred_thousand_is_written_as_the_model_writes_it() -> None:
    text = stats_json(_stats(1e-05, 5e-06, 0.25))
    assert '"accuracy": 0.00001,' in text and "1e-05" not in text
    assert '"retention": 5e-6,' in text and '"accuracy": 0.25,' in text
