"""Suspended and buried cards in the progress backup (format version 2)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import Store
from quiz.store.backup import import_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_read import ProgressFormatError, parse_progress

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
TONIGHT = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
BASE = {"format": "drillbit-progress", "exported_at": "2026-03-01T09:00:00+00:00"}


def _hidden(store: Store, now: datetime) -> set[str]:
    return {cid for cid, flag in store.card_flags().items() if flag.hidden_at(now)}


def _export(tmp_path: Path, name: str, flags: list[tuple[str, bool, datetime | None]]) -> Path:
    """A backup of a store where each (card, suspended, buried_until) was set at NOW."""
    path = tmp_path / f"{name}.json"
    with Store.open(tmp_path / f"{name}.db", now=NOW) as store:
        for card_id, suspended, until in flags:
            store.set_flag(card_id, suspended=suspended, buried_until=until, now=NOW)
        export_progress(store, path, now=NOW)
    return path


def test_suspended_and_buried_cards_survive_a_round_trip(tmp_path: Path) -> None:
    backup = _export(tmp_path, "laptop", [("relu", True, None), ("gelu", False, TONIGHT)])
    document = json.loads(backup.read_text())
    assert document["card_flags"] == [
        {
            "card_id": "gelu",
            "suspended": False,
            "buried_until": "2026-03-02T00:00:00.000000+00:00",
            "updated_at": "2026-03-01T09:00:00.000000+00:00",
        },
        {
            "card_id": "relu",
            "suspended": True,
            "buried_until": None,
            "updated_at": "2026-03-01T09:00:00.000000+00:00",
        },
    ]
    with Store.open(tmp_path / "desktop.db", now=NOW) as desktop:
        report = import_progress(desktop, backup, now=NOW)
        assert (report.flags_added, report.flags_kept) == (2, 0)
        assert "suspended or buried cards: 2 added" in report.describe()
        assert _hidden(desktop, NOW) == {"relu", "gelu"}
        assert _hidden(desktop, TONIGHT) == {"relu"}, "the burial ends; the suspension stays"
        again = import_progress(desktop, backup, now=NOW)
        assert (again.flags_added, again.flags_updated, again.flags_kept) == (0, 0, 0)
        assert again.flags_same == 2 and "suspended or buried cards: 2 unchanged" in (
            again.describe()
        )


def test_a_burial_that_has_ended_is_not_brought_back(tmp_path: Path) -> None:
    backup = _export(tmp_path, "laptop", [("gelu", False, TONIGHT), ("tanh", True, TONIGHT)])
    later = TONIGHT + timedelta(hours=8)
    with Store.open(tmp_path / "desktop.db", now=later) as desktop:
        report = import_progress(desktop, backup, now=later)
        flags = desktop.card_flags()
        assert "gelu" not in flags and report.flags_kept == 1
        assert flags["tanh"].suspended and flags["tanh"].buried_until is None
        assert _hidden(desktop, later) == {"tanh"}


def test_the_flag_set_last_wins_and_a_card_answered_here_since_stays_in_study(
    tmp_path: Path,
) -> None:
    backup = _export(tmp_path, "laptop", [("relu", True, None), ("gelu", True, None)])
    with Store.open(tmp_path / "desktop.db", now=NOW) as desktop:
        # relu: buried here after the laptop suspended it; the later burial is kept.
        desktop.set_flag(
            "relu", suspended=False, buried_until=TONIGHT, now=NOW + timedelta(minutes=5)
        )
        # gelu: answered here after the laptop suspended it, so taken back into study here.
        desktop.record_review(
            card_id="gelu",
            rating=3,
            correct=True,
            reviewed_at=NOW + timedelta(minutes=10),
            mode="due",
        )
        report = import_progress(desktop, backup, now=NOW + timedelta(minutes=20))
        flags = desktop.card_flags()
        assert not flags["relu"].suspended and flags["relu"].buried_until == TONIGHT
        assert "gelu" not in flags
        assert (report.flags_added, report.flags_updated, report.flags_kept) == (0, 0, 2)
    newer = tmp_path / "newer.json"
    with Store.open(tmp_path / "phone.db", now=NOW) as phone:
        phone.set_flag("relu", suspended=True, buried_until=None, now=NOW + timedelta(hours=1))
        export_progress(phone, newer, now=NOW + timedelta(hours=1))
    with Store.open(tmp_path / "desktop.db", now=NOW) as desktop:
        report = import_progress(desktop, newer, now=NOW + timedelta(hours=1))
        assert report.flags_updated == 1
        assert desktop.card_flags()["relu"].suspended


def test_version_1_files_stay_readable_and_bad_flags_are_named() -> None:
    flag = {"card_id": "relu", "suspended": True, "updated_at": "2026-03-01T08:00:00+00:00"}
    assert parse_progress({**BASE, "version": 1}, now=NOW).card_flags == []
    assert len(parse_progress({**BASE, "version": 2, "card_flags": [flag]}, now=NOW).card_flags)
    with pytest.raises(ProgressFormatError, match="card_flags: not part of version 1"):
        parse_progress({**BASE, "version": 1, "card_flags": [flag]}, now=NOW)
    nothing = {**flag, "suspended": False}
    with pytest.raises(ProgressFormatError, match=r"card_flags\.0: neither suspended nor buried"):
        parse_progress({**BASE, "version": 2, "card_flags": [nothing]}, now=NOW)
    forever = {**nothing, "buried_until": "2099-01-01T00:00:00+00:00"}
    with pytest.raises(ProgressFormatError, match=r"card_flags\.0\.buried_until: .*too far ahead"):
        parse_progress({**BASE, "version": 2, "card_flags": [forever]}, now=NOW)
    with pytest.raises(ProgressFormatError, match=r"card_flags\.0\.suspended"):
        parse_progress(
            {**BASE, "version": 2, "card_flags": [{**flag, "suspended": "maybe"}]}, now=NOW
        )


def test_a_card_answered_while_suspended_stays_suspended_on_import(tmp_path: Path) -> None:
    """A suspended card opened by hand and answered stays suspended; its backup's own
    answer is no sign it was taken back into study on the importing machine."""
    backup = tmp_path / "laptop.json"
    with Store.open(tmp_path / "laptop.db", now=NOW) as laptop:
        laptop.set_flag("relu", suspended=True, buried_until=None, now=NOW)
        laptop.record_review(
            card_id="relu",
            rating=3,
            correct=True,
            reviewed_at=NOW + timedelta(minutes=3),
            mode="due",
        )
        assert laptop.card_flags()["relu"].suspended
        export_progress(laptop, backup, now=NOW + timedelta(minutes=5))
    later = NOW + timedelta(minutes=10)
    with Store.open(tmp_path / "desktop.db", now=later) as desktop:
        report = import_progress(desktop, backup, now=later)
        assert (report.flags_added, report.flags_updated, report.flags_kept) == (1, 0, 0)
        assert "suspended or buried cards: 1 added" in report.describe()
        assert report.reviews_added == 1
        assert _hidden(desktop, later) == {"relu"}
        again = import_progress(desktop, backup, now=later)
        assert (again.flags_added, again.flags_updated, again.flags_same) == (0, 0, 1)
        assert _hidden(desktop, later) == {"relu"}
        # Put back into study here: the answer now in this database keeps it there.
        desktop.set_flag("relu", suspended=False, buried_until=None, now=later)
        third = import_progress(desktop, backup, now=later)
        assert (third.flags_added, third.flags_updated, third.flags_kept) == (0, 0, 1)
        assert "suspended or buried cards: 1 kept as they are here" in third.describe()
        assert "relu" not in desktop.card_flags()
