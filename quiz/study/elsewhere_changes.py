"""A due session's watch on another drillbit studying the same progress: which queued cards
were answered, suspended or buried there, taking them out of the queue, and putting them
back once they are in study again.

Two drillbits studying one progress (two shells) each asked the other's cards again.
`Session` owns the queue and hands it in at every card shown and answer; this keeps what
was taken out and what the screen is to say (`quiz.study.elsewhere` has its words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from quiz.store import CardState, Store
from quiz.store.timefmt import to_db
from quiz.study.cards import StudyCard
from quiz.study.elsewhere import (
    answered_elsewhere_phrase,
    back_elsewhere_phrase,
    set_aside_elsewhere_phrase,
    stepped_elsewhere_phrase,
)
from quiz.study.rest_of_day import RestOfDay

if TYPE_CHECKING:
    from quiz.study.summary import Answer


class ElsewhereChanges:
    """What other drillbits did to one session's cards since it began (due mode; a cram or
    a mock interview leaves the schedule alone and watches nothing)."""

    def __init__(
        self,
        store: Store,
        *,
        session_id: int,
        started_at: datetime,
        watching: bool,
        hidden_at_start: dict[str, StudyCard],
        tz: tzinfo = UTC,
    ) -> None:
        self._store = store
        self._tz = tz
        """The person's zone and day start: a review is due by its study day
        (`RestOfDay.due_today`), as the session's queue has it."""
        self._session_id = session_id
        self._started_at = started_at
        self._watching = watching
        self._last_id = store.last_review_id() if watching else 0
        """The log's last review id when the session began: answers logged before it were
        not given meanwhile, even when a clock set back dates them after `started_at`."""
        self.answered: list[StudyCard] = []
        """Queued cards another drillbit answered meanwhile, not due again yet, taken out of
        the queue so that no card is reviewed twice; the screen says so."""
        self.set_aside: list[tuple[StudyCard, bool]] = []
        """Queued cards another drillbit suspended (True) or buried (False) meanwhile, each
        time one was taken out of the queue; the screen says so. They were asked anyway,
        and an answer gave a suspended card a due time again."""
        self._aside: dict[str, tuple[StudyCard, datetime | None]] = {}
        """The cards of `set_aside` still out, with the due time of the learning copy each
        was (None: a plain entry): `put_back` queues one once its flag is gone (an
        unsuspend, or an undo there) or its burial over, if it is still due."""
        self.back: list[StudyCard] = []
        """Cards put back into the queue once another drillbit unsuspended (or unburied)
        them, each time one came back; the screen says so, as it said they went: a count
        that grew unexplained read as a card from nowhere."""
        self._hidden_at_start = hidden_at_start
        """The cards left out at the start because they were suspended or buried then (due
        mode outside a plan): `put_back_unhidden` queues one once another drillbit puts it
        back into study, if it is a scheduled card due by then (a new one would pass
        `new_per_day`)."""
        self.stepped: list[StudyCard] = []
        """Queued cards another drillbit answered into a learning step due later today,
        each once: the session asks them at that step (`Session._step_back_elsewhere`)."""
        self._stepped_at: dict[str, datetime] = {}
        """When the other drillbit answered each card of `stepped`: that answer is one the
        session has taken in (the card waits for its step here), not to be taken again."""
        self._answered_at: Mapping[str, datetime] = {}
        """The other drillbits' last answer of each card, as `find` last read them."""
        self._told = (0, 0, 0, 0)
        """How many of `answered`, `set_aside`, `back` and `stepped` `news` has said."""

    def find(
        self, queue: Sequence[StudyCard], answers: Sequence[Answer], moment: datetime
    ) -> tuple[set[str], dict[str, bool]]:
        """What other drillbits did to the session's cards, in one query: the `queue`'s cards
        answered there since the session last did (`answers`) or began that are not due
        again at `moment` (asking one now would review it twice; one due again, an Again
        whose step has passed, is asked), and every card suspended (True) or buried
        (False) there since the session began."""
        if not self._watching:
            return set(), {}
        changes = self._store.changed_elsewhere(
            self._started_at, self._session_id, moment, after_id=self._last_id
        )
        ours = {answer.card.id: answer.answered_at for answer in answers}  # the last
        queued = {card.id for card in queue}
        taken: set[str] = set()
        self._answered_at = changes.answered
        for card_id in queued & changes.answered.keys():
            # taken in already: the session's own last answer or a step it waits for; an
            # answer logged since the start (`after_id`) in the start's second is new, as a
            # restart has it (it stayed queued: fifty-second round)
            seen = [at for at in (ours.get(card_id), self._stepped_at.get(card_id)) if at]
            if seen and changes.answered[card_id] <= max(seen):
                continue
            saved = self._store.card_state(card_id)
            if saved is not None and not self._due(saved, moment):
                taken.add(card_id)  # a review due later in the day is due, as a restart has it
        return taken, changes.hidden

    def drop(
        self,
        queue: list[StudyCard],
        waiting: dict[str, datetime],
        taken: set[str],
        hidden: Mapping[str, bool],
    ) -> list[tuple[int, StudyCard]]:
        """Take the cards answered (`taken`) or set aside (`hidden`) elsewhere out of the
        `queue` and of the `waiting` steps (both changed in place); returns them with their
        indices in the queue as it was, for undo (which brings a card back only to find it
        taken again at the next card shown)."""
        dropped = [
            (index, card)
            for index, card in enumerate(queue)
            if card.id in taken or card.id in hidden
        ]
        if not dropped:
            return []
        gone = {card.id for _index, card in dropped}
        queue[:] = [card for card in queue if card.id not in gone]
        told = {card.id for card in self.answered}
        for _index, card in dropped:
            waited = waiting.pop(card.id, None)
            if card.id in taken:
                if card.id not in told:
                    told.add(card.id)
                    self.answered.append(card)
            elif card.id not in self._aside:
                self._aside[card.id] = (card, waited)
                self.set_aside.append((card, hidden[card.id]))
        return dropped

    def put_back(
        self,
        queue: list[StudyCard],
        waiting: Mapping[str, datetime],
        hidden: Mapping[str, bool],
        moment: datetime,
        requeue: Callable[[StudyCard, datetime], None],
    ) -> None:
        """Queue again the cards set aside elsewhere whose flag is gone (unsuspended, a
        suspend undone there) or whose burial is over, when still due at `moment`: before
        the `waiting` learning copies, or, a copy itself, among them at its step
        (`requeue`, the session's)."""
        for card_id in [i for i in self._aside if i not in hidden]:
            card, waited = self._aside.pop(card_id)
            if any(queued.id == card_id for queued in queue):
                continue  # an undo brought it back already
            saved = self._store.card_state(card_id)
            if saved is not None and not self._due(saved, moment):
                if waited is not None and saved.due == waited:
                    requeue(card, waited)
                    self.back.append(card)
                continue  # answered since, or a step for another day: not due here
            self._queue_before_steps(queue, waiting, card)

    def put_back_unhidden(
        self, queue: list[StudyCard], waiting: Mapping[str, datetime], moment: datetime
    ) -> None:
        """Queue the cards hidden when the session began that are back in study now and
        due at `moment`, before the `waiting` learning copies: one unsuspended in another
        drillbit's card browser stayed out of this session for good. One query per card
        shown, and none when nothing was hidden at the start."""
        if not self._hidden_at_start:
            return
        still = self._store.hidden_ids(moment)
        for card_id in [i for i in self._hidden_at_start if i not in still]:
            card = self._hidden_at_start.pop(card_id)
            saved = self._store.card_state(card_id)
            if saved is None or not self._due(saved, moment):
                continue  # new (new_per_day holds), or not due yet: not this session's
            if any(queued.id == card_id for queued in queue):
                continue
            self._queue_before_steps(queue, waiting, card)

    def news(self) -> list[str]:
        """What to tell the person of the changes since the last call, each said once:
        the session left such cards out (or took them back), and a count that moved
        unexplained read as cards lost or come from nowhere."""
        answered, aside, back, stepped = self._told
        self._told = (len(self.answered), len(self.set_aside), len(self.back), len(self.stepped))
        said = []
        if self.answered[answered:]:
            said.append(answered_elsewhere_phrase(self.answered[answered:]))
        if self.stepped[stepped:]:
            said.append(stepped_elsewhere_phrase(self.stepped[stepped:]))
        if self.set_aside[aside:]:
            said.append(set_aside_elsewhere_phrase(self.set_aside[aside:]))
        if self.back[back:]:
            said.append(back_elsewhere_phrase(self.back[back:]))
        return said

    def follow_zone(self, tz: tzinfo) -> None:
        """Count the study day in `tz` from now on, as the session does (`_follow_zone`)."""
        self._tz = tz

    def note_back(self, card: StudyCard) -> None:
        """Keep `card`, hidden when the session began and queued by its rebuild now that
        another drillbit put it back (a new card, within new_per_day), for the screen to
        say once (`back`)."""
        if all(told.id != card.id for told in self.back):
            self.back.append(card)

    def step_back(self, card: StudyCard) -> None:
        """Keep `card`, answered elsewhere into a step later today and waiting for it here,
        for the screen to say once (`stepped`): the current card left the screen."""
        if all(told.id != card.id for told in self.stepped):
            self.stepped.append(card)
        if (at := self._answered_at.get(card.id)) is not None:
            # asked ahead of its step here (nothing else left), as the session's own
            # copies are, it was found taken again at each answer and never logged
            self._stepped_at[card.id] = at

    def _due(self, saved: CardState, moment: datetime) -> bool:
        """Whether a card back in study is due at `moment` as a session started then
        would queue it: a review due later in the study day is (`RestOfDay.due_today`)."""
        return RestOfDay.at(moment, self._tz).due_today(saved.state, to_db(saved.due))

    def _queue_before_steps(
        self, queue: list[StudyCard], waiting: Mapping[str, datetime], card: StudyCard
    ) -> None:
        """Queue a card that came back into study before the waiting learning copies, and
        keep it for the screen to say (`back`)."""
        index = len(queue)
        while index > 0 and queue[index - 1].id in waiting:
            index -= 1
        queue.insert(index, card)
        self.back.append(card)
