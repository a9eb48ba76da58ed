"""The card browser's rows: every card with its schedule state, filtered, searched, sorted.

Shared by `drillbit cards` and the browser screen; Textual-free.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal, get_args

from fsrs import State

from quiz.bank.card_facts import CardFields
from quiz.card_query import QueryError, parse_query
from quiz.store import Store
from quiz.study.days import as_utc, clock_zone
from quiz.study.rest_of_day import DueBefore

if TYPE_CHECKING:  # the card models and the search: not for the rows (the browser's first
    # frame imported them, pydantic's model classes built, for an edit and a search later)
    from quiz.bank.loader import Bank
    from quiz.bank.models import Card
    from quiz.browser_plan import PlanDue
    from quiz.search import SearchIndex

CardState = Literal["new", "learning", "review", "suspended", "buried"]
STATES: tuple[str, ...] = (*get_args(CardState), "due")
"""What `--state` accepts: a state, or `due` (due today: a review due by the study day's
end, a learning step by its minute, as a due session queues them: `RestOfDay.due_today`)."""
SORTS: tuple[str, ...] = ("content", "due", "difficulty", "lapses")


@dataclass(slots=True)
class CardRow:
    """One card in the browser. Not frozen (nothing changes a row once made): a frozen
    dataclass's `__init__` sets each field through `object.__setattr__`, and a heavy
    user's 10,000 rows spent about 20 ms of the browser's first frame there."""

    card: CardFields
    state: CardState
    due: datetime | None
    difficulty: float | None
    """fsrs difficulty (1 easy - 10 hard) once reviewed; None while new."""
    lapses: int
    """Times the card was forgotten once learned: an Again to a card in review (as Anki
    counts lapses). An Again during the learning steps is no lapse (the card is being
    learned, not forgotten), nor is a cram or mock answer."""
    is_due: bool

    def as_json(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "id": self.card.id,
            "title": self.card.title,
            "kind": self.card.kind,
            "pack": self.card.pack,
            "topic": self.card.topic,
            "state": self.state,
            "due": self.due.isoformat() if self.due else None,
            "difficulty": self.difficulty,
            "lapses": self.lapses,
        }


def card_rows(
    cards: Sequence[CardFields], store: Store, now: datetime, *, tz: tzinfo, page: bool = False
) -> list[CardRow]:
    """Every card with its state at `now`, in content order, due (`is_due`) as Home counts
    it and a due session queues it (`RestOfDay.due_today` in `tz`, the user's zone and
    day start): a review due tonight is due all its study day, as in Anki, where comparing
    fsrs's hour with now left it out of `is:due` while Home counted it. The card screen passes the
    index's refs: loading every card model first was most of a heavy user's wait for it.
    The saved states are read once (`schedule_facts`), and the loop makes one row a card
    and nothing else. With `page` the cards are a few of the bank (the browser's first
    screenful): only their states and lapses are read, by id, where reading every card's
    was 30 ms of a heavy user's wait for the browser's first frame."""
    ids = [card.id for card in cards] if page else None
    scheduled = store.schedule_facts(ids)
    flags = store.card_flags()
    lapses = store.lapse_counts(ids)
    in_review = int(State.Review)
    moment = as_utc(now)
    rule = DueBefore.on_day(moment, tz)  # on datetimes: no text made per row
    rows: list[CardRow] = []
    append = rows.append
    for card in cards:
        card_id = card.id
        saved = scheduled.get(card_id)
        state: CardState
        due: datetime | None
        difficulty: float | None
        if saved is None:
            state, due, difficulty, is_due = "new", None, None, False
        else:
            fsrs_state, due, difficulty = saved
            state = "review" if fsrs_state == in_review else "learning"
            is_due = rule.due(fsrs_state, due)
        flag = flags.get(card_id)
        if flag is not None and flag.suspended:
            state, is_due = "suspended", False
        elif flag is not None and flag.hidden_at(now):
            state, is_due = "buried", False
        append(CardRow(card, state, due, difficulty, lapses.get(card_id, 0), is_due))
    return rows


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""The months as the due column names them, whatever the locale (`strftime`'s %b is not)."""


