"""What the TUI is handed: the loaded bank, the store, the clock and the grader, in one object.

Everything the app decides (which cards a session holds, whether an answer is right,
what a drill sitting is worth, where drafts go) lives here, free of Textual, so screens
stay thin and the logic is testable without a terminal. numpy, the engine and the
grader are imported only when a drill is opened or graded, to keep startup fast.
"""

from __future__ import annotations

import math
import os
import random
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from fsrs import Rating, Scheduler

from quiz.bank.loader import Bank, load_bank
from quiz.bank.models import Card, ChoiceFront, NumericFront
from quiz.drill_grading import starter_text
from quiz.paths import data_dir
from quiz.store import Mode, Store, StoreNotice
from quiz.study import (
    Answer,
    Counts,
    DeckCounts,
    DrillProgress,
    Filters,
    Session,
    SessionOptions,
    Stats,
    Summary,
    compute_stats,
    deck_counts,
    local_timezone,
)

if TYPE_CHECKING:
    from engine.sandbox import WorkerPool
    from engine.verdict import Verdict
    from quiz.drill_grading import Drill

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware; tests inject a fake one."""

Grader = Callable[["Drill", str], "Verdict"]
"""Grades a submission for a drill (the sandbox by default; tests may inject another)."""

_INLINE_MATH = re.compile(r"(?<!\\)\$([^$]+?)(?<!\\)\$")

RATING_NAMES: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def utc_now() -> datetime:
    """The wall clock in UTC: the only place the app reads it."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class StudyRequest:
    """What to study; maps one-to-one onto `drillbit study` flags."""

    mode: Mode = "due"
    topic: str | None = None
    tag: str | None = None
    kind: str | None = None
    limit: int | None = None
    minutes: float | None = None
    card_ids: tuple[str, ...] | None = None
    """Study exactly these cards (e.g. one card picked in the command palette)."""

    def describe(self) -> str:
        """A short title such as 'due · optimizers'."""
        parts: list[str] = [self.mode]
        parts += [value for value in (self.topic, self.tag, self.kind) if value]
        if self.card_ids and len(self.card_ids) == 1:
            parts.append(self.card_ids[0])
        return " · ".join(parts)


@dataclass(frozen=True)
class TopicRow:
    """One line of the Home screen: a pack (topic None) or one of its topics."""

    pack: str
    title: str
    topic: str | None
    due: int
    new: int
    learned: int
    total: int


@dataclass(frozen=True)
class NumericResult:
    """A typed number judged against the card."""

    correct: bool
    value: float
    expected: str
    """The answer as shown, e.g. '0.25 ± 0.001 (unit)'."""


@dataclass
class DrillSitting:
    """One sitting at a drill: the card, hints shown, attempts, the last verdict."""

    card: Card
    drill: Drill
    progress: DrillProgress = field(default_factory=DrillProgress)
    last_verdict: Verdict | None = None
    attempts: int = 0
    session_id: int | None = None
    """The study session the sitting belongs to (attempts are logged against it)."""

    @property
    def hints(self) -> tuple[str, ...]:
        """The hints revealed so far, in order."""
        return self.card.hints[: self.progress.hints_used]

    @property
    def hints_left(self) -> int:
        """Hints not yet revealed."""
        return len(self.card.hints) - self.progress.hints_used


