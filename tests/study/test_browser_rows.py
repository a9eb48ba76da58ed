"""The card browser's rows (`quiz.browser.card_rows`) and its due column (`due_labels`)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import NoReturn
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, Scheduler

import quiz.browser as browser_module
from quiz.browser import CardRow, browse, card_rows, due_labels
from quiz.store import Store
from quiz.study.days import StudyZone
from tests.study.fakes import deck

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def due_label(row: CardRow, now: datetime, tz: tzinfo) -> str:
    """One row's label (the browser labels its rows together, `due_labels`)."""
    return due_labels([row], now, tz)[0]


def _row(due: datetime | None, *, is_due: bool) -> CardRow:
    return CardRow(
        card=deck()[0],
        state="review" if due else "new",
        due=due,
        difficulty=None,
        lapses=0,
        is_due=is_due,
    )


def test_a_due_time_this_year_shows_month_day_and_time() -> None:
    """It read "12-06 09:48": the 12th of June to most of the world, where `drillbit
    cards` says "Dec 06"."""
    assert due_label(_row(datetime(2026, 12, 6, 9, 48, tzinfo=UTC), is_due=False), NOW, UTC) == (
        "Dec 06 09:48"
    )


def test_a_card_overdue_since_another_year_shows_the_year_and_the_due_mark() -> None:
    """It read "12-06", a date three days ahead, for a card two years overdue."""
    row = _row(datetime(2024, 12, 6, 9, 48, tzinfo=UTC), is_due=True)
    assert due_label(row, NOW, UTC) == "*2024-12-06"


def test_due_next_year_shows_the_year() -> None:
    row = _row(datetime(2027, 1, 2, 8, 0, tzinfo=UTC), is_due=False)
    assert due_label(row, NOW, UTC) == "2027-01-02"


def test_the_year_is_the_local_one() -> None:
    """23:30 UTC on 31 December is already next year in Tokyo, and so is its now."""
    now = datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    row = _row(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), is_due=False)
    assert due_label(row, now, ZoneInfo("Asia/Tokyo")) == "08:30", "today there: the time"
    assert due_label(row, datetime(2026, 12, 31, 12, 0, tzinfo=UTC), ZoneInfo("Asia/Tokyo")) == (
        "2027-01-01"
    )


def test_a_new_card_has_no_due_time() -> None:
    assert due_label(_row(None, is_due=False), NOW, UTC) == ""


def test_a_card_due_later_today_shows_the_time_alone() -> None:
    """A learning step due at 14:25 read "12-03 14:25": a date to compare with today's,
    and six cells the titles lost at 80 columns."""
    row = _row(datetime(2026, 12, 3, 14, 25, tzinfo=UTC), is_due=False)
    assert due_label(row, NOW, UTC) == "14:25"


def test_a_card_due_earlier_today_shows_the_time_and_the_due_mark() -> None:
    row = _row(datetime(2026, 12, 3, 8, 5, tzinfo=UTC), is_due=True)
    assert due_label(row, NOW, UTC) == "*08:05"


def test_today_is_the_local_day() -> None:
    """09:00 UTC is 18:00 in Tokyo: 14:00 UTC is still today there, 15:30 UTC tomorrow."""
    tokyo = ZoneInfo("Asia/Tokyo")
    tonight = _row(datetime(2026, 12, 3, 14, 0, tzinfo=UTC), is_due=False)
    after_midnight = _row(datetime(2026, 12, 3, 15, 30, tzinfo=UTC), is_due=False)
    assert due_label(tonight, NOW, tokyo) == "23:00"
    assert due_label(after_midnight, NOW, tokyo) == "Dec 04 00:30"


def test_a_card_due_yesterday_or_tomorrow_shows_its_date() -> None:
    yesterday = _row(datetime(2026, 12, 2, 23, 59, tzinfo=UTC), is_due=True)
    tomorrow = _row(datetime(2026, 12, 4, 0, 0, tzinfo=UTC), is_due=False)
    assert due_label(yesterday, NOW, UTC) == "*Dec 02 23:59"
    assert due_label(tomorrow, NOW, UTC) == "Dec 04 00:00"


def _hourly_rows(start: datetime, hours: int) -> list[CardRow]:
    return [_row(start + timedelta(hours=n, minutes=7), is_due=n % 3 == 0) for n in range(hours)]


def test_labels_in_a_study_zone_read_its_clock_across_dst() -> None:
    """A StudyZone shows its wrapped zone's wall clock: every hour around New York's
    change to summer time and back, the labels are the clock times converted there."""
    zone = ZoneInfo("America/New_York")
    study = StudyZone(zone, day_starts_at=4)
    now = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)
    rows = [
        *_hourly_rows(datetime(2026, 3, 7, 0, 0, tzinfo=UTC), 72),
        *_hourly_rows(datetime(2026, 10, 31, 0, 0, tzinfo=UTC), 72),
        *_hourly_rows(datetime(2025, 12, 31, 0, 0, tzinfo=UTC), 24),
    ]
    expected = [due_label(row, now, zone) for row in rows]
    assert due_labels(rows, now, study) == expected
    assert expected[30:32] == ["*01:07", "03:07"], "today, either side of the skipped hour"
    assert expected[24] == "*Mar 07 19:07" and "*2025-12-31" in expected


