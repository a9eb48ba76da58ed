"""Due / new / learning / review counts per topic and pack, for Home and Stats."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from quiz.gcpause import gc_paused
from quiz.plural import plural
from quiz.store import Store
from quiz.store.timefmt import from_db, to_db
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, day_start, next_day_start
from quiz.study.plan_phrases import waiting_note
from quiz.study.rest_of_day import REVIEW_STATE, RestOfDay

DEFAULT_NEW_PER_DAY = 20


BURIED_SEPARATOR = " · "
"""Between the breakdown's sum and its buried cards: where a narrow line breaks it."""


@dataclass(slots=True)
class Counts:
    """Card counts for one group: new + learning + learned + suspended == total.

    `due` is the part of learning and learned whose time has come (buried cards excluded).
    """

    total: int = 0
    new: int = 0
    """Never scheduled."""
    due: int = 0
    """Scheduled and due now or earlier."""
    learning: int = 0
    """In fsrs learning or relearning steps."""
    learned: int = 0
    """In fsrs review state (graduated)."""
    suspended: int = 0
    """Taken out of study by the person (counted here, not in new/learning/learned)."""
    new_buried: int = 0
    """Of `new`, those buried until later: a due session does not introduce them today."""
    later_today: int = 0
    """Of `learning`, those whose step falls due later this study day (not buried): a due
    session started now queues them and waits for the step, as Anki's deck list counts
    them among today's learning cards (left out, Home said 3 where `d` asked 4)."""
    steps_due: int = 0
    """Of `due`, the cards in a learning or relearning step: max_reviews_per_day leaves
    them alone (`DeckCounts.scheduled_today_of`), as Anki's review limit does."""
    buried: int = 0
    """Of new, learning and learned, those buried until tomorrow (`b`): no session asks
    them today, and a count that left them unsaid read as cards gone."""

    def breakdown(self) -> str:
        """ "128 new + 15 learning + 0 review + 1 suspended = 144 cards · 2 buried until
        tomorrow": the words and the sum Home and Stats both print, so the two screens
        cannot tell the counts apart.

        Graduated cards are "review" (fsrs's name, Home's column); a zero suspended or
        buried is left out, as it is rare. The buried are a part of the sum's terms, so
        they follow it, not a term of their own. Thousands are separated ("1,732 learning
        ... = 10,146 cards"), as the backlog beside it is ("9,991 due by fsrs").
        """
        text = f"{self.new:,} new + {self.learning:,} learning + {self.learned:,} review"
        if self.suspended:
            text += f" + {self.suspended:,} suspended"
        text += f" = {self.total:,} {plural(self.total, 'card')}"
        if self.buried:
            text += f"{BURIED_SEPARATOR}{self.buried:,} buried until tomorrow"
        return text


