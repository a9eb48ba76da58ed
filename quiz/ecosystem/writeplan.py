"""Writing a plan's files, one whole file at a time, only ever into regular files."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from quiz.bank.index import PACK_FILE  # the loader's name, without its models
from quiz.ecosystem.held_signals import held_between_files
from quiz.ecosystem.importplan import ImportPlan, PlannedCard
from quiz.errors import DrillbitError
from quiz.textsafe import file_kind


class WritingStopped(KeyboardInterrupt):
    """Ctrl-C stopped `write_plan` between two card files: how many of them it wrote."""

    def __init__(self, cards: int, total: int) -> None:
        super().__init__(cards, total)
        self.cards = cards
        self.total = total


def write_plan(plan: ImportPlan) -> list[Path]:
    """Write the plan's pack.yaml (when new) and cards; returns the files written. Ctrl-C
    or `kill` meanwhile stops it between two files, never inside one (`held_between_files`;
    Ctrl-C as WritingStopped): the next import of the same notes finds the cards written
    and writes the rest."""
    written: list[Path] = []
    cards = (*plan.cards, *(moved.card for moved in plan.renumbered))
    try:
        _write_files(plan, cards, written)
    except KeyboardInterrupt as stop:
        done = len(written) - (plan.pack_dir / PACK_FILE in written)
        raise WritingStopped(done, len(cards)) from stop
    return written


def _write_files(plan: ImportPlan, cards: Sequence[PlannedCard], written: list[Path]) -> None:
    """`write_plan`'s files, each appended to `written` once whole."""
    with held_between_files() as stop_if_asked:
        if plan.pack_yaml is not None and plan.cards:
            plan.pack_dir.mkdir(parents=True, exist_ok=True)
            _write_new(plan.pack_dir / PACK_FILE, plan.pack_yaml)
            written.append(plan.pack_dir / PACK_FILE)
        made: set[Path] = set()  # each topic folder is made once, not asked again per card
        for card in cards:
            stop_if_asked()
            folder = card.path.parent
            if folder not in made:
                folder.mkdir(parents=True, exist_ok=True)
                made.add(folder)
            _write_new(card.path, card.text)
            written.append(card.path)


_WRITE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_TRUNC
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
)
"""A card's file is opened without following a link in its place and without waiting
for a FIFO's reader (`odd_target` refused both when the plan was made; this holds when
one appears since)."""


def _write_new(path: Path, text: str) -> None:
    """`path.write_text(text, encoding="utf-8")` with the bytes handed to the file at once
    (no text layer: it asks the file about buffering and seeking first, per card).

    Only ever into a regular file: DrillbitError, naming the path, for a link in its
    place, a FIFO, a folder (or any file that cannot be written)."""
    data = text.encode("utf-8")
    try:
        fd = os.open(path, _WRITE, 0o666)
    except OSError as exc:
        raise DrillbitError(
            f"{path}: not written: {_open_failure(path, exc)}", title="import"
        ) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DrillbitError(
                f"{path}: not written: {file_kind(mode)}, not a regular file", title="import"
            )
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _open_failure(path: Path, error: OSError) -> str:
    """Why a card's file could not be opened for writing, in words."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISLNK(mode):
        return "a symbolic link; import never writes through one"
    if mode and not stat.S_ISREG(mode):
        return f"{file_kind(mode)}, not a regular file"
    return str(error.strerror or error)
