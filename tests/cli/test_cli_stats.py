"""`drillbit stats --json` without click: which command lines take that path, and that it
prints, warns and fails exactly as the click group does."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating, Scheduler

import quiz.cli.stats
from quiz.cli.stats import stats_json_content
from quiz.store import InterviewPlan, Store
from quiz.study.scheduling import review_card
from tests.conftest import (
    FIXED_DAY,
    FIXED_NOW,
    CliResult,
    RunDrillbit,
    modules_imported_by,
    run_at,
)


@pytest.fixture
def drillbit(drillbit: RunDrillbit) -> RunDrillbit:
    """Every command at FIXED_NOW. `drillbit stats` reports by today's date (reviews per
    day, today's count, the streak): its tests compare two runs, or a review the test made
    "now" with the command's today, and a run on the wall clock crossing midnight between
    the two failed (the 30 days per day shifted by one; "reviews_done" 0 for a review of
    yesterday)."""
    return run_at(drillbit, FIXED_NOW)


@pytest.mark.parametrize(
    ("args", "content"),
    [
        (["stats", "--json"], []),
        (["stats", "--json", "--json"], []),
        (["--content", "a", "stats", "--json"], ["a"]),
        (["--content=a", "stats", "--content", "b", "--json", "--content=c"], ["a", "b", "c"]),
        (["--content", "b", "stats", "--json", "--content", "a"], ["b", "a"]),
    ],
)
def test_stats_json_with_content_options_only_skips_click(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], content: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert stats_json_content(args) == [Path(name) for name in content]


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],  # the table is for people: click prints it
        ["--json", "stats"],  # the group has no --json
        ["stats", "--json", "--help"],
        ["stats", "-h", "--json"],
        ["stats", "--json", "--"],
        ["stats", "--json", "stats"],
        ["stats", "--json", "--jso"],
        ["stats", "--json=1"],
        ["stats", "--json", "--content"],  # a value is missing
        ["stats", "--json", "--content", ""],
        ["stats", "--json", "--content=-x"],  # option-like values: click decides
        ["--content", "--json", "stats"],
        ["--version", "stats", "--json"],
        ["stats", "--json", "--content", "a-file"],  # click: "Directory ... is a file"
        ["--content=a-file", "stats", "--json"],
        ["study", "--json"],
        ["drills", "--json"],
    ],
)
def test_anything_else_goes_to_click(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("not a folder\n")
    assert stats_json_content(args) is None


def _through_click(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on `quiz.cli.main` sends every command line to the click group."""
    monkeypatch.setattr(quiz.cli.stats, "stats_json_content", lambda _args: None)


def _without_time(printed: str) -> dict[str, object]:
    report: dict[str, object] = json.loads(printed)
    assert isinstance(report.pop("generated_at"), str)
    return report


