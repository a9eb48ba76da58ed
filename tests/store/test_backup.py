"""The backup inside the store: the documented table matches the models, read-only stores export."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import NotSavedError, Store
from quiz.store import base as store_base
from quiz.store.backup import merge_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_models import ProgressFile
from quiz.store.backup_read import read_progress
from quiz.store.backup_schema import END, START, document_with_table, field_table

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "progress-format.md"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_the_documented_field_table_is_the_models_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert START in text and END in text
    assert document_with_table(text) == text, (
        "docs/progress-format.md is out of date: run "
        "`uv run python -m quiz.store.backup_schema --write`"
    )


def test_the_table_follows_the_models() -> None:
    table = field_table()
    for name, spec in ProgressFile.model_json_schema()["$defs"]["ReviewRow"]["properties"].items():
        assert f"| `{name}` |" in table, name
        if "description" in spec:
            assert spec["description"].split()[0] in table
    edited = DOC.read_text(encoding="utf-8").replace(
        "| `rating` | integer 1..4 |", "| `rating` | integer |"
    )
    assert document_with_table(edited) != edited, "a hand edit of the table is caught"


def _history(path: Path) -> None:
    with Store.open(path, now=NOW) as store:
        session = store.start_session(mode="due", started_at=NOW, filters={"topic": "t"})
        store.record_review(
            card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="cram", session_id=session
        )
        store.record_attempt(
            card_id="d", status="passed", verdict_json="{}", attempted_at=NOW, seed=2**62
        )


def test_a_read_only_store_exports_its_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "drillbit.db"
    _history(database)
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    backup = tmp_path / "backup.json"
    with Store.open(database, now=NOW) as store:
        assert not store.saving
        counts = export_progress(store, backup, now=NOW)
    assert (counts.reviews, counts.attempts, counts.sessions) == (1, 1, 1)
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["exported_at"] == "2026-03-10T12:00:00.000000+00:00"
    assert document["attempts"][0]["seed"] == 2**62
    assert document["sessions"][0]["filters"] == {"topic": "t"}
    assert read_progress(backup, now=NOW).reviews[0].reviewed_at == NOW


def test_importing_into_a_store_that_cannot_save_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    _history(source)
    backup = tmp_path / "backup.json"
    with Store.open(source, now=NOW) as store:
        export_progress(store, backup, now=NOW)
    Store.open(target, now=NOW).close()
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    with Store.open(target, now=NOW) as store, pytest.raises(NotSavedError) as refused:
        merge_progress(store, read_progress(backup, now=NOW))
    assert "nothing was imported" in refused.value.message
    monkeypatch.undo()
    with Store.open(target, now=NOW) as store:
        assert store.review_count() == 0
        merge_progress(store, read_progress(backup, now=NOW))
        assert store.review_count() == 1


def test_an_export_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    from quiz.errors import DrillbitError

    database = tmp_path / "drillbit.db"
    _history(database)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup's folder should be\n")
    with Store.open(database, now=NOW) as store, pytest.raises(DrillbitError) as refused:
        export_progress(store, blocker / "backup.json", now=NOW)
    assert refused.value.one_line() == (
        f"export progress: cannot write {blocker / 'backup.json'}: {blocker} is not a folder"
    )
    assert blocker.read_text() == "a file where the backup's folder should be\n"