@dataclass(slots=True)
class DeckCounts:
    """Counts for all cards, per topic and per pack, and how many new cards today allows."""

    total: Counts
    by_topic: dict[str, Counts]
    by_pack: dict[str, Counts]
    new_today: int
    """New cards a `due` session would still introduce today (daily limit applied)."""
    by_pack_topic: dict[str, dict[str, Counts]] = field(default_factory=dict)
    """Per pack, per topic (a topic name may recur in several packs)."""
    max_reviews: int | None = None
    """The max_reviews_per_day setting the count was made with (None: no limit)."""
    reviews_done: int = 0
    """Reviews of cards in review today's due sessions already did (with `max_reviews`;
    learning and relearning steps are not counted, `reviews_done_since`)."""
    new_allowance: int = DEFAULT_NEW_PER_DAY
    """New cards today's due sessions may still introduce (new_per_day less those
    introduced today), over the whole bank: `new_today` is this within the bank's cards."""

    @property
    def reviews_left(self) -> int | None:
        """Scheduled cards today's due sessions may still review, or None without a limit."""
        return None if self.max_reviews is None else max(0, self.max_reviews - self.reviews_done)

    def due_today(self, due: int) -> int:
        """Of `due` cards in review (fsrs due now, a row's or the total), how many a due
        session gives today: at most what is left of max_reviews_per_day, as the session's
        queue (`plan_due`'s `review_allowance`) and Anki's deck list count them."""
        left = self.reviews_left
        return due if left is None else min(due, left)

    def scheduled_today_of(self, group: Counts) -> int:
        """Of a group's scheduled cards, how many a due session over it asks today: those
        in review due now (`due_today`), and those in a learning step due now or later
        today (which the session waits for, `steps_due_later`), which the daily limit
        leaves alone; Home's and `drillbit stats`' "due"."""
        return self.due_today(group.due - group.steps_due) + group.steps_due + group.later_today

    def new_today_of(self, group: Counts) -> int:
        """Of a group's (a row's) new cards, how many a due session over it introduces
        today: those not buried, within what is left of new_per_day."""
        return min(group.new - group.new_buried, self.new_allowance)

    def studies_today(self, group: Counts) -> int:
        """What `d` gives today over a group (a Home row): its due cards within
        max_reviews_per_day, then its new cards within new_per_day, as a due session's
        queue (`plan_due`) takes them and Anki's deck list counts them."""
        return self.scheduled_today_of(group) + self.new_today_of(group)

    def headline(self) -> tuple[str, ...]:
        """Home's and the stats screen's count of today, without a plan (`today_headline`)."""
        total = self.total
        return today_headline(
            self.scheduled_today_of(total),
            self.new_today,
            total.due,
            self.max_reviews,
            self.reviews_done,
            later_today=total.later_today,
        )


def today_headline(
    today: int,
    new_today: int,
    due: int,
    max_reviews: int | None,
    reviews_done: int,
    *,
    later_today: int = 0,
) -> tuple[str, ...]:
    """The count of today without a plan, in Home's, the stats screen's and `drillbit
    stats`' words: ("1,931 due", " · 20 new today"; every count with its thousands
    separated, as "9,991 due by fsrs" beside it) and, only when the daily limit holds
    back part of fsrs's `due` cards, a note of the backlog and why: " (9,991 due by fsrs;
    max_reviews_per_day 200, 8 done so far)". The first two are what `d` studies today:
    `today` counts the `later_today` cards whose learning step falls due later today
    (and those whose step is due now: the limit holds back only cards in review)."""
    parts: tuple[str, ...] = (f"{today:,} due", f" · {new_today:,} new today")
    if today - later_today < due:
        did = f", {reviews_done:,} done so far" if reviews_done else ""  # "today" once a line
        parts += (f" ({fsrs_due(due)}; max_reviews_per_day {max_reviews}{did})",)
    return parts


def fsrs_due(count: int) -> str:
    """'9,991 due by fsrs': the cards whose fsrs due time has come, all of them.

    The one wording of that backlog beside a smaller count of today (Home's and the stats
    screen's note when max_reviews_per_day holds part of it back, and their line while an
    interview plan studies its own cards instead), so no screen shows a third "due"."""
    return f"{count:,} due by fsrs"


PLAN_TIMES_THEM = " (the plan decides when)"
"""Beside fsrs's due count while a plan runs and today's list is not known (`drillbit
stats` when the plan plans no day today): those cards are not today's reviews unless the
plan's list takes them. With the list known, `plan_headline` says which wait."""


def due_not_today(store: Store, now: datetime, due: int, offered: Iterable[str]) -> int:
    """Of fsrs's `due` cards, those today's plan does not ask (`offered`: the ids a
    session started now studies). A same-day step, or a look the last pass put today, is
    in the plan's count already: Home, the stats screen and `drillbit stats` counted it
    twice, as planned and as due by fsrs. The one count of the three.

    Looks up only the offered cards in the columns the counts read just before
    (`Store.schedule_columns`, kept until the database changes): reading every due id
    (`Store.due_before`) cost 7 ms of CPU on a heavy home at each Home recount and stats
    view, for the dozen ids a plan offers."""
    if not due:
        return 0
    columns = store.schedule_columns()
    moment = to_db(as_utc(now))
    asked = 0
    for card_id in offered:
        saved = columns.get(card_id)
        asked += saved is not None and saved[1] <= moment
    return max(0, due - asked)


