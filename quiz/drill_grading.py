"""Grading coding drills from the app: find a drill's card and its checker, grade a submission.

This is the one place the app calls the grader, for the CLI, watch mode and the TUI.
numpy and the engine are imported lazily so that starting the app stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quiz.errors import UsageError

if TYPE_CHECKING:
    from engine.checkers.base import Checker
    from engine.sandbox import WorkerPool
    from engine.verdict import Verdict
    from quiz.bank.loader import Bank
    from quiz.bank.models import Card, CodingFront
    from quiz.drill_list import DrillCard


class DrillSource(Protocol):
    """What finding a drill reads of a bank: a loaded `Bank`, or the drill commands'
    `quiz.bank.drill_bank.DrillBank` (the card index, one card's model when asked for)."""

    def get(self, card_id: str) -> Card | None: ...
    @property
    def cards(self) -> Sequence[DrillCard]: ...
    @property
    def broken_files(self) -> Collection[Path]: ...


class Drill:
    """A coding card together with its checker.

    The checker is found when first asked for unless given: finding it imports the
    engine, numpy and the verdict's models (pydantic), about 0.4 s of CPU, which the
    app's drill screen leaves to a thread (`Workspace.warm_up`) rather than its UI thread.
    """

    def __init__(self, card: Card, checker: Checker | None = None) -> None:
        self.card = card
        self._checker = checker

    @property
    def checker(self) -> Checker:
        """The drill's checker (UsageError when it does not exist)."""
        if self._checker is None:
            self._checker = _checker_of(self.card)
        return self._checker

    @property
    def front(self) -> CodingFront:
        """The card's coding front matter."""
        from quiz.bank.models import CodingFront

        assert isinstance(self.card.front, CodingFront)
        return self.card.front


def find_drill(
    bank: DrillSource, drill_id: str, show: Callable[[Path], str] = str, *, checker_now: bool = True
) -> Drill:
    """The drill with this card id; UsageError (exit 2) when it is none: the nearest drill
    id, or `not_a_drill`, or the card's file when it did not load (`show` writes its path).
    `checker_now`: as `drill_of` takes it (False: no engine import for a command that grades
    nothing)."""
    from quiz.bank.models import CodingFront
    from quiz.selection import meant, not_loaded, suggest

    card = bank.get(drill_id)
    if card is None:
        not_loaded(drill_id, sorted(bank.broken_files), show)
    if card is None or not isinstance(card.front, CodingFront):
        known = [c.id for c in bank.cards if c.kind == "coding"]  # a CodingFront's kind
        close = suggest(drill_id, known) if card is None else None
        if close is not None:  # as `show` does: a typo got all 33 drills to read through
            raise UsageError(f"'{drill_id}' is not a drill in the bank{meant(drill_id, close)}")
        raise not_a_drill(drill_id, card, len(known))
    return drill_of(card, checker_now=checker_now)


def drill_by_id(drill_id: str, card: Card | None, bank: Callable[[], Bank]) -> Drill:
    """The drill of `card` (the id's own file, read alone) when it is a coding card, its
    checker found when first used; else `find_drill` over the whole `bank()`, loaded only
    to say what the id is instead."""
    if card is not None and card.kind == "coding":
        return drill_of(card, checker_now=False)
    return find_drill(bank(), drill_id)


def not_a_drill(drill_id: str, card: Card | None, drills: int) -> UsageError:
    """The error for an id that names no drill: what the id is, and where the drills are
    listed. It listed every drill id, 33 on one line of 600 columns."""
    what = "is not a drill" if card is None else f"is a {card.kind} card, not a drill"
    where = f"`drillbit drills` lists all {drills}" if drills else "the bank has no drills"
    return UsageError(f"'{drill_id}' {what}; {where}")


def drill_of(card: Card, *, checker_now: bool = True) -> Drill:
    """A coding card's drill; its checker found now (UsageError when it does not exist) or,
    with `checker_now=False`, when first used."""
    from quiz.bank.models import CodingFront

    assert isinstance(card.front, CodingFront)
    return Drill(card, _checker_of(card) if checker_now else None)


def _checker_of(card: Card) -> Checker:
    from engine.checkers import CheckerNotFoundError, get_checker
    from quiz.bank.models import CodingFront

    assert isinstance(card.front, CodingFront)
    try:
        return get_checker(card.front.checker)
    except CheckerNotFoundError as exc:
        line = card.lines.get("checker", 1)  # where to fix it, as lint's unknown-checker says
        raise UsageError(
            f"drill '{card.id}' names a checker that does not exist: {exc} "
            f"({card.path}:{line}; `drillbit lint` checks every drill's checker)"
        ) from exc


def grade_source(
    drill: Drill, source: str, *, seed: int | None = None, pool: WorkerPool | None = None
) -> Verdict:
    """Grade a submission in the sandbox."""
    from engine.grade_sandboxed import grade

    return grade(drill.checker, source, seed=seed, params=drill.front.params, pool=pool)


def starter_text(card: Card) -> str:
    """The starter code with one trailing newline, as it goes into an editor or a file."""
    return card.starter.rstrip() + "\n" if card.starter else ""


STARTER_NOT_COUNTED = "This is the starter code, unchanged: not counted as a try."
"""What the app and `drillbit grade` say when they grade the untouched starter (after
"drillbit: " on the terminal, in 80 columns)."""

NOT_WRITTEN_NOT_COUNTED = "Every case stopped at the starter's raise: not counted as a try."
"""What the app, `drillbit grade` and `watch` say when code begun (an import, a comment)
still stops at the starter's NotImplementedError in every case (NOT WRITTEN YET): no
answer written, so no try in the drill list (after "drillbit: " in 80 columns)."""

SAME_CODE_NOT_COUNTED = "The same code as this drill's last try: not counted as another try."
"""What `drillbit grade` and `watch` say when they grade unchanged code again (after
"drillbit: " on the terminal, in 80 columns)."""


def is_untouched_starter(card: Card, source: str) -> bool:
    """Whether `source` is the drill's starter code, give or take trailing spaces and blank
    lines: graded, it shows what fails, but it is no try of the person's (rustlings and
    `drillbit watch` do not count it either)."""

    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.rstrip().splitlines()]

    return bool(card.starter) and lines(source) == lines(card.starter)
