"""`drillbit config` lists the interview plan's rows, as the settings screen does under the
settings, and a plan field named as a key points at `drillbit plan`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit


def test_the_list_ends_with_the_plans_rows_and_the_option_that_sets_each(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """The list stopped at mock_feedback: a person who set a plan in the app's settings
    found no word of it in `drillbit config`, and nothing said where it is kept."""
    listed = drillbit("config")
    assert listed.returncode == 0, listed.stderr
    assert "interview            = none  (drillbit plan --interview)" in listed.stdout
    assert not (_isolated_home / "drillbit.db").exists(), "no database made to list"
    interview = (FIXED_DAY + timedelta(days=40)).isoformat()
    assert (
        drillbit(
            "plan", "--interview", interview, "--minutes-per-day", "25", now=FIXED_NOW
        ).returncode
        == 0
    )
    listed = drillbit("config")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    plan = lines[lines.index("") + 1 :]  # after the settings, a blank line
    assert plan[0::2] == [
        f"interview            = {interview}  (drillbit plan --interview)",
        "minutes_per_day      = 25  (drillbit plan --minutes-per-day)",
        "target               = 90%  (drillbit plan --target)",
    ]
    assert plan[3].strip() == "Minutes a day the plan may use (1-1440)."


def test_a_plan_field_named_as_a_key_says_which_plan_option_sets_it(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """`drillbit config interview 2027-01-10` said "unknown key" and listed config.toml's
    keys, with no word of where the interview date is set."""
    for key, option in [
        ("interview", "--interview"),
        ("minutes-per-day", "--minutes-per-day"),
        ("plan target", "--target"),
    ]:
        refused = drillbit("config", key, "1")
        assert refused.returncode == 2
        assert "part of the interview plan" in refused.stderr
        assert f"`drillbit plan {option} 1` sets it" in refused.stderr
        assert "unknown key" not in refused.stderr
    assert not (_isolated_home / "config.toml").exists()


def test_a_plan_field_named_alone_prints_its_value_as_the_list_shows_it(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """The list showed `interview date = 2027-01-10`, but `drillbit config interview` (or
    "interview date", as listed) was refused with a usage error (exit 2), while
    `drillbit config new_per_day` prints 20: a key the list shows is read the same way."""
    alone = drillbit("config", "interview")
    assert (alone.returncode, alone.stdout) == (0, "none\n"), alone.stderr
    assert not (_isolated_home / "drillbit.db").exists(), "no database made to read"
    interview = (FIXED_DAY + timedelta(days=40)).isoformat()
    assert (
        drillbit(
            "plan", "--interview", interview, "--minutes-per-day", "25", now=FIXED_NOW
        ).returncode
        == 0
    )
    for key, shown in [("interview date", interview), ("minutes-per-day", "25"), ("target", "90%")]:
        read = drillbit("config", key)
        assert (read.returncode, read.stdout) == (0, f"{shown}\n"), read.stderr
    reset = drillbit("config", "interview", "--reset")
    assert reset.returncode == 2
    assert "`drillbit plan --clear` removes the plan" in reset.stderr
    assert drillbit("config", "interview").stdout == f"{interview}\n", "the plan is kept"


def test_the_plan_rows_are_named_by_the_option_that_sets_them_and_old_names_still_read(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """The rows read "interview date / plan minutes/day / plan target" beside the options
    --interview, --minutes-per-day and --target: each row is now named by its option, as
    config.toml's rows are by their key, and the names used until then still read it."""
    interview = (FIXED_DAY + timedelta(days=40)).isoformat()
    made = drillbit(
        "plan",
        "--interview",
        interview,
        "--minutes-per-day",
        "25",
        "--target",
        "85%",
        now=FIXED_NOW,
    )
    assert made.returncode == 0, made.stderr
    for keys, shown in [
        (("interview", "interview date", "interview_date"), interview),
        (("minutes_per_day", "minutes-per-day", "plan minutes/day", "plan_minutes_per_day"), "25"),
        (("target", "plan target", "plan_target"), "85%"),
    ]:
        for key in keys:
            read = drillbit("config", key)
            assert (read.returncode, read.stdout) == (0, f"{shown}\n"), (key, read.stderr)
    listed = drillbit("config").stdout
    assert "plan target" not in listed and "plan minutes/day" not in listed