def due_among(store: Store, now: datetime, ids: Iterable[str]) -> int:
    """How many of `ids` are due by `now` (their fsrs due time has come), read off the
    columns the counts read (`Store.schedule_columns`): Home's cards left in a learning
    step that fsrs's due count has already, so that it counts each waiting card once."""
    columns = store.schedule_columns()
    moment = to_db(as_utc(now))
    return sum(1 for card_id in ids if (saved := columns.get(card_id)) and saved[1] <= moment)


@dataclass(frozen=True)
class PlanWaiting:
    """The cards fsrs would ask today that today's plan leaves for later, each once:
    Home's, the stats screen's and `drillbit stats`' " · 12 more due by fsrs today, 8 of
    them in a learning step: ..." (`plan_waiting` counts it)."""

    count: int = 0
    """fsrs's due cards the list does not ask, and its cards left in a learning step
    whose step comes later today."""
    in_step: int = 0
    """Of `count`, the cards the list leaves in a learning step (`DayPlan.steps_waiting`)."""
    not_asked: int = 0
    """Of `count`, fsrs's due cards the list does not ask (`due_not_today`): `drillbit
    stats --json`'s `due_not_today`, read here rather than counted a second time."""


def plan_waiting(
    store: Store, now: datetime, due: int, offered: Iterable[str], steps_waiting: Iterable[str]
) -> PlanWaiting:
    """What today's plan leaves of fsrs's today at `now`: fsrs's `due` cards it does not
    ask (`due_not_today`) and its cards left in a step (`steps_waiting`), a step that has
    come counted once. The one count of Home, the stats screen and `drillbit stats`:
    until the fiftieth round the CLI said "62 due by fsrs, not today" beside Home's
    "70 more due by fsrs today, 8 of them in a learning step", each screen adding it up."""
    steps = tuple(steps_waiting)
    not_asked = due_not_today(store, now, due, offered)
    count = not_asked
    if steps:
        count += len(steps) - due_among(store, now, steps)  # a step due now is in `due`
    return PlanWaiting(count, len(steps), not_asked)


def plan_headline(planned: int, waiting: PlanWaiting, *, last_pass: bool) -> tuple[str, str]:
    """Home's, the stats screen's and `drillbit stats`' count of today while an interview
    plan runs: "14 planned today" (what `d` studies now, Home's `today` column) and what
    it leaves of fsrs's today (`plan_waiting`) and when the plan takes it
    (`waiting_note`)."""
    note = waiting_note(waiting.count, waiting.in_step, last_pass=last_pass)
    return f"{planned:,} planned today", note


def plan_backlog(due: int) -> str:
    """fsrs's backlog beside the plan's cards when today's list is not known, " · 9,984
    due by fsrs (the plan decides when)", "" when none is due."""
    return f" · {fsrs_due(due)}{PLAN_TIMES_THEM}" if due else ""


def new_cards_left(store: Store, moment: datetime, new_per_day: int, tz: tzinfo) -> int:
    """New cards due sessions may still introduce on the study day of `moment` in `tz` (its
    `day_starts_at` hour): new_per_day less the cards first answered from that day's start
    to the next's (a card answered then undone is new again; one dated after the day, by a
    clock set back since, counts on its own day), never below 0.

    The one count of it: Home's and `drillbit stats`' "20 new today" (`count_groups`), a
    due session's queue (`mode_queue`, and so its rollover), the new card it queues for one
    set aside (`Session._stand_in`) and the day's limit an undo keeps (`_hold_day_limits`)
    each made the day's bounds and the subtraction themselves, four copies to keep alike."""
    today, tomorrow = day_start(moment, tz), next_day_start(moment, tz)
    return max(0, new_per_day - store.introduced_since(today, tomorrow))


