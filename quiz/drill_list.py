"""Every coding drill with its state, like `rustlings list`: for `drillbit drills` and the TUI.

States come from the logged attempts and the saved drafts: not started, draft (code typed
and kept, never graded), failed (graded, never passed), passed with hints (every pass came
after a hint seen since the pass before, in the app or by `drillbit hint`: the attempt logs
them, `Store.hints_seen`), passed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Literal, Protocol

from quiz.store import Attempt, Store

DrillState = Literal["not started", "draft", "failed", "passed with hints", "passed"]


@dataclass(frozen=True)
class DrillRow:
    """One drill and how it went so far."""

    id: str
    title: str
    pack: str
    topic: str
    state: DrillState
    attempts: int
    best_ms: float | None
    """The shortest grading of a passing submission, in milliseconds: submit to verdict,
    the sandbox's start and the machine's load included, so not a measure of the code's
    speed (`drillbit drills --json` only; the table leaves it out)."""
    last_attempt: datetime | None

    @property
    def solved(self) -> bool:
        """Passed at least once (with or without hints)."""
        return self.state in ("passed", "passed with hints")

    def as_json(self) -> dict[str, object]:
        """A JSON-ready dict (times as ISO 8601)."""
        data = asdict(self)
        data["last_attempt"] = self.last_attempt.isoformat() if self.last_attempt else None
        return data


def _state(attempts: Sequence[Attempt], drafted: bool) -> DrillState:
    passes = [a for a in attempts if a.passed]
    if not attempts:
        return "draft" if drafted else "not started"
    if not passes:
        return "failed"
    return "passed" if any(a.hints_used == 0 for a in passes) else "passed with hints"


def passed_line(hints_used: int) -> str:
    """How a pass made after `hints_used` hints (seen since the drill's last pass) is told,
    the same in the app, `grade` and `watch`: 'Passed', or 'Passed with hints (...)', the
    state the drill list gives it."""
    if hints_used <= 0:
        return "Passed"
    seen = "1 hint" if hints_used == 1 else f"{hints_used} hints"
    return f"Passed with hints ({seen} seen since the last pass)"


class DrillCard(Protocol):
    """What a drill's row needs of its card: a card model and a card ref (`CardRef`) both
    have it, so the TUI lists the drills from the card index without loading the bank."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def pack(self) -> str: ...
    @property
    def topic(self) -> str: ...


def drill_rows(cards: Sequence[DrillCard], store: Store) -> list[DrillRow]:
    """Every coding card in content order, with its state from the store."""
    by_card: dict[str, list[Attempt]] = {}
    for attempt in store.attempts():
        by_card.setdefault(attempt.card_id, []).append(attempt)
    drafted = store.draft_ids()
    rows: list[DrillRow] = []
    for card in cards:
        if card.kind != "coding":
            continue
        attempts = by_card.get(card.id, [])
        times = [a.duration_ms for a in attempts if a.passed and a.duration_ms is not None]
        rows.append(
            DrillRow(
                id=card.id,
                title=card.title,
                pack=card.pack,
                topic=card.topic,
                state=_state(attempts, card.id in drafted),
                attempts=len(attempts),
                best_ms=min(times) if times else None,
                last_attempt=attempts[-1].attempted_at if attempts else None,
            )
        )
    return rows


def next_unsolved(
    rows: Sequence[DrillRow], after: str | None = None, skip: Collection[str] = ()
) -> DrillRow | None:
    """The first drill not passed yet (after the drill `after`, wrapping around), or None;
    none of `skip` (the suspended drills, which study leaves out as Anki does)."""
    start = 0
    if after is not None:
        ids = [row.id for row in rows]
        start = ids.index(after) + 1 if after in ids else 0
    ordered = [*rows[start:], *rows[:start]]
    return next(
        (row for row in ordered if not row.solved and row.id != after and row.id not in skip),
        None,
    )
