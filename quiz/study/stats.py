"""Progress numbers for the stats screen and `drillbit stats --json`, from the full history.

The store aggregates in SQL (totals, per-card tallies, quarter-hour buckets); only those
few thousand rows reach Python, never the review log itself. The results are plain
dataclasses (not pydantic models), so `drillbit stats --json` never imports pydantic: its
import was half of that command's time. `quiz.cli.schemas.StatsReport` describes the JSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, Protocol

from quiz.gcpause import gc_paused
from quiz.plural import counted, plural
from quiz.store import Store
from quiz.study.cards import StudyCard
from quiz.study.counts import (
    CardGroups,
    Counts,
    DeckCounts,
    PlanWaiting,
    count_groups,
    group_cards,
    plan_backlog,
    plan_headline,
    today_headline,
    topic_labels,
)
from quiz.study.days import as_utc, date_start, days_back, json_time, local_date
from quiz.study.forecast import DayDue, due_forecast

HISTORY_DAYS = 30

ACCURACY_MEANS = (
    "accuracy: the answers right (Hard, Good or Easy, the right choice or number, a passed "
    "drill) of every mode"
)
RETENTION_MEANS = (
    "true retention: as Anki counts it, the due-session answers to cards past their learning "
    "steps not rated Again (Hard passes)"
)
"""What the two shares count, as `drillbit stats` says under them: an Anki user reads
"retention" as true retention, and the two differ by every Hard and every cram answer.
Named "true retention" as Anki's Statistics names it: "retention" alone was also the
fsrs setting `desired_retention`, the target, not what was kept."""
RETENTION_NOTE = "* as Anki counts it: due-session answers to review cards not rated Again"
"""The stats screen's footnote to its retention, on one line at 80 columns."""
_EPOCH = datetime(1970, 1, 2, tzinfo=UTC)


@dataclass
class TopicStats:
    """One topic's history."""

    reviews: int
    accuracy: float | None
    cards_seen: int


@dataclass
class DayCount:
    """Reviews on one calendar day (in the person's time zone)."""

    date: date
    reviews: int


class Limits(Protocol):
    """The settings today's count is made with: `quiz.settings.Settings` itself, or
    `DailyLimits` where only the two numbers are at hand."""

    @property
    def new_per_day(self) -> int: ...
    @property
    def max_reviews_per_day(self) -> int: ...


@dataclass(frozen=True)
class DailyLimits:
    """The settings today's count is made with (`new_per_day`, `max_reviews_per_day`)."""

    new_per_day: int
    max_reviews_per_day: int


