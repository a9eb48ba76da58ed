"""What to study and how much is left: study requests, Home's rows, due times in words.

Textual-free, so the CLI and the TUI describe the bank the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from quiz.bank.lazy import LazyBank
from quiz.plural import counted
from quiz.store import Mode
from quiz.study import Counts, DeckCounts, StudyCard
from quiz.study.cards import pack_of
from quiz.study.counts import CardGroups, topic_labels

if TYPE_CHECKING:
    from quiz.settings import Settings
    from quiz.study import Session, SessionOptions
    from quiz.study.plan_today import PlanQueue


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
    card_title: str | None = None
    """The title of the one card of `card_ids`, for the session's title: a person knows
    cards by title, not by id ("cram · ReLU vs sigmoid", not "cram · relu-vs-sigmoid")."""
    pack: str | None = None
    """Only this pack's cards (Home's rows when the bank has several packs)."""
    ahead: bool = False
    """due under a plan whose day's list is done: study ahead, the next days' new cards
    that fit in today's minutes left (`PlanQueue.ahead`), not the day's list."""

    def describe(self, *, plan: bool = False) -> str:
        """A short title such as 'due · optimizers'; 'plan · optimizers' for a due session
        under an interview plan (`plan`: it studies the plan's day, not fsrs's due cards)."""
        parts: list[str] = ["plan" if plan and self.mode == "due" else self.mode]
        if self.ahead and self.mode == "due":
            parts.append("ahead")
        parts += [value for value in (self.pack, self.topic, self.tag, self.kind) if value]
        if self.card_ids and len(self.card_ids) == 1:
            parts.append(self.card_title or self.card_ids[0])
        return " · ".join(parts)


ALL_PACKS = ""
"""The pack of Home's first row when the bank has several packs: every card."""


@dataclass(frozen=True)
class TopicRow:
    """One line of the Home screen: every pack (pack `ALL_PACKS`), a pack (topic None)
    or one of its topics.

    new + learning + review + suspended == total; `due` is the part of learning and
    review whose time has come.
    """

    pack: str
    title: str
    topic: str | None
    due: int
    new: int
    learned: int
    total: int
    learning: int = 0
    suspended: int = 0
    new_buried: int = 0
    """Of `new`, those buried until later: `d` does not introduce them today."""
    later_today: int = 0
    """Of `learning`, those whose step falls due later today: `d` waits for them."""
    steps_due: int = 0
    """Of `due`, those in a learning step: max_reviews_per_day leaves them alone."""

    @property
    def review(self) -> int:
        """Graduated cards (fsrs review state), due or not."""
        return self.learned

    @property
    def counts(self) -> Counts:
        """The row's counts, to ask `DeckCounts` what `d` gives over it today."""
        return Counts(
            total=self.total,
            new=self.new,
            due=self.due,
            learning=self.learning,
            learned=self.learned,
            suspended=self.suspended,
            new_buried=self.new_buried,
            later_today=self.later_today,
            steps_due=self.steps_due,
        )


def planned_by_row(
    rows: Sequence[TopicRow], cards: Iterable[StudyCard], planned: Iterable[str]
) -> list[int]:
    """How many of today's planned cards (`planned`, ids) each Home row holds: what a
    due session over that row studies while an interview plan is set."""
    wanted = set(planned)
    per_pack: Counter[str] = Counter()
    per_topic: Counter[tuple[str, str]] = Counter()
    for card in cards:
        if card.id in wanted:
            pack = pack_of(card)
            per_pack[pack] += 1
            per_topic[pack, card.topic] += 1
    every = sum(per_pack.values())
    return [
        every
        if r.pack == ALL_PACKS
        else per_pack[r.pack]
        if r.topic is None
        else per_topic[r.pack, r.topic]
        for r in rows
    ]


def home_rows(pack_titles: Mapping[str, str], counts: DeckCounts) -> list[TopicRow]:
    """Each pack (content order) followed by its topics (sorted), with counts; first, when
    there are several packs, a row of every card (one session over the whole bank, as
    Home's totals and an interview plan's day count them)."""
    groups: list[tuple[str, str, str | None, Counts]] = []
    if len(counts.by_pack_topic) > 1:
        groups.append((ALL_PACKS, "All packs", None, counts.total))
    for pack, topics in counts.by_pack_topic.items():
        groups.append((pack, pack_titles.get(pack, pack), None, counts.by_pack[pack]))
        groups += [(pack, topic, topic, topics[topic]) for topic in sorted(topics)]
    return [
        TopicRow(
            pack=pack,
            title=title,
            topic=topic,
            due=c.due,
            new=c.new,
            learned=c.learned,
            total=c.total,
            learning=c.learning,
            suspended=c.suspended,
            new_buried=c.new_buried,
            later_today=c.later_today,
            steps_due=c.steps_due,
        )
        for pack, title, topic, c in groups
    ]


def request_for(bank: LazyBank, mode: Mode, row: TopicRow | None) -> StudyRequest:
    """The session Home starts for a highlighted pack or topic row (from the card index)."""
    if row is None or row.pack == ALL_PACKS:
        return StudyRequest(mode=mode)
    if len(bank.index.pack_titles) <= 1:
        return StudyRequest(mode=mode, topic=row.topic)
    # a selection, not a list of ids: suspended and buried cards stay out, and a due
    # session over a pack or topic is plan mode's when a plan is set
    return StudyRequest(mode=mode, pack=row.pack, topic=row.topic)


