"""The composition root the TUI is handed: the bank, the store, the clock, the grader.

It wires the Textual-free parts together (sessions get the clock, drafts get the store,
drills get the grader) and answers the few questions that need more than one of them.
numpy, the engine and the grader are imported only when a drill is opened or graded; the
sittings, the sessions and the stats when first used (Home's start needs none of them).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from fsrs import Scheduler

from quiz.bank.lazy import LazyBank
from quiz.clock import Clock, Zone, utc_now
from quiz.drafts import Drafts
from quiz.overview import StudyRequest, TopicRow, home_rows, planned_by_row, session_options
from quiz.plan_file import kept_plans
from quiz.sandbox_grader import Grader, SandboxGrader
from quiz.search_cache import ContentSearch
from quiz.settings import Settings, load_settings
from quiz.store import InterviewPlan, Store
from quiz.study import DeckCounts, StudyZone, ZoneWatch, local_timezone
from quiz.study.counts import CardGroups, count_groups, group_cards
from quiz.study.plan_edit import PlanField, change_plan
from quiz.study.plan_status import PlanStatus
from quiz.study.plan_today import plan_queue

if TYPE_CHECKING:
    from engine.verdict import Verdict
    from quiz.bank.loader import Bank
    from quiz.bank.models import Card
    from quiz.sitting import DrillSitting
    from quiz.study import Session, Stats

__all__ = ["Clock", "Grader", "StudyRequest", "TopicRow", "Workspace", "utc_now"]


class Workspace:
    """The app's non-UI state. Build with `Workspace.open` or directly in tests."""

    def __init__(
        self,
        bank: Bank | LazyBank,
        store: Store,
        *,
        clock: Clock = utc_now,
        tz: tzinfo | None = None,
        zone: Zone = local_timezone,
        scheduler: Scheduler | None = None,
        rng: random.Random | None = None,
        grader: Grader | None = None,
        drafts_dir: Path | None = None,
        editor: str | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.content = bank if isinstance(bank, LazyBank) else LazyBank.of(bank)
        """The card index at once, card models when first needed (see quiz.bank.lazy)."""
        self.settings = settings if settings is not None else Settings()
        self.store = store
        self.clock = clock
        self.zone = ZoneWatch(zone)  # the machine's, followed when it changes (`follow_zone`)
        self.tz = tz if tz is not None else StudyZone(self.zone.zone, self.settings.day_starts_at)
        self.scheduler = scheduler if scheduler is not None else self.settings.scheduler()
        self.rng = rng
        self.drafts = Drafts(store, clock, folder=drafts_dir, editor=editor)
        self._grader: Grader = grader if grader is not None else SandboxGrader()
        self._grouped: tuple[object, CardGroups] = ((), {})
        self.plans = kept_plans()  # the plan's status, Home's and the stats screen's (on disk)
        self.search = ContentSearch(lambda: self.content)  # the browser's and the palette's

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings at once: the scheduler (retention, steps), the study day's start."""
        self.settings = settings
        self.scheduler = settings.scheduler()
        if isinstance(self.tz, StudyZone):  # a test's fixed zone stays as it was given
            self.tz = StudyZone(self.tz.zone, settings.day_starts_at)

    def follow_zone(self) -> tzinfo:
        """Today's zone and day start, the machine's zone taken anew if it changed (`ZoneWatch`):
        asked at each day's end, on Home, and at each card a session shows (Home's day)."""
        if self.zone.changed():
            self.tz = StudyZone(self.zone.zone, self.settings.day_starts_at)
        return self.tz

    @classmethod
    def open(
        cls,
        content_dirs: Sequence[Path] = (),
        *,
        include_bundled: bool = True,
        store_path: Path | None = None,
        clock: Clock = utc_now,
        zone: Zone = local_timezone,
        scheduler: Scheduler | None = None,
        rng: random.Random | None = None,
        grader: Grader | None = None,
        editor: str | None = None,
        settings: Settings | None = None,
    ) -> Workspace:
        """Load the settings, the bank (bundled + extra dirs + DRILLBIT_CONTENT) and the store."""
        from quiz.bank.sources import content_roots

        settings = settings if settings is not None else load_settings()
        bank = LazyBank.begin(content_roots(list(content_dirs), include_bundled=include_bundled))
        store = Store.open(store_path, clock=clock)
        return cls(
            bank,
            store,
            clock=clock,
            zone=zone,
            scheduler=scheduler,
            rng=rng,
            grader=grader,
            editor=editor,
            settings=settings,
        )

    def close(self) -> None:
        """Kill the sandbox's workers (a grade running is not recorded), close the database."""
        self._grader.close()
        self.store.close()

    # -- content -----------------------------------------------------------------------

    def now(self) -> datetime:
        """The current time from the injected clock."""
        return self.clock()

    @property
    def bank(self) -> Bank:
        """Every card model: loaded on first use (Home and a session need only the index)."""
        return self.content.bank

    @property
    def cards(self) -> tuple[Card, ...]:
        """Every card, in content order (loads the whole bank)."""
        return self.bank.cards

    def replace_bank(self, bank: Bank) -> None:
        """Use a reloaded bank (a card file was edited); search is rebuilt for it on next use."""
        self.content = LazyBank.of(bank)

    def card(self, card_id: str) -> Card | None:
        """The card with this id, or None (built from its own file until all are loaded)."""
        return self.content.card(card_id)

    def counts(self) -> DeckCounts:
        """New / learning / review / due counts for the whole bank, per topic and per pack."""
        per_day, most = self.settings.new_per_day, self.settings.max_reviews_per_day
        at, tz = self.now(), self.tz
        return count_groups(self.store, self.card_groups, at, per_day, most, tz=tz)

    @property
    def card_groups(self) -> CardGroups:
        """The bank's card ids by (pack, topic), kept while the card refs are the same."""
        refs = self.content.refs
        if self._grouped[0] is not refs:
            self._grouped = (refs, group_cards(refs))
        return self._grouped[1]

    def home_view(self) -> tuple[list[TopicRow], DeckCounts]:
        """Home's rows and the bank's totals, from the card index."""
        counts = self.counts()
        return home_rows(self.content.index.pack_titles, counts), counts

    def plan_by_row(self, rows: Sequence[TopicRow], plan: PlanStatus) -> list[int] | None:
        """Today's planned cards in each Home row (what `d` on it gives now: those that fit in
        today's minutes), or None when the plan plans no day today (from the interview day)."""
        return None if plan.today is None else planned_by_row(rows, self.content.refs, plan.offered)

    def plan_status(self, *, with_forecast: bool = False) -> PlanStatus | None:
        """The interview plan with its forecast over the whole bank, or None without a plan
        (`with_forecast`: and the plan-followed forecast), kept while nothing it is computed
        from changes (`PlanCache`): Home's line, its warning and the stats screen share it."""
        refs, now, tz = self.content.refs, self.now, self.tz  # the clock: see PlanCache
        return self.plans.status(
            self.store, refs, now, tz=tz, scheduler=self.scheduler, with_forecast=with_forecast
        )

    def change_plan(self, field: PlanField, text: str) -> InterviewPlan | None:
        """Set a field of the interview plan as typed (empty date: clear it), as `drillbit plan`."""
        return change_plan(self.store, field, text, now=self.now(), tz=self.tz)

    def stats(self, *, forecast: bool = True) -> Stats:
        """Progress over the whole history, today's count and (`forecast`) the due forecast."""
        from quiz.study.stats import stats_of_groups

        at, groups, limits = self.now(), self.card_groups, self.settings  # its daily limits
        return stats_of_groups(self.store, groups, at, tz=self.tz, limits=limits, forecast=forecast)

    # -- sessions ----------------------------------------------------------------------

    def start_session(self, request: StudyRequest) -> Session:
        """A new session over the card refs (or exactly `request.card_ids`), logged in the store."""
        from quiz.study.session import Session

        cards = self.content.refs_of(request.card_ids)
        paced = request.mode == "due" and request.card_ids is None  # plan mode: the whole bank
        refs, now, tz, scheduler = self.content.refs, self.now(), self.tz, self.scheduler
        planned = plan_queue(self.store, refs, now, tz=tz, scheduler=scheduler) if paced else None
        options = session_options(request, self.settings, tz, planned, self.card_groups)
        clock, rng, zone = self.clock, self.rng, self.follow_zone  # Home's day at each card
        return Session(
            self.store, cards, options, clock=clock, scheduler=scheduler, rng=rng, zone=zone
        )

    def session_card(self, session: Session) -> Card | None:
        """The session's current card as its file holds it now, or None when it is over."""
        return None if (card := session.current) is None else self.content.current_card(card.id)

    # -- drills ------------------------------------------------------------------------

    def open_drill(self, card_id: str, session: Session | None = None) -> DrillSitting:
        """Start a sitting at a coding drill; its checker (the engine, numpy) is `warm_up`'s,
        its draft read once by its screen (`quiz.drills_view.drill_opening`)."""
        from quiz.drill_grading import drill_by_id
        from quiz.sitting import DrillSitting

        drill = drill_by_id(card_id, self.card(card_id), lambda: self.bank)
        session_id = session.session_id if session is not None else None
        return DrillSitting.opened(self.store, drill, session_id=session_id)

    def reveal_hint(self, sitting: DrillSitting) -> str | None:
        """The sitting's next hint, logged in the store (`DrillSitting.reveal_hint`)."""
        return sitting.reveal_hint(self.store, now=self.now())

    def grade(self, sitting: DrillSitting, source: str) -> Verdict:
        """Grade and log an attempt (slow: from a worker thread); see `DrillSitting.record`."""
        verdict = self._grader(sitting.drill, source)
        store, now, tz, refs = self.store, self.now(), self.tz, self.content.refs
        sitting.record(verdict, store, self.scheduler, now=now, source=source, cards=refs, tz=tz)
        return verdict

    def stop_grading(self) -> None:
        """End the grade under way (its drill was left): nothing of it is recorded."""
        self._grader.stop()

    def warm_up(self, sitting: DrillSitting, *, wanted: Callable[[], bool] = lambda: True) -> None:
        """The checker found, then the sandbox's worker started unless `wanted()` is False by
        then (the drill was left during the imports): in a thread, not at a grade."""
        _ = sitting.drill.checker
        if isinstance(self._grader, SandboxGrader) and wanted():
            self._grader.pool()