@dataclass
class TodayCounts:
    """What a due session gives today: the count Home and `drillbit stats` print
    (`192 due · 20 new today (9,986 due by fsrs; max_reviews_per_day 200, 8 done so far)`)."""

    due: int | None
    """Scheduled cards a due session gives today: `due_by_fsrs`, at most what is left of
    `max_reviews_per_day` once `reviews_done` are counted, and the `later_today` ones
    (Home's `192 due`). Null while an interview plan runs: `d` studies the plan's cards
    then (`drillbit plan --json`)."""
    new: int | None
    """New cards a due session still introduces today: `new_per_day` less those already
    introduced today (Home's `20 new today`). Null while an interview plan runs."""
    due_by_fsrs: int
    """Cards whose fsrs due time has come, all of them (`cards.due`): the backlog."""
    max_reviews_per_day: int
    """The setting: reviews of scheduled cards a day's due sessions give at most."""
    reviews_done: int
    """Reviews of cards in review today's due sessions already did, which count against
    `max_reviews_per_day` (learning and relearning steps do not, as in Anki)."""
    interview_plan: bool
    """An interview plan runs (its day has not come): its cards are today's."""
    later_today: int = 0
    """Of `due`, the cards whose learning step falls due later this study day: a due
    session started now queues them and waits for the step."""
    planned: int | None = None
    """While an interview plan runs: the cards of today's plan a due session started now
    studies (Home's `14 planned today`, `drillbit plan`'s today line). Null otherwise."""
    due_not_today: int | None = None
    """With `planned`: of `due_by_fsrs`, the cards today's plan does not ask (a same-day
    step it asks today is among `planned`, not here): Home's `4 due by fsrs, not today`.
    Null otherwise."""
    last_pass: bool | None = None
    """With `planned`: whether today is in the plan's last pass, which says when the
    `waiting` cards come (`drillbit plan --json`'s `today.last_pass`). Null otherwise."""
    waiting: int | None = None
    """With `planned`: the cards fsrs would ask today that today's plan leaves for later,
    each once: `due_not_today` and the cards left in a learning step whose step comes
    later today (Home's `12 more due by fsrs today, 8 of them in a learning step`). Null
    otherwise."""
    waiting_in_step: int | None = None
    """With `planned`: of `waiting`, the cards today's plan leaves in a learning step
    (Home's `(8 in a learning step)`; `drillbit plan --json`'s `today.steps_waiting`).
    Null otherwise."""

    @classmethod
    def of(cls, counts: DeckCounts, limits: Limits, *, interview_plan: bool) -> TodayCounts:
        """Today's count out of `count_groups`' counts, made with `limits`."""
        due = counts.total.due
        return cls(
            due=None if interview_plan else counts.scheduled_today_of(counts.total),
            new=None if interview_plan else counts.new_today,
            due_by_fsrs=due,
            max_reviews_per_day=limits.max_reviews_per_day,
            reviews_done=counts.reviews_done,
            interview_plan=interview_plan,
            later_today=counts.total.later_today,
        )

    def headline(self) -> str:
        """The count in Home's words (`DeckCounts.headline`), or the plan's line."""
        parts = self.parts()
        if parts is None and self.planned is not None:  # Home's line under a plan
            waiting = PlanWaiting(self.waiting or 0, self.waiting_in_step or 0)
            return "".join(plan_headline(self.planned, waiting, last_pass=bool(self.last_pass)))
        if parts is None:  # today's list not known: fsrs's backlog, "(the plan decides when)"
            backlog = plan_backlog(self.due_by_fsrs)
            return f"the interview plan's cards (`drillbit plan` counts them){backlog}"
        return "".join(parts)

    def parts(self) -> tuple[str, ...] | None:
        """The count's parts in Home's words (`today_headline`, which the stats screen
        styles one by one), or None while an interview plan runs."""
        if self.due is None or self.new is None:
            return None
        return today_headline(
            self.due,
            self.new,
            self.due_by_fsrs,
            self.max_reviews_per_day,
            self.reviews_done,
            later_today=self.later_today,
        )


