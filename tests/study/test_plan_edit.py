"""The plan's edits shared by `drillbit plan` and the settings screen (quiz.study.plan_edit)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from quiz.store import InterviewPlan, Store
from quiz.study.days import StudyZone
from quiz.study.plan_edit import PlanField, PlanInputError, change_plan, parse_interview, planned
from tests.conftest import RunDrillbit

NOW = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)


def test_the_day_after_today_is_in_the_persons_time_zone() -> None:
    """At 23:30 UTC it is already March 3 in UTC+2: March 3 is today there, not after it."""
    east = timezone(timedelta(hours=2))
    assert planned(None, NOW, UTC, interview=date(2026, 3, 3)).interview == date(2026, 3, 3)
    with pytest.raises(PlanInputError, match="2026-03-03 is not after today") as refused:
        planned(None, NOW, east, interview=date(2026, 3, 3))
    assert refused.value.field == "interview"


def test_before_the_study_day_starts_the_refusal_says_why_today_is_yesterday() -> None:
    """At 01:00 on March 3, with days starting at 04:00, the study day is still March 2:
    "2026-03-01 is not after today (2026-03-02)" read as a wrong clock."""
    night = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    zone = StudyZone(UTC, 4)
    with pytest.raises(PlanInputError) as refused:
        planned(None, night, zone, interview=date(2026, 3, 1))
    assert refused.value.message == (
        "2026-03-01 is not after today (2026-03-02: the study day runs until 04:00, "
        "`drillbit config day_starts_at`)"
    )
    assert planned(None, night, zone, interview=date(2026, 3, 3)).interview == date(2026, 3, 3)
    with pytest.raises(PlanInputError) as by_day:  # after 04:00 the dates agree
        planned(None, night.replace(hour=5), zone, interview=date(2026, 3, 3))
    assert by_day.value.message == "2026-03-03 is not after today (2026-03-03)"


def test_a_new_date_resets_the_options_for_the_cli_and_keeps_them_for_the_screen() -> None:
    old = InterviewPlan(date(2026, 3, 10), 45.0, 0.95, NOW - timedelta(days=5))
    cli = planned(old, NOW, UTC, interview=date(2026, 3, 20))
    screen = planned(old, NOW, UTC, interview=date(2026, 3, 20), new_date_resets=False)
    assert (cli.minutes_per_day, cli.target) == (30.0, 0.9)
    assert (screen.minutes_per_day, screen.target) == (45.0, 0.95)
    assert cli.created_at == screen.created_at == NOW, "a new date paces from now"
    same = planned(old, NOW, UTC, minutes_per_day=20.0)
    assert (same.interview, same.minutes_per_day, same.target) == (date(2026, 3, 10), 20.0, 0.95)
    assert same.created_at == old.created_at, "the same plan keeps its start"


@pytest.mark.parametrize("text", ["2026-3-5x", "tomorrow", "", "2026-1-5"])
def test_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(PlanInputError, match="is not a date written YYYY-MM-DD"):
        parse_interview(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2026-02-29", "'2026-02-29' is not a date: February 2026 has 28 days"),
        ("2026-02-30", "'2026-02-30' is not a date: February 2026 has 28 days"),
        ("2028-02-30", "'2028-02-30' is not a date: February 2028 has 29 days"),
        ("2026-04-31", "'2026-04-31' is not a date: April 2026 has 30 days"),
        ("2026-13-01", "'2026-13-01' is not a date: there is no month 13 (months run 01-12)"),
        ("2026-00-10", "'2026-00-10' is not a date: there is no month 0 (months run 01-12)"),
        ("2026-03-00", "'2026-03-00' is not a date: there is no day 00 (days start at 01)"),
        ("0000-01-01", "'0000-01-01' is not a date: there is no year 0000"),
    ],
)
def test_an_impossible_day_in_the_right_format_says_what_is_wrong(text: str, said: str) -> None:
    """The format is right, so "not a date written YYYY-MM-DD" misleads: the person is
    told which part no calendar has."""
    with pytest.raises(PlanInputError) as refused:
        parse_interview(text)
    assert refused.value.message == said
    assert refused.value.field == "interview"


def test_the_cli_refuses_an_impossible_day_in_the_same_words(drillbit: RunDrillbit) -> None:
    """`drillbit plan --interview` reads the date with the settings screen's function."""
    result = drillbit("plan", "--interview", "2026-02-30")
    assert result.returncode == 2
    assert "'2026-02-30' is not a date: February 2026 has 28 days" in result.stderr


