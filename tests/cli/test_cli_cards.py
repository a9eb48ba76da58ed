"""`drillbit cards`: filters, full-text search, states and JSON."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State

from quiz.store.store import Store
from tests.cli.printing import printed_on_a_terminal
from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit, run_at
from tests.study.fakes import save_due


@pytest.fixture
def drillbit(drillbit: RunDrillbit) -> RunDrillbit:
    """Every command at FIXED_NOW unless a call gives its own `now`. These tests run
    `cards` (and `plan`) several times and compare what each found due today, beside reviews
    made at the test's "now": on the wall clock, a run crossing the study day's start (4:00)
    between two commands would count another day."""
    return run_at(drillbit, FIXED_NOW)


def test_cards_filters_searches_and_prints_json(drillbit: RunDrillbit) -> None:
    document = json.loads(drillbit("cards", "--json").stdout)
    assert document["schema_version"] == 1
    everything = document["cards"]
    assert len(everything) > 100 and {row["state"] for row in everything} == {"new"}
    leaky = json.loads(drillbit("cards", "--search", "leaky relu", "--json").stdout)["cards"]
    assert len(leaky) >= 3 and all("relu" in row["id"] for row in leaky[:1])
    coding = json.loads(drillbit("cards", "--kind", "coding", "--json").stdout)["cards"]
    assert coding and {row["kind"] for row in coding} == {"coding"}
    assert json.loads(drillbit("cards", "--state", "due", "--json").stdout)["cards"] == []
    table = drillbit("cards", "--topic", "optimizers")
    assert table.returncode == 0 and re.search(r"^\d+ of \d+ cards$", table.stdout, re.MULTILINE)
    typo = drillbit("cards", "--pack", "neural-network")
    assert typo.returncode == 2 and "did you mean 'neural-networks'?" in typo.stderr


def test_sorted_by_difficulty_the_table_shows_it(drillbit: RunDrillbit) -> None:
    """The browser shows a difficulty column when sorted by it; the command line too (it
    printed the order with nothing to say why)."""
    now = FIXED_NOW.astimezone(UTC)
    hard, _ = Scheduler().review_card(Card(), Rating.Again, now)
    easy, _ = Scheduler().review_card(Card(), Rating.Easy, now)
    with Store.open() as store:
        for card_id, after, rating in (("sigmoid", hard, 1), ("relu-family", easy, 4)):
            store.record_review(
                card_id=card_id,
                rating=rating,
                correct=rating > 1,
                reviewed_at=now,
                mode="due",
                card_after=after.to_json(),
            )
    # at the reviews' time: sigmoid's one-minute step is due a minute later by the wall clock
    table = drillbit("cards", "--sort", "difficulty", now=now)
    assert table.returncode == 0, table.stderr
    header, *lines = table.stdout.splitlines()
    assert header.split() == ["ID", "KIND", "STATE", "DUE", "LAPSES", "DIFF", "TITLE"]
    assert lines[0].startswith("sigmoid ") and f"  {hard.difficulty:.1f}  " in lines[0]
    assert lines[1].startswith("relu-family ") and f"  {easy.difficulty:.1f}  " in lines[1]
    assert "     -  " in lines[2], "a card never reviewed: a dash"
    # the legend on its own line: after the count it made one of 86 columns
    count, legend = table.stdout.splitlines()[-2:]
    assert re.fullmatch(r"\d+ of \d+ cards", count), "no card is due now: no star to explain"
    assert legend == "DIFF: fsrs's difficulty, 1 easy to 10 hard; - never reviewed"
    assert max(len(count), len(legend)) <= 80
    plain = drillbit("cards")
    assert plain.stdout.splitlines()[0].split() == ["ID", "KIND", "STATE", "DUE", "LAPSES", "TITLE"]
    assert f"  {hard.difficulty:.1f}  " not in plain.stdout.splitlines()[1], "no DIFF column"
    assert "difficulty" not in plain.stdout and "DIFF" not in plain.stdout


def test_under_a_plan_due_says_when_the_plan_asks_each_card(drillbit: RunDrillbit) -> None:
    """Under a plan, `cards` showed fsrs's dates and `--state due` kept fsrs's due cards
    ("* due now by fsrs") that no session would show today, while the card browser said
    "today", "last days"... Now the table and the JSON's `plan_due` say when the plan asks
    each card, `--state due` and `is:due` keep the cards a session studies today, and the
    due sort puts them first, as the browser does."""
    _review_long_ago("sigmoid")  # a card due now by fsrs
    plain = drillbit("cards")
    assert (
        "(* due now or a review due today)" in plain.stdout and "interview plan" not in plain.stdout
    )
    before = json.loads(drillbit("cards", "--json").stdout)["cards"]
    assert {row["plan_due"] for row in before} == {None}, "no plan: fsrs's due is the one"
    interview = (FIXED_DAY + timedelta(days=10)).isoformat()
    assert drillbit("plan", "--interview", interview).returncode == 0
    listed = drillbit("cards")
    assert listed.returncode == 0, listed.stderr
    assert "due today" not in listed.stdout, "no row shows fsrs's star"
    status = json.loads(drillbit("plan", "--json").stdout)
    today = status["today"]["reviews"] + status["today"]["new"]
    assert today > 1, "new cards are planned today beside the due one"
    cards = f"{today} cards"
    assert f"a session studies {cards} today, not every due card" in listed.stdout
    assert listed.stderr == "", "the listing's lines go with its table: `| less` sees them"
    rows = json.loads(drillbit("cards", "--json").stdout)["cards"]
    planned = {row["id"] for row in rows if row["plan_due"] == "today"}
    assert len(planned) == today
    sigmoid = next(row for row in rows if row["id"] == "sigmoid")
    assert sigmoid["due"] is not None, "fsrs's due stays where it was"
    line = next(line for line in listed.stdout.splitlines() if line.startswith("sigmoid "))
    assert f" {sigmoid['plan_due']} " in line and "*20" not in line
    for search in (("--state", "due"), ("--search", "is:due")):
        due = json.loads(drillbit("cards", *search, "--json").stdout)["cards"]
        assert {row["id"] for row in due} == planned, search
    by_due = json.loads(drillbit("cards", "--sort", "due", "--json").stdout)["cards"]
    assert {row["id"] for row in by_due[:today]} == planned, "the plan's today first"


def test_an_anki_search_filters_or_says_what_drillbit_lacks(drillbit: RunDrillbit) -> None:
    """`--search "tag:numpy"` and `is:new` printed "0 of 146 cards": no card's text held them."""
    tagged = json.loads(drillbit("cards", "--search", "tag:numpy", "--json").stdout)["cards"]
    assert tagged and all(row["kind"] for row in tagged)
    new = json.loads(drillbit("cards", "--search", "is:new kind:coding", "--json").stdout)["cards"]
    assert new and {row["kind"] for row in new} == {"coding"}
    refused = drillbit("cards", "--search", "rated:1")
    assert refused.returncode == 2 and "'rated:1' is not a search drillbit has" in refused.stderr
    assert "is:due" in refused.stderr and "Traceback" not in refused.stderr
    unknown = drillbit("cards", "--search", "deck:foundations")
    assert unknown.returncode == 2 and "unknown pack 'foundations'" in unknown.stderr


