"""A study session: one sitting over a mode's queue, answers persisted as given, undo, set
aside, the summary.

Pure logic over a Store: the caller injects the clock (or `now` on a call), the fsrs
Scheduler and, for mock interviews, the random generator. Nothing here reads the wall clock.
What the queue holds at the start is `quiz.study.queue`'s; what another drillbit did to
its cards meanwhile, `quiz.study.elsewhere_changes`'s.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from fsrs import Rating, Scheduler, State

from quiz.store import CardFlag, Mode, Review, Store
from quiz.store.timefmt import from_db
from quiz.study.aside import SetAside, set_card_aside
from quiz.study.cards import StudyCard, pack_of
from quiz.study.counts import new_cards_left, reviews_done_since, topic_labels
from quiz.study.days import as_utc, date_start, day_start, day_starts_at, local_date, next_day_start
from quiz.study.elsewhere import AnsweredElsewhere, SetAsideElsewhere
from quiz.study.elsewhere_changes import ElsewhereChanges
from quiz.study.options import SessionOptions
from quiz.study.plan_phrases import day_ended_note, minutes_used_note, session_cut_note
from quiz.study.queue import held_back_review, mode_queue
from quiz.study.ratings import is_success, rating_for_answer, rating_for_drill
from quiz.study.rest_of_day import REVIEW_STATE, RestOfDay
from quiz.study.scheduling import (
    default_scheduler,
    review_card,
    step_due,
    step_due_next_day,
    step_due_today,
    without_steps,
)

if TYPE_CHECKING:
    # The summary's module is imported at the first answer, not at start-up.
    from quiz.study.summary import Answer, Summary


class SessionOver(Exception):
    """An answer came after the session ended (finished, no cards left, or time up)."""


def _before_both(
    length: int, first: list[tuple[int, StudyCard]], second: list[tuple[int, StudyCard]]
) -> list[tuple[int, StudyCard]]:
    """Two takings out of a queue of `length`, one after the other, as one: `second`'s
    indices (in the queue `first` left) turned into indices in the queue before both."""
    if not first:
        return second
    gone = {index for index, _card in first}
    kept = [index for index in range(length) if index not in gone]
    return sorted(first + [(kept[index], card) for index, card in second], key=lambda e: e[0])


@dataclass(frozen=True)
class _Step:
    """One thing `Session.undo` takes back: an answer, or a card set aside (`answer` None)."""

    card: StudyCard
    answer: Answer | None
    removed: tuple[tuple[int, StudyCard], ...]
    """The queue entries the step took out, each with its index in the queue before it,
    in index order: inserting them back in that order rebuilds that queue."""
    appended: bool
    """The answer put the card back at the end of the queue (`Answer.requeued`), and the
    copy is still there."""
    later: int
    """Plan mode: how many cards `left_for_later` held before the step."""
    before: tuple[str, ...] = ()
    """The ids of that queue's entries ahead of the last of `removed`: undo puts each entry
    back right after the nearest of them still queued (`_undo_place`), its exact place
    whatever a rebuild added or took out since (by the index alone it went near it)."""
    waited: datetime | None = None
    """The step's card was a learning copy waiting for this due time (`Session._waiting`)."""
    promoted: tuple[tuple[str, datetime], ...] = ()
    """Learning copies `show` moved to the front after the step, their steps come due."""
    aside: SetAside | None = None
    flag_before: tuple[CardFlag, datetime] | None = None
    """A set-aside's card flag before it (None: none), with when it was set."""
    set_at: datetime | None = None
    held: bool = False
    """The answer left the card in a step due on the next study day (`Session._next_day`)."""
    pulled: StudyCard | None = None
    """A set-aside's stand-in: the new card queued in the place it left (`_stand_in`)."""


