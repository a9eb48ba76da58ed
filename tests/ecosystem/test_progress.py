"""Progress backup: export to JSON, import into a fresh home, merge two machines' histories."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fsrs import Rating

from quiz.cli.context import Context
from quiz.cli.ecosystem import export_group, import_progress_command
from quiz.ecosystem.progress import (
    FORMAT,
    VERSION,
    ProgressFormatError,
    export_progress,
    import_progress,
    parse_progress,
)
from quiz.errors import DrillbitError
from quiz.store.records import InterviewPlan
from quiz.store.store import Store
from quiz.study.scheduling import default_scheduler, review_card

T0 = datetime(2026, 1, 5, 9, 0, 0, 123456, tzinfo=UTC)


def populate(store: Store, cards: list[str], start: datetime, draft: str | None = None) -> None:
    """A study session reviewing `cards`, one graded drill try and (optionally) a draft."""
    scheduler = default_scheduler()
    session = store.start_session(mode="due", started_at=start, filters={"topic": "basics"})
    for minute, card_id in enumerate(cards):
        review_card(
            store,
            scheduler,
            card_id,
            Rating.Good if minute % 2 == 0 else Rating.Hard,
            now=start + timedelta(minutes=minute),
            correct=True,
            duration_ms=1500 + minute,
            session_id=session,
        )
    store.end_session(session, ended_at=start + timedelta(minutes=len(cards)))
    store.record_attempt(
        card_id="sigmoid",
        status="failed",
        verdict_json='{"status": "failed", "seed": 7}',
        attempted_at=start + timedelta(seconds=30),
        seed=7,
        duration_ms=41.5,
        hints_used=1,
        session_id=session,
    )
    if draft is not None:
        store.save_draft("sigmoid", draft, updated_at=start + timedelta(hours=1))


def history(store: Store) -> dict[str, Any]:
    """What must survive a round trip: everything but the local row ids."""
    return {
        "states": store.card_states(),
        "reviews": [
            (r.card_id, r.rating, r.correct, r.reviewed_at, r.duration_ms, r.mode)
            + (r.state_before, r.card_before, r.card_after)
            for r in store.reviews()
        ],
        "attempts": [
            (a.card_id, a.status, a.seed, a.duration_ms, a.hints_used, a.verdict_json)
            + (a.attempted_at,)
            for a in store.attempts()
        ],
        "draft": store.draft("sigmoid"),
    }


def test_round_trip_into_a_fresh_home(tmp_path: Path) -> None:
    backup = tmp_path / "progress.json"
    with Store.open(tmp_path / "laptop" / "drillbit.db") as laptop:
        populate(laptop, ["relu", "softmax", "relu"], T0, draft="def sigmoid(z):\n    pass\n")
        populate(laptop, ["softmax"], T0 + timedelta(days=2))
        counts = export_progress(laptop, backup)
        before = history(laptop)
    assert (counts.reviews, counts.card_states, counts.attempts, counts.drafts) == (4, 2, 2, 1)
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT and document["version"] == VERSION
    assert {r["session"] for r in document["reviews"]} == {s["id"] for s in document["sessions"]}
    with Store.open(tmp_path / "desktop" / "drillbit.db") as desktop:
        report = import_progress(desktop, backup)
        assert report.reviews_added == 4 and report.states_added == 2
        assert report.sessions_added == 2 and report.drafts_added == 1
        assert history(desktop) == before
        sessions = {r.session_id for r in desktop.reviews()}
        assert None not in sessions and len(sessions) == 2
        # undo still works on imported history: the stored fsrs JSON is byte-identical
        last = desktop.reviews()[-1]
        desktop.undo_review(last.id, now=T0 + timedelta(days=3))
        assert desktop.review_count() == 3


def test_importing_twice_adds_nothing(tmp_path: Path) -> None:
    backup = tmp_path / "progress.json"
    with Store.open(tmp_path / "a.db") as source:
        populate(source, ["relu", "softmax"], T0, draft="x = 1\n")
        export_progress(source, backup)
    with Store.open(tmp_path / "b.db") as target:
        import_progress(target, backup)
        once = history(target)
        again = import_progress(target, backup)
        assert again.reviews_added == 0 and again.reviews_present == 2
        assert again.attempts_added == 0 and again.attempts_present == 1
        assert again.sessions_added == 0 and again.states_updated == 0
        assert history(target) == once
        assert target.review_count() == 2


def test_a_row_held_as_the_file_holds_it_is_unchanged_not_newer_here(tmp_path: Path) -> None:
    """Importing the same file again says "unchanged"; "kept (newer here)" is only for a card
    reviewed, or a draft saved, later here than in the file."""
    backup = tmp_path / "progress.json"
    with Store.open(tmp_path / "laptop.db") as laptop:
        populate(laptop, ["relu", "softmax"], T0, draft="x = 1\n")
        export_progress(laptop, backup)
    with Store.open(tmp_path / "desktop.db") as desktop:
        first = import_progress(desktop, backup)
        assert first.describe() == (
            "reviews: 2 added; card schedules: 2 added; drill tries: 1 added; "
            "study sessions: 1 added; drafts: 1 added"
        )
        again = import_progress(desktop, backup)
        assert (again.states_same, again.states_kept, again.drafts_same, again.drafts_kept) == (
            2,
            0,
            1,
            0,
        )
        assert again.describe() == (
            "nothing new: reviews: 2 already here; card schedules: 2 unchanged; "
            "drill tries: 1 already here; study sessions: 1 already here; drafts: 1 unchanged"
        )
        review_card(
            desktop,
            default_scheduler(),
            "relu",
            Rating.Good,
            now=T0 + timedelta(days=3),
            correct=True,
        )
        desktop.save_draft("sigmoid", "x = 2\n", updated_at=T0 + timedelta(days=3))
        newer_here = import_progress(desktop, backup)
        assert (newer_here.states_same, newer_here.states_kept) == (1, 1)
        assert (newer_here.drafts_same, newer_here.drafts_kept) == (0, 1)
        assert newer_here.describe() == (
            "nothing new: reviews: 2 already here; card schedules: 1 unchanged, "
            "1 kept (newer here); drill tries: 1 already here; study sessions: 1 already here; "
            "drafts: 1 kept (newer here)"
        )


def test_schedules_and_drafts_of_the_same_moment_keep_this_machines(tmp_path: Path) -> None:
    """A tie (a different schedule from a review at the same moment, a different text saved
    at the same moment) keeps this machine's, and is not called newer here."""
    backup = tmp_path / "progress.json"
    with Store.open(tmp_path / "laptop.db") as laptop:
        populate(laptop, ["relu"], T0, draft="laptop\n")
        export_progress(laptop, backup)
    with Store.open(tmp_path / "desktop.db") as desktop:
        review_card(desktop, default_scheduler(), "relu", Rating.Easy, now=T0, correct=True)
        desktop.save_draft("sigmoid", "desktop\n", updated_at=T0 + timedelta(hours=1))
        before = desktop.card_state("relu")
        report = import_progress(desktop, backup)
        assert (report.states_tied, report.states_kept, report.states_same) == (1, 0, 0)
        assert (report.drafts_tied, report.drafts_kept) == (1, 0)
        assert "card schedules: 1 kept (reviewed at the same time here)" in report.describe()
        assert "drafts: 1 kept (saved at the same time here)" in report.describe()
        assert desktop.card_state("relu") == before
        draft = desktop.draft("sigmoid")
        assert draft is not None and draft.text == "desktop\n"