def test_change_plan_saves_nothing_it_refuses(store: Store) -> None:
    with pytest.raises(PlanInputError, match="no plan is set"):
        change_plan(store, "target", "0.8", now=NOW, tz=UTC)
    plan = change_plan(store, "interview", " 2026-03-09 ", now=NOW, tz=UTC)
    assert plan is not None and store.interview_plan() == plan
    refused: list[tuple[PlanField, str]] = [
        ("target", "0.3"),
        ("target", "nan"),
        ("minutes_per_day", "2000"),
    ]
    for field, text in refused:
        with pytest.raises(PlanInputError, match="is outside"):
            change_plan(store, field, text, now=NOW, tz=UTC)
    assert store.interview_plan() == plan
    assert change_plan(store, "interview", "  ", now=NOW, tz=UTC) is None
    assert store.interview_plan() is None


def test_an_interview_more_than_three_years_away_is_refused() -> None:
    """The forecast walks every day to the interview: 9999-12-31 kept `drillbit plan`
    (and then Home) busy for hours. Three years ahead is taken, a day more is not."""
    assert planned(None, NOW, UTC, interview=date(2029, 3, 2)).interview == date(2029, 3, 2)
    for far in (date(2029, 3, 3), date(9999, 12, 31)):
        with pytest.raises(PlanInputError, match="is more than 3 years away") as refused:
            planned(None, NOW, UTC, interview=far)
        assert refused.value.field == "interview"
        assert "a plan paces up to 2029-03-02" in refused.value.message


def test_a_leap_day_plans_up_to_the_28th_three_years_on() -> None:
    leap = datetime(2028, 2, 29, 12, tzinfo=UTC)
    assert planned(None, leap, UTC, interview=date(2031, 2, 28)).interview == date(2031, 2, 28)
    with pytest.raises(PlanInputError, match="more than 3 years away"):
        planned(None, leap, UTC, interview=date(2031, 3, 1))


def test_a_day_not_after_today_names_today() -> None:
    """With a clock or time zone not what the person thinks, "not after today" alone did
    not say which day the check took as today."""
    with pytest.raises(PlanInputError, match=r"2026-03-01 is not after today \(2026-03-02\)"):
        planned(None, NOW, UTC, interview=date(2026, 3, 1))


def test_changing_an_ended_plan_names_its_day_not_the_date_field(store: Store) -> None:
    """Minutes or a target for a plan whose interview has passed were refused as if the
    date typed were wrong ("--interview: 2026-02-20 is not after today"), though no date
    was typed."""
    ended = InterviewPlan(date(2026, 2, 20), 30.0, 0.9, NOW - timedelta(days=20))
    store.set_interview_plan(ended)
    changes: list[tuple[PlanField, str]] = [("minutes_per_day", "45"), ("target", "0.8")]
    for field, text in changes:
        with pytest.raises(PlanInputError) as refused:
            change_plan(store, field, text, now=NOW, tz=UTC)
        assert refused.value.message == (
            "the plan ended on 2026-02-20 (its interview day): set a new interview date first"
        )
        assert (refused.value.field, refused.value.ended) == (None, date(2026, 2, 20))
    assert store.interview_plan() == ended
    moved = change_plan(store, "interview", "2026-03-20", now=NOW, tz=UTC)
    assert moved is not None and moved.minutes_per_day == 30.0


def test_the_screens_target_may_be_a_percentage(store: Store) -> None:
    """The settings screen's target takes '85%' as 0.85, as the retention setting does."""
    change_plan(store, "interview", "2026-03-09", now=NOW, tz=UTC)
    plan = change_plan(store, "target", " 85% ", now=NOW, tz=UTC)
    assert plan is not None and plan.target == 0.85
    with pytest.raises(PlanInputError, match="is outside"):
        change_plan(store, "target", "45%", now=NOW, tz=UTC)
    with pytest.raises(PlanInputError, match=r"\(the target recall; did you mean 85%\?\)$"):
        change_plan(store, "target", "85", now=NOW, tz=UTC)
    with pytest.raises(PlanInputError, match="'x%' is not a number"):
        change_plan(store, "target", "x%", now=NOW, tz=UTC)
    assert store.interview_plan() == plan


@pytest.mark.parametrize(("text", "odd"), [("２０２６-07-20", "２"), ("2026–07–20", "–")])
def test_a_date_not_in_ascii_is_refused_by_name_where_the_settings_screen_reads_it(
    text: str, odd: str
) -> None:
    """The settings screen's box and the CLI read the date here: both name the character
    rather than say a month's length."""
    with pytest.raises(PlanInputError) as refused:
        parse_interview(text)
    assert f"it has {odd!r}" in refused.value.message
    assert "days" not in refused.value.message
