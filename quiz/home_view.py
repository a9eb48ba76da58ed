"""What Home shows, decided from the workspace: what `d` studies today on each row, the
totals' headline, the plan's line, the hint's words, the welcome back after a break and
when the counts next change by the clock.

Textual-free, so the decisions are tested without a screen: `HomeScreen` lays out and
styles what it is handed, and asks nothing of the store or the clock itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from quiz.paths import shown_summary
from quiz.study.away import away_since
from quiz.study.counts import PlanWaiting, counts_change_at, plan_headline, plan_waiting
from quiz.study.plan_phrases import nothing_ahead, today_first

if TYPE_CHECKING:
    from quiz.overview import TopicRow
    from quiz.study import DeckCounts
    from quiz.study.plan import ForecastDay
    from quiz.study.plan_status import PlanStatus
    from quiz.workspace import Workspace

NO_PLAN = ("no interview plan", "set one in Settings (,)")
"""Home's line under the totals on a fresh home: a person preparing for a date found no
word of the plan anywhere in the app (Settings said "an interview plan sets its own
pace", the help "the plan's next cards"). The settings screen's last rows set it, as
`drillbit plan --interview` does."""

PLAN_OVER = "a new date, or none, in Settings (,)"
"""The end of Home's line once the interview day has come: the ended plan's line stayed
on Home for good, and only `drillbit plan` said how to set a new date or clear it."""


AHEAD_NO_PLAN = "Ahead: a plan's next days, early (no plan set)"
AHEAD_LATER = "Ahead: next days' new cards, once today's are done"
AHEAD_OVER = "Ahead: a plan's next days, early (this plan is over)"
"""What Home's help says of `a` while it does nothing: "Ahead: the plan's next cards,
early (not now)" spoke of a plan a new user had not set, and not of when it would work."""


@dataclass(frozen=True)
class PlanLine:
    """Home's line under the totals: the plan's phrases, or the invitation to set one."""

    phrases: tuple[str, ...]
    invitation: bool
    """No plan yet on a fresh home: `NO_PLAN`, said quietly (the screen dims it)."""


@dataclass(frozen=True)
class HomeView:
    """One count of Home: its rows, the bank's counts, the plan, and what `d` gives."""

    rows: list[TopicRow]
    counts: DeckCounts
    plan: PlanStatus | None
    today: tuple[int, ...]
    """What `d` on each row gives today: fsrs's due cards within what is left of
    max_reviews_per_day and its new cards within new_per_day, or, while a plan runs, the
    plan's cards for today (plan mode lets due reviews wait for the last pass). "due 0" on
    a new bank hid the 20 new cards `d` studies, which Anki's deck list shows."""
    planned: bool
    """`d` studies today's plan (a plan runs and has a day today), not what is due."""
    broken: int = 0
    """Card files that did not load."""
    waiting: PlanWaiting = PlanWaiting()
    """While a plan runs: the cards fsrs would ask today that today's plan leaves for
    later, each once (`plan_waiting`, as the stats screen and `drillbit stats` count it)."""
    problems: str | None = None
    """The bank's load summary (`BankIndex.summary`): lint's line of its first problem and
    the files with problems; a bad pack.yaml alone (its cards load) was not shown at all.
    Its first file is shown as lint shows it (`quiz.paths.shown_summary`): with an absolute
    `--content` Home showed the absolute path the index keeps."""

    @property
    def plan_runs_today(self) -> bool:
        """A plan with a day today: its forecast is worth asking for (the target line)."""
        return self.plan is not None and self.plan.today is not None

    @property
    def can_study_ahead(self) -> bool:
        """The plan offers cards ahead of its days (`a`)."""
        return self.plan is not None and bool(self.plan.ahead)

    def ahead_help(self) -> str:
        """The help's row for `a` while it is not offered: why, in a new user's words."""
        if self.plan is None:
            return AHEAD_NO_PLAN
        return AHEAD_OVER if self.plan.today is None else AHEAD_LATER

    def ahead_notice(self) -> str:
        """What `a` says while it is not offered: it did nothing, silently, and only the
        help (`ahead_help`) said why."""
        plan = self.plan
        if plan is None:
            return nothing_ahead("no interview plan is set. Settings (,) sets one")
        if plan.today is None:
            return nothing_ahead(f"the interview day has come; {PLAN_OVER}")
        if plan.offered:
            return nothing_ahead(today_first(len(plan.offered), key="d"), yet=True)
        if plan.queue is not None:
            return nothing_ahead(plan.queue.no_ahead_reason())
        return "Nothing to study ahead now."

    def headline(self) -> tuple[str, ...]:
        """What `d` studies today, as the stats screen words it: fsrs's due cards within
        max_reviews_per_day and the new cards of today (the backlog said when larger);
        while a plan runs, the plan's cards, beside fsrs's due count, which plan mode lets
        wait."""
        if self.plan is None or self.plan.today is None:
            return self.counts.headline()
        return plan_headline(
            len(self.plan.offered), self.waiting, last_pass=self.plan.today.last_pass
        )

    def plan_line(self, *, ahead_key: str) -> PlanLine | None:
        """The plan's phrases (how to set a new date once the interview day has come), or
        on a fresh home with no plan the one place the app says how a plan is set; None
        once cards were studied without a plan."""
        if self.plan is not None:
            # the cards left in a step are in the headline's count of what waits
            phrases = self.plan.phrases(ahead_key=ahead_key, steps=False)
            if self.plan.today is None:  # the interview day or after: the plan is over
                phrases.append(PLAN_OVER)
            return PlanLine(tuple(phrases), invitation=False)
        total = self.counts.total
        if total.new == total.total:
            return PlanLine(NO_PLAN, invitation=True)
        return None

    def studies(self, row: TopicRow | None) -> str:
        """What enter/d studies in the highlighted `row`: today's plan, or its due and new
        cards apart (the `today` column is their sum)."""
        if self.planned or row is None:
            studies = "today's plan" if self.planned else "today's cards"
            return f"{studies} in the highlighted row"
        due = self.counts.scheduled_today_of(row.counts)
        new = self.counts.new_today_of(row.counts)
        return f"this row's {due} due + {new} new today"

    def with_forecast(self, forecast: tuple[ForecastDay, ...]) -> HomeView:
        """This count with the plan-followed forecast (its line says when the plan ends
        under the target), read off the screen's thread."""
        if self.plan is None or not forecast:
            return self
        return replace(self, plan=replace(self.plan, forecast=forecast))


def home_view(workspace: Workspace) -> HomeView:
    """Count Home: its rows, the plan's status and what `d` gives on each row today."""
    rows, counts = workspace.home_view()
    plan = workspace.plan_status()
    by_plan = workspace.plan_by_row(rows, plan) if plan is not None else None
    today = (
        tuple(counts.studies_today(row.counts) for row in rows)
        if by_plan is None
        else tuple(by_plan)
    )
    broken = len(workspace.content.index.broken)
    waiting = PlanWaiting()
    if plan is not None:
        steps = plan.today.steps_waiting if plan.today is not None else ()
        waiting = plan_waiting(
            workspace.store, workspace.now(), counts.total.due, plan.offered, steps
        )
    summary = workspace.content.index.summary
    if summary is not None:  # its first file as lint shows it, not as the index keeps it
        summary = shown_summary(summary)
    return HomeView(rows, counts, plan, today, by_plan is not None, broken, waiting, summary)


def welcome_back(workspace: Workspace, plan: PlanStatus | None) -> str | None:
    """How long the person was away and what came due meanwhile (under a plan that runs,
    what the days cost it), or None for someone who studied yesterday or today: a due
    count grown by days away, with no word why, read as a fault."""
    running = plan.plan if plan is not None and plan.today is not None else None
    ids = {ref.id for ref in workspace.content.refs}
    away = away_since(workspace.store, ids, workspace.now(), tz=workspace.tz, plan=running)
    return None if away is None else away.phrase()


@dataclass(frozen=True, eq=False)
class HomeInputs:
    """What Home's count reads besides the clock, taken before the count: when it is the
    same at Home's return (`same_as`), the count is too, and Home need not count again.

    Coming back from the card browser or the stats screen, Home counted every total again
    though nothing had changed: on a heavy home (10,000 cards) 50 ms of CPU a return, and
    240 ms under an interview plan (its status and each row's share of the day's plan).
    The store's version covers every write (a rating, a suspension, the plan, another
    drillbit's commit); the content, the settings, the scheduler and the zone are the
    workspace's own objects, replaced when they change."""

    version: object
    """The store's (`Store.version()`), None when it cannot tell."""
    generation: int
    """The content's reloads (`LazyBank.generation`)."""
    parts: tuple[object, ...]
    """The workspace's objects, compared by identity."""

    def same_as(self, other: HomeInputs | None) -> bool:
        """Whether nothing Home counts from changed between the two (never when the store
        could not tell its version)."""
        if other is None or self.version is None or self.version != other.version:
            return False
        if self.generation != other.generation:
            return False
        return all(one is two for one, two in zip(self.parts, other.parts, strict=True))


def home_inputs(workspace: Workspace) -> HomeInputs:
    """Home's inputs now (`HomeInputs`): read it before counting."""
    content = workspace.content
    parts = (content, workspace.settings, workspace.scheduler, workspace.tz)
    return HomeInputs(workspace.store.version(), content.generation, parts)


def home_changes_at(workspace: Workspace, now: datetime, tz: tzinfo) -> datetime:
    """When Home's counts next change by the clock alone (a learning step falls due, the
    study day ends): the horizon of its `StudyDayWatch`."""
    return counts_change_at(workspace.store, now, tz)