def _review_long_ago(card_id: str) -> None:
    """Answer `card_id` Good three days ago: its ten-minute learning step is due now."""
    then = FIXED_NOW.astimezone(UTC) - timedelta(days=3)
    after, _ = Scheduler().review_card(Card(), Rating.Good, then)
    with Store.open() as store:
        store.record_review(
            card_id=card_id,
            rating=3,
            correct=True,
            reviewed_at=then,
            mode="due",
            card_after=after.to_json(),
        )


def test_the_due_legend_is_said_only_when_a_row_has_the_star(drillbit: RunDrillbit) -> None:
    """On a fresh home `drillbit cards` ended "147 of 147 cards (* due now)" with no star in
    its table: a new user read 147 cards due now. The legend now comes with a star only."""
    fresh = drillbit("cards")
    assert fresh.returncode == 0, fresh.stderr
    assert re.search(r"^\d+ of \d+ cards$", fresh.stdout, re.MULTILINE)
    assert "due today" not in fresh.stdout
    _review_long_ago("sigmoid")
    listed = drillbit("cards").stdout.splitlines()
    starred = [line for line in listed if "*20" in line]
    assert len(starred) == 1 and starred[0].startswith("sigmoid ")
    assert re.search(
        r"^\d+ of \d+ cards \(\* due now or a review due today\)$", "\n".join(listed), re.MULTILINE
    )
    others = drillbit("cards", "--state", "new").stdout
    assert "due today" not in others, "the same legend left out where the listing has no star"


