"""Random plan-mode study days on a fake clock (fiftieth round): after every step a
plan-mode session's cards, their next card and their count are a restart's and Home's.

Each walk sets an interview 3 to 20 days ahead, starts a session at a random hour in
Berlin (the day starting at 4:00) with a few cards seen before, and takes 5 to 30 steps a
few minutes apart: an answer of any rating, an undo, a bury, a suspend, a card only shown,
a relaunch (a new session, the old one left), the machine's zone moved (London, Berlin,
Tokyo, New York), a night passed (the day rolled over), and another drillbit's write
through a second connection (an answer, a suspend, a bury, a card put back). After each
step the session's queued cards are compared with a session started then (`restart`), its
next card with the restart's, and its count with Home's (`PlanQueue.offered`); "day" when
the session still has cards of a list whose study day is not Home's (study50 fixed those;
the other kinds are counted in docs/study.md and left as they are). A session with no card
left is over, as the app ends it: the next step starts from Home (`d` again) (fifty-first
round; before, the walk went on comparing the finished session), and its end is recorded
(`Session.finish`, as the app's summary does: fifty-second round). The restart ends the
running session first, as quitting does (`restart`, over a copy of the store): its time
box counts the feedback read after the last answer, which the store records at the end.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from fsrs import Rating, Scheduler, State

from quiz.store import ChangedSinceError, InterviewPlan, Store
from quiz.study.aside import set_card_aside
from quiz.study.days import StudyZone, local_date
from quiz.study.elsewhere import ChangedElsewhere
from quiz.study.options import SessionOptions
from quiz.study.plan_today import PlanQueue, plan_queue
from quiz.study.session import Session
from tests.study.fakes import FakeCard, other_write, save_due

ZONES = ("Europe/Berlin", "Europe/London", "Asia/Tokyo", "America/New_York")
CARDS = [FakeCard(f"p{n:02d}", topic=f"t{n % 3}") for n in range(16)]
ACTIONS = (
    ("rate",) * 6
    + ("undo", "bury", "suspend", "relaunch", "show", "zone", "night")
    + ("other",) * 3
)


class Zone:
    """The zone the app follows (the machine's, with the day start): moved by a walk."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone

    def __call__(self) -> tzinfo:
        return self.zone


def plan_session(
    store: Store, cards: list[FakeCard], now: datetime, zone: Zone, scheduler: Scheduler
) -> tuple[Session, PlanQueue | None]:
    """A plan-mode due session over `cards` at `now` as the app builds it
    (`quiz.overview.session_options` over `plan_queue`), following `zone`, and the plan's
    queue it was made from (Home's count is its `offered`)."""
    planned = plan_queue(store, cards, now, tz=zone.zone, scheduler=scheduler)
    options = SessionOptions(
        tz=zone.zone,
        plan_queue=None if planned is None else planned.ids,
        time_box=None if planned is None else planned.box,
        fits_no_day=frozenset(() if planned is None else planned.too_long),
        requeue=planned is None or planned.same_day_steps,
        same_day_steps=planned is None or planned.same_day_steps,
    )
    session = Session(store, cards, options, now=now, scheduler=scheduler, zone=zone)
    return session, planned


def restart(
    store: Store, session: Session, now: datetime, zone: Zone, scheduler: Scheduler
) -> tuple[Session, PlanQueue | None]:
    """A plan-mode session started at `now` after `session` ended then, as the person
    quitting and pressing `d` has it: over a copy of the store (the walk's session runs
    on), the session's end recorded there (`Store.end_session`) when it is running."""
    copy = store.path.with_name(f"{store.path.stem}-restart.db")
    for stale in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
        stale.unlink(missing_ok=True)
    with closing(sqlite3.connect(store.path)) as source, closing(sqlite3.connect(copy)) as to:
        source.backup(to)
    with Store.open(copy, now=now) as there:
        if not session.finished:
            there.end_session(session.session_id, ended_at=now)
        return plan_session(there, CARDS, now, zone, scheduler)


def compare(session: Session, fresh: Session, planned: PlanQueue | None) -> str | None:
    """The kind of what differs between the session and a restart (`fresh`) and Home
    (`planned`), None when they agree: "next" (the same cards, another next card), "more"
    (the session has cards the restart has not), "fewer" (the restart has cards the
    session has not), "minutes" (those the session's time box left out), "home" (Home's
    count is not the restart's).

    A learning copy waiting for its step is left out on either side: a plan-mode restart
    does not wait for a step later today (it asks the card once the step has come, as
    `rest_of_day` adds it), where the session shows it when it comes."""
    mine = [card.id for card in session.queued if card.id not in session._waiting]
    theirs = [card.id for card in fresh.queued if card.id not in fresh._waiting]
    if Counter(mine) != Counter(theirs):
        more, fewer = Counter(mine) - Counter(theirs), Counter(theirs) - Counter(mine)
        if more:
            return "more"
        left = {card.id for card in session.left_for_later}
        return "minutes" if set(fewer) <= left else "fewer"
    if mine[:1] != theirs[:1] and not session._keep_current:  # an undo's card stays shown
        return "next"
    home = 0 if planned is None else len(planned.offered)
    if home != len(theirs):  # Home counts no step later today either
        return "home"
    return None


def walk(seed: int, home: Path) -> list[tuple[str, list[str]]]:
    """One walk: each disagreement's kind with the steps up to it. After one the walk
    goes on from a relaunch (the person restarting), so that each walk finds each kind."""
    rng = random.Random(seed)
    berlin = StudyZone(ZoneInfo("Europe/Berlin"), 4)
    day = datetime(2026, 3, 10, rng.randint(0, 23), rng.randint(0, 59), tzinfo=berlin.zone)
    start = day.astimezone(UTC)
    scheduler = Scheduler(enable_fuzzing=False)
    path = home / f"plan-walk-{seed}.db"
    found: list[tuple[str, list[str]]] = []
    with Store.open(path, now=start) as store, Store.open(path, now=start) as other:
        for review in rng.sample(CARDS, rng.randint(0, 6)):
            due = start + timedelta(hours=rng.randint(-48, 48))
            state = rng.choice([State.Review, State.Review, State.Learning])
            save_due(store, review.id, state, due)
        for hidden in rng.sample(CARDS, rng.randint(0, 2)):
            set_card_aside(store, hidden.id, suspend=True, now=start - timedelta(hours=1), tz=UTC)
        interview = day.date() + timedelta(days=rng.randint(3, 20))
        minutes = rng.choice([5.0, 10.0, 30.0])
        created = start - timedelta(hours=rng.choice([0, 1, 30]))
        store.set_interview_plan(InterviewPlan(interview, minutes, 0.9, created))
        zone = Zone(berlin)
        now = start
        session, _ = plan_session(store, CARDS, now, zone, scheduler)
        lists_day = local_date(now, zone.zone)
        steps: list[str] = []
        for _ in range(rng.randint(5, 30)):
            now += timedelta(minutes=rng.choice([0, 1, 2, 5, 11, 30]))
            action = rng.choice(ACTIONS)
            session.show(now=now)  # the next card would show now
            if session.current is None and not session.finished:
                session.finish(now=now)  # none does: the app ends it then (its summary)
            idle = session.current is None  # the app ended it: the person is on Home
            if idle and action not in ("zone", "night"):
                session, _ = plan_session(store, CARDS, now, zone, scheduler)
                idle = False
                session.show(now=now)
            card = session.current
            said = f"{action} {card.id if card else '-'}"
            if action == "rate" and card is not None:
                try:
                    session.rate(rng.choice(list(Rating)), now=now)
                except ChangedElsewhere:
                    said = "rate refused: answered in the other drillbit"
            elif action == "undo":
                try:
                    session.undo(now=now)
                except ChangedSinceError:
                    said = "undo refused: answered since in the other drillbit"
            elif action in ("bury", "suspend") and card is not None:
                session.set_aside(suspend=action == "suspend", now=now)
            elif action == "relaunch":
                session, _ = plan_session(store, CARDS, now, zone, scheduler)
            elif action == "zone":
                name = rng.choice(ZONES)
                zone.zone = StudyZone(ZoneInfo(name), 4)
                said = f"zone {name}"
            elif action == "night":
                now += timedelta(hours=rng.choice([6, 12, 20]))
                said = "night"
            elif action == "other":
                said = other_write(other, CARDS, rng, now, zone.zone)
            steps.append(f"{now:%m-%d %H:%M} {said}")
            if idle:  # d on Home after the zone move or the night
                session, _ = plan_session(store, CARDS, now, zone, scheduler)
                steps.append("over: d again")
            session.show(now=now)
            if session.current is None and not session.finished:
                session.finish(now=now)  # the app ends it: its summary
            if session.day_ended:  # its day is over, by design: d on Home starts the new one
                session, _ = plan_session(store, CARDS, now, zone, scheduler)
                steps.append("day ended: d again")
            if session.started_at == now:
                lists_day = local_date(now, zone.zone)
            fresh, planned = restart(store, session, now, zone, scheduler)
            kind = compare(session, fresh, planned)
            shown = [card for card in session.queued if card.id not in session._waiting]
            if shown and local_date(now, zone.zone) != lists_day:
                kind = "day"  # the session's list is of another day than Home's
            if kind is not None:
                found.append((kind, list(steps)))
                session.finish(now=now)
                session, _ = plan_session(store, CARDS, now, zone, scheduler)
                lists_day = local_date(now, zone.zone)
                steps.append("relaunched")

    return found


if __name__ == "__main__":  # the round's report: `uv run python -m tests.study.plan_walks N`
    import sys
    import tempfile

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    kinds: Counter[str] = Counter()
    walks: Counter[str] = Counter()
    differed = 0
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(count):
            found = walk(seed, Path(folder))
            differed += bool(found)
            kinds.update(kind for kind, _steps in found)
            walks.update({kind for kind, _steps in found})
            if "-v" in sys.argv:
                for kind, steps in found:
                    print(seed, kind, steps[-6:])
    print(
        f"{differed} of {count} walks differed; steps by kind {dict(kinds)}; walks by kind {dict(walks)}"
    )