class Workspace:
    """The app's non-UI state and logic. Build with `Workspace.open` or directly in tests."""

    def __init__(
        self,
        bank: Bank,
        store: Store,
        *,
        clock: Clock = utc_now,
        tz: tzinfo | None = None,
        scheduler: Scheduler | None = None,
        rng: random.Random | None = None,
        grader: Grader | None = None,
        drafts_dir: Path | None = None,
        editor: str | None = None,
    ) -> None:
        self.bank = bank
        self.store = store
        self.clock = clock
        self.tz = tz if tz is not None else local_timezone()
        self.scheduler = scheduler
        self.rng = rng
        self._grader = grader
        self._pool: WorkerPool | None = None
        self._drafts_dir = drafts_dir
        self._editor = editor
        self._cards = {card.id: card for card in bank.cards}

    @classmethod
    def open(
        cls,
        content_dirs: Sequence[Path] = (),
        *,
        include_bundled: bool = True,
        store_path: Path | None = None,
        clock: Clock = utc_now,
        scheduler: Scheduler | None = None,
        rng: random.Random | None = None,
        grader: Grader | None = None,
        editor: str | None = None,
    ) -> Workspace:
        """Load the bank (bundled + extra dirs + DRILLBIT_CONTENT) and open the progress database."""
        from quiz.bank.sources import content_roots

        bank = load_bank(content_roots(list(content_dirs), include_bundled=include_bundled))
        store = Store.open(store_path)
        return cls(
            bank, store, clock=clock, scheduler=scheduler, rng=rng, grader=grader, editor=editor
        )

    def close(self) -> None:
        """Close the database. The warm worker is process-wide; it is closed at exit."""
        self._pool = None
        self.store.close()

    # -- content -----------------------------------------------------------------------

    def now(self) -> datetime:
        """The current time from the injected clock."""
        return self.clock()

    @property
    def notices(self) -> list[StoreNotice]:
        """Messages about the database the person must see (e.g. a corrupt file moved aside)."""
        return self.store.notices

    @property
    def cards(self) -> tuple[Card, ...]:
        """Every loaded card, in content order."""
        return self.bank.cards

    @property
    def broken_count(self) -> int:
        """Card files that could not be loaded (`drillbit lint` explains them)."""
        return len(self.bank.broken_files)

    def card(self, card_id: str) -> Card | None:
        """The card with this id, or None."""
        return self._cards.get(card_id)

    def markdown(self, card: Card, section: str) -> str:
        """A section of a card, ready for a Markdown widget (math shown as Unicode)."""
        return self.render_text(card.section(section))

    @staticmethod
    def render_text(text: str) -> str:
        """Markdown card text (a hint) with math shown as Unicode."""
        from quiz.bank.mathtext import render_math

        return render_math(text)

    @staticmethod
    def plain_text(text: str) -> str:
        """A one-line plain string (a choice, a key point) with each `$...$` as Unicode.

        A formula with no faithful Unicode form stays as written.
        """
        from quiz.bank.mathtext import latex_to_unicode

        converted = _INLINE_MATH.sub(lambda m: latex_to_unicode(m.group(1)) or m.group(0), text)
        return converted.replace("\\$", "$")

    def counts(self) -> DeckCounts:
        """Due / new / learned counts for the whole bank, per topic and per pack."""
        return deck_counts(self.store, self.cards, self.now(), tz=self.tz)

    def overview(self) -> list[TopicRow]:
        """Home's rows: each pack (content order) followed by its topics (sorted), with counts."""
        return self.home_view()[0]

    def home_view(self) -> tuple[list[TopicRow], DeckCounts]:
        """Home's rows and the bank's totals, from one pass over the cards."""
        counts = self.counts()
        rows: list[TopicRow] = []
        for pack, topics in counts.by_pack_topic.items():
            info = self.bank.packs.get(pack)
            title = info.info.title if info is not None else pack
            groups: list[tuple[str, str | None, Counts]] = [(title, None, counts.by_pack[pack])]
            groups += [(topic, topic, topics[topic]) for topic in sorted(topics)]
            rows += [
                TopicRow(
                    pack=pack,
                    title=name,
                    topic=topic,
                    due=c.due,
                    new=c.new,
                    learned=c.learned,
                    total=c.total,
                )
                for name, topic, c in groups
            ]
        return rows, counts

    def stats(self) -> Stats:
        """Progress over the whole history, for the Stats screen."""
        return compute_stats(self.store, self.cards, self.now(), tz=self.tz)

    # -- sessions ----------------------------------------------------------------------

    def start_session(self, request: StudyRequest) -> Session:
        """A new session over the bank (or exactly `request.card_ids`), logged in the store."""
        if request.card_ids is not None:
            cards = [c for cid in request.card_ids if (c := self.card(cid)) is not None]
        else:
            cards = list(self.cards)
        options = SessionOptions(
            mode=request.mode,
            filters=Filters(topic=request.topic, tag=request.tag, kind=request.kind),
            limit=request.limit,
            minutes=request.minutes,
            tz=self.tz,
        )
        return Session(
            self.store,
            cards,
            options,
            now=self.now(),
            scheduler=self.scheduler,
            rng=self.rng,
        )

    def request_for(self, mode: Mode, row: TopicRow | None) -> StudyRequest:
        """The session Home starts for a highlighted pack or topic row."""
        if row is None:
            return StudyRequest(mode=mode)
        if len(self.bank.packs) <= 1:
            return StudyRequest(mode=mode, topic=row.topic)
        ids = tuple(
            c.id
            for c in self.cards
            if c.pack == row.pack and (row.topic is None or c.topic == row.topic)
        )
        return StudyRequest(mode=mode, card_ids=ids)

    def session_card(self, session: Session) -> Card | None:
        """The session's current card as the bank's Card, or None when it is over."""
        current = session.current
        return None if current is None else self.card(current.id)

    def describe_due(self, moment: datetime | None) -> str:
        """'now', 'in 10 min', 'in 3 h', 'in 4 days' or 'nothing scheduled'."""
        if moment is None:
            return "nothing scheduled"
        delta = moment - self.now()
        seconds = delta.total_seconds()
        if seconds <= 60:
            return "now"
        if seconds < 3600:
            return f"in {round(seconds / 60)} min"
        if seconds < 86400:
            return f"in {round(seconds / 3600)} h"
        return f"in {round(seconds / 86400)} days ({moment.astimezone(self.tz):%Y-%m-%d})"

    def show(self, session: Session) -> None:
        """The current card just appeared: start its answer timer."""
        session.show(self.now())

    def rate(self, session: Session, rating: int) -> Answer:
        """A self-graded concept answer, committed at once."""
        return session.rate(Rating(rating), now=self.now())

    def check_choice(self, card: Card, picked: Sequence[int]) -> bool:
        """True when exactly the right options were picked."""
        assert isinstance(card.front, ChoiceFront)
        return frozenset(picked) == card.front.correct

    def answer_choice(self, session: Session, card: Card, picked: Sequence[int]) -> Answer:
        """Grade and commit a choice answer."""
        return session.answer(self.check_choice(card, picked), now=self.now())

    @staticmethod
    def parse_number(text: str) -> float:
        """A typed number: '0.25', '1e-3', '25%' (= 0.25), '1/4'; ValueError otherwise."""
        raw = text.strip().replace(",", "").replace("−", "-")
        if not raw:
            raise ValueError("type a number")
        scale = 1.0
        if raw.endswith("%"):
            raw, scale = raw[:-1].strip(), 0.01
        if "/" in raw:
            top, _, bottom = raw.partition("/")
            value = float(top) / float(bottom)
        else:
            value = float(raw)
        value *= scale
        if not math.isfinite(value):
            raise ValueError("type a finite number")
        return value

    def check_numeric(self, card: Card, value: float) -> NumericResult:
        """Judge a number against the card's answer and tolerance."""
        front = card.front
        assert isinstance(front, NumericFront)
        unit = f" {front.unit}" if front.unit else ""
        return NumericResult(
            correct=front.tolerance.accepts(front.answer, value),
            value=value,
            expected=f"{front.answer:g} {front.tolerance.describe()}{unit}",
        )

    def answer(self, session: Session, correct: bool) -> Answer:
        """Commit a self-grading answer (choice, numeric): right = Good, wrong = Again."""
        return session.answer(correct, now=self.now())

    def answer_drill(self, session: Session, sitting: DrillSitting) -> Answer:
        """Commit a drill sitting as the session's answer (see `rating_for_drill`)."""
        return session.answer_drill(
            passed=sitting.progress.passed,
            hints_used=sitting.progress.hints_used,
            failed_attempts=sitting.progress.failed_attempts,
            now=self.now(),
        )

    def undo(self, session: Session) -> Answer | None:
        """Take back the last answer; the card is current again."""
        return session.undo(now=self.now())

    def time_left(self, session: Session) -> timedelta | None:
        """Mock mode's clock; None in untimed sessions."""
        return session.time_left(self.now())

    def is_over(self, session: Session) -> bool:
        """No card left, or a mock interview's time is up."""
        return session.is_over(self.now())

    def finish(self, session: Session) -> Summary:
        """End the session and summarize it."""
        return session.finish(now=self.now())

    @staticmethod
    def suggested_rating(ticked: int, total: int) -> int:
        """A rating suggested by the key points covered: all Good, most Hard, else Again."""
        if total <= 0 or ticked >= total:
            return 3
        return 2 if ticked * 2 >= total else 1

    # -- drills ------------------------------------------------------------------------

    def open_drill(self, card_id: str, session: Session | None = None) -> DrillSitting:
        """Start a sitting at a coding drill (imports the engine and numpy on first use)."""
        from quiz.drill_grading import find_drill

        drill = find_drill(self.bank, card_id)
        return DrillSitting(
            card=drill.card,
            drill=drill,
            session_id=session.session_id if session is not None else None,
        )

    def initial_code(self, card: Card) -> str:
        """The saved draft, or the starter code."""
        draft = self.store.draft(card.id)
        return draft.text if draft is not None else starter_text(card)

    def save_draft(self, card: Card, text: str) -> None:
        """Autosave the code (committed at once); the starter itself is not saved."""
        if text == starter_text(card):
            self.store.delete_draft(card.id)
        else:
            self.store.save_draft(card.id, text, updated_at=self.now())

    def reset_draft(self, card: Card) -> str:
        """Forget the draft; returns the starter code."""
        self.store.delete_draft(card.id)
        return starter_text(card)

    def reveal_hint(self, sitting: DrillSitting) -> str | None:
        """The next hint (counted: it lowers a pass to Hard), or None when none is left."""
        if sitting.hints_left <= 0:
            return None
        sitting.progress.reveal_hint()
        return sitting.card.hints[sitting.progress.hints_used - 1]

    def grade(self, sitting: DrillSitting, source: str) -> Verdict:
        """Grade a submission and log the attempt. Slow: call it from a worker thread."""
        from quiz.study import record_attempt

        grader = self._grader or self._sandbox_grade
        verdict = grader(sitting.drill, source)
        record_attempt(
            self.store,
            sitting.card.id,
            verdict,
            now=self.now(),
            hints_used=sitting.progress.hints_used,
            session_id=sitting.session_id,
        )
        sitting.progress.note(verdict.status.value)
        sitting.last_verdict = verdict
        sitting.attempts += 1
        return verdict

    def _sandbox_grade(self, drill: Drill, source: str) -> Verdict:
        from quiz.drill_grading import grade_source

        return grade_source(drill, source, pool=self.pool())

    def pool(self) -> WorkerPool | None:
        """The warm grading worker, started on first use."""
        if self._pool is None:
            from engine.sandbox import default_pool

            self._pool = default_pool()
        return self._pool

    def warm_up(self) -> None:
        """Start the warm worker ahead of the first grade (no-op with an injected grader)."""
        if self._grader is None:
            self.pool()

    # -- $EDITOR -----------------------------------------------------------------------

    def draft_file(self, card: Card, text: str) -> Path:
        """Write the code to a file the person's editor can open: <data dir>/drafts/<id>.py."""
        folder = self._drafts_dir if self._drafts_dir is not None else data_dir() / "drafts"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{card.id}.py"
        path.write_text(text, encoding="utf-8")
        return path

    def editor_command(self, path: Path) -> list[str]:
        """$VISUAL, then $EDITOR, then vi, with the file appended."""
        editor = self._editor or os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        return [*shlex.split(editor), str(path)]

    def read_draft_file(self, card: Card, path: Path) -> str:
        """The code as the editor left it, saved as the draft."""
        text = path.read_text(encoding="utf-8")
        self.save_draft(card, text)
        return text