def test_a_draft_another_machine_replaces_is_no_longer_the_file_graded_here(
    tmp_path: Path,
) -> None:
    """A draft `drillbit grade` left here names its file; the laptop's newer code that
    replaces it is not that file's, and is taken as the app's (the file does not carry
    where a draft came from): grading an older file then keeps it, as the app's work."""
    laptop_file = tmp_path / "laptop.json"
    with Store.open(tmp_path / "laptop.db") as laptop:
        laptop.save_draft("sigmoid", "laptop\n", updated_at=T0 + timedelta(days=2))
        export_progress(laptop, laptop_file)
    with Store.open(tmp_path / "desktop.db") as desktop:
        desktop.save_draft("sigmoid", "graded\n", updated_at=T0, graded_from="/home/me/s.py")
        assert import_progress(desktop, laptop_file).drafts_updated == 1
        draft = desktop.draft("sigmoid")
        assert draft is not None and (draft.text, draft.graded_from) == ("laptop\n", None)


def test_merging_two_machines(tmp_path: Path) -> None:
    laptop_file, desktop_file = tmp_path / "laptop.json", tmp_path / "desktop.json"
    with Store.open(tmp_path / "laptop.db") as laptop:
        populate(laptop, ["relu", "softmax"], T0, draft="laptop draft, newer\n")
        laptop.save_draft("sigmoid", "laptop draft, newer\n", updated_at=T0 + timedelta(days=9))
        export_progress(laptop, laptop_file)
        laptop_relu = laptop.card_state("relu")
    with Store.open(tmp_path / "desktop.db") as desktop:
        populate(desktop, ["relu", "dropout"], T0 + timedelta(days=1), draft="desktop draft\n")
        desktop_relu = desktop.card_state("relu")
        export_progress(desktop, desktop_file)
        report = import_progress(desktop, laptop_file)
        assert report.reviews_added == 2 and report.states_added == 1  # softmax is new here
        assert report.states_kept == 1  # relu: the desktop's review is the later one
        assert report.drafts_updated == 1
        assert desktop.review_count() == 4
        assert desktop.card_state("relu") == desktop_relu
        assert set(desktop.card_states()) == {"relu", "softmax", "dropout"}
        draft = desktop.draft("sigmoid")
        assert draft is not None and draft.text == "laptop draft, newer\n"
        assert len(desktop.attempts()) == 2
    with Store.open(tmp_path / "laptop.db") as laptop:
        report = import_progress(laptop, desktop_file)
        assert report.states_updated == 1  # relu takes the desktop's later schedule
        relu = laptop.card_state("relu")
        assert relu is not None and desktop_relu is not None and laptop_relu is not None
        assert relu.fsrs_card == desktop_relu.fsrs_card
        assert relu.introduced_at == laptop_relu.introduced_at  # first seen on the laptop
        assert laptop.review_count() == 4
        draft = laptop.draft("sigmoid")
        assert draft is not None and draft.text == "laptop draft, newer\n"