def test_a_due_date_of_the_commands_year_is_shown_without_its_year() -> None:
    """A narrow terminal's due column gives a date of this year as "Jan 05", as `ls -l`
    does: this year is the command's, not one more read of the wall clock. At 12:00 on 5
    January 2027, a card due at 11:10 that day is "*Jan 05"."""
    at = datetime(2027, 1, 5, 12, 0).astimezone()
    answered = at - timedelta(hours=1)
    after, _ = Scheduler().review_card(Card(), Rating.Good, answered.astimezone(UTC))  # fsrs: UTC
    with Store.open() as store:
        store.record_review(
            card_id="sigmoid",
            rating=3,
            correct=True,
            reviewed_at=answered,
            mode="due",
            card_after=after.to_json(),
        )
    lines = printed_on_a_terminal("cards", "--topic", "activations", columns=50, now=at)
    row = next(line for line in lines if line.startswith("sigmoid "))
    assert " *Jan 05 " in row, lines


def _save_due(card_id: str, state: State, due: datetime) -> None:
    """Save `card_id` in fsrs `state`, due at `due`, as answered a week before."""
    with Store.open() as store:
        save_due(store, card_id, state, due)


def test_a_review_due_tonight_is_due_all_its_study_day(drillbit: RunDrillbit) -> None:
    """`--state due` compared fsrs's hour with now: at 09:00 a review due at 21:00 was
    counted on Home (and asked by `d`) but not listed, nor starred. As in Anki, a review is
    due by its study day (`day_starts_at`, 4:00); a learning step keeps its minute."""
    morning = datetime(2026, 6, 15, 9, 0).astimezone()  # the commands' local zone
    _save_due("sigmoid", State.Review, morning.replace(hour=21))
    _save_due("relu-family", State.Review, morning.replace(hour=5) + timedelta(days=1))
    _save_due("softmax", State.Learning, morning + timedelta(minutes=10))

    def due_ids(now: datetime) -> list[str]:
        listed = drillbit("cards", "--state", "due", "--json", now=now)
        assert listed.returncode == 0, listed.stderr
        return [row["id"] for row in json.loads(listed.stdout)["cards"]]

    assert due_ids(morning) == ["sigmoid"]
    table = drillbit("cards", "--state", "due", now=morning)
    (line,) = [line for line in table.stdout.splitlines() if line.startswith("sigmoid ")]
    assert "*" in line and "(* due now or a review due today)" in table.stdout
    searched = drillbit("cards", "--search", "is:due", "--json", now=morning)
    assert [row["id"] for row in json.loads(searched.stdout)["cards"]] == ["sigmoid"]
    assert sorted(due_ids(morning + timedelta(minutes=10))) == ["sigmoid", "softmax"]
    tomorrow = morning.replace(hour=4) + timedelta(days=1)  # the next study day's start
    assert sorted(due_ids(tomorrow - timedelta(minutes=1))) == ["sigmoid", "softmax"]
    assert sorted(due_ids(tomorrow)) == ["relu-family", "sigmoid", "softmax"]
