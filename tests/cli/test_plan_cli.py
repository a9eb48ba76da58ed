"""`drillbit plan` through the real entry point, on the small test bank."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit, run_at


@pytest.fixture
def drillbit(drillbit: RunDrillbit) -> RunDrillbit:
    """Every command at FIXED_NOW: "in 14 days" below is 14 days from the command's own
    day, which the wall clock's midnight cannot move between the test and the command."""
    return run_at(drillbit, FIXED_NOW)


def in_days(days: int) -> str:
    return (FIXED_DAY + timedelta(days=days)).isoformat()


def test_the_text_reads_a_heading_one_fact_a_line_and_the_next_step_last(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """The facts were joined by " · " into one line of 113 columns and the sentences ran
    on under the heading, with no word of what to do: as `rustlings` prints, a heading, one
    fact a line under it, the next step last."""
    content = ("--content", str(mini_bank))
    shown = drillbit(*content, "plan", "--interview", in_days(14)).stdout
    lines = shown.rstrip("\n").split("\n")
    assert lines[0] == f"Interview {in_days(14)}: 30 min/day, target recall 90%"
    assert lines[1:4] == [
        "  14 days left",
        "  readiness 0% → target 90% on the day",
        lines[3],  # today's load, its counts the bank's
    ]
    assert re.fullmatch(
        r"  today: 0 reviews \+ \d+ new, about \d+ min at the default pace", lines[3]
    )
    assert " · " not in shown
    assert lines[-2:] == ["", "Next: drillbit study (d on Home) studies today's plan."]


def test_set_show_json_and_clear(mini_bank: Path, drillbit: RunDrillbit) -> None:
    content = ("--content", str(mini_bank))
    assert "No plan" in drillbit(*content, "plan").stdout
    made = drillbit(*content, "plan", "--interview", in_days(14), "--minutes-per-day", "40")
    assert made.returncode == 0, made.stderr
    assert "14 days left" in made.stdout and "target 90%" in made.stdout
    # the plan overrides the daily new-card limit, and says so
    assert "new_per_day setting (20) applies again when the plan ends" in made.stdout
    shown = drillbit(*content, "plan", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["interview"] == in_days(14) and data["days_left"] == 14
    assert data["minutes_per_day"] == 40 and data["target"] == 0.9
    readiness = data["readiness"]
    assert readiness["overall"] == 0.0 and readiness["seen"] == 0, "nothing studied yet"
    assert readiness["by_topic"] and set(readiness["by_topic"].values()) == {0.0}
    assert data["today"]["new"] > 0
    # changing only the target keeps the date and the budget
    assert drillbit(*content, "plan", "--target", "0.95").returncode == 0
    data = json.loads(drillbit(*content, "plan", "--json").stdout)
    assert (data["target"], data["minutes_per_day"]) == (0.95, 40)
    cleared = drillbit(*content, "plan", "--clear")
    assert cleared.returncode == 0 and "removed" in cleared.stdout
    assert json.loads(drillbit(*content, "plan", "--json").stdout) == {
        "schema_version": 1,
        "interview": None,
        "days_left": None,
        "minutes_per_day": None,
        "target": None,
        "status": None,
        "readiness": None,
        "forecast_on_the_day": None,
        "unseen_on_the_day": None,
        "today": None,
    }


def test_a_new_date_says_which_minutes_and_target_it_put_back(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """Moving the interview with `--interview` alone put the minutes and target back to 30
    and 0.9 (a new plan), and said only "30 min/day": the 45 set were gone unsaid."""
    content = ("--content", str(mini_bank))
    set_up = ("--interview", in_days(14), "--minutes-per-day", "45", "--target", "95%")
    assert drillbit(*content, "plan", *set_up).returncode == 0
    moved = drillbit(*content, "plan", "--interview", in_days(20))
    assert moved.returncode == 0, moved.stderr
    said = " ".join(moved.stdout.split())  # its sentences fold to the terminal
    assert (
        "A new interview date starts a new plan, with the default minutes and target: it was "
        "45 min/day and target 95%; `drillbit plan --minutes-per-day 45 --target 95%` sets "
        "them again (the settings screen's date row keeps them)."
    ) in said
    assert drillbit(*content, "plan", "--minutes-per-day", "45").returncode == 0
    again = drillbit(*content, "plan", "--interview", in_days(21), "--minutes-per-day", "45")
    assert again.returncode == 0, again.stderr
    assert "A new interview date" not in again.stdout, "nothing given was put back"
    same = drillbit(*content, "plan", "--interview", in_days(21))
    assert "A new interview date" not in same.stdout, "the same date keeps the plan"


def test_bad_dates_are_one_line_errors(mini_bank: Path, drillbit: RunDrillbit) -> None:
    content = ("--content", str(mini_bank))
    for bad in ("2026-13-01", "next week", in_days(0), in_days(-3)):
        result = drillbit(*content, "plan", "--interview", bad)
        assert result.returncode == 2, result.stdout
        assert "--interview" in result.stderr and "Traceback" not in result.stderr
    assert drillbit(*content, "plan", "--target", "0.9").returncode == 2, "no plan to change"


def test_a_far_date_is_refused_at_once(mini_bank: Path, drillbit: RunDrillbit) -> None:
    """9999-12-31 ran the forecast over three million days: the command hung for hours."""
    content = ("--content", str(mini_bank))
    result = drillbit(*content, "plan", "--interview", "9999-12-31")
    assert result.returncode == 2, result.stdout
    assert "Invalid value for '--interview': 9999-12-31 is more than 3 years away" in (
        result.stderr
    )
    assert json.loads(drillbit(*content, "plan", "--json").stdout)["interview"] is None


def test_an_ended_plan_asks_for_a_new_date(mini_bank: Path, drillbit: RunDrillbit) -> None:
    """After the interview, `--minutes-per-day 45` blamed an --interview that was not given
    ("Invalid value for '--interview': ... is not after today")."""
    from quiz.store import InterviewPlan, Store

    content = ("--content", str(mini_bank))
    day = FIXED_DAY - timedelta(days=2)
    with Store.open() as store:
        store.set_interview_plan(InterviewPlan(day, 30.0, 0.9, FIXED_NOW - timedelta(days=9)))
    result = drillbit(*content, "plan", "--minutes-per-day", "45")
    assert result.returncode == 2, result.stdout
    assert "'--interview'" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"drillbit: the plan ended on {day.isoformat()} (its interview day): give a new date "
        "with --interview YYYY-MM-DD, or remove it with --clear"
    )
    assert json.loads(drillbit(*content, "plan", "--json").stdout)["minutes_per_day"] == 30
    shown = drillbit(*content, "plan").stdout  # the next step of an ended plan ends it
    assert shown.rstrip().endswith(
        "Next: drillbit plan --interview YYYY-MM-DD plans for a new date, or "
        "drillbit plan --clear removes this one."
    ), shown


def test_plan_json_validates_against_its_schema(mini_bank: Path, drillbit: RunDrillbit) -> None:
    content = ("--content", str(mini_bank))
    printed = drillbit("schema", "plan")
    assert printed.returncode == 0, printed.stderr
    validator = Draft202012Validator(json.loads(printed.stdout))
    for args in ((), ("--interview", in_days(9))):
        assert drillbit(*content, "plan", *args).returncode == 0
        data = json.loads(drillbit(*content, "plan", "--json").stdout)
        assert [e.message for e in validator.iter_errors(data)] == []
    assert data["schema_version"] == 1 and data["days_left"] == 9
    assert not validator.is_valid({**data, "readiness": {"overall": 2.0}})


def test_a_broken_settings_file_is_warned_of_and_its_default_used(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """A bad config.toml stopped `plan --interview` (exit 1) while `stats` only warned:
    one policy now, the setting's default used with the file's one-line warning; the
    file's good keys are kept (`day_starts_at` here moves the study day's end)."""
    content = ("--content", str(mini_bank))
    config = Path(os.environ["DRILLBIT_HOME"]) / "config.toml"
    config.write_text("colour = 1\ndesired_retention = 2\nday_starts_at = 6\n", encoding="utf-8")
    made = drillbit(*content, "plan", "--interview", in_days(20))
    assert made.returncode == 0, made.stderr
    warned = made.stderr.splitlines()
    assert warned[0].startswith(f"drillbit: settings: {config}:1: colour = 1: unknown key")
    assert warned[0].endswith("(and 1 more: `drillbit config` lists them)")
    assert "Traceback" not in made.stderr
    assert "until 06:00 tomorrow" in made.stdout, "the good key is kept"
    data = json.loads(drillbit(*content, "plan", "--json").stdout)
    assert data["interview"] == in_days(20), "the plan was saved"
    shown = drillbit(*content, "plan")
    assert shown.returncode == 0 and "colour" in shown.stderr
    cleared = drillbit(*content, "plan", "--clear")
    assert cleared.returncode == 0 and "removed" in cleared.stdout
    config.write_text("colour = 1\n", encoding="utf-8")
    assert drillbit(*content, "config").returncode == 1, "the command about it still refuses"


def test_the_topic_table_says_which_readiness_it_gives(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """The headline speaks of the plan followed; the table's "readiness on the day" was
    the do-nothing figure (0% for topics whose cards the plan shows before the day)."""
    content = ("--content", str(mini_bank))
    made = drillbit(*content, "plan", "--interview", in_days(10))
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    header = next(line for line in lines if line.startswith("TOPIC "))
    assert header.endswith(" READINESS ON THE DAY IF NOTHING MORE IS STUDIED"), "as other tables"
    assert all(len(line) <= 80 for line in lines[lines.index(header) :]), "80 columns"
    row = lines[lines.index(header) + 1]
    assert row.endswith(" 0%") and len(row) == len(header), "the figures under the heading"


def test_plan_reads_the_card_index_and_plans_as_with_the_cards(
    mini_bank: Path, drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`drillbit plan` plans from the card index's refs (id, pack, topic, kind), as Home's
    plan line does, not from the cards' models: loading them was a third of the command's
    CPU on a heavy home (0.8 s of 2.7 s). The status from the refs is the status from the
    cards, forecast included, with cards seen and unseen."""
    from fsrs import Rating, Scheduler

    from quiz.bank import cachefile, loader
    from quiz.bank.index import bank_index
    from quiz.bank.sources import content_roots
    from quiz.store import Store
    from quiz.study.plan_status import plan_status
    from quiz.study.scheduling import new_card

    content = ("--content", str(mini_bank))
    assert drillbit(*content, "plan", "--interview", in_days(6)).returncode == 0
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)  # the bank's files were just copied
    roots = content_roots([mini_bank])
    cards = loader.load_bank(roots).cards
    refs = bank_index(roots)[0].refs
    assert [ref.id for ref in refs] == [card.id for card in cards]
    now = FIXED_NOW
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open() as store:
        when = (now - timedelta(days=7)).astimezone(UTC)  # fsrs takes UTC only
        for card in cards[::2]:  # half the cards seen, a week ago
            fsrs_card, _ = scheduler.review_card(new_card(card.id, when), Rating.Good, when)
            store.record_review(
                card_id=card.id,
                rating=int(Rating.Good),
                correct=True,
                reviewed_at=when,
                mode="due",
                card_after=fsrs_card.to_json(),
            )
        by_cards, by_refs = (
            plan_status(store, list(made), now, tz=UTC, scheduler=scheduler, with_forecast=True)
            for made in (cards, refs)
        )
    assert by_cards is not None and by_refs is not None
    assert by_refs.as_dict() == by_cards.as_dict()
    assert by_refs.forecast == by_cards.forecast and by_refs.forecast
    monkeypatch.setattr(loader, "load_bank", lambda *_a, **_k: pytest.fail("loaded the bank"))
    shown = drillbit(*content, "plan", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["readiness"]["seen"] == len(cards[::2])
    assert drillbit(*content, "plan").returncode == 0


def test_a_read_only_home_refuses_to_set_or_clear_a_plan(
    mini_bank: Path, drillbit: RunDrillbit, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A home whose database cannot be written keeps the plan it has: setting one printed
    the new plan and exited 0, and the next command had none (it lived in memory)."""
    import quiz.store.base as store_base

    content = ("--content", str(mini_bank))
    assert drillbit(*content, "plan", "--interview", in_days(14)).returncode == 0
    database = _isolated_home / "drillbit.db"
    before = database.read_bytes()
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    for change in (("--interview", in_days(9)), ("--minutes-per-day", "50"), ("--clear",)):
        refused = drillbit(*content, "plan", *change)
        assert refused.returncode == 1, (change, refused.stdout)
        assert (
            f"drillbit: plan: not saved: {database} cannot be written (read-only" in refused.stderr
        )
        assert "Traceback" not in refused.stderr and "Interview" not in refused.stdout
    shown = json.loads(drillbit(*content, "plan", "--json").stdout)
    assert (shown["interview"], shown["minutes_per_day"]) == (in_days(14), 30)
    assert database.read_bytes() == before


def new_by_day(line: str) -> list[int]:
    """The new cards of each day in `drillbit plan`'s line: '16 today, then 16 and 70'."""
    found = re.search(r"(\d+) today(?:, then ([\d, and]+?))?(?: \(the eve\)|, then none)", line)
    assert found is not None, line
    return [int(found.group(1)), *map(int, re.findall(r"\d+", found.group(2) or ""))]


def test_the_new_cards_line_says_how_many_the_minutes_never_show(drillbit: RunDrillbit) -> None:
    """Two 5-minute days for the bundled bank: the advice said the minutes were too few,
    and the line under it said "the plan shows every card before the day" all the same."""
    short = drillbit("plan", "--interview", in_days(2), "--minutes-per-day", "5")
    assert short.returncode == 0, short.stderr
    line = next(line for line in short.stdout.splitlines() if line.startswith("  New cards"))
    assert "every card" not in line
    found = re.search(
        r"so (\d+) of the (\d+) not seen yet come before the day and (\d+) never", line
    )
    assert found is not None, line
    shown, unseen, never = map(int, found.groups())
    assert never > 0 and shown + never == unseen
    assert sum(new_by_day(line)) == shown, "each day's new cards add up to the total"
    # --json gives the same count (it had the forecast's readiness, not this)
    assert json.loads(drillbit("plan", "--json").stdout)["unseen_on_the_day"] == never
    roomy = drillbit("plan", "--interview", in_days(60), "--minutes-per-day", "120")
    line = next(line for line in roomy.stdout.splitlines() if line.startswith("  New cards"))
    found = re.search(r"so all (\d+) not seen yet come before the day", line)
    assert found is not None, line
    assert sum(new_by_day(line)) == int(found.group(1))
    assert re.search(r"then none for the last \d+ days \(reviews only\)", line), line
    assert json.loads(drillbit("plan", "--json").stdout)["unseen_on_the_day"] == 0


def test_the_target_may_be_a_percentage_as_the_settings_retention(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """`drillbit config desired_retention 90%` was taken and `plan --target 90%` refused."""
    content = ("--content", str(mini_bank))
    made = drillbit(*content, "plan", "--interview", in_days(14), "--target", "95%")
    assert made.returncode == 0, made.stderr
    assert json.loads(drillbit(*content, "plan", "--json").stdout)["target"] == 0.95
    low = drillbit(*content, "plan", "--target", "45%")
    assert low.returncode == 2, low.stdout
    # told in the form typed too: "give one from 0.5 to 0.99" alone answered a percentage
    assert "45% is out of range; give one from 0.5 to 0.99 or 50% to 99%" in low.stderr
    for bad in ("x%", "nan%"):
        refused = drillbit(*content, "plan", "--target", bad)
        assert refused.returncode == 2, refused.stdout
        said = f"'{bad}' is not a percentage; give one from 0.5 to 0.99 or 50% to 99%"
        assert said in refused.stderr
    assert json.loads(drillbit(*content, "plan", "--json").stdout)["target"] == 0.95


def test_plan_says_when_today_s_plan_ends_at_the_hour_set(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """Nothing said when a plan's day ends: a session open then ended at its next card."""
    content = ("--content", str(mini_bank))
    assert drillbit("config", "day_starts_at", "0").returncode == 0
    shown = drillbit(*content, "plan", "--interview", in_days(14))
    assert shown.returncode == 0, shown.stderr
    assert "Today's plan runs until midnight, when the next study day starts" in shown.stdout
    refused = drillbit("config", "day_starts_at", "24")
    assert refused.returncode == 2 and "day_starts_at" in refused.stderr
    assert "Traceback" not in refused.stderr


def _count_before(text: str, words: str) -> int:
    """The number `text` says before `words` ('1 card longer than'), 0 when it says none."""
    found = re.search(rf"(\d+) cards? {words}", text)
    return 0 if found is None else int(found.group(1))


def test_plan_json_says_what_the_text_says_of_the_day_s_end_and_the_cards_no_day_fits(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """`plan --json` had no end of the day and counted a card longer than a whole day's
    minutes among `waiting`, where `drillbit plan` named it apart: a script read "1 card
    waits for tomorrow" every day of a 1-minute plan."""
    content = ("--content", str(mini_bank))
    assert drillbit("config", "day_starts_at", "5").returncode == 0
    shown = drillbit(*content, "plan", "--interview", in_days(14), "--minutes-per-day", "1")
    assert shown.returncode == 0, shown.stderr
    printed = drillbit(*content, "plan", "--json")
    assert printed.returncode == 0, printed.stderr
    data = json.loads(printed.stdout)
    today = data["today"]
    # the text's counts, in the JSON's fields
    assert _count_before(shown.stdout, "longer than a day's 1 min") >= 1, shown.stdout
    assert today["longer_than_a_day"] == _count_before(shown.stdout, "longer than a day's")
    assert today["waiting"] == _count_before(shown.stdout, "waits? for tomorrow") == 0
    assert data["status"] == "studying"
    # the day's end: the next 05:00 in the local zone, the text's "runs until 05:00"
    ends = datetime.fromisoformat(today["ends_at"])
    now = FIXED_NOW
    assert (ends.hour, ends.minute, ends.second) == (5, 0, 0)
    assert ends.utcoffset() is not None and now < ends <= now + timedelta(hours=25)
    tomorrow = " tomorrow" if ends.date() != now.date() else ""
    assert f"Today's plan runs until 05:00{tomorrow}, when" in shown.stdout, shown.stdout
    schema = json.loads(drillbit("schema", "plan").stdout)
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)


def test_the_days_left_are_counted_from_the_commands_clock(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """An interview on 30 June is 14 days off at 23:59 on the 16th and 13 at 00:01 on the
    17th (a study day that starts at midnight): every command read the wall clock itself,
    so what a run at either minute says could not be tested."""
    content = ("--content", str(mini_bank))
    assert drillbit("config", "day_starts_at", "0").returncode == 0
    late = datetime(2026, 6, 16, 23, 59).astimezone()
    made = drillbit(*content, "plan", "--interview", "2026-06-30", now=late)
    assert made.returncode == 0, made.stderr
    assert "14 days left" in made.stdout
    early = datetime(2026, 6, 17, 0, 1).astimezone()
    shown = json.loads(drillbit(*content, "plan", "--json", now=early).stdout)
    assert (shown["interview"], shown["days_left"]) == ("2026-06-30", 13)


def test_the_help_says_what_plan_does_without_options(drillbit: RunDrillbit) -> None:
    """`drillbit plan --help` named only the options: a new user with a plan set could not
    tell from it that a bare `drillbit plan` shows the readiness on the day (the README's
    second command) or that `--minutes-per-day` alone changes the plan they have (which
    `test_set_show_json_and_clear` checks, as it does a bare `plan`)."""
    shown = drillbit("plan", "--help")
    assert shown.returncode == 0, shown.stderr
    said = " ".join(shown.stdout.split("Options:")[0].split())
    assert "Without options it prints the plan set and the readiness it predicts" in said
    assert "--minutes-per-day or --target alone change the plan set" in said