def minimal(**overrides: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": "2026-01-05T09:00:00.000000+00:00",
    }
    document.update(overrides)
    return document


def test_unknown_versions_and_bad_files_are_refused() -> None:
    with pytest.raises(ProgressFormatError, match="version 5; this drillbit reads versions 1 to 4"):
        parse_progress(minimal(version=5))
    with pytest.raises(ProgressFormatError, match="not a drillbit progress file"):
        parse_progress({"reviews": []})
    bad_review = {
        "card_id": "relu",
        "rating": 9,
        "correct": True,
        "reviewed_at": "2026-01-05T09:00:00+00:00",
        "mode": "due",
    }
    with pytest.raises(ProgressFormatError, match=r"reviews\.0\.rating"):
        parse_progress(minimal(reviews=[bad_review]))
    with pytest.raises(ProgressFormatError, match="unknown_key"):
        parse_progress(minimal(unknown_key=1))
    assert parse_progress(minimal()).reviews == []


def test_a_bad_file_changes_nothing(tmp_path: Path) -> None:
    good = {
        "card_id": "relu",
        "rating": 3,
        "correct": True,
        "reviewed_at": "2026-01-05T09:00:00+00:00",
        "mode": "due",
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(minimal(reviews=[good, {**good, "mode": "party"}])))
    with Store.open(tmp_path / "db.db") as store:
        with pytest.raises(ProgressFormatError):
            import_progress(store, path)
        assert store.review_count() == 0


