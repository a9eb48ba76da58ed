"""How a study session is built: the mode, the selection and the limits, one field per
`drillbit study` flag (read by `quiz.study.queue` to queue the cards, by `Session` to run).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from typing import TYPE_CHECKING

from quiz.store import Mode
from quiz.study.cards import Filters
from quiz.study.counts import DEFAULT_NEW_PER_DAY

if TYPE_CHECKING:
    # The plan's code is imported when a plan exists (quiz.study.plan_status).
    from quiz.study.plan import TimeBox


@dataclass(frozen=True)
class SessionOptions:
    """How to build a session; maps one-to-one onto `drillbit study` flags."""

    mode: Mode = "due"
    filters: Filters = field(default_factory=Filters)
    limit: int | None = None
    """Most cards to queue; in mock mode the number of questions (default 10)."""
    minutes: float | None = None
    """Mock mode's time limit (default 20); ignored by the other modes."""
    new_per_day: int = DEFAULT_NEW_PER_DAY
    max_reviews_per_day: int | None = None
    """due: most cards in review reviewed per day (a card in a learning or relearning
    step is asked whatever the limit, and its answers are not counted, as in Anki);
    None means no limit."""
    requeue: bool = True
    """A card comes back to be asked again in this session, as in Anki. due (asked once
    its step is due, `Session.show`): after any answer that leaves it in a learning or relearning step due today
    (`step_due_today`: Again, Hard or Good on a new or lapsed card, by the steps fsrs is
    given); with no steps, a step of a day or more, or a card that graduates, it is done
    for the day. cram (schedule untouched, so no step): after a miss (Again). A mock
    interview asks nothing again. False: nothing comes back (plan mode on a day without
    same-day steps)."""
    shuffle: bool = False
    """cram: shuffle the selection with the session's rng instead of content order."""
    tz: tzinfo = UTC
    """The person's time zone, for "today" in the daily new-card limit."""
    include_hidden: bool = False
    """Keep suspended and buried cards (a card the person picked by hand)."""
    plan_queue: tuple[str, ...] | None = None
    """due mode with an interview plan: today's card ids from `quiz.study.plan.plan_day`,
    studied instead of the fsrs due cards and the daily new-card limit."""
    time_box: TimeBox | None = None
    """Plan mode: what is left of today's minutes; a card starts only if it still fits."""
    fits_no_day: frozenset[str] = frozenset()
    """Plan mode: the ids no whole day's minutes fit (`PlanQueue.too_long`). The time box
    leaves them out from the start, but they are not the minutes cutting the session."""
    same_day_steps: bool = True
    """due mode: False when an interview plan drops today's same-day steps (short of days,
    or its last pass): answers are then scheduled as fsrs does without learning and
    relearning steps (`without_steps`: the card goes to review with an interval from its
    memory), so no card is left in a step nobody asks (after the interview, fsrs's own
    schedule takes over from review states, not from a backlog of learning steps)."""
    topic_names: Mapping[tuple[str, str], str] | None = None
    """The summary's name for each (pack, topic) of the bank, as per-topic figures name it
    (`topic_labels`: "topic (pack)" for a name two packs share); None: those of the cards
    the session is given (the bank, unless cards were picked by hand)."""
