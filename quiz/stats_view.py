"""What the stats screen shows, decided from the workspace: the statistics, the interview
plan's readiness forecast when one runs (in place of fsrs's due forecast), its target,
and the count of today in Home's words.

Textual-free, so the choice of headline is tested without a screen: `StatsScreen` lays
out and draws what it is handed, and asks the workspace nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.study.counts import plan_headline, plan_waiting

FIRST_STEP = "Nothing studied yet: esc goes Home, where d studies today's cards."
"""Under a fresh home's figures: all zeros and an empty chart said nothing of how to fill
them, where `drillbit stats` ends the same zeros with its next step."""

if TYPE_CHECKING:
    from quiz.study import Stats
    from quiz.study.plan import ForecastDay
    from quiz.workspace import Workspace


@dataclass(frozen=True)
class StatsView:
    """One reading of the statistics, counted from today."""

    stats: Stats
    forecast: list[ForecastDay]
    """While a plan runs: its readiness forecast, one day a point (else empty)."""
    target: float | None
    """While a plan runs: its target, a line on the readiness plot."""
    headline: tuple[str, ...]
    """Home's count of today: what `d` studies (fsrs's due cards within
    max_reviews_per_day, or the plan's), the fsrs backlog beside it when larger (under a
    plan: the due cards today's list does not ask, and when the plan takes them)."""
    forecasting: bool = False
    """A plan runs and its forecast is not computed yet: the screen computes it in a
    thread (seconds of CPU on a heavy home) and reads again, `forecast` empty meanwhile."""

    @property
    def first_step(self) -> str | None:
        """`FIRST_STEP` while nothing was ever answered or graded (a card or a drill), else
        None: the figures speak for themselves once there are some."""
        s = self.stats
        return FIRST_STEP if not s.reviews and not s.drill_attempts else None


def stats_view(workspace: Workspace) -> StatsView:
    """Read the statistics and the plan's forecast when it is computed already (else
    `forecasting`: a heavy home's plan 46 days ahead took 22 s of CPU, and the screen
    waited for it on the app's thread); the due forecast only when shown (the plan's
    readiness replaces it)."""
    status = workspace.plan_status()
    forecasting = status is not None and not workspace.plans.has_forecast()
    if status is not None and not forecasting:
        status = workspace.plan_status(with_forecast=True)  # kept: no wait
    forecast = [] if status is None or forecasting else list(status.forecast)
    stats = workspace.stats(forecast=not forecast and not forecasting)
    plan = status if forecast or forecasting else None
    target = plan.plan.target if plan is not None else None
    if plan is None or plan.today is None:
        # counted with the stats under the settings' limits: Home's words, not a recount
        today = stats.today.parts() if stats.today is not None else None
        headline = today if today is not None else workspace.counts().headline()
    else:
        # Home's count of fsrs's due cards the plan leaves, at the moment the stats read
        steps = plan.today.steps_waiting
        waiting = plan_waiting(
            workspace.store, stats.generated_at, stats.cards.due, plan.offered, steps
        )
        headline = plan_headline(len(plan.offered), waiting, last_pass=plan.today.last_pass)
    return StatsView(stats, forecast, target, headline, forecasting)


VISIBLE_DIP = 0.01
"""A fall of the "plan followed" line the readiness plot shows: one point of its percent."""


def readiness_dips(forecast: list[ForecastDay]) -> bool:
    """Whether the plan-followed readiness falls somewhere before it climbs again, which
    the stats screen explains (`PLAN_DIP`). Said under every plan, the note stood over a
    plot that only rose (five days out with most cards unseen), and a new user looked
    for the dip it named."""
    highest = 0.0
    for day in forecast:
        if day.followed < highest - VISIBLE_DIP:
            return True
        highest = max(highest, day.followed)
    return False


def compute_forecast(workspace: Workspace) -> None:
    """Compute the plan's forecast and keep it (`PlanCache`) for the next `stats_view`:
    seconds of CPU on a heavy home, so the screen calls it from a thread."""
    workspace.plan_status(with_forecast=True)