class Session:
    """One sitting: `current` card, answer it (persisted at once), `undo`, `finish`.

    Not thread-safe by itself: drive one Session from one thread (the Store underneath
    is safe to share).
    """

    def __init__(
        self,
        store: Store,
        cards: Sequence[StudyCard],
        options: SessionOptions | None = None,
        *,
        now: datetime | None = None,
        clock: Callable[[], datetime] | None = None,
        scheduler: Scheduler | None = None,
        rng: random.Random | None = None,
        zone: Callable[[], tzinfo] | None = None,
    ) -> None:
        if clock is None and now is None:
            raise TypeError("Session needs a clock or a start time (now)")
        self._clock = clock
        self._zone = zone
        """The person's zone and day start as the app follows them (the machine's zone,
        the `day_starts_at` setting), read at each card shown (`_follow_zone`); None: the
        options' zone throughout."""
        self.options = options or SessionOptions()
        self.mode: Mode = self.options.mode
        self._store = store
        self._scheduler = scheduler if scheduler is not None else default_scheduler()
        self._plan_scheduler = self._scheduler
        """The scheduler as given, with its steps: the one the plan decides the day with
        (`_replan`), whatever today's same-day-steps decision made of `_scheduler`."""
        if self.mode == "due" and not self.options.same_day_steps:
            self._scheduler = without_steps(self._scheduler)
        self._cards = tuple(cards)
        self._deck_ids = [c.id for c in cards]
        names = self.options.topic_names
        self._topic_names = (
            names if names is not None else topic_labels({(pack_of(c), c.topic) for c in cards})
        )
        self.started_at = as_utc(now if now is not None else self._now())
        hidden = set() if self.options.include_hidden else store.hidden_ids(self.started_at)
        wanted = self.options.filters
        # the whole deck (Home's due, `drillbit study`): no test per card
        matching = list(cards) if wanted.selects_all else [c for c in cards if wanted.matches(c)]
        self._matching = matching
        """The cards the session's filters select, set aside or not, in content order: where
        `_stand_in` finds a new card for one set aside and `_refresh` the new day's cards
        (`_studiable`), each leaving out those set aside at that moment."""
        selected = [c for c in matching if c.id not in hidden] if hidden else matching
        queue, waiting, self.time_limit = mode_queue(
            store, selected, self.options, self.started_at, rng
        )
        self.planned: tuple[StudyCard, ...] = tuple(queue)
        self._queue: list[StudyCard] = list(queue)
        self.answers: list[Answer] = []
        self.left_for_later: list[StudyCard] = []
        """Plan mode: cards taken out because today's minutes are used (still due)."""
        self._list_day = local_date(self.started_at, self.options.tz) if self.plan_mode else None
        """Plan mode: the study day whose list the queue is (None otherwise)."""
        self._day_ends = self._list_day_ends()
        """Plan mode: when `_list_day` ends in the zone followed now (None otherwise)."""
        self.day_ended = False
        """Plan mode: the queue was dropped because its day ended (`_fit_time_box`)."""
        self._steps: list[_Step] = []
        """What `undo` takes back, the last action last: answers, buries and suspends."""
        self._waiting: dict[str, datetime] = {card.id: due for due, card in waiting}
        """due mode: the queued learning copies whose step is not yet due, by card id,
        with their due time; they wait at the end of the queue in due order (`_requeue`)
        until `show` finds their step due and moves them to the front."""
        self._keep_current = False
        """The current card is one undo brought back: a step falling due waits behind it."""
        self._next_day: dict[str, tuple[StudyCard, datetime]] = {}
        """due mode outside a plan: cards answered into a step due on the next study day
        (`step_due_next_day`), with the step's due time: `show` asks each once that time
        comes, the new day begun, never before (that would ask it a day early)."""
        self._rolls_over_at = (
            next_day_start(self.started_at, self.options.tz)
            if self.mode == "due" and not self.plan_mode and self.options.limit is None
            else None
        )
        """due mode outside a plan, with no `limit`: when the study day the queue was made
        for ends, and `show` rebuilds the queue for the next day (`_refresh`)."""
        self._seen_commits = (
            store.commits_elsewhere() if self._rolls_over_at or self.plan_mode else None
        )
        """What `Store.commits_elsewhere` said at the last rebuild: when it moves, another
        drillbit wrote (`_written_elsewhere`), and `_refresh` (or, under a plan, `_replan`)
        makes the queue a restart's."""
        self._zone_moved = False
        """Plan mode: the zone the app follows moved since the last card shown
        (`_follow_zone`): the day's answers and its plan are counted anew (`_replan`)."""
        self._unburied_at = self._next_burial_end(self.started_at) if self.plan_mode else None
        """Plan mode: when the first burial in force ends (None: none), at which the next
        card shown rebuilds the list (`_replan`), the card back in study as a restart has
        it: a zone moved west kept the list's day going past a burial's end at the old
        zone's day start, and the buried cards never came back (fifty-second round)."""
        self._box_base = 0.0
        """Plan mode: the seconds of this session's answers, as the store records them, that
        the time box's `seconds_left` already takes off (`_recorded_seconds` when the box was
        last taken from the plan, `_replan`); none at the start."""
        self._held: str | None = None
        """The card the last rebuild kept first, on screen, out of a restart's order: once
        it is not on screen any more, the next card shown rebuilds (`_kept_moved`)."""
        self._shown_id: str | None = None
        """The card `show` last put on screen, until an answer, skip, set-aside or undo
        moves on: a rebuild keeps it first (`_kept`)."""
        self._hidden_at_start = set(hidden)
        """The ids hidden when the session began: one a rebuild queues is said back."""
        self._fit_time_box(self.started_at)
        self._shown_at = self.started_at
        self.clock_started_at: datetime | None = None
        """Mock mode: when the time began to run (`start_clock`), None before."""
        self._summary: Summary | None = None
        self._not_submitted: list[str] = []
        """Mock mode: the drills whose code at time-up was never graded (`not_submitted`)."""
        filters: dict[str, object] = dict(self.options.filters.as_dict())
        if self.options.limit is not None:
            filters["limit"] = self.options.limit
        self.session_id = store.start_session(
            mode=self.mode, started_at=self.started_at, filters=filters
        )
        self._elsewhere = ElsewhereChanges(
            store,
            session_id=self.session_id,
            started_at=self.started_at,
            watching=self.mode == "due",
            tz=self.options.tz,
            hidden_at_start=(
                {
                    c.id: c
                    for c in cards
                    if c.id in hidden and (wanted.selects_all or wanted.matches(c))
                }
                if self.mode == "due" and self.options.plan_queue is None
                else {}
            ),
        )
        """What another drillbit studying the same progress did to this session's cards
        (due mode outside a plan, for the cards hidden at the start): `show` and each
        answer take such cards out of the queue, and put them back once in study again."""

    def _now(self, now: datetime | None = None) -> datetime:
        """`now` when the caller gives one, else the injected clock."""
        if now is not None:
            return as_utc(now)
        if self._clock is None:
            raise TypeError("this session has no clock: pass now=")
        return as_utc(self._clock())

    def _fit_time_box(self, moment: datetime) -> list[tuple[int, StudyCard]]:
        """Drop the queued cards that no longer fit in today's plan minutes (into
        `left_for_later`), or all of them once `moment` is past the end of the study
        day the queue was planned for; returns them with their indices in the queue as it
        was (so undo puts them back).

        A plan's list and minutes are one day's, as Anki's counts are: a session started at
        23:50 went on after midnight with the old day's cards and the old day's minutes
        left, while Home and `drillbit plan` counted the new day's list.

        The minutes used are the session's time on the clock until `moment`, when the next
        card would show (`_clock_seconds`): each card's time from its card shown to the next
        card shown, the last one's feedback read until now (at most `AFTER_ANSWER_CAP`), as
        Anki checks its time box when the next card would show. The store records that
        last reading only once the next answer is given, or at the session's end: from the
        fifty-first round to the fifty-second it did not count here, and a session ran one
        feedback pause (up to 180 s) over the minutes the person set. A restart, which ends
        this session first, counts it as well (`spent_between` over the session's end).
        """
        if self._list_day_over(moment) and self._queue:
            self.day_ended = True
            dropped_all = list(enumerate(self._queue))
            self._queue = []
            return dropped_all
        box = self.options.time_box
        if box is None:
            return []
        used = self._clock_seconds(moment) - self._box_base
        kept: list[StudyCard] = []
        dropped: list[tuple[int, StudyCard]] = []
        for index, card in enumerate(self._queue):
            if box.fits(card.kind, used):
                kept.append(card)
            else:
                dropped.append((index, card))
                self.left_for_later.append(card)
        self._queue = kept
        return dropped

    def _recorded_seconds(self) -> float:
        """The time on the clock of the session's answers as the store records them while
        the session runs (the last answer's time alone), the one `spent_between` counts for
        Home and a plan rebuilt meanwhile (`_replan`)."""
        return self._clock_seconds(None)

    def _clock_seconds(self, until: datetime | None) -> float:
        """The session's time on the clock (`quiz.study.spent.card_seconds`) with `until` as
        its end: the feedback after the last answer counts up to it (None: not at all)."""
        from quiz.study.spent import card_seconds

        return sum(card_seconds([(a.answered_at, a.seconds) for a in self.answers], until))

    @property
    def time_box_note(self) -> str | None:
        """Plan mode, when the minutes ran out: how many of the session's cards wait for
        tomorrow and how to go on anyway; a card no day's minutes fit (`fits_no_day`)
        does not wait, and alone cuts nothing (None). `d` names those cards too
        (`PlanQueue.left_out_note`)."""
        if self.options.time_box is None:
            return None
        fits_no_day = self.options.fits_no_day
        cut = {card.id for card in self.left_for_later if card.id not in fits_no_day}
        return minutes_used_note(len(cut)) if cut else None

    @property
    def _summary_note(self) -> str | None:
        """The summary's note when today's minutes ended the session (`session_cut_note`:
        its Plan row, not this note, says what is left of today's plan). None when the
        person ended it with cards still queued: the minutes did not."""
        if self._queue:
            return None
        if self.day_ended:
            back = self._list_day is not None and self._list_day > local_date(
                self._shown_at, self.options.tz
            )
            return day_ended_note(day_starts_at(self.options.tz), moved_back=back)
        return None if self.time_box_note is None else session_cut_note()

    # -- where we are ----------------------------------------------------------------

    @property
    def current(self) -> StudyCard | None:
        """The card to show now, or None when the queue is empty."""
        return self._queue[0] if self._queue and self._summary is None else None

    @property
    def day_ends(self) -> datetime | None:
        """Plan mode: when the study day whose list the queue is ends (None otherwise), in
        the zone the app follows now: the screen's notice that the day is over agrees with
        Home at once, and the next card shown ends the list (`_follow_zone`)."""
        if self._list_day is None or self._zone is None:
            return self._day_ends
        return date_start(self._list_day + timedelta(days=1), self._zone())

    @property
    def plan_mode(self) -> bool:
        """A due session under an interview plan: the plan, not fsrs's due times, says
        when a card comes back (a due review may wait for the last pass)."""
        return self.mode == "due" and self.options.plan_queue is not None

    @property
    def queued(self) -> tuple[StudyCard, ...]:
        """The cards still queued, in order, the current one first."""
        return tuple(self._queue) if self._summary is None else ()

    @property
    def remaining(self) -> int:
        """Cards still queued, the current one included."""
        return len(self._queue)

    @property
    def progress(self) -> tuple[int, int]:
        """(cards done, cards done + cards still queued): what `quiz.study_view.session_count`
        builds the heading's count from (cards still to see are the queued ones minus
        `coming_back`).

        A card is done once answered for the last time in the session, when the answer did
        not put it back in the queue: a card in a learning step that comes back (Again,
        Hard or Good on a new card) is still left, not done, as Anki keeps it in its
        learning count. Counting answers instead read "1 done · 20 left" after a Hard in a
        session of 20 cards, as if it held 21. Undo, bury and suspend move the counts with
        the queue; the summary still counts every answer.
        """
        done = sum(1 for answer in self.answers if not answer.requeued)
        return done, done + len(self._queue)

    @property
    def coming_back(self) -> int:
        """Queued cards already answered in this session: a learning step brought them back
        (Again, Hard or Good on a new card), so `progress` keeps them left, not done. The
        heading names them ("6 back later today"): without them six answers in learning
        steps read to a new user as if they had not counted."""
        answered = {answer.card.id for answer in self.answers}
        return sum(1 for card in self._queue if card.id in answered)

    @property
    def finished(self) -> bool:
        """True once `finish` was called."""
        return self._summary is not None

    def start_clock(self, now: datetime | None = None) -> None:
        """Start a mock interview's time (once) when its first question is on screen.

        Counted from the session's creation, the time spent building and drawing the first
        screen (about 3 s under load) was gone before the question could be read. The first
        question's answer time starts here too."""
        if self.clock_started_at is not None:
            return
        self.clock_started_at = self._now(now)
        if not self.answers and not self._steps:
            self._shown_at = self.clock_started_at

    def deadline(self) -> datetime | None:
        """When a mock interview's time runs out; None untimed or before `start_clock`."""
        if self.time_limit is None or self.clock_started_at is None:
            return None
        return self.clock_started_at + self.time_limit

    def time_left(self, now: datetime | None = None) -> timedelta | None:
        """Mock mode's clock (never negative; all of it before `start_clock`); None in
        untimed modes."""
        if self.time_limit is None:
            return None
        end = self.deadline()
        if end is None:
            return self.time_limit
        return max(timedelta(0), end - self._now(now))

    def not_submitted(self, card: StudyCard) -> None:
        """Mock mode: the time ran out on `card`'s drill with code never graded (kept as
        its draft); the summary names it."""
        if card.title not in self._not_submitted:
            self._not_submitted.append(card.title)

    def is_over(self, now: datetime | None = None) -> bool:
        """No card left, finished, or (mock) the time is up."""
        left = self.time_left(now)
        return self.current is None or (left is not None and left <= timedelta(0))

    @property
    def answered_elsewhere(self) -> list[StudyCard]:
        """due mode: queued cards another drillbit answered meanwhile, not due again yet,
        taken out of the queue (`show`) so that no card is reviewed twice; the screen says
        so. Two drillbits studying one progress each asked the other's cards again."""
        return self._elsewhere.answered

    @property
    def stepped_elsewhere(self) -> list[StudyCard]:
        """due mode: queued cards another drillbit answered into a learning step due later
        today, moved to wait for that step (`_step_back_elsewhere`); the screen says so."""
        return self._elsewhere.stepped

    @property
    def set_aside_elsewhere(self) -> list[tuple[StudyCard, bool]]:
        """due mode: queued cards another drillbit suspended (True) or buried (False)
        meanwhile, each time one was taken out of the queue (`show`); the screen says so."""
        return self._elsewhere.set_aside

    @property
    def back_elsewhere(self) -> list[StudyCard]:
        """due mode: cards put back into the queue once another drillbit unsuspended (or
        unburied) them, each time one came back (`show`); the screen says so."""
        return self._elsewhere.back

    def elsewhere_news(self) -> list[str]:
        """What to tell the person, once, of the cards another drillbit changed since this
        was last asked (`ElsewhereChanges.news`): answered, set aside, back in study."""
        return self._elsewhere.news()

    def show(self, now: datetime | None = None) -> None:
        """Restart the answer timer when the current card actually appears on screen.

        In plan mode call this before reading `current`: a card that no longer fits in
        today's minutes (another drillbit's answers spend them too) is left for the next
        day, and past the day's end the old day's list ends.
        """
        self._shown_at = self._now(now)
        self._follow_zone()
        taken, hidden = self._elsewhere.find(self._queue, self.answers, self._shown_at)
        taken = self._step_back_elsewhere(taken, self._shown_at)
        if not self.answers and not self._steps:
            dropped = self._elsewhere.drop(self._queue, self._waiting, taken, hidden)
            if any(index == 0 for index, _card in dropped):
                self._keep_current = False  # the undone card on screen went with them
            self._fit_time_box(self._shown_at)  # only the day's end drops here: nothing to undo
            self._put_back_elsewhere(hidden)
            self._promote_due_steps(self._shown_at)  # steps left by an earlier session
            self._refresh(self._shown_at, rebuild=bool(dropped) or self._kept_moved())
            self._shown_id = self.current.id if self.current is not None else None
            return
        queue = list(self._queue)
        dropped = self._elsewhere.drop(self._queue, self._waiting, taken, hidden)
        if any(index == 0 for index, _card in dropped):
            self._keep_current = False  # the undone card on screen went with them
        boxed = self._fit_time_box(self._shown_at)
        cut = _before_both(len(queue), dropped, boxed)
        if cut:
            self._undo_also(queue, cut, elsewhere={index for index, _card in dropped})
        self._put_back_elsewhere(hidden)
        self._release_next_day_steps(self._shown_at)
        promoted = self._promote_due_steps(self._shown_at)
        if promoted:
            step = self._steps[-1]
            self._steps[-1] = replace(step, promoted=step.promoted + promoted)
        # after the steps due went first (the card shown before is not on screen then);
        # a rebuild when cards went elsewhere: their room is the day's again
        self._refresh(self._shown_at, rebuild=bool(dropped) or self._kept_moved())
        self._shown_id = self.current.id if self.current is not None else None

    def _step_back_elsewhere(self, taken: set[str], moment: datetime) -> set[str]:
        """Of the queued cards another drillbit answered (`taken`), move those it left in a
        learning step due later today among the waiting copies at that step, as a restart
        queues them; returns the others, which leave the queue (`ElsewhereChanges.drop`).

        Dropped, such a card was lost to the session for good while Home and a restart
        still counted it, and the session ended one card short. Waiting for its step, it
        is still never asked seconds after the other drillbit's answer. Under a plan too,
        on a day with same-day steps, since a plan-mode restart waits for such a step
        (`plan_steps_later`): until the fifty-first round the session dropped the card."""
        if not taken or self.mode != "due" or not self.options.same_day_steps:
            return taken
        rest = RestOfDay.at(moment, self.options.tz)
        columns = self._store.schedule_columns()
        stepped = {
            card_id: from_db(columns[card_id][1])
            for card_id in taken
            if card_id in columns and rest.step_later(*columns[card_id])
        }
        if not stepped:
            return taken
        cards = {card.id: card for card in self._queue if card.id in stepped}
        self._queue = [card for card in self._queue if card.id not in stepped]
        for card_id, due in sorted(stepped.items(), key=lambda entry: (entry[1], entry[0])):
            self._waiting.pop(card_id, None)
            self._requeue(cards[card_id], due)
            self._elsewhere.step_back(cards[card_id])
        return taken - stepped.keys()

    def _put_back_elsewhere(self, hidden: Mapping[str, bool]) -> None:
        """Queue again the cards back in study since another drillbit set them aside (those
        not in `hidden`), or that were hidden when the session began, if due now; none once
        the plan's list is of a day over (`_list_day_over`): a burial ended by the new day
        brought a card back into the old day's list after its end had emptied it."""
        if self._list_day_over(self._shown_at):
            return
        self._elsewhere.put_back(self._queue, self._waiting, hidden, self._shown_at, self._requeue)
        self._elsewhere.put_back_unhidden(self._queue, self._waiting, self._shown_at)

    def _release_next_day_steps(self, moment: datetime) -> None:
        """Queue the cards held for a step on the next study day (`_next_day`) whose step
        is due at `moment`, among the waiting copies; `_promote_due_steps` then moves them
        to the front. The new day has begun by then: asked at once, not a day early."""
        for card_id, (card, due) in list(self._next_day.items()):
            if due <= moment:
                del self._next_day[card_id]
                self._requeue(card, due)

    def _follow_zone(self) -> bool:
        """Count the study day in the zone the app follows now (`zone`), if it changed since
        the last card shown (True then): the day a card is due on is Home's again.

        The session kept the zone it began in while Home followed the machine's (a laptop
        that travelled) or a new `day_starts_at`: Home counted a review due today that the
        session never asked, or the other way round. Anki reads the zone again at its
        queue's rebuild; here the next card shown rebuilds the queue in the new zone. In
        plan mode the list's day ends where the new zone ends it (`_list_day_ends`): until
        the fiftieth round it kept the old zone's end, and went on with the old day's list
        after a move east while Home counted the next day's."""
        if self._zone is None:
            return False
        tz = self._zone()
        if tz == self.options.tz:
            return False
        self.options = replace(self.options, tz=tz)
        self._elsewhere.follow_zone(tz)
        self._day_ends = self._list_day_ends()  # the list's day ends where Home's does
        self._zone_moved = self.plan_mode  # the plan's day is counted anew there (`_replan`)
        if self._rolls_over_at is not None:
            self._rolls_over_at = self._shown_at  # `_refresh` rebuilds at once
        return True

    def _list_day_over(self, moment: datetime) -> bool:
        """Plan mode: `moment` is not on the list's study day in the zone followed now: past
        its end, or (the zone moved west over a day's start) on the day before it, which
        Home and a restart count then. Outside a plan, False."""
        if self._list_day is None or self._day_ends is None:
            return False
        return moment >= self._day_ends or local_date(moment, self.options.tz) < self._list_day

    def _list_day_ends(self) -> datetime | None:
        """Plan mode: when the list's study day ends in the zone the session counts in now
        (the next day's start there), so that the list ends when Home and a restart count
        the next day's. None outside a plan."""
        if self._list_day is None:
            return None
        return date_start(self._list_day + timedelta(days=1), self.options.tz)

    def _kept_moved(self) -> bool:
        """The card the last rebuild kept first is on screen no more (answered, skipped, set
        aside, or a step come due went before it): the queue is to be a restart's again."""
        return self._held is not None and self._kept() != self._held

    def _kept(self) -> str | None:
        """The id of the card a rebuild keeps first: the one on screen (`show` put it there,
        or an undo brought it back), None when the next card is not shown yet."""
        if not self._queue:
            return None
        first = self._queue[0].id
        return first if self._keep_current or first == self._shown_id else None

    def _refresh(self, moment: datetime, *, rebuild: bool = False) -> None:
        """due mode outside a plan, with no `limit`: once the study day the queue was made
        for has ended, its zone changed, or another drillbit wrote to the progress, make
        the queue the one a session started at `moment` would hold (`mode_queue`), the card
        on screen kept first, and the learning copies waiting for their steps kept.

        The new day's cards (its reviews, its new cards within new_per_day, its steps later
        today) come in, and the cards it leaves out (past its limits) go, as Anki's queues,
        rebuilt when the day rolls over or after a change, show them. A session carried on
        past 4:00 said it was done while Home counted the new day's cards; one beside
        another drillbit never asked a new card unsuspended there and stayed over
        new_per_day after the other's new cards. Reviews and new cards are put in the
        restart's order (`_day_order`): the new day's new cards came after the old
        day's. What undo takes back is left as it was; an undo rebuilds too (`rebuild`),
        its card on screen again: an answer of an earlier day undone, or one undone after
        another drillbit took the day's room, left the day over its limits, and the cards
        an undo put back went in their old places, not a restart's."""
        if self.plan_mode:
            self._replan(moment)
            return
        if self._rolls_over_at is None:
            return
        elsewhere = self._written_elsewhere()
        if not rebuild and moment < self._rolls_over_at and not elsewhere:
            return
        self._rolls_over_at = self._next_change(moment)
        fresh = mode_queue(self._store, self._studiable(moment), self.options, moment, None)
        fresh_ids = {card.id for card in fresh.cards}
        kept = self._held = self._kept()
        self._leave_old_day_cards(fresh_ids, kept)
        steps = {card.id: due for due, card in fresh.waiting}
        for card_id in steps.keys() & self._next_day.keys():
            del self._next_day[card_id]  # its step is on the day begun: it waits for it now
        have = {card.id for card in self._queue} | self._next_day.keys()
        added = [card for card in fresh.cards if card.id not in have and card.id not in steps]
        self._take_in(added, fresh.waiting, have)
        self._hold_next_day_steps(fresh_ids | steps.keys() | {kept or ""}, moment)
        if kept is not None and kept not in fresh_ids:
            # the card on screen is one the day would not queue now (past its limits): it
            # stays, and the day's last new card or review leaves instead
            self._hold_day_limits(self._queue[0], moment)
        self._day_order([card for card in fresh.cards if card.id not in steps], kept)
        for card in added:
            if card.id in self._hidden_at_start:
                self._hidden_at_start.discard(card.id)
                self._elsewhere.note_back(card)

    def _take_in(
        self,
        added: list[StudyCard],
        waiting: Sequence[tuple[datetime, StudyCard]],
        have: set[str],
    ) -> None:
        """A rebuild's cards the queue lacked (`_refresh`, `_replan`): `added` before the
        learning copies waiting for their steps, and each of `waiting` not in `have` at its
        step."""
        index = self._first_waiting_index()
        self._queue[index:index] = added
        for due, card in waiting:
            if card.id not in have:
                self._requeue(card, due)

    def _written_elsewhere(self) -> bool:
        """Whether another drillbit committed to the progress since the last look (SQLite's
        `data_version`, `Store.commits_elsewhere`; True when it cannot be told): the one
        check by which a due session, under a plan or not, notices another's writes."""
        commits = self._store.commits_elsewhere()
        seen, self._seen_commits = self._seen_commits, commits
        return commits is None or commits != seen

    def _replan(self, moment: datetime) -> None:
        """Plan mode, once another drillbit wrote (`_written_elsewhere`), the zone moved or a
        burial ended (`_unburied_at`): make the list the one a session started at `moment`
        would hold (`plan_queue`, as Home counts it), the card on screen kept first while the
        list has it (an undo's card always) and the session's learning copies kept, and take the time box from it (the other's answers spent some of today's
        minutes).

        Cards put back (unburied, unsuspended), answered into a step, or taken out of the
        day's list there reached a restarted plan session, not a running one (490 steps of
        500 plan walks before the fifty-first round). The session's learning copies keep
        their places (a due step first, as Anki asks it: docs/study.md); its new cards and
        reviews, those it lacked among them, take the plan's order."""
        elsewhere, moved = self._written_elsewhere(), self._zone_moved
        self._zone_moved = False
        unburied = self._unburied_at is not None and moment >= self._unburied_at
        if self._list_day_over(moment) or not (elsewhere or moved or unburied):
            return
        self._unburied_at = self._next_burial_end(moment)
        from quiz.study.plan_today import plan_queue

        tz = self.options.tz
        planned = plan_queue(
            self._store, self._cards, moment, tz=tz, scheduler=self._plan_scheduler
        )
        if planned is None:
            return  # the plan was cleared or is over: the session keeps its list
        self.options = replace(
            self.options,
            plan_queue=planned.ids,
            time_box=planned.box,
            fits_no_day=frozenset(planned.too_long),
        )
        self._box_base = self._recorded_seconds()
        fresh = mode_queue(self._store, self._studiable(moment), self.options, moment, None)
        steps = {card.id: due for due, card in fresh.waiting}
        plain = {card.id for card in fresh.cards if card.id not in steps}
        kept = self._kept()
        if kept is not None and not self._keep_current and kept not in plain | steps.keys():
            # the list no longer has the card shown (the day is decided anew until its first
            # answer; a zone move): a restart's first card takes its place, as Home counts
            kept = None
        self._queue = [
            card
            for card in self._queue
            if card.id in plain or card.id == kept or card.id in self._waiting
        ]
        # a learning copy the minutes left out is still the session's (`_waiting`)
        have = {card.id for card in self._queue} | self._waiting.keys()
        later = {card.id for card in self.left_for_later}
        added = [c for c in fresh.cards if c.id in plain and c.id not in have | later]
        self._take_in(added, fresh.waiting, have)
        self._day_order([card for card in fresh.cards if card.id in plain], kept)
        self._fit_time_box(moment)  # an undo takes back what it leaves out (`_back_from_later`)

    def _next_burial_end(self, moment: datetime) -> datetime | None:
        """The first end after `moment` of a burial in force (a suspended card's none)."""
        return min(
            (
                flag.buried_until
                for flag in self._store.card_flags().values()
                if flag.buried_until is not None
                and not flag.suspended
                and flag.buried_until > moment
            ),
            default=None,
        )

    def _next_change(self, moment: datetime) -> datetime:
        """When the queue next changes with no answer: the study day's end, or a burial's
        end before it (a later day start set after the bury: the card is back at 4:00,
        and a restart and Home took it back while the session waited for 6:00)."""
        ends = [
            flag.buried_until
            for flag in self._store.card_flags().values()
            if flag.buried_until is not None and not flag.suspended and flag.buried_until > moment
        ]
        return min([next_day_start(moment, self.options.tz), *ends])

    def _hold_next_day_steps(self, fresh: set[str], moment: datetime) -> None:
        """Hold the waiting learning copies whose step falls after the study day (`fresh`,
        the restart's ids and the card on screen, leaves them out) for that day
        (`_next_day`), as an answer into such a step is held: a zone moved west or a later
        day start ended the day before the step, and the session asked it a day early while
        Home and a restart left it."""
        late = [
            card
            for card in self._queue
            if card.id in self._waiting and card.id not in fresh and self._waiting[card.id] > moment
        ]
        for card in late:
            self._next_day[card.id] = (card, self._waiting.pop(card.id))
        if late:
            gone = {card.id for card in late}
            self._queue = [card for card in self._queue if card.id not in gone]

    def _day_order(self, fresh: Sequence[StudyCard], kept: str | None) -> None:
        """Put the queued new cards and reviews in the order of `fresh` (a restart's queue:
        reviews oldest due first, then new cards in content order), each in one of the places
        such cards hold now; the learning copies and the card on screen (`kept`) stay."""
        rank = {card.id: n for n, card in enumerate(fresh)}
        columns = self._store.schedule_columns()
        places = [
            i
            for i, card in enumerate(self._queue)
            if card.id in rank
            and card.id not in self._waiting
            and not (i == 0 and card.id == kept)
            and (card.id not in columns or columns[card.id][0] == REVIEW_STATE)
        ]
        ordered = sorted((self._queue[i] for i in places), key=lambda card: rank[card.id])
        for i, card in zip(places, ordered, strict=True):
            self._queue[i] = card

    def _studiable(self, moment: datetime) -> list[StudyCard]:
        """The session's cards a due session started at `moment` studies from: those its
        filters select, less the ones suspended or buried then, by this drillbit (in this
        session or before it) or another. The new day took the cards set aside here back
        (only another drillbit's were left out, taken out again at the next card shown and
        said to be theirs), and a suspended new card took a place of new_per_day."""
        if self.options.include_hidden:
            return self._matching
        hidden = self._store.hidden_ids(moment)
        return (
            [card for card in self._matching if card.id not in hidden] if hidden else self._matching
        )

    def _leave_old_day_cards(self, fresh: set[str], kept: str | None) -> None:
        """Take out of the queue the new cards and reviews (not the learning copies) that
        the new day's own queue (`fresh`, its ids) leaves out: beyond its new_per_day or
        max_reviews_per_day. A new card queued in the old day in the place of one buried
        then (`_stand_in`) stayed when the burial ended at 4:00 and the new day queued the
        buried one too: the day ended a new card over its limit. The card on screen (`kept`)
        stays (`_hold_day_limits` keeps the day's limits then)."""
        columns = self._store.schedule_columns()
        shown = kept
        self._queue = [
            card
            for card in self._queue
            if card.id in fresh
            or card.id == shown
            or card.id in self._waiting
            or (card.id in columns and columns[card.id][0] != REVIEW_STATE)
        ]

    def _promote_due_steps(self, moment: datetime) -> tuple[tuple[str, datetime], ...]:
        """Move the waiting learning copies whose step is due at `moment` to the front of
        the queue (earliest due first), as Anki shows a learning card once its step comes,
        before the rest of the day's cards; returns them (id, due) for undo."""
        due = sorted(
            (at, index)
            for index, card in enumerate(self._queue)
            if (at := self._waiting.get(card.id)) is not None and at <= moment
        )
        if not due:
            return ()
        front = [self._queue[index] for _at, index in due]
        moved = {index for _at, index in due}
        rest = [c for i, c in enumerate(self._queue) if i not in moved]
        keep = 1 if self._keep_current and rest and 0 not in moved else 0
        self._queue = rest[:keep] + front + rest[keep:]
        for card in front:
            del self._waiting[card.id]
        return tuple((card.id, at) for card, (at, _index) in zip(front, due, strict=True))

    def _requeue(self, card: StudyCard, due: datetime | None) -> None:
        """Put an answered card back in the queue: a learning copy (`due` its step) among
        the waiting copies at the end, in due order, so a 1-minute Again is asked before a
        10-minute Good whichever came first; a cram miss (`due` None) at the very end."""
        if due is None:
            self._queue.append(card)
            return
        index = len(self._queue)
        while index > 0:
            at = self._waiting.get(self._queue[index - 1].id)
            if at is None or at <= due:
                break
            index -= 1
        self._queue.insert(index, card)
        self._waiting[card.id] = due

    def _undo_also(
        self, queue: list[StudyCard], cut: list[tuple[int, StudyCard]], elsewhere: set[int]
    ) -> None:
        """Make the last step's undo bring back `cut` too: entries the time box took out of
        `queue` (the queue as the step left it) after the step, when the next card was
        shown. Their indices are turned into indices in the queue before the step, as
        `_Step.removed` holds them (undo's own moves replayed on the positions), and
        `_Step.before` is that queue's ids up to the last of them.

        The entries at `elsewhere` (indices in `queue`) left because another drillbit
        answered or set them aside: they are not the step's to bring back. Brought back,
        a card answered there into a step whose minute had come stayed queued, while a
        restart under a plan left it out (fifty-second round)."""
        step = self._steps[-1]
        positions: list[int | None] = list(range(len(queue)))
        copy = None
        if step.appended:  # the requeued copy at the end: undo takes it out
            copy = max(i for i, card in enumerate(queue) if card.id == step.card.id)
            positions.remove(copy)
        for index, _card in step.removed:
            positions.insert(min(index, len(positions)), None)
        removed = list(step.removed)
        appended = step.appended
        for index, card in cut:
            if index == copy:
                appended = False  # undo has no copy to take out; left_for_later is cut
                continue
            if index not in elsewhere:
                removed.append((positions.index(index), card))
        removed.sort(key=lambda entry: entry[0])
        own = iter(card.id for _index, card in step.removed)
        layout = [next(own) if at is None else queue[at].id for at in positions]
        last = max((index for index, _card in removed), default=0)
        self._steps[-1] = replace(
            step, removed=tuple(removed), appended=appended, before=tuple(layout[:last])
        )

    def _undo_place(self, before: Sequence[str], index: int, card_id: str) -> int:
        """Where undo puts back `card_id`, the entry that stood at `index` in the queue whose
        ids `before` holds up to it: right after the nearest entry ahead of it still queued
        (the front when none is), with nothing changed since `index` itself. A learning
        copy waiting at the end is no neighbour of a plain card: one answered elsewhere
        into a step since waits there now."""
        plain = card_id not in self._waiting
        where: dict[str, int] = {}
        for at, card in enumerate(self._queue):
            if not (plain and card.id in self._waiting):
                where.setdefault(card.id, at)
        for ahead in reversed(before[:index]):
            if ahead in where:
                return where[ahead] + 1
        return 0

    # -- answering -------------------------------------------------------------------

    def rate(
        self, rating: Rating, *, now: datetime | None = None, duration_ms: int | None = None
    ) -> Answer:
        """A self-graded answer (concept cards): correct unless Again (Hard is a pass)."""
        return self._answer(Rating(rating), is_success(rating), now, duration_ms)

    def answer(
        self, correct: bool, *, now: datetime | None = None, duration_ms: int | None = None
    ) -> Answer:
        """A self-grading card (choice, numeric): right = Good, wrong = Again."""
        return self._answer(rating_for_answer(correct), correct, now, duration_ms)

    def answer_drill(
        self,
        *,
        passed: bool,
        hints_used: int,
        failed_attempts: int,
        now: datetime | None = None,
        duration_ms: int | None = None,
    ) -> Answer:
        """A coding drill's sitting, rated by `rating_for_drill`; correct when passed."""
        rating = rating_for_drill(
            passed=passed, hints_used=hints_used, failed_attempts=failed_attempts
        )
        return self._answer(rating, passed, now, duration_ms)

    def _answer(
        self, rating: Rating, correct: bool, now: datetime | None, duration_ms: int | None
    ) -> Answer:
        moment = self._now(now)
        card = self.current
        if card is None:
            raise SessionOver("no card to answer: the session is over")
        if self.is_over(moment):
            raise SessionOver("the mock interview's time is up")
        taken, hidden = self._elsewhere.find(self._queue, self.answers, moment)
        if card.id in taken or card.id in hidden:
            gone = self._step_back_elsewhere(taken, moment)
            self._elsewhere.drop(self._queue, self._waiting, gone, hidden)
            self._keep_current = False
            if card.id in taken:
                raise AnsweredElsewhere(card)
            raise SetAsideElsewhere(card, hidden[card.id])
        elapsed_ms = max(0, round((moment - self._shown_at).total_seconds() * 1000))
        duration = duration_ms if duration_ms is not None else elapsed_ms
        review = review_card(
            self._store,
            self._scheduler,
            card.id,
            rating,
            now=moment,
            correct=correct,
            mode=self.mode,
            duration_ms=duration,
            session_id=self.session_id,
        )
        before = len(self._queue)
        prior = [queued.id for queued in self._queue]
        later = len(self.left_for_later)
        self._queue.pop(0)
        self._keep_current = False
        self._shown_id = None
        waited = self._waiting.pop(card.id, None)
        requeued = self.options.requeue and (
            # a due session asks a card again whenever fsrs keeps it in a step due today,
            # whatever the rating, and never otherwise, so no review is logged a day early;
            # cram leaves the schedule alone (no step) and asks a miss again
            step_due_today(review, self.options.tz)
            if self.mode == "due"
            else self.mode == "cram" and rating == Rating.Again
        )
        if requeued:
            self._requeue(card, step_due(review) if self.mode == "due" else None)
        held = (
            self.mode == "due"
            and self.options.requeue
            and self._day_ends is None
            and not requeued
            and step_due_next_day(review, self.options.tz)
        )
        if held:
            self._next_day[card.id] = (card, step_due(review))
        from quiz.study.summary import Answer

        result = Answer(
            leech_lapses=self._leech_lapses(card.id, review),
            card=card,
            rating=rating,
            correct=correct,
            review_id=review.id,
            seconds=duration / 1000,
            requeued=requeued,
            answered_at=moment,
        )
        self.answers.append(result)
        self._shown_at = moment
        # The queue before this answer was [card, *rest] and is now rest (and the requeued
        # copy at its end): rest's entry i, if the time box drops it, was at i + 1 before.
        # A dropped requeued copy was not there before: undo takes it out of left_for_later.
        cut = self._fit_time_box(moment)
        removed = [(0, card)] + [(i + 1, c) for i, c in cut if i < before - 1]
        last = max(index for index, _card in removed)
        kept_copy = requeued and all(i < before - 1 for i, _ in cut)
        self._steps.append(
            _Step(
                card=card,
                answer=result,
                removed=tuple(removed),
                before=tuple(prior[:last]),
                appended=kept_copy,
                later=later,
                waited=waited,
                held=held,
            )
        )
        return result

    def _leech_lapses(self, card_id: str, review: Review) -> int | None:
        """The card's lapses when this answer was one that makes it a leech, else None."""
        if (
            review.mode != "due"
            or review.rating != Rating.Again
            or review.state_before != State.Review
        ):
            return None
        from quiz.study.leech import is_leech_lapse

        lapses = self._store.lapse_count(card_id)
        return lapses if is_leech_lapse(lapses) else None

    def skip(self, *, now: datetime | None = None) -> StudyCard | None:
        """Put the current card at the end of the queue unanswered (nothing is logged).

        Returns the new current card. A skipped mock question left unanswered at the end
        shows as unanswered in the summary.
        """
        if self.current is None:
            return None
        skipped = self._queue.pop(0)
        self._keep_current = False
        self._shown_id = None
        self._waiting.pop(skipped.id, None)  # now a plain entry at the very end
        self._queue.append(skipped)
        self._shown_at = self._now(now)
        return self.current

    def set_aside(self, *, suspend: bool, now: datetime | None = None) -> SetAside | None:
        """Suspend the current card (until unsuspended) or bury it (until tomorrow).

        It leaves the queue unanswered; nothing is logged as a review. Returns the card
        and its flag (a suspended card opened by hand and buried stays suspended). `undo`
        takes it back.
        """
        card = self.current
        if card is None:
            return None
        moment = self._now(now)
        before = self._store.card_flag(card.id)
        flag = set_card_aside(self._store, card.id, suspend=suspend, now=moment, tz=self.options.tz)
        if self.plan_mode and flag.buried_until is not None and not flag.suspended:
            ends = flag.buried_until
            self._unburied_at = ends if self._unburied_at is None else min(self._unburied_at, ends)
        removed = tuple((i, c) for i, c in enumerate(self._queue) if c.id == card.id)
        last = max((index for index, _card in removed), default=0)
        prior = tuple(queued.id for queued in self._queue[:last])
        self._queue = [c for c in self._queue if c.id != card.id]
        waited = self._waiting.pop(card.id, None)
        self._keep_current = False
        self._shown_id = None
        self._shown_at = moment
        pulled = self._stand_in(moment) or self._review_stand_in(card, moment)
        aside = SetAside(card, flag, "suspend" if suspend else "bury")
        self._steps.append(
            _Step(
                card=card,
                answer=None,
                removed=removed,
                before=prior,
                appended=False,
                later=len(self.left_for_later),
                waited=waited,
                aside=aside,
                flag_before=before,
                set_at=moment,
                pulled=pulled,
            )
        )
        return aside

    def _stand_in(self, moment: datetime) -> StudyCard | None:
        """due mode outside a plan, with no `limit`: the next new card queued when setting a
        card aside left the day's new-card allowance room (a new card buried or suspended
        is not introduced), before the waiting learning copies; None when it left none.

        A restart queued that card (and Home counted it) while the running session had one
        new card fewer; Anki's queues, rebuilt after a bury, show the next new card too."""
        if self.mode != "due" or self.plan_mode or self.options.limit is not None:
            return None
        scheduled = self._store.schedule_columns()
        queued_new = {card.id for card in self._queue if card.id not in scheduled}
        left = new_cards_left(self._store, moment, self.options.new_per_day, self.options.tz)
        if left - len(queued_new) <= 0:
            return None
        hidden = self._store.hidden_ids(moment)
        card = next(
            (
                card
                for card in self._matching
                if card.id not in scheduled and card.id not in queued_new and card.id not in hidden
            ),
            None,
        )
        if card is None:
            return None
        self._queue.insert(self._first_waiting_index(), card)
        return card

    def _first_waiting_index(self) -> int:
        """Where the queue's waiting learning copies begin (its end when none wait): a card
        the day adds goes before them, as Anki shows the day's cards before a step's."""
        return next(
            (i for i, queued in enumerate(self._queue) if queued.id in self._waiting),
            len(self._queue),
        )

    def _review_stand_in(self, aside: StudyCard, moment: datetime) -> StudyCard | None:
        """due mode outside a plan, with no `limit`: when the card set aside (`aside`) is a
        review and `max_reviews_per_day` held reviews back, the first of those, queued after
        the due cards (before the new ones and the waiting learning copies); None otherwise.

        A review buried or suspended is not reviewed, so the day's limit has room for the
        next: a restart queued it and Home counted it ("1 due" once the session said it was
        done), as Anki's queues, rebuilt after a bury, show it."""
        limit = self.options.max_reviews_per_day
        if limit is None or self.mode != "due" or self.plan_mode or self.options.limit is not None:
            return None
        columns = self._store.schedule_columns()
        saved = columns.get(aside.id)
        if saved is None or saved[0] != REVIEW_STATE:
            return None
        tz = self.options.tz
        done = reviews_done_since(self._store, day_start(moment, tz), next_day_start(moment, tz))
        queued = [card for card in self._queue if card.id not in self._waiting]
        reviews = sum(1 for card in queued if columns.get(card.id, (None,))[0] == REVIEW_STATE)
        if limit - done - reviews <= 0:
            return None
        left_out = {card.id for card in self._queue} | self._store.hidden_ids(moment)
        card = held_back_review(self._matching, columns, RestOfDay.at(moment, tz), left_out)
        if card is None:
            return None
        index = next(
            (
                i
                for i, queued_card in enumerate(self._queue)
                if queued_card.id in self._waiting or queued_card.id not in columns
            ),
            len(self._queue),
        )
        self._queue.insert(index, card)
        return card

    @property
    def can_undo(self) -> bool:
        """Something to take back: an answer, a bury or a suspend of this session."""
        return bool(self._steps) and self._summary is None

    @property
    def undo_card(self) -> StudyCard | None:
        """The card `undo` would bring back, if there is something to take back."""
        return self._steps[-1].card if self.can_undo else None

    def undo(self, *, now: datetime | None = None) -> Answer | SetAside | None:
        """Take back the last action, as Anki does: an answer, a bury or a suspend.

        An answer: the card's fsrs state and the log are restored exactly. A bury or a
        suspend: the card's flag is what it was before (unless changed since elsewhere,
        `Store.restore_flag`). Either way the queue is again what it was before the action
        (the card current again, a requeued copy gone, cards the plan's minutes dropped
        back; a skip since is not undone). Returns what was undone, or None if nothing.
        """
        if not self.can_undo:
            return None
        step = self._steps[-1]
        moment = self._now(now)
        if step.answer is not None:
            self._store.undo_review(step.answer.review_id, now=moment)
            self.answers.pop()
        elif step.set_at is not None:
            self._store.restore_flag(step.card.id, step.flag_before, set_at=step.set_at)
        self._steps.pop()
        later = self.left_for_later[step.later :]
        del self.left_for_later[step.later :]
        self._demote(step.promoted)
        taken_at = step.answer.answered_at if step.answer is not None else step.set_at
        earlier_day = (
            self._rolls_over_at is not None
            and taken_at is not None
            and taken_at < day_start(moment, self.options.tz)
        )
        if step.pulled is not None and not earlier_day:
            self._drop_copy(step.pulled.id)  # an earlier day's stays if its day has room
        if step.appended and not self._drop_copy(step.card.id):
            self._next_day.pop(step.card.id, None)  # held since for the next day
        if step.held and self._next_day.pop(step.card.id, None) is None:
            self._drop_copy(step.card.id)  # its step came in the new day: it was queued
        self._waiting.pop(step.card.id, None)
        if earlier_day:
            self._queue = [card for card in self._queue if card.id != step.card.id]
        queued = {card.id for card in self._queue}  # a card the new day queued: shown again
        for index, card in step.removed:
            if card.id not in queued:  # not one `show` put back since
                self._queue.insert(self._undo_place(step.before, index, card.id), card)
                queued.add(card.id)
        self._back_from_later([card for card in later if card.id not in queued])
        if step.waited is not None:
            self._waiting[step.card.id] = step.waited
        self._keep_current = bool(self._queue) and self._queue[0].id == step.card.id
        self._shown_id = None
        self._shown_at = moment
        self._refresh(moment, rebuild=True)  # the day's limits and order, its card first
        return step.answer if step.answer is not None else step.aside

    def _back_from_later(self, cards: Sequence[StudyCard]) -> None:
        """Queue again, at an undo, the cards the minutes left for later since its step
        that the step's own record does not hold: those a rebuild under a plan left out
        (`_replan`, when another drillbit spent minutes), which the undone answer's time
        now leaves room for. A learning copy goes back among the waiting ones at its step;
        the others before them."""
        for card in cards:
            due = self._waiting.get(card.id)
            if due is not None:
                self._requeue(card, due)
            else:
                self._queue.insert(self._first_waiting_index(), card)

    def _hold_day_limits(self, back: StudyCard, moment: datetime) -> None:
        """After an undo (`back` its card, on screen again), or at a rollover while that
        card is: keep no more new cards, nor reviews under `max_reviews_per_day`, than the
        day at `moment` has room for, `back` first, then those a restart would queue first
        (new cards in deck order, reviews oldest due first); the others leave the queue.

        A step of an earlier day counted against its own; undone, its card is new (or due)
        again on the day `_refresh` had already filled up to its limits, and the day
        ended one card over them. An undo's card kept on screen over the rollover, or undone
        after another drillbit took the day's room, did the same. Anki shows the undone card
        again, as here, and its undo never puts a queue over a limit: the counts shown and
        the cards after it are a restart's, the undone card in the place of its last."""
        tz = self.options.tz
        today, tomorrow = day_start(moment, tz), next_day_start(moment, tz)
        columns = self._store.schedule_columns()
        plain = {card.id for card in self._queue if card.id not in self._waiting}
        order = {card.id: n for n, card in enumerate(self._matching)}
        new = sorted(
            (i for i in plain if i not in columns and i != back.id),
            key=lambda i: order.get(i, len(order)),
        )
        room = new_cards_left(self._store, moment, self.options.new_per_day, tz)
        room -= back.id not in columns
        gone = set(new[max(0, room) :])
        limit = self.options.max_reviews_per_day
        if limit is not None:
            reviews = sorted(
                (columns[i][1], i)
                for i in plain
                if i != back.id and columns.get(i, (None,))[0] == REVIEW_STATE
            )
            room = limit - reviews_done_since(self._store, today, tomorrow)
            room -= columns.get(back.id, (None,))[0] == REVIEW_STATE
            gone |= {card_id for _, card_id in reviews[max(0, room) :]}
        if gone:
            self._queue = [card for card in self._queue if card.id not in gone]

    def _drop_copy(self, card_id: str) -> bool:
        """Take the last queued entry of `card_id` out (a copy an answer put back); False
        when none was queued."""
        for index in range(len(self._queue) - 1, -1, -1):
            if self._queue[index].id == card_id:
                del self._queue[index]
                return True
        return False

    def _demote(self, promoted: tuple[tuple[str, datetime], ...]) -> None:
        """Undo `_promote_due_steps`: each copy it moved waits at the end again, in due
        order, where it was before."""
        for card_id, due in promoted:
            index = next((i for i, c in enumerate(self._queue) if c.id == card_id), None)
            if index is not None:
                self._requeue(self._queue.pop(index), due)

    # -- the end ---------------------------------------------------------------------

    def next_due(self, now: datetime | None = None) -> datetime | None:
        """Earliest time one of the deck's scheduled cards can be studied (may already be
        past): its due time, or the end of its burial when later; a suspended card never.
        Seen at `now` (the session's end), a review due later in the study day can be
        studied now (`RestOfDay.due_today`, as Home counts and `d` queues it).

        Read as the due times alone, a card suspended or buried in the session just ended
        made the summary say "Next due: now", and `d` on Home then found nothing to study.
        """
        rest = None if now is None else RestOfDay.at(as_utc(now), self.options.tz)
        scheduled = self._store.schedule_columns()
        flags = self._store.card_flags()
        plain = [scheduled[i] for i in self._deck_ids if i in scheduled and i not in flags]
        first = min((due for _state, due in plain), default=None)  # as text, in C
        times = [] if first is None else [from_db(first)]
        if rest is not None and now is not None and any(rest.due_today(*c) for c in plain):
            times.append(as_utc(now))
        deck = set(self._deck_ids)
        for card_id, flag in flags.items():
            if card_id in deck and card_id in scheduled and not flag.suspended:
                state, due = scheduled[card_id]
                at = from_db(due)
                if rest is not None and now is not None and rest.due_today(state, due):
                    at = min(at, as_utc(now))
                times.append(at if flag.buried_until is None else max(at, flag.buried_until))
        return min(times, default=None)

    def finish(self, *, now: datetime | None = None) -> Summary:
        """End the session (idempotent) and return its summary."""
        if self._summary is None:
            from quiz.study.summary import build_summary

            moment = self._now(now)
            deadline = self.deadline()
            self._store.end_session(self.session_id, ended_at=moment)
            self._summary = build_summary(
                mode=self.mode,
                started_at=self.clock_started_at or self.started_at,
                ended_at=moment,
                answers=self.answers,
                planned=self.planned,
                next_due=self.next_due(moment),
                time_limit_seconds=(
                    self.time_limit.total_seconds() if self.time_limit is not None else None
                ),
                note=self._summary_note,
                time_up=deadline is not None and moment >= deadline,
                not_submitted=tuple(self._not_submitted),
                plan_mode=self.plan_mode,
                topic_names=self._topic_names,
                set_aside=[
                    (step.aside.card, step.aside.flag.suspended)
                    for step in self._steps
                    if step.aside is not None
                ],
            )
        return self._summary