@dataclass
class Stats:
    """Everything `drillbit stats --json` prints. Reviews of every mode count, but for
    `retention` (due sessions only)."""

    generated_at: datetime
    """When the figures were read (UTC)."""
    reviews: int
    """Answers logged in every mode (due, cram, mock), those of cards since removed from
    the content included."""
    cards_seen: int
    """Distinct cards ever answered, including cards since removed from the content."""
    correct: int
    """Of `reviews`, the answers that were right: Hard, Good or Easy, the right choice or
    number, a passed drill."""
    accuracy: float | None
    """`correct` / `reviews`; null before the first answer."""
    retention: float | None
    """Anki's true retention: the share of non-Again answers among due-session reviews of
    cards that were in fsrs review state (past their learning steps). Cram and mock
    answers are left out, as their Agains are no lapses."""
    drills_passed: int
    """Distinct drills with at least one passed attempt."""
    drills_passed_with_hints: int
    """Of `drills_passed`, those whose every pass came after a hint (seen since the pass
    before): the drill list's "passed with hints"."""
    drill_attempts: int
    """Gradings of drills kept as tries (in the app, `drillbit grade` and `watch`),
    passed or not; the untouched starter and code graded again unchanged are none."""
    streak: int
    """Consecutive days with a review, ending today (or yesterday, if today has none yet)."""
    reviews_per_day: list[DayCount]
    """The last 30 days, oldest first, today last."""
    by_topic: dict[str, TopicStats]
    """Topics of the cards in the content, by topic name then pack; a name two packs share
    is one entry per pack, "topic (pack)". History of removed cards is in the totals only."""
    removed_cards: int
    """Cards with history that are no longer in the content."""
    cards: Counts
    """Current new / due / learning / learned counts of the content's cards."""
    today: TodayCounts | None
    """Today's count under the daily limits (null when the settings could not be read)."""
    forecast: list[DayDue] | None
    """The due forecast (Anki's "Future due"): the content's cards falling due on each of
    the next 7 study days, today first (overdue cards count today; suspended ones not at
    all; buried ones on the day their burial ends; new cards not at all). Null while an
    interview plan runs: the plan, not fsrs, decides which cards each day studies."""

    def to_json(self) -> dict[str, Any]:
        """The JSON-ready form `drillbit stats --json` prints (times as ISO 8601 text)."""
        data = asdict(self)
        data["generated_at"] = json_time(self.generated_at)
        for day in [*data["reviews_per_day"], *(data["forecast"] or ())]:
            day["date"] = day["date"].isoformat()
        return data


def daily_average(reviews: Sequence[int]) -> str:
    """Reviews a day over `reviews` (a count a day, days without any included), as Anki's
    Reviews graph gives its "Average over period": one decimal under ten ("0.8"), else
    whole with its thousands separated ("1,190"); "under 0.1" for a few reviews in a long
    period, which read "0.0 on average" over a chart with a bar in it (a first session's
    one review in the stats screen's 30 days)."""
    mean = sum(reviews) / len(reviews) if reviews else 0.0
    if 0 < mean < 0.05:
        return "under 0.1"
    return f"{mean:.1f}" if mean < 10 else f"{round(mean):,}"


def recent_reviews_line(days: Sequence[DayCount]) -> str:
    """`drillbit stats`' line of the reviews per day, in the words of Anki's Reviews graph:
    "Last 30 days: 34,512 reviews, 1,150 a day on average, studied 29 of 30 days"."""
    counts = [day.reviews for day in days]
    total, studied = sum(counts), sum(1 for count in counts if count)
    days_shown = counted(len(counts), "day")
    return (
        f"Last {days_shown}: {total:,} {plural(total, 'review')}, "
        f"{daily_average(counts)} a day on average, studied {studied} of {days_shown}"
    )


def streak(review_days: set[date], today: date) -> int:
    """Consecutive days with a review up to today; a day not yet studied does not break it."""
    day = today if today in review_days else today - timedelta(days=1)
    count = 0
    while day in review_days:
        count += 1
        day -= timedelta(days=1)
    return count


def _recent_days(store: Store, today: date, tz: tzinfo, days: int) -> tuple[Counter[date], int]:
    """(reviews per local day over a window ending today, the streak).

    The window starts a little before the `days` shown and widens only while the streak
    reaches its first day, so a long history is read only as far back as the streak goes.
    """
    window = max(days, 60)
    while True:
        first = today - timedelta(days=window)
        since = date_start(first, tz)
        everything = since <= _EPOCH
        per_day: Counter[date] = Counter()
        for start, count in store.review_buckets(None if everything else since):
            per_day[local_date(start, tz)] += count
        run = streak(set(per_day), today)
        if everything or run < window - 1:
            return per_day, run
        window *= 4


def compute_stats(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo = UTC,
    days: int = HISTORY_DAYS,
    limits: Limits | None = None,
    interview_plan: bool = False,
) -> Stats:
    """Aggregate the whole history at `now`; days are calendar days in `tz`.

    With `limits`, `today` is the count of today under them (`interview_plan`: a plan's
    day has not come yet); without, it is None.
    """
    return stats_of_groups(
        store,
        group_cards(cards),
        now,
        tz=tz,
        days=days,
        limits=limits,
        interview_plan=interview_plan,
    )


