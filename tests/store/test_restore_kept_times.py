"""A restore parses each time once and writes back the text it read when that text is
already the store's own (`timefmt.read_moment`): the database and the export it gives are
the same bytes as before (the hashes below were taken with mend47's code, which parsed and
formatted every time again), for a file in the store's form and for one in other forms."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from quiz.store import Store, backup_export, backup_fsrs, backup_values, timefmt
from quiz.store.backup import import_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_read import ProgressFormatError
from quiz.store.timefmt import KeptMoment, from_db, read_moment, to_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
GOLDEN = Path(__file__).parent / "data" / "export_golden.json"

ZONE = timezone(timedelta(hours=-7, minutes=-30))
STORED = "2026-03-01T09:00:00.000000+00:00"
OTHER_FORMS = [
    "2026-03-01T09:00:00Z",
    "2026-03-01T11:00:00.000000+02:00",
    "2026-03-01T09:00:00+00:00",
    "2026-03-01 09:00:00.000000+00:00",
    "2026-03-01T09:00:00.000000",
    "2026-03-01T09:00:00.000000-00:00",
    "2026-03-01T09:00:00.0000000+00:00",
    "2026-03-01T09:00:00,000000+00:00",
    "0999-03-01T09:00:00.000000+00:00",
    "2026-W09-7T09:00:00.000000+00:00",
    "2026-03-01T09:00:00.000000+0000",
]


def _other_forms(document: dict[str, Any]) -> dict[str, Any]:
    """The golden backup with its times written in the forms drillbit does not write."""
    document = json.loads(json.dumps(document))
    states, reviews = document["card_states"], document["reviews"]
    states[0]["introduced_at"] = "2026-02-01T00:00:00Z"
    states[1]["updated_at"] = "2026-03-05T11:00:00.000004+02:00"
    states[2]["updated_at"] = "2026-03-07T09:00:00.000006"
    document["sessions"][0]["started_at"] = "2026-03-02 08:00:00+00:00"
    document["sessions"][1]["started_at"] = "2026-03-03T03:00:00.000000-05:00"
    for index, review in enumerate(reviews):
        moment = from_db(review["reviewed_at"]).astimezone(UTC if index % 2 else ZONE)
        review["reviewed_at"] = moment.isoformat(timespec="microseconds" if index % 3 else "auto")
    reviews[0]["card_after"] = reviews[0]["card_after"].replace("+00:00", "Z")
    return document


def _database_digest(path: Path) -> str:
    """Every table's rows (sorted: some tables have no rowid), hashed; not the schema's
    text (SQLite's) nor the migrations' list (a later round's migration is no restore's)."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name != 'schema_migrations' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608
            for row in sorted(repr(row) for row in rows):
                digest.update(row.encode())
    finally:
        conn.close()
    return digest.hexdigest()


def restored_digests(work: Path, backup: Path) -> tuple[str, str]:
    """The restored home's database digest and the sha256 of its export at `NOW`."""
    database, export = work / "restored.db", work / "again.json"
    with Store.open(database, now=NOW) as store:
        import_progress(store, backup, now=NOW)
        export_progress(store, export, now=NOW)
    return _database_digest(database), hashlib.sha256(export.read_bytes()).hexdigest()


def write_backups(work: Path) -> dict[str, Path]:
    """The golden export as it is, and the same rows with their times in other forms."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    written = {"stored": work / "stored.json", "other": work / "other.json"}
    written["stored"].write_bytes(GOLDEN.read_bytes())
    written["other"].write_text(json.dumps(_other_forms(golden)), encoding="utf-8")
    return written


BEFORE = {
    "stored": (
        "1c13002d846a9b9ce5e85ebf9442c63f15289d752524f5e7f6088beadbc0e9c7",
        "f5cc27aee434b27bfcaf101bb09026103bd9663fd04b1fb51c89b25b10d6f8b4",
    ),
    "other": (
        "d06016ecf08e97447d264c61da5b600fa72300aa594792019f54cbc01f90578c",
        "da7e196e495ab3d00710c06fa1e454b7b0d9a8a03827856d2b62b969a2663025",
    ),
}
"""(database digest, export sha256) of each backup restored by mend47's code."""


@pytest.fixture
def version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_export, "drillbit_version", lambda: "0.1.0")


@pytest.mark.parametrize("kind", sorted(BEFORE))
@pytest.mark.usefixtures("version")
def test_the_restore_gives_the_bytes_it_gave_before(tmp_path: Path, kind: str) -> None:
    backup = write_backups(tmp_path)[kind]
    work = tmp_path / "home"
    work.mkdir()
    assert restored_digests(work, backup) == BEFORE[kind]