def due_labels(rows: Iterable[CardRow], now: datetime, tz: tzinfo) -> list[str]:
    """The rows' due times as the card browser shows them: the time alone ("14:25") on
    `now`'s day, as a mail client shows today's messages, "Dec 06 09:48" on another day of
    `now`'s year (as `drillbit cards` names it: "12-06" read as the 12th of June to most of
    the world), the date with its year otherwise, "*" before it when the card is due today
    (as `drillbit cards` marks it; due today as `card_rows` has it), all on `tz`'s clock.

    A card in a learning step, due later today, showed "12-04 14:25": a date to read and
    compare with today's, and six cells the card titles lost at 80 columns. A heavy user's
    card overdue since 2024-12-06 showed as "12-06", which reads as a date a few days
    ahead. Today is read once for all the rows and each time converted in `clock_zone`:
    a heavy user's 10,000 labels were 68 ms of the browser's first frame, now about 11."""
    zone = clock_zone(tz)
    today = now.astimezone(zone).date()
    labels: list[str] = []
    for row in rows:
        if row.due is None:
            labels.append("")
            continue
        local = row.due.astimezone(zone)
        clock = f"{local.hour:02d}:{local.minute:02d}"
        if local.date() == today:
            shown = clock
        elif local.year == today.year:
            shown = f"{MONTHS[local.month - 1]} {local.day:02d} {clock}"
        else:
            shown = f"{local.year:04d}-{local.month:02d}-{local.day:02d}"
        labels.append(f"*{shown}" if row.is_due else shown)
    return labels


def widest_bounds(
    cards: Sequence[CardFields], store: Store, now: datetime, tz: tzinfo
) -> dict[str, int]:
    """At least the widest kind, state and due cell of every card's row, in cells, without
    making the rows: the card browser's first page fits its columns to every card by these,
    so the rows that follow it do not move them. The kinds from the card index; the states
    and due times from the store's bounds (`schedule_bounds`, its index alone): the states
    saved cards are in and the flags, and the due labels of the earliest and latest due
    time and of each edge between them where a label changes form (this year's start,
    today's, now, tomorrow's, next year's). Wider than the rows only when no card is in a
    form between the earliest and the latest (or a flagged card's due time is the earliest);
    the rows' own widths replace these once they are in."""
    fsrs_states, earliest, latest = store.schedule_bounds()
    flags = store.card_flags().values()
    states = {"new"}
    states.update("review" if state == int(State.Review) else "learning" for state in fsrs_states)
    states.update("suspended" if f.suspended else "buried" for f in flags if f.hidden_at(now))
    dues: list[datetime] = []
    if earliest is not None and latest is not None:
        zone = clock_zone(tz)
        today = now.astimezone(zone).date()
        day = datetime(today.year, today.month, today.day, tzinfo=zone)
        edges = (
            datetime(today.year, 1, 1, tzinfo=zone),
            day,
            now,
            day + timedelta(days=1),
            datetime(today.year + 1, 1, 1, tzinfo=zone),
        )
        tick = timedelta(microseconds=1)
        dues = [earliest, latest]
        dues += [m for edge in edges for m in (edge - tick, edge) if earliest <= m <= latest]
    rule = DueBefore.on_day(now, tz)  # a review is due by its study day (`card_rows`)
    in_review = int(State.Review)
    probes = [
        CardRow(cards[0], "review", due, None, 0, rule.due(in_review, due)) for due in dues if cards
    ]
    # plain lengths: kinds, states and due labels are ASCII (no rich for `drillbit cards`)
    return {
        "kind": max(map(len, {card.kind for card in cards}), default=0),
        "state": max(map(len, states)),
        "due": max(map(len, due_labels(probes, now, tz)), default=0),
    }


def search_words(search: str) -> str:
    """The words of a search the full-text index looks for, without its Anki filters
    (`is:due tag:x` has none: no index needed); "" for a search `browse` refuses."""
    try:
        return parse_query(search).words
    except QueryError:
        return ""


def sort_name(sort: str, search: str, *, planned: bool = False) -> str:
    """What the rows are in order of, as the browser's title says it: a search with the
    content sort ranks them by how well they match (`browse`), not in the bank's order;
    filters alone (`is:due`, `tag:x`) rank nothing. A search with an error keeps its sort.
    Under a running interview plan (`planned`) the due sort follows the plan's days
    (`PlanDue.sort_key`), not fsrs's due times, and says so. The content sort is named as
    what it is, the bank's order: "sort by content" read to a newcomer as sorted by the
    cards' text, as `drillbit cards --help` says it ("content: the bank's order")."""
    if sort == "due" and planned:
        return "when the plan asks"
    if sort == "content":
        return "best match" if search_words(search) else "bank order"
    return sort