def test_commands_export_and_import(tmp_path: Path) -> None:
    with Store.open() as store:  # the test's own DRILLBIT_HOME
        populate(store, ["relu"], T0, draft="y = 2\n")
    backup = tmp_path / "backup.json"
    exported = CliRunner().invoke(export_group, ["progress", str(backup)])
    assert exported.exit_code == 0, exported.output
    assert exported.output == (
        f"wrote {backup}: 1 card schedule, 1 review, 1 drill try, 1 draft, 1 study session\n"
    )
    again = CliRunner().invoke(import_progress_command, [str(backup)])
    assert again.exit_code == 0, again.output
    assert again.output == (
        "nothing new: reviews: 1 already here; card schedules: 1 unchanged; "
        "drill tries: 1 already here; study sessions: 1 already here; drafts: 1 unchanged\n"
    )
    future = tmp_path / "future.json"
    future.write_text(json.dumps(minimal(version=5)))
    refused = CliRunner().invoke(import_progress_command, [str(future)])
    assert isinstance(refused.exception, DrillbitError)
    assert "version 5" in refused.exception.message


def test_the_export_names_what_the_import_will_find(tmp_path: Path) -> None:
    """The export said "1 card state, 1 review, 1 drill attempt, 0 drafts": nothing of the
    study sessions or the interview plan it wrote, which the import then reported, and
    card states where the import says card schedules; a person backing up before moving
    machines could not tell whether the plan went along."""
    with Store.open() as store:  # the test's own DRILLBIT_HOME
        populate(store, ["relu"], T0)
        store.set_interview_plan(InterviewPlan(date(2026, 2, 1), 30.0, 0.9, T0))
    backup = tmp_path / "backup.json"
    exported = CliRunner().invoke(export_group, ["progress", str(backup)])
    assert exported.exit_code == 0, exported.output
    assert exported.output == (
        f"wrote {backup}: 1 card schedule, 1 review, 1 drill try, 0 drafts, "
        "1 study session, the interview plan (2026-02-01)\n"
    )
    with Store.open(tmp_path / "other.db") as other:
        report = import_progress(other, backup).describe()
    for kind in ("card schedules", "reviews", "drill tries", "study sessions"):
        assert kind in report
    assert "interview plan: taken from the file" in report


def test_the_summaries_and_help_call_graded_runs_tries(tmp_path: Path) -> None:
    """The drills table, its screens and `grade` say "tries"; the export's and import's
    lines and `export progress --help` said "drill attempts" for the same rows (the
    file's `attempts` field keeps its name: scripts read it)."""
    with Store.open() as store:  # the test's own DRILLBIT_HOME
        populate(store, ["relu"], T0)
        populate(store, ["softmax"], T0 + timedelta(days=1))
    backup = tmp_path / "backup.json"
    exported = CliRunner().invoke(export_group, ["progress", str(backup)])
    assert exported.exit_code == 0, exported.output
    assert "2 reviews, 2 drill tries, 0 drafts" in exported.output
    assert len(json.loads(backup.read_text(encoding="utf-8"))["attempts"]) == 2
    with Store.open(tmp_path / "other.db") as other:
        report = import_progress(other, backup).describe()
    assert "drill tries: 2 added;" in report
    assert "attempt" not in exported.output + report
    helped = CliRunner().invoke(export_group, ["progress", "--help"])
    assert "reviews, drill tries, drafts" in " ".join(helped.output.split())
    assert "attempt" not in helped.output


def test_export_and_import_progress_take_the_commands_clock(tmp_path: Path) -> None:
    """`export progress` dates the file by the command's clock and `import-progress` holds
    its times against it (a review more than a day after it is "in the future"): each
    read the wall clock itself, which no test could fix."""
    with Store.open() as store:  # the test's own DRILLBIT_HOME
        populate(store, ["relu"], T0)
    backup = tmp_path / "backup.json"
    later = Context(clock=lambda: T0 + timedelta(hours=1))
    exported = CliRunner().invoke(export_group, ["progress", str(backup)], obj=later)
    assert exported.exit_code == 0, exported.output
    assert datetime.fromisoformat(json.loads(backup.read_text())["exported_at"]) == T0 + timedelta(
        hours=1
    )
    before = Context(clock=lambda: T0 - timedelta(days=3))
    refused = CliRunner().invoke(import_progress_command, [str(backup)], obj=before)
    assert isinstance(refused.exception, DrillbitError), refused.output
    assert "is in the future" in refused.exception.message
    again = CliRunner().invoke(import_progress_command, [str(backup)], obj=later)
    assert again.exit_code == 0, again.output
