"""What a mode studies: the queue a session starts with (due, plan, cram or mock).

Pure functions over the cards and the store's columns, plus `mode_queue`, which reads the
store once for a due session's limits; the session then runs over the queue
(`quiz.study.session`). Nothing here reads the wall clock: `now` is given.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta, tzinfo
from typing import NamedTuple

from quiz.store import Store
from quiz.store.timefmt import from_db, to_db
from quiz.study.cards import StudyCard
from quiz.study.counts import new_cards_left, reviews_done_since
from quiz.study.days import day_start, next_day_start
from quiz.study.options import SessionOptions
from quiz.study.rest_of_day import REVIEW_STATE, RestOfDay, in_step

DEFAULT_MOCK_QUESTIONS = 10
DEFAULT_MOCK_MINUTES = 20.0


def plan_due(
    cards: Sequence[StudyCard],
    due_at: Mapping[str, str],
    now: datetime,
    *,
    new_allowance: int,
    limit: int | None = None,
    review_allowance: int | None = None,
    stepping: Collection[str] = frozenset(),
    due_later_today: Collection[str] = frozenset(),
) -> list[StudyCard]:
    """Due cards by due time (oldest first, at most `review_allowance` of those not in
    `stepping`), then up to `new_allowance` new cards in order.

    `due_later_today` holds the ids of the reviews due later in the study day
    (`RestOfDay.due_today`): due now, as Anki dates a review by its day, after the overdue.

    `stepping` holds the ids of the cards in a learning or relearning step: a due one is
    queued whatever `review_allowance` says, as Anki's review limit leaves the day's
    learning cards alone. Capped, a day whose reviews were done left three cards answered
    Again an hour before unasked until the next day, Home's count at 0.

    `due_at` is each scheduled card's due time as the store keeps it (`to_db` text, which
    orders as time: `Store.due_times`), so no saved state is parsed. Only the
    oldest that can be studied are put in order (`heapq.nsmallest`, which equals a full
    sort cut short): a heavy backlog is thousands of due cards, of which a day allows a
    few hundred reviews, and sorting all of them was most of starting a session.

    Due cards are ordered by due time, then id, then place. Each is keyed by one string,
    its due time and id joined by a NUL (which sorts before every other character, so the
    strings order as the pairs do); a card listed twice keeps its place (a stable sort).
    Strings compare in C: a backlog of 10,000 due cards is put in order in half the time
    that tuples took.
    """
    now_text = to_db(now)
    ids = [c.id for c in cards]
    get = due_at.get
    keys = [
        f"{at}\0{card_id}"
        if (at := get(card_id)) is not None and (at <= now_text or card_id in due_later_today)
        else ""
        for card_id in ids
    ]
    ready = [n for n, key in enumerate(keys) if key]  # a due card's key is never empty
    if review_allowance is not None and stepping:
        steps = [n for n in ready if ids[n] in stepping]
        reviews = [n for n in ready if ids[n] not in stepping]
        if max(0, review_allowance) < len(reviews):
            reviews = heapq.nsmallest(max(0, review_allowance), reviews, key=keys.__getitem__)
        ready = sorted(steps + reviews)  # in place order again: ties keep it
        review_allowance = None
    caps = [max(0, cap) for cap in (review_allowance, limit) if cap is not None]
    if caps and min(caps) < len(ready):
        ready = heapq.nsmallest(min(caps), ready, key=keys.__getitem__)  # stable, as sort
    else:
        ready.sort(key=keys.__getitem__)
    new: list[StudyCard] = []
    allowance = max(0, new_allowance)
    for n, card_id in enumerate(ids):
        if len(new) >= allowance:
            break
        if card_id not in due_at:
            new.append(cards[n])
    queue = [cards[n] for n in ready] + new
    return queue if limit is None else queue[: max(0, limit)]


def reviews_later_today(columns: Mapping[str, tuple[int, str]], rest: RestOfDay) -> set[str]:
    """The ids of the cards in review not due yet but due before the study day ends
    (`RestOfDay.due_today`): a due session asks them today, as Anki does."""
    now, rule = rest.now_text, rest.due_before  # `DueBefore.due` inlined (it says why)
    step, review = rule.step, rule.review
    return {
        card_id
        for card_id, (state, due) in columns.items()
        if now < due < (review if state == REVIEW_STATE else step)
    }


def held_back_review(
    cards: Sequence[StudyCard],
    columns: Mapping[str, tuple[int, str]],
    rest: RestOfDay,
    left_out: Collection[str],
) -> StudyCard | None:
    """The first of the reviews due today (`RestOfDay.due_today`) among `cards` not in
    `left_out` (queued, set aside): the one `max_reviews_per_day` held back that a due
    session takes next, oldest due first as `plan_due` orders them (due time, then id)."""
    best: tuple[tuple[str, str], StudyCard] | None = None
    for card in cards:
        saved = columns.get(card.id)
        if saved is None or saved[0] != REVIEW_STATE or card.id in left_out:
            continue
        state, due = saved
        key = (due, card.id)
        if rest.due_today(state, due) and (best is None or key < best[0]):
            best = (key, card)
    return None if best is None else best[1]


def steps_due_later(
    cards: Sequence[StudyCard],
    columns: Mapping[str, tuple[int, str]],
    rest: RestOfDay,
) -> list[tuple[datetime, StudyCard]]:
    """The cards in a learning or relearning step that falls due in the `rest` of the study
    day (`RestOfDay.step_later`, the rule Home counts them by), earliest first, each with
    its due time (`columns`: the store's `schedule_columns`).

    A session ended with a card in its step, and started again before the step was due,
    left that card out (only cards due at the start were queued), so it waited for a
    session after its step; Anki keeps it in the day's learning count and asks it once due.
    """
    stepped = {
        card_id: due for card_id, (state, due) in columns.items() if rest.step_later(state, due)
    }
    if not stepped:
        return []
    later = [(stepped[card.id], n, card) for n, card in enumerate(cards) if card.id in stepped]
    later.sort(key=lambda entry: (entry[0], entry[1]))
    return [(from_db(due), card) for due, _n, card in later]


def plan_steps_later(
    store: Store,
    selected: Sequence[StudyCard],
    queue: Sequence[StudyCard],
    now: datetime,
    tz: tzinfo,
) -> list[tuple[datetime, StudyCard]]:
    """Plan mode on a day with same-day steps: of `selected`, the cards answered today
    (not in `queue`) whose step falls due later today, earliest first, with that time.
    Once the step has come the plan's day takes each back among its reviews
    (`today_decision`), so a session started before then waits for it, as the session
    that answered it does: a plan-mode session started between an answer and its step
    never asked the card while Home and a restart counted it (fiftieth round's walks)."""
    todays = {r.card_id for r in store.reviews(since=day_start(now, tz)) if r.card_after}
    queued = {card.id for card in queue}
    columns = store.schedule_columns()
    answered = {i: columns[i] for i in todays if i in columns and i not in queued}
    return steps_due_later(selected, answered, RestOfDay.at(now, tz))


def plan_ids(
    cards: Sequence[StudyCard], ids: Sequence[str], *, limit: int | None = None
) -> list[StudyCard]:
    """The selected cards whose id is in `ids`, in the order of `ids` (plan mode)."""
    by_id = {card.id: card for card in cards}
    queue = [by_id[card_id] for card_id in ids if card_id in by_id]
    return queue if limit is None else queue[: max(0, limit)]


def plan_cram(
    cards: Sequence[StudyCard], *, limit: int | None = None, rng: random.Random | None = None
) -> list[StudyCard]:
    """The selection as it is (content order), or shuffled when an rng is given."""
    queue = list(cards)
    if rng is not None:
        rng.shuffle(queue)
    return queue if limit is None else queue[: max(0, limit)]


def plan_mock(cards: Sequence[StudyCard], count: int, rng: random.Random) -> list[StudyCard]:
    """`count` distinct cards mixed across topics and kinds, reproducible for a seeded rng.

    Cards are grouped by (topic, kind); the groups are visited round-robin in a shuffled
    order, each yielding a random member, so no topic or kind dominates a short mock.
    """
    groups: dict[tuple[str, str], list[StudyCard]] = {}
    for card in sorted(cards, key=lambda c: c.id):
        groups.setdefault((card.topic, card.kind), []).append(card)
    keys = sorted(groups)
    rng.shuffle(keys)
    for key in keys:
        rng.shuffle(groups[key])
    picked: list[StudyCard] = []
    while len(picked) < count and any(groups[key] for key in keys):
        for key in keys:
            if groups[key] and len(picked) < count:
                picked.append(groups[key].pop())
    rng.shuffle(picked)
    return picked


class ModeQueue(NamedTuple):
    """What a session starts with: its queue, and the learning copies among it that wait
    for their step later today (each with its due time), and a mock interview's time."""

    cards: list[StudyCard]
    waiting: list[tuple[datetime, StudyCard]]
    """due mode: the cards at the queue's end whose step falls due later today
    (`steps_due_later`), earliest first."""
    time_limit: timedelta | None
    """mock mode: the interview's time; None in the untimed modes."""


def mode_queue(
    store: Store,
    selected: Sequence[StudyCard],
    options: SessionOptions,
    started_at: datetime,
    rng: random.Random | None,
) -> ModeQueue:
    """The queue of the mode `options` names over the `selected` cards, as it is at
    `started_at`: a plan's ids, fsrs's due cards within the day's limits and the steps due
    later today, the selection for a cram, a mixed draw for a mock interview."""
    time_limit: timedelta | None = None
    waiting: list[tuple[datetime, StudyCard]] = []
    if options.mode == "due" and options.plan_queue is not None:
        queue = plan_ids(selected, options.plan_queue, limit=options.limit)
        if options.same_day_steps and options.limit is None:
            waiting = plan_steps_later(store, selected, queue, started_at, options.tz)
            queue += [card for _due, card in waiting]
    elif options.mode == "due":
        today = day_start(started_at, options.tz)
        tomorrow = next_day_start(started_at, options.tz)
        columns = store.schedule_columns()
        rest = RestOfDay.at(started_at, options.tz)
        reviews_left = None
        stepping: set[str] = set()
        if options.max_reviews_per_day is not None:
            done = reviews_done_since(store, today, tomorrow)
            reviews_left = options.max_reviews_per_day - done
            stepping = {card_id for card_id, (state, _) in columns.items() if in_step(state)}
        queue = plan_due(
            selected,
            store.due_times(),
            started_at,
            new_allowance=new_cards_left(store, started_at, options.new_per_day, options.tz),
            limit=options.limit,
            review_allowance=reviews_left,
            stepping=stepping,
            due_later_today=reviews_later_today(columns, rest),
        )
        room = None if options.limit is None else max(0, options.limit - len(queue))
        later = steps_due_later(selected, columns, rest)
        waiting = later[:room]
        queue += [card for _due, card in waiting]
    elif options.mode == "cram":
        shuffler = (rng or random.Random()) if options.shuffle else None
        queue = plan_cram(selected, limit=options.limit, rng=shuffler)
    else:
        count = options.limit if options.limit is not None else DEFAULT_MOCK_QUESTIONS
        queue = plan_mock(selected, count, rng if rng is not None else random.Random())
        minutes = options.minutes
        time_limit = timedelta(minutes=minutes if minutes is not None else DEFAULT_MOCK_MINUTES)
    return ModeQueue(queue, waiting, time_limit)
