"""`drillbit import`: where a card is not written (a FIFO, a link, a linked topic folder),
and the next command it names, with and without an interview plan."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli.context import Context
from quiz.cli.ecosystem import import_command
from quiz.ecosystem.importer import plan_import, write_plan
from quiz.errors import DrillbitError
from quiz.store import InterviewPlan, Store
from tests.conftest import DATA, FIXED_DAY, FIXED_NOW

QA = DATA / "notes" / "qa-lines.md"
"""Two questions: what-is-overfitting and normalize-input-features."""


def run_import(*args: str) -> Result:
    """`drillbit import ARGS` at FIXED_NOW (whether a plan runs is of the command's day)."""
    return CliRunner().invoke(import_command, list(args), obj=Context([], clock=lambda: FIXED_NOW))


def imported(tmp_path: Path) -> tuple[Path, Path]:
    """The notes imported once into tmp_path/content: (content folder, one card's file)."""
    content = tmp_path / "content"
    assert run_import(str(QA), "--into", str(content)).exit_code == 0
    return content, content / "qa-lines" / "qa-lines" / "what-is-overfitting.md"


def test_force_never_writes_into_a_fifo(tmp_path: Path) -> None:
    """It waited for a reader for ever; it is refused, the other card still written."""
    content, card = imported(tmp_path)
    card.unlink()
    os.mkfifo(card)
    for force in ((), ("--force",)):
        result = run_import(str(QA), "--into", str(content), *force)
        assert result.exit_code == 1, result.output
        assert f"{card} is a FIFO (named pipe), not a regular file: import never" in result.output
        assert "use --force" not in result.output  # --force would not write it either
        assert "2 skipped (1 not a regular file, 1 no answer)" in result.output
    assert not card.is_file() and card.exists()


def test_a_link_in_a_cards_place_is_never_written_through(tmp_path: Path) -> None:
    content, card = imported(tmp_path)
    outside = tmp_path / "precious.txt"
    outside.write_text("mine\n", encoding="utf-8")
    card.unlink()
    card.symlink_to(outside)
    forced = run_import(str(QA), "--into", str(content), "--force")
    assert forced.exit_code == 1, forced.output
    assert f"{card} is a symbolic link: import never writes through one" in forced.output
    assert outside.read_text(encoding="utf-8") == "mine\n"
    # a link to nowhere: without --force it was followed, and the card written out there
    outside.unlink()
    plain = run_import(str(QA), "--into", str(content))
    assert plain.exit_code == 1 and "is a symbolic link" in plain.output
    assert not outside.exists()


def test_a_link_to_a_file_holding_the_card_is_unchanged(tmp_path: Path) -> None:
    content, card = imported(tmp_path)
    kept = tmp_path / "kept.md"
    card.rename(kept)
    card.symlink_to(kept)
    result = run_import(str(QA), "--into", str(content), "--force")
    assert result.exit_code == 0, result.output
    assert f"unchanged {card}" in result.output and card.is_symlink()


def test_a_linked_topic_folder_is_refused(tmp_path: Path) -> None:
    """The loader does not follow it: the cards written there went out of the pack and
    did not even load."""
    content = tmp_path / "content"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (content / "qa-lines").mkdir(parents=True)
    (content / "qa-lines" / "qa-lines").symlink_to(elsewhere)
    result = run_import(str(QA), "--into", str(content))
    assert result.exit_code == 1, result.output
    assert "the topic folder" in result.output and "is a symbolic link" in result.output
    assert "3 skipped (2 topic folder unusable, 1 no answer)" in result.output
    assert list(elsewhere.iterdir()) == []


def test_writing_refuses_a_fifo_or_link_that_appears_after_the_plan(tmp_path: Path) -> None:
    """The plan checked the place; the write does not wait on a FIFO made since, nor
    follow a link made since."""
    content = tmp_path / "content"
    plan = plan_import(QA, content_dir=content)
    card = plan.cards[0].path
    card.parent.mkdir(parents=True)
    os.mkfifo(card)
    with pytest.raises(DrillbitError, match="not written"):
        write_plan(plan)
    card.unlink()
    outside = tmp_path / "outside.md"
    card.symlink_to(outside)
    with pytest.raises(DrillbitError, match="symbolic link"):
        write_plan(plan)
    assert not outside.exists()


def _set_plan(interview: date) -> None:
    now = FIXED_NOW - timedelta(days=1)
    with Store.open() as store:
        store.set_interview_plan(
            InterviewPlan(interview=interview, minutes_per_day=30, target=0.9, created_at=now)
        )


def test_the_next_command_under_a_plan_studies_the_cards_now(tmp_path: Path) -> None:
    """`study --topic T` under a plan found none of them today (the plan brings new cards
    in on its own days): the hint is a cram session."""
    content = tmp_path / "content"
    without = run_import(str(QA), "--into", str(content), "--pack", "plain")
    assert without.output.rstrip().endswith("study --topic plain")
    _set_plan(FIXED_DAY + timedelta(days=10))
    planned = run_import(str(QA), "--into", str(content), "--pack", "planned")
    last = planned.output.rstrip().split("\n")[-1]
    assert "study --mode cram --topic planned to study them now" in last, last
    assert "interview plan brings new cards in on its own days" in last
    _set_plan(FIXED_DAY - timedelta(days=1))  # the plan is over: fsrs schedules again
    over = run_import(str(QA), "--into", str(content), "--pack", "over")
    assert over.output.rstrip().endswith("study --topic over")


def test_the_summary_says_how_to_load_a_folder_no_command_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary's `drillbit --content content list` read as a one-off: `drillbit` alone,
    as the README starts it, showed none of the new cards, and an interview plan never
    brought them in. A folder no command loads gets the line saying so."""
    content = tmp_path / "content"
    first = run_import(str(QA), "--into", str(content), "--pack", "mine")
    assert first.exit_code == 0, first.output
    said = (
        f"these cards load only where their folder is given: --content {content} on each "
        f"command (`drillbit --content {content}` for the app), or `export "
        f"DRILLBIT_CONTENT={content.resolve()}` in ~/.bashrc for every command"
    )
    assert said in first.output.splitlines()
    monkeypatch.setenv("DRILLBIT_CONTENT", str(content))
    loaded = run_import(str(QA), "--into", str(content), "--pack", "mine")
    assert loaded.exit_code == 0, loaded.output
    assert "load only where" not in loaded.output
    # every command loads it already: the next steps need no --content
    assert loaded.output.rstrip().endswith("next: drillbit list, then drillbit study --topic mine")
    monkeypatch.delenv("DRILLBIT_CONTENT")
    given = CliRunner().invoke(import_command, [str(QA), "--pack", "mine"], obj=Context([content]))
    assert given.exit_code == 0, given.output
    assert "load only where" not in given.output
    assert f"next: drillbit --content {content} list" in given.output, "given once: each time"


def test_notes_imported_into_the_bundled_bank_s_folder_are_said_to_load_as_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run in a clone, as the README's quick start has it, import writes into ./content, the
    bundled bank's own folder, which every command loads: the summary still said these
    cards loaded only with `--content content` and gave that option in its commands."""
    from quiz.bank import sources

    bundled = tmp_path / "content"  # the clone's content/ folder, in a test's own place
    monkeypatch.setattr(sources, "bundled_content_dir", lambda: bundled)
    done = run_import(str(QA), "--into", str(bundled), "--pack", "mine")
    assert done.exit_code == 0, done.output
    assert "load only where" not in done.output and "--content" not in done.output
    assert done.output.rstrip().endswith("next: drillbit list, then drillbit study --topic mine")