@pytest.mark.parametrize("kind", sorted(BEFORE))
@pytest.mark.usefixtures("version")
def test_kept_texts_change_no_byte(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same restore with every time parsed and formatted again (the old path)."""
    backup = write_backups(tmp_path)[kind]
    kept, formatted = tmp_path / "kept", tmp_path / "formatted"
    kept.mkdir()
    formatted.mkdir()
    found = restored_digests(kept, backup)
    monkeypatch.setattr(backup_values, "read_moment", from_db)
    assert restored_digests(formatted, backup) == found


@pytest.mark.parametrize("text", [STORED, "1000-01-01T00:00:00.000000+00:00"])
def test_the_stores_text_is_kept(text: str) -> None:
    moment = read_moment(text)
    assert type(moment) is KeptMoment
    assert moment == from_db(text)
    assert moment.tzinfo is UTC
    assert moment.astimezone(UTC) is moment
    assert to_db(moment) == text


@pytest.mark.parametrize("text", OTHER_FORMS)
def test_other_forms_are_parsed_and_formatted(text: str) -> None:
    moment = read_moment(text)
    assert type(moment) is datetime
    assert moment == from_db(text)
    assert to_db(moment) == to_db(from_db(text))
    assert to_db(moment) != text


@pytest.mark.parametrize(
    "text",
    ["2025-02-30T09:00:00.000000+00:00", "2026-13-01T09:00:00.000000+00:00", "not a time"],
)
def test_a_text_that_is_no_time_is_refused_as_before(text: str) -> None:
    with pytest.raises(ValueError):
        read_moment(text)
    with pytest.raises(ValueError):
        from_db(text)


def test_a_time_made_from_a_kept_one_is_formatted_anew() -> None:
    moment = read_moment(STORED)
    later = moment + timedelta(hours=1, microseconds=5)
    assert to_db(later) == "2026-03-01T10:00:00.000005+00:00"
    assert to_db(moment.replace(minute=30)) == "2026-03-01T09:30:00.000000+00:00"
    assert to_db(moment - timedelta(days=1)) == "2026-02-28T09:00:00.000000+00:00"


def test_a_non_ascii_digit_is_not_the_stores_text() -> None:
    """`\\d` would take an Arabic-Indic digit; the store's text has ASCII digits only."""
    text = STORED.replace("9", "\u0669", 1)
    assert timefmt.STORED_TEXT.fullmatch(text) is None


def _fsrs_times_checked(document: dict[str, Any]) -> int:
    """The times of the fsrs texts a backup's read checks (`fsrs_once`: a text unlike its
    card's last one), `last_review` only when set."""
    last: dict[str, str] = {}
    times = 0
    rows = [(row["card_id"], row["fsrs_card"]) for row in document["card_states"]]
    for review in document["reviews"]:
        rows += [(review["card_id"], review[key]) for key in ("card_before", "card_after")]
    for card_id, text in rows:
        if text is not None and last.get(card_id) != text:
            last[card_id] = text
            times += 2 if json.loads(text)["last_review"] else 1
    return times


@pytest.mark.usefixtures("version")
def test_each_fsrs_time_is_parsed_once_and_the_clock_bounded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsrs reads each card text's times (its read-back is the check); ours parses none
    of them again, and one import works out its time limits once."""
    parsed: dict[str, int] = {"ours": 0, "fsrs": 0}
    bounds_made = 0

    def counting(name: str) -> type[datetime]:
        class Counted(datetime):
            @classmethod
            def fromisoformat(cls, text: str) -> datetime:  # type: ignore[override]
                parsed[name] += 1
                return datetime.fromisoformat(text)

        return Counted

    import fsrs.card

    monkeypatch.setattr(backup_fsrs, "datetime", counting("ours"))
    monkeypatch.setattr(fsrs.card, "datetime", counting("fsrs"))
    made = backup_values.Bounds.at.__func__  # type: ignore[attr-defined]

    def at(cls: type[backup_values.Bounds], now: datetime) -> backup_values.Bounds:
        nonlocal bounds_made
        bounds_made += 1
        return made(cls, now)  # type: ignore[no-any-return]

    monkeypatch.setattr(backup_values.Bounds, "at", classmethod(at))
    backup = write_backups(tmp_path)["stored"]
    times = _fsrs_times_checked(json.loads(backup.read_text(encoding="utf-8")))
    with Store.open(tmp_path / "home.db", now=NOW) as store:
        import_progress(store, backup, now=NOW)
    assert times > 10
    assert parsed == {"ours": 0, "fsrs": times}
    assert bounds_made == 1


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("due", "2026-02-30T00:00:00+00:00", "due: not an ISO-8601 time"),
        ("due", 5, "due: 5 is not an ISO-8601 time"),
        ("last_review", "", "last_review: not an ISO-8601 time: ''"),
        ("last_review", "2026-03-01T09:00:00", "last_review: '2026-03-01T09:00:00' has no UTC"),
        ("last_review", "2099-01-01T00:00:00+00:00", "last_review: 2099-01-01T00:00:00.000000"),
        ("due", "1969-12-31T23:59:59+00:00", "due: '1969-12-31T23:59:59+00:00' is before"),
    ],
)
def test_a_bad_fsrs_time_is_named_as_before(
    tmp_path: Path, key: str, value: object, message: str
) -> None:
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    card = json.loads(document["card_states"][0]["fsrs_card"])
    card[key] = value
    document["card_states"][0]["fsrs_card"] = json.dumps(card)
    backup = tmp_path / "bad.json"
    backup.write_text(json.dumps(document), encoding="utf-8")
    with (
        Store.open(tmp_path / "home.db", now=NOW) as store,
        pytest.raises(ProgressFormatError, match=re.escape(f"card_states.0.fsrs_card.{message}")),
    ):
        import_progress(store, backup, now=NOW)