def test_the_same_json_as_the_click_command(
    drillbit: RunDrillbit,
    mini_bank: Path,
    _isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = FIXED_NOW
    with Store.open() as store:
        for card_id, correct in [("sigmoid", True), ("sigmoid", False), ("gone-card", True)]:
            store.record_review(
                card_id=card_id,
                rating=3 if correct else 1,
                correct=correct,
                reviewed_at=now,
                mode="cram",
            )
        store.record_attempt(
            card_id="sigmoid", status="passed", verdict_json="{}", attempted_at=now
        )
    other = mini_bank.parent / "other"
    other.mkdir()
    args = ("--content", str(mini_bank), "stats", "--json", f"--content={other}")
    fast = drillbit(*args)
    _through_click(monkeypatch)
    slow = drillbit(*args)
    assert fast.returncode == slow.returncode == 0, fast.stderr + slow.stderr
    assert fast.stderr == slow.stderr
    assert _without_time(fast.stdout) == _without_time(slow.stdout)
    assert fast.stdout.split("\n", 2)[2] == slow.stdout.split("\n", 2)[2]  # after generated_at
    assert _without_time(fast.stdout)["removed_cards"] == 1


def _both(drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch) -> tuple[CliResult, CliResult]:
    fast = drillbit("stats", "--json")
    with monkeypatch.context() as patch:
        _through_click(patch)
        slow = drillbit("stats", "--json")
    return fast, slow


def test_a_store_error_is_the_same_json_and_exit_code(
    drillbit: RunDrillbit, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (_isolated_home / "drillbit.db").mkdir()  # the database is a folder: StoreError
    fast, slow = _both(drillbit, monkeypatch)
    assert fast == slow
    assert fast.returncode == 1 and json.loads(fast.stdout)["error"] == "error"
    assert "drillbit.db" in json.loads(fast.stdout)["message"]


@pytest.mark.parametrize("raised", [KeyboardInterrupt(), EOFError()])
def test_an_interrupt_is_aborted_as_click_says_it(
    drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch, raised: BaseException
) -> None:
    def interrupted(*_args: object) -> None:
        raise raised

    monkeypatch.setattr(quiz.cli.stats, "current_stats", interrupted)
    fast, slow = _both(drillbit, monkeypatch)
    assert fast == slow
    ctrl_c = isinstance(raised, KeyboardInterrupt)  # Ctrl-C: 130; an end of input: 1
    assert fast.returncode == (130 if ctrl_c else 1)
    assert fast.stderr == "\nAborted.\n" and fast.stdout == ""


def test_warnings_are_the_lines_click_prints(
    drillbit: RunDrillbit, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.store.base as store_base

    with Store.open():
        pass
    monkeypatch.setattr(store_base, "writable", lambda _path: False)  # "nothing new will be saved"
    fast, slow = _both(drillbit, monkeypatch)
    assert fast.returncode == slow.returncode == 0
    assert fast.stderr == slow.stderr and "nothing new will be saved" in fast.stderr


def test_stats_json_does_not_import_click(drillbit_process: RunDrillbit) -> None:
    assert drillbit_process("stats", "--json").returncode == 0  # the card index is remembered
    loaded, printed = modules_imported_by("stats", "--json")
    assert json.loads(printed)["schema_version"] == 1
    assert "click" not in loaded
    assert {name for name in loaded if name.startswith("quiz.cli.")} == {
        "quiz.cli.pipe",  # a closed pipe's one handling, every command's
        "quiz.cli.plain",
        "quiz.cli.stats",
    }


def test_as_the_whole_process_it_holds_the_collector_to_the_exit(
    drillbit_process: RunDrillbit,
) -> None:
    """The console script and `python -m quiz` call `main()`: nothing runs after it, so
    the objects alive at its end are frozen, out of the exit's last collection."""
    assert drillbit_process("stats", "--json").returncode == 0  # the card index is remembered
    code = (
        "import gc, sys\n"
        "from quiz.cli import main\n"
        "sys.argv = ['drillbit', *sys.argv[1:]]\n"
        "main()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
    )
    for args, seen in ((["stats", "--json"], "True True"), (["list", "--json"], "True False")):
        done = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
        )
        assert done.stderr.splitlines()[-1] == seen
        assert json.loads(done.stdout)


def test_a_content_folder_that_is_not_there_is_taken_as_click_takes_it(
    drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = str(tmp_path / "not-there")
    fast = drillbit("stats", "--json", "--content", missing)
    with monkeypatch.context() as patch:
        _through_click(patch)
        slow = drillbit("stats", "--json", "--content", missing)
    assert fast.returncode == slow.returncode and fast.stderr == slow.stderr
    assert _without_time(fast.stdout) == _without_time(slow.stdout)


def test_stats_says_todays_count_as_home_does(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    """`drillbit stats` printed no count of today; it now prints Home's headline, capped by
    max_reviews_per_day with fsrs's backlog beside it, and names the plan while one runs."""
    long_ago = FIXED_NOW - timedelta(days=60)
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open() as store:
        for card_id in ("what-is-relu", "sigmoid-bound"):
            review_card(store, scheduler, card_id, Rating.Easy, now=long_ago, correct=True)
    assert drillbit("config", "max_reviews_per_day", "1").returncode == 0
    assert drillbit("config", "new_per_day", "0").returncode == 0
    result = drillbit("--content", str(mini_bank), "stats")
    assert result.returncode == 0, result.stderr
    assert "To study: 1 due · 0 new today (2 due by fsrs; max_reviews_per_day 1)\n" in result.stdout
    assert "\nCards: " in result.stdout
    in_a_week = (FIXED_DAY + timedelta(days=7)).isoformat()
    assert drillbit("--content", str(mini_bank), "plan", "--interview", in_a_week).returncode == 0
    planned = drillbit("--content", str(mini_bank), "stats").stdout
    # Home's words under a plan: it said "the interview plan's cards (`drillbit plan`
    # counts them)" with no count, where Home and the stats screen say how many
    day = json.loads(drillbit("--content", str(mini_bank), "plan", "--json").stdout)["today"]
    count = day["review_total"] + day["new"]
    assert count > 0
    # the two due cards are not among today's (0 reviews): they wait for the last pass
    assert day["review_total"] == 0 and not day["last_pass"]
    waits = " · 2 more due by fsrs today: the plan reviews them in the last days before the interview if needed"
    assert f"To study: {count} planned today{waits}\n" in planned
    # labelled "Today: ", Home's words read "Today: 3 planned today"
    assert [line for line in planned.splitlines() if "today:" in line.lower()[:8]] == []


def _again_then_plan(drillbit: RunDrillbit, bank: Path, days: int, minutes: float) -> str:
    """Answer what-is-relu Again two minutes before FIXED_NOW (its one-minute step is due),
    then set a plan `days` ahead with `minutes` a day: `drillbit stats`' output."""
    with Store.open() as store:
        again = FIXED_NOW - timedelta(minutes=2)
        review_card(store, Scheduler(), "what-is-relu", Rating.Again, now=again, correct=False)
        interview = (FIXED_DAY + timedelta(days=days)).isoformat()
        plan = InterviewPlan(date.fromisoformat(interview), minutes, 0.9, again)
        store.set_interview_plan(plan)
    result = drillbit("--content", str(bank), "stats")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _today(drillbit: RunDrillbit, bank: Path, command: str) -> dict[str, Any]:
    result = drillbit("--content", str(bank), command, "--json")
    assert result.returncode == 0, result.stderr
    today: dict[str, Any] = json.loads(result.stdout)["today"]
    return today


def test_stats_says_fsrs_due_cards_the_plan_leaves_wait_as_home_does(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    """A card answered Again is due by fsrs a minute later; a plan with too few days for
    same-day steps leaves it for its last pass. `drillbit stats` said "1 due by fsrs (the
    plan decides when)" where Home says when: it now says Home's words, and --json has the
    count as `today.due_not_today` beside `due_by_fsrs`; since the fiftieth round in
    Home's one count's words, `today.waiting` (its learning-step part `waiting_in_step`)."""
    text = _again_then_plan(drillbit, mini_bank, days=2, minutes=1.0)
    day = _today(drillbit, mini_bank, "plan")
    assert not day["same_day_steps"] and not day["last_pass"]
    assert day["reviews"] == 0, "the plan does not take the learning card today"
    planned = day["review_total"] + day["new"]
    line = f"To study: {planned} planned today · 1 more due by fsrs today: "
    assert f"{line}the plan reviews it in the last days before the interview if needed\n" in text
    assert "the plan decides when" not in text
    today = _today(drillbit, mini_bank, "stats")
    assert (today["due_by_fsrs"], today["due_not_today"], today["last_pass"]) == (1, 1, False)
    assert (today["waiting"], today["waiting_in_step"]) == (1, day["steps_waiting"]) == (1, 0)
    assert today["planned"] == planned


def test_stats_does_not_count_a_step_the_plan_asks_today_as_due_by_fsrs(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    """With days to spare the plan takes today's same-day steps: the card answered Again is
    one of today's reviews. `drillbit stats` said "2 planned today · 1 due by fsrs (the plan
    decides when)", the one card counted twice; now it is only planned, as on Home."""
    text = _again_then_plan(drillbit, mini_bank, days=20, minutes=60.0)
    day = _today(drillbit, mini_bank, "plan")
    assert day["same_day_steps"] and day["reviews"] == 1
    assert f"To study: {day['review_total'] + day['new']} planned today\n" in text
    assert "due by fsrs" not in text
    today = _today(drillbit, mini_bank, "stats")
    assert (today["due_by_fsrs"], today["due_not_today"]) == (1, 0)
    assert (today["waiting"], today["waiting_in_step"]) == (0, 0)


def test_stats_counts_the_streak_in_words(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    """The line read "Streak: 1 day(s)", as the stats screen's did until it said "1 day"."""
    assert "Streak: 0 days   " in drillbit("--content", str(mini_bank), "stats").stdout
    with Store.open() as store:
        review_card(store, Scheduler(), "what-is-relu", Rating.Good, now=FIXED_NOW, correct=True)
    assert "Streak: 1 day   " in drillbit("--content", str(mini_bank), "stats").stdout


def test_a_broken_setting_is_warned_of_and_its_default_used(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    """A bad config.toml left out today's line; as every command that shows or plans,
    `stats` now warns of it and counts today under its default (200 reviews a day)."""
    (_isolated_home / "config.toml").write_text("max_reviews_per_day = -3\n", encoding="utf-8")
    result = drillbit("--content", str(mini_bank), "stats")
    assert result.returncode == 0, result.stderr
    assert "Reviews: 0" in result.stdout and "Cards: " in result.stdout
    assert "To study: " in result.stdout, "today's count, under the default limit"
    # one line, as `plan` and `config` refuse the file: it said the file without "drillbit: "
    assert result.stderr.splitlines()[0].startswith(
        f"drillbit: settings: {_isolated_home / 'config.toml'}:1: max_reviews_per_day = -3: "
    ), result.stderr


def test_stats_json_has_todays_count_beside_fsrs_backlog(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    """`stats --json` gave only fsrs's due count (`cards.due`), not the count Home and
    `drillbit stats` show once max_reviews_per_day holds part of it back: `today` has it,
    with the limit and the reviews done today that explain it, as the text says them."""
    long_ago = FIXED_NOW - timedelta(days=60)
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open() as store:
        for card_id in ("what-is-relu", "sigmoid-bound", "dropout-inference"):
            review_card(store, scheduler, card_id, Rating.Easy, now=long_ago, correct=True)
        # one of them answered in today's due session: it counts against the daily limit
        review_card(store, scheduler, "dropout-inference", Rating.Good, now=FIXED_NOW, correct=True)
    assert drillbit("config", "max_reviews_per_day", "2").returncode == 0
    assert drillbit("config", "new_per_day", "0").returncode == 0
    result = drillbit("--content", str(mini_bank), "stats", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cards"]["due"] == 2  # unchanged: fsrs's due cards, all of them
    assert report["today"] == {
        "due": 1,
        "new": 0,
        "due_by_fsrs": 2,
        "max_reviews_per_day": 2,
        "reviews_done": 1,
        "interview_plan": False,
        "later_today": 0,
        "planned": None,
        "due_not_today": None,
        "last_pass": None,
        "waiting": None,
        "waiting_in_step": None,
    }
    today = report["today"]
    text = drillbit("--content", str(mini_bank), "stats").stdout
    assert (
        f"To study: {today['due']} due · {today['new']} new today ({today['due_by_fsrs']} due by "
        f"fsrs; max_reviews_per_day {today['max_reviews_per_day']}, "
        f"{today['reviews_done']} done so far)\n"
    ) in text
    assert drillbit("config", "max_reviews_per_day", "--reset").returncode == 0  # 200
    unlimited = json.loads(drillbit("--content", str(mini_bank), "stats", "--json").stdout)
    assert unlimited["today"] == {
        "due": 2,
        "new": 0,
        "due_by_fsrs": 2,
        "max_reviews_per_day": 200,
        "reviews_done": 1,
        "interview_plan": False,
        "later_today": 0,
        "planned": None,
        "due_not_today": None,
        "last_pass": None,
        "waiting": None,
        "waiting_in_step": None,
    }
    assert (
        "To study: 2 due · 0 new today\n" in drillbit("--content", str(mini_bank), "stats").stdout
    )
    in_a_week = (FIXED_DAY + timedelta(days=7)).isoformat()
    assert drillbit("--content", str(mini_bank), "plan", "--interview", in_a_week).returncode == 0
    planned = json.loads(drillbit("--content", str(mini_bank), "stats", "--json").stdout)
    assert planned["today"]["interview_plan"] is True
    assert planned["today"]["due"] is None and planned["today"]["new"] is None
    assert planned["today"]["due_by_fsrs"] == 2
    day = json.loads(drillbit("--content", str(mini_bank), "plan", "--json").stdout)["today"]
    assert planned["today"]["planned"] == day["review_total"] + day["new"] > 0
    assert (planned["today"]["due_not_today"], planned["today"]["last_pass"]) == (2, False)


def test_stats_json_today_uses_the_default_of_a_setting_that_cannot_be_used(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    (_isolated_home / "config.toml").write_text("max_reviews_per_day = -3\n", encoding="utf-8")
    result = drillbit("--content", str(mini_bank), "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["today"]["max_reviews_per_day"] == 200, "the default"
    assert "max_reviews_per_day" in result.stderr


def test_stats_on_a_fresh_home_says_what_to_do_first(
    drillbit: RunDrillbit, mini_bank: Path
) -> None:
    """On a fresh home `drillbit stats` printed its zeros and ended: it now says, on one
    line that fits 80 columns, how the first session starts; once a card is answered the
    line is gone."""
    fresh = drillbit("--content", str(mini_bank), "stats")
    assert fresh.returncode == 0, fresh.stderr
    step = fresh.stdout.splitlines()[-1]
    assert step.startswith("next: ") and "`drillbit study`" in step and len(step) <= 80
    with Store.open() as store:
        review_card(store, Scheduler(), "what-is-relu", Rating.Good, now=FIXED_NOW, correct=True)
    assert "next: " not in drillbit("--content", str(mini_bank), "stats").stdout


def test_stats_says_its_accuracy_and_what_each_share_counts(
    drillbit: RunDrillbit, mini_bank: Path, _isolated_home: Path
) -> None:
    """`retention: 100%` beside a topic's `accuracy 0%` was unexplained (a Hard is recalled
    but not right), and the overall accuracy the stats screen shows was missing."""
    with Store.open() as store:
        store.record_review(
            card_id="what-is-relu", rating=2, correct=False, reviewed_at=FIXED_NOW,
            mode="due", state_before=2,
        )  # fmt: skip
    said = drillbit("--content", str(mini_bank), "stats").stdout
    assert "accuracy: 0%   drills passed" in said and "true retention: 100%" in said
    assert "accuracy: the answers right (Hard, Good or Easy" in said
    assert "true retention: as Anki counts it, the due-session answers" in said


def test_a_heavy_homes_topic_table_separates_thousands(
    drillbit: RunDrillbit, mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three years of reviews: "Reviews: 209,997" above a table of "10500" and "1500",
    one count written two ways on one screen. The table's columns keep their width."""
    from dataclasses import replace

    from quiz.study.stats import TopicStats

    real = quiz.cli.stats.stats_today

    def heavy(*args: object, **kwargs: object) -> object:
        stats, today = real(*args, **kwargs)  # type: ignore[arg-type]
        topics = {"topic-00": TopicStats(reviews=10_500, accuracy=0.85, cards_seen=1_500)}
        return replace(stats, reviews=209_997, by_topic=topics), today

    monkeypatch.setattr(quiz.cli.stats, "stats_today", heavy)
    lines = drillbit("--content", str(mini_bank), "stats").stdout.splitlines()
    header = next(line for line in lines if line.startswith("topic "))
    row = next(line for line in lines if line.startswith("topic-00"))
    assert row.split() == ["topic-00", "10,500", "85%", "1,500"]
    assert len(row) == len(header)  # the figures right-aligned under their names


def test_todays_line_at_80_columns_puts_the_backlog_note_whole_under_the_count() -> None:
    """A heavy home's "To study: 1,931 due · 20 new today (9,991 due by fsrs;
    max_reviews_per_day 200, 1 done today)" is 89 columns: folded at any space, one line
    ended "1" and the next began "done today)"."""
    from quiz.cli.study import _today_text
    from quiz.study.counts import today_headline

    parts = today_headline(1931, 20, 9991, 200, 1)
    headline = "".join(parts)
    assert _today_text(headline, parts, 80).splitlines() == [
        "To study: 1,931 due · 20 new today",
        "  (9,991 due by fsrs; max_reviews_per_day 200, 1 done so far)",
    ]
    assert _today_text(headline, parts, 120) == f"To study: {headline}"
    assert _today_text(headline, parts, None) == f"To study: {headline}"  # a pipe: whole


def _today_json(drillbit: RunDrillbit, bank: Path, now: datetime) -> dict[str, object]:
    """`stats --json`'s `today` of `bank` at `now`."""
    result = drillbit("--content", str(bank), "stats", "--json", now=now)
    assert result.returncode == 0, result.stderr
    today: dict[str, object] = json.loads(result.stdout)["today"]
    return today


@pytest.mark.parametrize("through_click", [False, True])
def test_todays_count_is_of_the_commands_day_at_23_59_and_at_00_01(
    drillbit: RunDrillbit, mini_bank: Path, monkeypatch: pytest.MonkeyPatch, through_click: bool
) -> None:
    """The day's count is of the command's clock: a review at 23:50 is done today at 23:59
    and yesterday's at 00:01 (a day that starts at midnight). Each command read the wall
    clock itself, so no test could say what a run at either minute counts."""
    assert drillbit("config", "day_starts_at", "0").returncode == 0
    answered = datetime(2026, 6, 15, 23, 50).astimezone()
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open() as store:  # a review card (learning steps are not counted)
        learned = answered - timedelta(days=60)
        review_card(store, scheduler, "what-is-relu", Rating.Easy, now=learned, correct=True)
        review_card(store, scheduler, "what-is-relu", Rating.Good, now=answered, correct=True)
    if through_click:
        _through_click(monkeypatch)
    before = _today_json(drillbit, mini_bank, datetime(2026, 6, 15, 23, 59).astimezone())
    after = _today_json(drillbit, mini_bank, datetime(2026, 6, 16, 0, 1).astimezone())
    assert (before["reviews_done"], after["reviews_done"]) == (1, 0)
