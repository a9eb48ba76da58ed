"""`drillbit import` stopped by Ctrl-C while it writes the cards: each card file is whole,
so importing the same notes again writes the rest and skips none."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

import quiz.ecosystem.writeplan as writeplan
from tests.conftest import RunDrillbit

NOTES = "".join(
    f"## Q{n}: What does step {n} of the recipe do?\n\n"
    f"Step {n} scales the gradient by a factor of {n}. It keeps the update stable.\n\n"
    for n in range(1, 6)
)


def test_ctrl_c_while_a_card_is_written_leaves_no_empty_card(
    tmp_path: Path, drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C between a card file's creation and its bytes left an empty file: the next
    import skipped that card ("already exists as a file, which does not load as a card")
    until --force, which also overwrites the cards a person edited."""
    notes = tmp_path / "recipe.md"
    notes.write_text(NOTES, encoding="utf-8")
    into = tmp_path / "into"
    write_new, fstat = writeplan._write_new, os.fstat
    calls: list[Path] = []
    armed: list[bool] = []

    def third_card_interrupted(path: Path, text: str) -> None:
        calls.append(path)
        if path.suffix == ".md" and len(calls) == 4:  # pack.yaml, then the cards
            armed.append(True)
        write_new(path, text)

    def pressed_once_open(fd: int) -> os.stat_result:
        # the card's file is open, its bytes not yet written; only the import's own thread
        # (another thread of this test process may call os.fstat meanwhile)
        if armed and threading.current_thread() is threading.main_thread():
            armed.clear()
            signal.raise_signal(signal.SIGINT)  # in this thread, at once
        return fstat(fd)

    # Ctrl-C as a terminal delivers it, whatever this process inherited (a shell's `&`
    # leaves it ignored, and then the import rightly holds nothing) or an earlier test left
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(writeplan, "_write_new", third_card_interrupted)
            patch.setattr(os, "fstat", pressed_once_open)
            stopped = drillbit("import", str(notes), "--into", str(into))
    finally:
        signal.signal(signal.SIGINT, before)
    assert stopped.returncode == 130 and stopped.stderr.endswith("Aborted.\n"), stopped
    assert (  # it said only "Aborted.", nothing of the cards already written
        "import: stopped by Ctrl-C with 3 of 5 cards written, each whole: the same import "
        "again writes the rest"
    ) in stopped.stderr
    cards = sorted(into.rglob("*.md"))
    assert len(cards) == 3, cards  # the one written when Ctrl-C came is whole; none after it
    assert all(card.read_text(encoding="utf-8").startswith("---\n") for card in cards)
    again = drillbit("import", str(notes), "--into", str(into))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "skipped" not in again.stdout + again.stderr
    assert "5 questions seen, 2 cards written, 3 unchanged" in again.stderr


def test_a_kill_waits_for_the_file_then_reaches_its_own_handler() -> None:
    """`kill` (SIGTERM) while a file is written acts between two files, through the
    handler it had; one that does not end the process stops the writing as Ctrl-C does."""
    from quiz.ecosystem.held_signals import held_between_files

    seen: list[int] = []
    before = signal.signal(signal.SIGTERM, lambda signum, _frame: seen.append(signum))
    try:
        with pytest.raises(KeyboardInterrupt), held_between_files() as stop_if_asked:
            os.kill(os.getpid(), signal.SIGTERM)  # mid-file: noted, not acted on
            assert seen == []
            stop_if_asked()  # between two files
        assert seen == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, before)