def test_labels_do_not_convert_through_the_study_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A heavy user's 10,000 due times went through StudyZone's Python conversion, three
    calls each, most of the labels' 68 ms in the browser's first frame: they convert in
    the zone it wraps (the same clock, `clock_zone`)."""
    calls: list[datetime] = []
    convert = StudyZone.fromutc

    def counted(self: StudyZone, dt: datetime) -> datetime:
        calls.append(dt)
        return convert(self, dt)

    monkeypatch.setattr(StudyZone, "fromutc", counted)
    study = StudyZone(ZoneInfo("Asia/Tokyo"), day_starts_at=4)
    labels = due_labels(_hourly_rows(datetime(2026, 12, 3, 0, 0, tzinfo=UTC), 100), NOW, study)
    assert labels[0] == "*09:07" and labels[15] == "*Dec 04 00:07"
    assert calls == []


def _reviewed_store(tmp_path: Path) -> tuple[Store, dict[str, float]]:
    """A store where three of the deck's cards were rated (Again, Good, Easy), and fsrs's
    difficulty of each, as fsrs itself reads the saved card back."""
    store = Store.open(tmp_path / "progress.db")
    scheduler = Scheduler(enable_fuzzing=False)
    expected: dict[str, float] = {}
    for card, rating in zip(deck()[:3], (Rating.Again, Rating.Good, Rating.Easy), strict=True):
        after, _ = scheduler.review_card(Card(), rating, NOW)
        store.record_review(
            card_id=card.id,
            rating=int(rating),
            correct=rating != Rating.Again,
            reviewed_at=NOW,
            mode="due",
            card_after=after.to_json(),
        )
        expected[card.id] = Card.from_json(after.to_json()).difficulty or 0.0
    return store, expected


def test_the_rows_difficulty_is_fsrs_s_without_reading_every_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows take each card's difficulty from the store's query (SQLite reads it from the
    saved JSON): reading every saved state and parsing its JSON in Python was half of a heavy
    user's wait for the browser."""
    store, expected = _reviewed_store(tmp_path)

    def no_full_states(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("card_rows read every saved state")

    monkeypatch.setattr(Store, "card_states", no_full_states)
    rows = {row.card.id: row for row in card_rows(deck(), store, NOW, tz=UTC)}
    assert {cid: row.difficulty for cid, row in rows.items() if row.difficulty} == expected
    assert [rows[c.id].difficulty for c in deck()[3:]] == [None] * 5, "new cards have none"
    assert {rows[c.id].state for c in deck()[:3]} <= {"learning", "review"}


def test_the_difficulties_are_the_same_without_sqlite_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SQLite built without JSON functions gets them from Python's json, the same."""
    import quiz.store.schedules as store_schedules

    store, expected = _reviewed_store(tmp_path)
    assert _difficulties(store) == expected
    monkeypatch.setattr(store_schedules, "_sqlite_reads_json", lambda: False)
    assert _difficulties(store) == expected


def _difficulties(store: Store) -> dict[str, float | None]:
    """Each scheduled card's difficulty, as the browser's rows read it (`schedule_facts`)."""
    return {card_id: facts[2] for card_id, facts in store.schedule_facts().items()}


def test_the_rows_read_the_saved_states_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """State, due and difficulty come from one read of `card_state`: the rows read it
    twice (the schedules, then the difficulties): 30 ms of a heavy user's first frame, 20 once."""
    store, expected = _reviewed_store(tmp_path)
    store.set_flag(deck()[1].id, suspended=True, buried_until=None, now=NOW)
    read: list[str] = []
    real_read = Store._read

    def noted(self: Store, sql: str, *args: object, **kwargs: object) -> list[object]:
        read.append(sql)
        return real_read(self, sql, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_read", noted)
    rows = {row.card.id: row for row in card_rows(deck(), store, NOW, tz=UTC)}
    assert sum("FROM card_state" in sql for sql in read) == 1, read
    assert {cid: row.difficulty for cid, row in rows.items() if row.difficulty} == expected
    assert rows[deck()[1].id].state == "suspended"
    assert rows[deck()[1].id].due is not None, "a suspended card keeps its due time"
    assert [rows[c.id].state for c in deck()[3:]] == ["new"] * 5


def test_a_row_holds_no_dict_of_its_own() -> None:
    """A row a card, 10,000 for a heavy user: slotted, made without a frozen dataclass's
    `object.__setattr__` a field (about 20 ms of the browser's first frame)."""
    row = _row(None, is_due=False)
    assert not hasattr(row, "__dict__")
    assert dataclasses.replace(row, lapses=3).lapses == 3


def test_browsing_with_nothing_to_filter_checks_no_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser's first frame browses with an empty box: every row kept as it is,
    without checking 10,000 rows against no filter (9 ms of the first frame)."""
    rows = [dataclasses.replace(_row(None, is_due=False), card=card) for card in deck()]

    def checked(*args: object) -> NoReturn:
        raise AssertionError("a row was checked against no filter")

    monkeypatch.setattr(browser_module, "_passes", checked)
    monkeypatch.setattr(browser_module, "_tagged", checked)
    assert browse(rows) == rows
    assert browse(rows, sort="lapses") == rows


def test_filters_still_keep_only_their_rows() -> None:
    rows = [dataclasses.replace(_row(None, is_due=False), card=card) for card in deck()]
    assert [row.card.id for row in browse(rows, topic="optim", tag="drill")] == ["adam-step"]
    assert [row.card.id for row in browse(rows, topic="optim", search="tag:adam is:new")] == [
        "adam-bias",
        "adam-step",
    ]
    assert browse(rows, kind="coding", state="review") == []


def test_the_rows_module_builds_no_card_model_class() -> None:
    """The card models (pydantic classes, built as their module is imported) are for an
    edit and a search, not the rows: `b` on Home imported them before its first frame."""
    code = "import sys, quiz.browser; print('quiz.bank.models' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_page_of_rows_reads_only_its_cards_and_matches_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The browser's first frame makes the rows of its first page alone (`page=True`):
    their states and lapses read by id, the same rows the whole bank's read gives them.
    Reading every card's was 30 ms of a heavy user's wait for the first frame."""
    import quiz.store.clauses as store_clauses

    store, _ = _reviewed_store(tmp_path)
    store.set_flag(deck()[2].id, suspended=True, buried_until=None, now=NOW)
    for card in (deck()[1], deck()[5]):  # a lapse in the page, and one outside it
        store.record_review(
            card_id=card.id, rating=1, correct=False, reviewed_at=NOW, mode="due", state_before=2
        )
    every = {row.card.id: row for row in card_rows(deck(), store, NOW, tz=UTC)}
    assert every[deck()[1].id].lapses == every[deck()[5].id].lapses == 1
    asked: list[object] = []
    for name in ("schedule_facts", "lapse_counts"):
        real = getattr(Store, name)

        def noted(self: Store, card_ids: object = None, _real: object = real) -> object:
            asked.append(card_ids)
            return _real(self, card_ids)  # type: ignore[operator]

        monkeypatch.setattr(Store, name, noted)
    page = deck()[1:4]  # two reviewed (one suspended) and a new card
    monkeypatch.setattr(store_clauses, "ID_BATCH", 2)  # two batches of ids
    rows = card_rows(page, store, NOW, tz=UTC, page=True)
    assert asked == [[c.id for c in page]] * 2, "only the page's ids are read"
    assert [dataclasses.asdict(row) for row in rows] == [
        dataclasses.asdict(every[c.id]) for c in page
    ]
    assert store.schedule_facts([]) == {} and store.lapse_counts([]) == {}


@pytest.mark.parametrize("later", [timedelta(0), timedelta(days=3), timedelta(days=400)])
@pytest.mark.parametrize("zone", [UTC, ZoneInfo("America/New_York")])
def test_the_widths_from_the_stores_bounds_are_the_rows_widths(
    tmp_path: Path, later: timedelta, zone: tzinfo
) -> None:
    """The browser's first page fits its kind, state and due columns to every card from
    the store's bounds (`widest_bounds`), not from every row: with a card in each form a
    label takes between the earliest and the latest due time, the widths are the rows'
    own, so the rows that follow the first page do not move the columns."""
    from quiz.browser import widest_bounds

    store, _ = _reviewed_store(tmp_path)
    store.set_flag(deck()[4].id, suspended=True, buried_until=None, now=NOW)
    now = NOW + later  # today's due times; then some overdue (the mark); then last year's
    rows = card_rows(deck(), store, now, tz=zone)
    labels = due_labels(rows, now, zone)
    assert widest_bounds(deck(), store, now, zone) == {
        "kind": max(len(row.card.kind) for row in rows),
        "state": max(len(row.state) for row in rows),
        "due": max(map(len, labels)),
    }
    assert max(map(len, labels)) > len("due"), "a due label to fit"


def test_no_card_scheduled_leaves_the_due_column_to_its_label(tmp_path: Path) -> None:
    """A fresh home: no due time, every state new."""
    from quiz.browser import widest_bounds

    store = Store.open(tmp_path / "progress.db")
    assert widest_bounds(deck(), store, NOW, UTC)["due"] == 0
    assert widest_bounds(deck(), store, NOW, UTC)["state"] == len("new")