def session_options(
    request: StudyRequest,
    settings: Settings,
    tz: tzinfo,
    planned: PlanQueue | None,
    groups: CardGroups | None = None,
) -> SessionOptions:
    """How to build the session a request asks for, under these settings and today's plan
    (`planned`: plan mode's queue, for a due session over the whole bank with a plan; a
    request to study ahead takes its `ahead` cards).

    `groups`, the bank's cards by (pack, topic), name the summary's topics as the stats
    screen does: "topic (pack)" for a name two packs share, a card picked by hand too."""
    from quiz.study import Filters, SessionOptions

    if request.ahead and request.mode == "due":
        from quiz.study.plan_today import PlanQueue

        # exactly the cards offered ahead, in their own time box (none without a plan or
        # an offer: the session is then empty, not fsrs's due cards)
        planned = PlanQueue.empty() if planned is None else planned.studying_ahead()
    mock = request.mode == "mock"
    return SessionOptions(
        mode=request.mode,
        filters=Filters(topic=request.topic, tag=request.tag, kind=request.kind, pack=request.pack),
        limit=request.limit if request.limit is not None or not mock else settings.mock_questions,
        minutes=request.minutes if request.minutes is not None else settings.mock_minutes,
        new_per_day=settings.new_per_day,
        max_reviews_per_day=settings.max_reviews_per_day,
        tz=tz,
        include_hidden=request.card_ids is not None,
        plan_queue=None if planned is None else planned.ids,
        time_box=None if planned is None else planned.box,
        fits_no_day=frozenset(() if planned is None else planned.too_long),
        # plan mode short of days: no card is asked again today (it waits for the plan)
        requeue=planned is None or planned.same_day_steps,
        # ... and its answers are scheduled without steps, so none is left in a step
        same_day_steps=planned is None or planned.same_day_steps,
        topic_names=None if groups is None else topic_labels(groups),
    )


def nothing_to_study(
    session: Session, planned: PlanQueue | None = None, *, ahead: bool = False
) -> str:
    """Why a session found no card, for the note shown instead of opening it.

    Under a plan the reason is the plan's, not fsrs's due times and daily new-card limit;
    `planned`, today's plan queue now, says what may be studied ahead (a session studying
    ahead, `ahead`, says why nothing may).
    """
    tag = session.options.filters.tag
    # a tag's session (the palette's "Study tag"): Home's c crams its row, not the tag
    goes_on = (
        "Try c (cram) or m (mock): they keep the schedule."
        if tag is None
        else f'Try "Cram tag: {tag}" (^p): it keeps the schedule.'
    )
    if ahead:
        from quiz.study.plan_phrases import nothing_ahead

        if planned is None:
            return nothing_ahead("no interview plan runs today")
        return nothing_ahead(planned.no_ahead_reason())
    offer = None if planned is None else planned.offer_note()
    if not session.plan_mode or session.options.plan_queue is None:
        # new_per_day 0 introduces none: "today's new cards are done" told a person who had
        # studied nothing that they had, and not why no new card came
        new = (
            "new_per_day 0 lets no new card in (Settings, ,)"
            if session.options.new_per_day <= 0
            else "today's new cards are done"
        )
        return f"Nothing to study: none due, and {new}. {goes_on}"
    if planned is not None and session.options.time_box is not None and session.left_for_later:
        # counted as `drillbit plan` counts them: not a card no day's minutes fit
        return planned.left_out_note(card.id for card in session.left_for_later)
    if (minutes_used := session.time_box_note) is not None:
        return minutes_used
    queued = len(session.options.plan_queue)
    box = session.options.time_box
    if not queued and offer is not None:
        return f"Today's plan is done. {offer}"
    if not queued and box is not None and box.used_up:
        # Home says "today: done, N of M min used" from the same TimeBox.used_up
        from quiz.study.plan_phrases import minutes_used_note

        return minutes_used_note()
    if queued and tag is not None:
        return f"Nothing here in today's plan: none of its {counted(queued, 'card')} is tagged {tag}. {goes_on}"
    if queued:
        return (
            f"Nothing here in today's plan: its {counted(queued, 'card')} are in "
            f"other packs or topics. {goes_on}"
        )
    return (
        "Nothing more is planned today: its cards are done, or the plan reaches its "
        f"target without more. {goes_on}"
    )


def describe_due(moment: datetime | None, now: datetime, tz: tzinfo) -> str:
    """'now', 'in 10 min', 'in 3 h', 'in 4 days (date)' or 'nothing scheduled'."""
    if moment is None:
        return "nothing scheduled"
    seconds = (moment - now).total_seconds()
    if seconds <= 60:
        return "now"
    if seconds < 3600:
        return f"in {round(seconds / 60)} min"
    if seconds < 86400:
        return f"in {round(seconds / 3600)} h"
    return f"in {counted(round(seconds / 86400), 'day')} ({moment.astimezone(tz):%Y-%m-%d})"