def reviews_done_since(store: Store, since: datetime, until: datetime | None = None) -> int:
    """Reviews of cards in review (not new, not in a learning or relearning step) in due
    sessions from `since` (before `until`): what counts against max_reviews_per_day, as
    a due session counts it. Anki counts the day's learning apart: counted, a new card's
    two steps took two of the day's reviews."""
    reviews = store.reviews(since=since, until=until, mode="due")
    return sum(1 for r in reviews if r.state_before == REVIEW_STATE)


_TOTAL, _NEW, _DUE, _LEARNING, _LEARNED, _SUSPENDED, _NEW_BURIED, _LATER_TODAY = range(8)
_STEPS_DUE, _BURIED = 8, 9
_FIGURES = 10


def _counts(row: list[int]) -> Counts:
    return Counts(
        total=row[_TOTAL],
        new=row[_NEW],
        due=row[_DUE],
        learning=row[_LEARNING],
        learned=row[_LEARNED],
        suspended=row[_SUSPENDED],
        new_buried=row[_NEW_BURIED],
        later_today=row[_LATER_TODAY],
        steps_due=row[_STEPS_DUE],
        buried=row[_BURIED],
    )


def _add_into(target: list[int], row: list[int]) -> None:
    for index, value in enumerate(row):
        target[index] += value


CardGroups = dict[tuple[str, str], list[str]]
"""Card ids by (pack, topic), in the cards' order: what counting needs of the cards."""


def group_cards(cards: Iterable[StudyCard]) -> CardGroups:
    """The ids of `cards` by (pack, topic); depends on the cards only, so callers may keep it."""
    groups: CardGroups = {}
    for card in cards:
        pack = getattr(card, "pack", "")  # pack_of, inlined: 10,000 calls at every stats
        key = (pack if isinstance(pack, str) else "", card.topic)
        ids = groups.get(key)
        if ids is None:
            ids = groups[key] = []
        ids.append(card.id)
    return groups