def browse(
    rows: Sequence[CardRow],
    *,
    index: SearchIndex | None = None,
    search: str = "",
    pack: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    tag: str | None = None,
    state: str | None = None,
    sort: str = "content",
    plan: PlanDue | None = None,
) -> list[CardRow]:
    """The rows that pass every filter; a search ranks them unless another sort is asked.

    The search's Anki terms (`is:due`, `tag:x`, `deck:y`, `prop:lapses>3`) filter as the
    options do, both at once (`parse_query`); QueryError for one drillbit has not. Under
    a running interview `plan` the due sort and `is:due` follow it, as the due cells do
    (`PlanDue`): by fsrs's times a card the plan leaves to its last days sorted first.
    """
    query = parse_query(search)
    wanted = {
        name: value
        for name, value in {"pack": pack, "topic": topic, "kind": kind, "state": state}.items()
        if value is not None
    }
    tags = (*query.tags, *([tag] if tag is not None else []))
    if wanted or query.filters or tags:
        kept = [
            row
            for row in rows
            if _passes(row, wanted, plan)
            and _passes(row, query.filters, plan)
            and _tagged(row, tags)
        ]
    else:  # nothing to filter on (the browser's empty box): 10,000 rows checked for nothing
        kept = list(rows)
    if query.lapses is not None:
        kept = [row for row in kept if query.keeps_lapses(row.lapses)]
    if query.words and index is not None:
        rank = {m.card.id: n for n, m in enumerate(index.search(query.words))}
        kept = [row for row in kept if row.card.id in rank]
        if sort == "content":
            kept.sort(key=lambda row: rank[row.card.id])
    if sort == "due" and plan is not None:
        kept.sort(key=plan.sort_key)
    elif sort == "due":
        kept.sort(key=lambda row: (row.due is None, row.due or datetime.max.replace(tzinfo=None)))
    elif sort == "difficulty":
        kept.sort(key=lambda row: -(row.difficulty or 0.0))
    elif sort == "lapses":
        kept.sort(key=lambda row: -row.lapses)
    return kept


def _passes(row: CardRow, wanted: Mapping[str, str | None], plan: PlanDue | None) -> bool:
    """True when the row has every value asked (None: any); state `due` is due today
    (`CardRow.is_due`; under a running `plan`, planned today)."""
    for name, value in wanted.items():
        if value is None:
            continue
        if name == "state":
            due = row.is_due if plan is None else plan.is_due(row)
            if not (due if value == "due" else row.state == value):
                return False
        elif getattr(row.card, name) != value:
            return False
    return True


def _tagged(row: CardRow, tags: Sequence[str]) -> bool:
    """True when the row's card has every tag asked (`--tag` and the search's `tag:`)."""
    return all(t in row.card.tags for t in tags)


def rows_json(
    rows: Sequence[CardRow], day: DueBefore[datetime], plan: PlanDue | None = None
) -> str:
    """The rows as `{"schema_version": 1, "cards": [...]}`, like the CLI's other JSON, each
    with `plan_due`: when a running interview plan asks it (`PlanDue.label`), null without
    one or where fsrs's `due` is the one (a step later today, a card set aside, a new card
    not planned yet). A field beside `due`, which stays fsrs's: a reader of it kept.

    And `due_today`: whether a due session started now asks the card today (`day`, the
    study day's rule: a review by its day, a learning step due now or later today, which
    the session waits for; under a `plan`, what the plan asks today). `due` is fsrs's exact
    time and `--state due` keeps a step from its minute, so a script could not tell what
    `d` asks from either."""
    cards = [
        {
            **row.as_json(),
            "plan_due": plan and plan.label(row),
            "due_today": _asked_today(row, day, plan),
        }
        for row in rows
    ]
    return json.dumps({"schema_version": 1, "cards": cards}, indent=2)


def _asked_today(row: CardRow, day: DueBefore[datetime], plan: PlanDue | None) -> bool:
    """`due_today` of one row: never for a card set aside; under a plan, the plan's say (a
    new card it plans today is asked); without one, never for a new card (new_per_day
    decides which come, not their schedule)."""
    if row.state in ("suspended", "buried"):
        return False
    if plan is not None:
        return plan.asked_today(row)
    return row.due is not None and row.state != "new" and day.asked_today(row.due)


def with_card_reloaded(bank: Bank, card: Card) -> Bank:
    """The bank with one card read again from its file (after the person edited it).

    ContentError (every problem, with lines) when the file no longer makes a valid card;
    the bank is then left as it was.
    """
    from quiz.bank.loader import load_card_text

    text = card.path.read_text(encoding="utf-8")
    fresh = load_card_text(text, card.path, card.pack, card.topic)
    cards = tuple(fresh if c.id == card.id else c for c in bank.cards)
    return dataclasses.replace(bank, cards=cards)