def stats_of_groups(
    store: Store,
    groups: CardGroups,
    now: datetime,
    *,
    tz: tzinfo = UTC,
    days: int = HISTORY_DAYS,
    limits: Limits | None = None,
    interview_plan: bool = False,
    forecast: bool = True,
) -> Stats:
    """`compute_stats` of the cards grouped by `group_cards` (the app keeps that grouping).

    `forecast=False` leaves the due forecast out (None) though no plan runs: the stats
    screen shows the plan's readiness instead whenever it has one to show, and the
    forecast's read of every due card was 5-15 ms of its opening on a heavy home."""
    with gc_paused():  # 10,000-row reads: no full collection over the app's objects
        return _stats(
            store,
            groups,
            now,
            tz=tz,
            days=days,
            limits=limits,
            interview_plan=interview_plan,
            forecast=forecast,
        )


def _stats(
    store: Store,
    groups: CardGroups,
    now: datetime,
    *,
    tz: tzinfo,
    days: int,
    limits: Limits | None,
    interview_plan: bool,
    forecast: bool,
) -> Stats:
    moment = as_utc(now)
    rows = store.tally_rows()  # one per card ever reviewed (card_id is the table's key)
    mature, kept = store.mature_reviews()
    drill_attempts, attempted, passed, hinted = store.attempt_cards()
    today = local_date(moment, tz)
    per_day, run = _recent_days(store, today, tz, days)
    # a topic name two packs share is one row per pack, "topic (pack)", not one of both
    labels = topic_labels(groups)
    topic_of = {card_id: labels[group] for group, ids in groups.items() for card_id in ids}
    order = {label: (topic, pack) for (pack, topic), label in labels.items()}

    reviews = correct = removed = 0
    tally: dict[str, list[int]] = {}
    for card_id, n, ok in rows:
        reviews += n
        correct += ok
        topic = topic_of.get(card_id)
        if topic is None:
            removed += 1
            continue
        entry = tally.get(topic)
        if entry is None:
            entry = tally[topic] = [0, 0, 0]
        entry[0] += n
        entry[1] += ok
        entry[2] += 1
    by_topic = {
        topic: TopicStats(reviews=n, accuracy=ok / n, cards_seen=seen)
        for topic, (n, ok, seen) in sorted(tally.items(), key=lambda item: order[item[0]])
    }

    # drills attempted but never reviewed, no longer in the content (a handful at most)
    orphans = [card_id for card_id in attempted if card_id not in topic_of]
    if orphans:
        reviewed = {row[0] for row in rows}
        removed += sum(1 for card_id in orphans if card_id not in reviewed)
    counts = (
        count_groups(store, groups, moment, tz=tz)
        if limits is None
        else count_groups(
            store, groups, moment, limits.new_per_day, limits.max_reviews_per_day, tz=tz
        )
    )
    return Stats(
        generated_at=moment,
        reviews=reviews,
        cards_seen=len(rows),
        correct=correct,
        accuracy=correct / reviews if reviews else None,
        retention=kept / mature if mature else None,
        drills_passed=len(passed),
        drills_passed_with_hints=len(hinted),
        drill_attempts=drill_attempts,
        streak=run,
        reviews_per_day=[
            DayCount(date=d, reviews=per_day.get(d, 0)) for d in days_back(today, days)
        ],
        by_topic=by_topic,
        removed_cards=removed,
        cards=counts.total,
        today=None
        if limits is None
        else TodayCounts.of(counts, limits, interview_plan=interview_plan),
        # after the counts: the state and due columns they read are kept, not read again
        forecast=due_forecast(store, topic_of, moment, tz=tz)
        if forecast and not interview_plan
        else None,
    )