def topic_labels(groups: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each (pack, topic)'s name in per-topic figures: the topic's own name, or
    "topic (pack)" when a topic of the same name is in another pack too. Two packs'
    "optimizers" are two rows, not one row of both packs' reviews; the topic comes first,
    so the two sort together and a chart that cuts the name still shows the topic."""
    packs: dict[str, set[str]] = {}
    for pack, topic in groups:
        packs.setdefault(topic, set()).add(pack)
    return {
        (pack, topic): topic if len(packs[topic]) == 1 else f"{topic} ({pack})"
        for topic, names in packs.items()
        for pack in names
    }


def deck_counts(
    store: Store,
    cards: Iterable[StudyCard],
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    max_reviews_per_day: int | None = None,
    tz: tzinfo = UTC,
) -> DeckCounts:
    """Count the given cards against their saved states at `now` (see `count_groups`)."""
    return count_groups(
        store,
        group_cards(cards),
        now,
        new_per_day=new_per_day,
        max_reviews_per_day=max_reviews_per_day,
        tz=tz,
    )


def count_groups(
    store: Store,
    groups: CardGroups,
    now: datetime,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    max_reviews_per_day: int | None = None,
    *,
    tz: tzinfo = UTC,
) -> DeckCounts:
    """Count grouped cards against their saved states at `now`, each card once.

    With `max_reviews_per_day`, the reviews today's due sessions already did are read too
    (`DeckCounts.due_today` caps a due count by what is left).

    Reads only the state and due columns (due compared as the store's fixed-width UTC
    text, which orders as time): no fsrs Card JSON, no datetime per card. Topics, packs
    and the total are sums of the few (pack, topic) groups.
    """
    moment = as_utc(now)
    rest = RestOfDay.at(moment, tz)
    step_before, review_before = rest.due_before.step, rest.due_before.review  # its rule
    # inlined: Home's hot loop (`DueBefore` says why)
    today, tomorrow = day_start(moment, tz), next_day_start(moment, tz)
    with gc_paused():  # 10,000 rows read and kept: no full collection over the app's objects
        states = store.schedule_columns()
        flags = store.card_flags()
    rows: dict[tuple[str, str], list[int]] = {}
    for key, ids in groups.items():
        row = rows[key] = [len(ids)] + [0] * (_FIGURES - 1)
        for card_id in ids:
            saved = states.get(card_id)
            flag = flags.get(card_id) if flags else None
            if flag is not None and flag.suspended:
                row[_SUSPENDED] += 1
                continue
            hidden = flag is not None and flag.hidden_at(moment)
            row[_BURIED] += hidden
            if saved is None:
                row[_NEW] += 1
                row[_NEW_BURIED] += hidden
                continue
            state, due = saved
            learned = state == REVIEW_STATE
            row[_LEARNED if learned else _LEARNING] += 1
            if hidden:
                continue
            if due < (review_before if learned else step_before):  # `DueBefore.due`
                row[_DUE] += 1
                if not learned:
                    row[_STEPS_DUE] += 1
            elif rest.step_later(state, due):  # d's session waits for it (`steps_due_later`)
                row[_LATER_TODAY] += 1
    total = [0] * _FIGURES
    by_topic: dict[str, list[int]] = {}
    by_pack: dict[str, list[int]] = {}
    by_pack_topic: dict[str, dict[str, list[int]]] = {}
    for (pack, topic), row in rows.items():
        _add_into(total, row)
        _add_into(by_topic.setdefault(topic, [0] * _FIGURES), row)
        if pack:
            _add_into(by_pack.setdefault(pack, [0] * _FIGURES), row)
            by_pack_topic.setdefault(pack, {})[topic] = row
    allowance = new_cards_left(store, moment, new_per_day, tz)
    done = 0 if max_reviews_per_day is None else reviews_done_since(store, today, tomorrow)
    return DeckCounts(
        total=_counts(total),
        by_topic={topic: _counts(row) for topic, row in by_topic.items()},
        by_pack={pack: _counts(row) for pack, row in by_pack.items()},
        by_pack_topic={
            pack: {topic: _counts(row) for topic, row in topics.items()}
            for pack, topics in by_pack_topic.items()
        },
        new_today=min(total[_NEW] - total[_NEW_BURIED], allowance),
        max_reviews=max_reviews_per_day,
        reviews_done=done,
        new_allowance=allowance,
    )


def counts_change_at(store: Store, now: datetime, tz: tzinfo) -> datetime:
    """When the counts next change by the clock alone: the next due time of a card not
    yet due (a learning step, say), or the next study day's start in `tz` (a new day: new cards,
    buried cards back, an interview plan's next day), whichever comes first. A review due
    later today is counted already (`RestOfDay.due_today`): its hour changes nothing."""
    rest = RestOfDay.at(now, tz)
    columns = store.schedule_columns().values()
    due = min((at for state, at in columns if not rest.due_today(state, at)), default=None)
    new_day = next_day_start(now, tz)
    return new_day if due is None else min(from_db(due), new_day)


STORE_POLL_SECONDS = 3.0
"""How often Home asks whether the database changed under it (`counts_stale`)."""


def counts_stale(store: Store, counted_at: object) -> bool:
    """Whether what was counted at the store's version `counted_at` (`Store.version()`,
    read before the counts) is out of date: a commit since, through this store or another
    connection (a drillbit in another shell rating a card: SQLite's `data_version`).

    One PRAGMA on the open connection, nothing read: Home asks it every
    `STORE_POLL_SECONDS` and counts again only when it says so. A version that cannot be
    told (None) is never stale here: Home then counts on its other occasions only."""
    if counted_at is None:
        return False
    now = store.version()
    return now is not None and now != counted_at
