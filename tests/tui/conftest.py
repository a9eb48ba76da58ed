"""Fixtures for the TUI tests: a small fixed bank, a fake clock, an in-process grader."""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from random import Random
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from fsrs import Rating, Scheduler
from textual.app import App
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets._footer import FooterKey

from quiz.clock import Zone
from quiz.sandbox_grader import Grader, SandboxGrader
from quiz.settings import Settings
from quiz.store import InterviewPlan, Store
from quiz.study.days import local_timezone
from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp, make_app
from quiz.workspace import StudyRequest, Workspace
from tests.conftest import DATA

if TYPE_CHECKING:
    from engine.verdict import Verdict
    from quiz.drill_grading import Drill
    from quiz.tui.screens.drill import DrillScreen
    from quiz.tui.screens.study import StudyScreen


WAIT_SECONDS = 300.0
"""The ceiling of `wait_until` and `settle`: they return as soon as what they wait for holds,
so it only stops a hang. It was 30 s, which a loaded CI box can outlast with nothing wrong
(a Pilot test gets a twelfth of a core at a load average of 24 on two cores). A real
sandbox's first grading also waits for its worker to start: `WARM_WITHIN_SECONDS`."""


async def wait_until(
    pilot: Pilot[None], ready: Callable[[], bool], ceiling: float = WAIT_SECONDS
) -> bool:
    """Let the app run until `ready()` holds (for work that finishes asynchronously, such as
    Markdown rendering or a grading worker); False only after `ceiling` seconds of wall
    clock (a count of 50 ms pauses stretched it on a loaded machine, each pause longer).

    A widget `ready()` queries may be missing for a moment: a screen that recomposes (the
    stats screen after another drillbit's commit) removes its children before it mounts
    the new ones, and the test can run in between on a loaded machine. That reads as
    not ready yet, not as a failure."""

    def holds() -> bool:
        try:
            return ready()
        except NoMatches:
            return False

    loop = asyncio.get_running_loop()
    deadline = loop.time() + ceiling
    while loop.time() < deadline:
        if holds():
            return True
        fail_if_stopped(pilot)
        await pilot.pause(0.05)
    return holds()


def fail_if_stopped(pilot: Pilot[None]) -> None:
    """Fail now when the app stopped on an exception: nothing it waits for comes any more,
    and a wait ran on to its ceiling, and the test to pytest-timeout's 900 s (the card
    browser's NoMatches read as a hang, its cause only in the teardown's log)."""
    error = pilot.app._exception
    if error is not None:
        raise AssertionError(f"the app stopped on {error!r}") from error


@pytest.fixture(autouse=True)
def _patient_pilot(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual's Pilot waits up to 30 s of wall clock for the screen to handle what a key
    (a click, the app's start) queued, then raises WaitForScreenTimeout: a guess that a
    loaded CI box can outlast with nothing wrong. Here it waits up to WAIT_SECONDS, as
    every other wait of these tests (test_textual_contract.py checks the patch holds)."""
    wait = Pilot._wait_for_screen

    async def patient(self: Pilot[Any], timeout: float = WAIT_SECONDS) -> bool:
        return await wait(self, timeout=timeout)

    monkeypatch.setattr(Pilot, "_wait_for_screen", patient)


def left_running(
    pids: list[int], running: Callable[[int], bool], ceiling: float = WAIT_SECONDS
) -> list[int]:
    """The processes of `pids` still `running` once all have ended, or after `ceiling` s.

    A killed process ends a moment after the signal (one in bubblewrap's namespace once the
    kernel has killed the namespace's init), later on a loaded machine: the ceiling only
    stops a hang (it was 30 s, a guess)."""
    deadline = time.monotonic() + ceiling
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if running(pid)]


def rate_in_another_drillbit(
    app: DrillbitApp, card_id: str, now: datetime, rating: Rating = Rating.Good
) -> None:
    """Rate `card_id` (Good unless told) through a second connection to the app's store, as
    another drillbit process (a shell's `drillbit study`) would: the app sees it only by its
    poll."""
    other = Store.open(app.workspace.store.path)
    try:
        review_card(other, app.workspace.scheduler, card_id, rating, now=now, correct=True)
    finally:
        other.close()


def retitling_editor(tmp_path: Path) -> str:
    """An editor command (the `editor` setting) that retitles the dropout card "Dropout at
    test time" and saves, as a person editing with ctrl+e would."""
    script = tmp_path / "retitle.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('title: Inverted dropout at inference',"
        " 'title: Dropout at test time'))\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


async def settle(pilot: Pilot[None], ceiling: float = WAIT_SECONDS) -> None:
    """Let the app handle every message it has been sent, every message those handlers send,
    and finish its workers: then what a key did is on the screen, on a loaded machine too.

    `pilot.pause()` waits for the messages queued on the current screen when it is called,
    then guesses from the CPU used that the rest is done; a key's effect often takes more
    hops than that (the binding posts a request, the app pushes a screen, the screen mounts
    and counts, a resumed screen counts again), and a starved process passes the guess after
    one turn (`-p tests.starved`). Here each round waits until every screen's every node has
    handled what it had queued, until a round ends with nothing queued and no worker running.
    `ceiling` only stops a hang: the error names the workers still running and the nodes
    with messages queued.
    """
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + ceiling
    busy = "nothing yet"
    while loop.time() < deadline:
        fail_if_stopped(pilot)
        await pilot.pause()
        nodes = [
            app,
            *(n for screen in app.screen_stack for n in screen.walk_children(with_self=True)),
        ]
        handled = {node: asyncio.Event() for node in nodes}
        posted = [(node, e) for node, e in handled.items() if node.call_later(e.set)]
        # a node closed meanwhile (a screen popped) never runs its callback
        while any(node.is_running and not e.is_set() for node, e in posted):
            if loop.time() > deadline:
                break
            await asyncio.sleep(0.01)
        nodes = [
            app,
            *(n for screen in app.screen_stack for n in screen.walk_children(with_self=True)),
        ]
        queued = [node for node in nodes if node.message_queue_size]
        running = [worker for worker in app.workers if worker.is_running]
        if not queued and not running:
            return
        busy = f"workers running {[w.name for w in running]}, messages queued on {queued}"
    raise AssertionError(f"the app was still busy after {ceiling:.0f} s: {busy}")


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press the keys one at a time as a person types them, each handled in full (`settle`)
    before the next: a key often acts a few messages later (a screen pushed, an answer
    mounted), and `pilot.press` waits for the next key only on `pilot.pause()`'s guess."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def searched(pilot: Pilot[None]) -> None:
    """Wait until the card browser's rows follow the text in its search box: a run of keys
    searches once typing pauses (`SEARCH_PAUSE`), after the keys are handled."""
    screen = pilot.app.screen
    assert await wait_until(pilot, lambda: not getattr(screen, "search_pending", False))
    await settle(pilot)


ScreenT = TypeVar("ScreenT", bound=Screen[Any])


def footer_descriptions(screen: Screen[Any]) -> list[str]:
    """The descriptions of the keys a screen's footer draws, in order."""
    return [key.description for key in screen.query(FooterKey)]


def screen_lines(app: App[Any]) -> list[Strip]:
    """The current screen as drawn, one Strip (styled segments) per row.

    The one read of a Textual internal in the TUI tests: Textual has no public way to read
    the drawn cells of a screen (`export_screenshot` gives an SVG; a widget's `render_lines`
    leaves out its children, and ProgressBar is made of children), so this asks the
    screen's compositor for a full frame. test_textual_contract.py fails loudly when a
    Textual upgrade renames or changes it.
    """
    rows = app.screen._compositor.render_full_update().strips  # each row: its widgets' strips
    return [Strip.join(list(row)) for row in rows]


async def showing(pilot: Pilot[None], kind: type[ScreenT]) -> ScreenT:
    """The app's screen once it is a `kind` and mounted. A key's screen comes a few messages
    after the key (the binding's action posts a request, the app pushes the screen, the screen
    mounts), and `pilot.pause()` ends on a guess that a starved process passes after one turn.
    A pushed screen is the app's screen before its `on_mount` has run: a test that ended then
    shut the app down under it (the drill screen's `on_mount` found no editor)."""
    app = pilot.app
    assert await wait_until(
        pilot, lambda: isinstance(app.screen, kind) and app.screen.is_mounted
    ), f"{kind.__name__} was never shown: {type(app.screen).__name__} is"
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


async def press_card_keys(pilot: Pilot[None], *keys: str) -> None:
    """Press the study screen's card keys (s, b, x, u, escape) in turn, each after an escape
    out of a number card's box when it has the focus: the box types their letters then."""
    from quiz.tui.widgets.answers import NumberAnswer

    for key in keys:
        await settle(pilot)
        if isinstance(pilot.app.focused, NumberAnswer) and not pilot.app.focused.disabled:
            await press(pilot, "escape")
        await press(pilot, key)


async def open_first_drill(pilot: Pilot[None], study: StudyScreen) -> DrillScreen:
    """Skip the session's cards up to its first coding card and open its drill (enter):
    the drill screen, once shown. A cram session of the test bank has its drill after
    cards of other kinds."""
    from quiz.tui.screens.drill import DrillScreen

    while study.card is not None and study.card.kind != "coding":
        await press_card_keys(pilot, "s")
        await settle(pilot)
    assert study.card is not None, "the session has no drill"
    await press(pilot, "enter")
    return await showing(pilot, DrillScreen)


async def mock_clock_running(pilot: Pilot[None], study: StudyScreen) -> None:
    """Wait until a timed session's clock has started. It starts at the first frame with
    the question on it (a callback after the screen's refresh), which a loaded machine can
    reach after the test's next step: a clock moved before it started left the whole limit
    to run, and a time-up test failed one run in many."""
    assert await wait_until(pilot, lambda: study.session.clock_started_at is not None)


async def resize(pilot: Pilot[None], width: int, height: int) -> None:
    """Resize the terminal and wait until the current screen has handled it: its own
    `on_resize` (where screens refit tables and lines) and its layout; then one pause for
    the widgets' own Resize events.

    `pilot.resize_terminal` and a pause are not enough: the app takes the new size at once
    (`screen.size` is the app's), but tells the screen a timer tick later, and a pause
    ends on a wall-clock guess that a loaded machine defeats. The screen's layout
    (`outer_size`) changes while it handles that Resize, after its `on_resize`.
    """
    await pilot.resize_terminal(width, height)
    size = Size(width, height)
    assert await wait_until(pilot, lambda: pilot.app.screen.outer_size == size), (
        f"the screen was never laid out at {width}x{height}: {resize_state(pilot.app)}"
    )
    await pilot.pause()


def resize_state(app: App[Any]) -> str:
    """Where a resize stopped, for `resize`'s failure: the app takes the new size, keeps the
    Resize for its screen and posts it on a timer tick (or when idle, with no timer set).
    test_resize_columns.py failed once in a whole-suite run at a load average of about 20
    (the screen never laid out at 120x40 within WAIT_SECONDS) and passed every rerun; this
    says next time which step the Resize did not get past."""
    screen = app.screen
    return (
        f"{type(screen).__name__} is {screen.outer_size}, the app {app.size}; "
        f"a Resize kept for the screen: {app._resize_event is not None}, "
        f"its timer set: {app._resize_timer is not None}, "
        f"the screen shown before: {screen.stack_updates > 0}, attached: {screen.is_attached}"
    )


START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
"""The fake clock's start: fixed so snapshots and due times are repeatable."""

SOLUTION = """import numpy as np


def sgd_step(theta, grad, lr):
    return theta - lr * grad
"""

WRONG = """import numpy as np


def sgd_step(theta, grad, lr):
    return theta + lr * grad
"""

FAKE_EDITOR = Path(__file__).resolve().parent / "fake_editor.py"


class FakeClock:
    """A clock the test moves by hand; the app never sleeps on it."""

    def __init__(self, start: datetime = START) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.moment += timedelta(seconds=seconds)


class FakeZone:
    """The machine's zone as the test sets it: the app reads it, the test moves it."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone

    def __call__(self) -> tzinfo:
        return self.zone


def inprocess_grade(drill: Drill, source: str) -> Verdict:
    """Grade trusted test code in this process with a fixed seed (fast, deterministic)."""
    from engine.grade_inprocess import grade_inprocess, load_submission
    from engine.verdict import LOADING, CaseResult, CaseStatus, Status, build_verdict

    try:
        fns = load_submission(source, drill.checker.entries)
    except Exception as exc:  # the code failed to load: the sandbox's verdict, no case run
        loading = CaseResult(name=LOADING, status=CaseStatus.ERROR, message=str(exc))
        return build_verdict(
            drill.checker.name,
            [loading],
            status=Status.ERROR,
            summary=f"error: {exc}",
            seed=0,
            duration_ms=12.0,
            isolation=[],
        )
    verdict = grade_inprocess(drill.checker, fns, seed=0, params=drill.front.params)
    return verdict.model_copy(update={"duration_ms": 12.0})  # a fixed time for screenshots


GradeFunction = Callable[["Drill", str], "Verdict"]


@dataclass(frozen=True)
class FunctionGrader:
    """A test's grading function as the app's `Grader`: it runs no process, so its close
    has nothing to end."""

    grade: GradeFunction

    def __call__(self, drill: Drill, source: str) -> Verdict:
        return self.grade(drill, source)

    def stop(self) -> None:
        """Nothing to end."""

    def close(self) -> None:
        """Nothing to end."""


def as_grader(grader: Grader | GradeFunction | None) -> Grader | None:
    """A test's grader as the app takes it: a sandbox as it is, a function wrapped."""
    if grader is None or isinstance(grader, SandboxGrader | FunctionGrader):
        return grader
    return FunctionGrader(grader)


@pytest.fixture
def tui_bank(tmp_path: Path) -> Path:
    """A writable copy of tests/data/tui_bank: the mini bank plus one coding card."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "tui_bank", root)
    return root


SHARED_TOPIC_CARD = """---
id: dropout-training
kind: choice
title: Inverted dropout in training
topic: basics
tags: [dropout]
difficulty: 2
source: tests
choices:
  - Divide the kept activations by keep_prob
  - Multiply every activation by keep_prob
answer: 0
---

## Question

With inverted dropout, what happens to the kept activations in training?

## Explanation

Dividing by keep_prob keeps their expected value, so inference needs no change.
"""


@pytest.fixture
def shared_topic(tmp_path: Path) -> Path:
    """A second pack, deep-training, with a card in mini's topic "basics": the two packs'
    topics are named "basics (mini)" and "basics (deep-training)" (pass it as `extra`)."""
    root = tmp_path / "more"
    pack = root / "deep-training"
    (pack / "basics").mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        "title: Deep training\ndescription: A second pack for the tests.\nversion: 0.1.0\n",
        encoding="utf-8",
    )
    (pack / "basics" / "dropout-training.md").write_text(SHARED_TOPIC_CARD, encoding="utf-8")
    return root


CODE_CHOICE_CARD = """---
id: dropout-rate-code
kind: choice
title: Dropout rate in NumPy
topic: arrays
tags: [dropout]
difficulty: 2
source: tests
choices:
  - "`keep = rng.random(A.shape) < 0.8`, then `A * keep / 0.8`"
  - "`keep = rng.random(A.shape) < 0.2`, then `A * keep / 0.2`"
answer: 0
---

## Question

Dropout with rate `p = 0.2`: which training-time NumPy code is inverted dropout?

## Explanation

The rate is the chance of dropping a unit, so 80% are kept and divided by 0.8.
"""


@pytest.fixture
def code_choices(tmp_path: Path) -> Path:
    """A pack "snippets" with one choice card whose options are inline code (pass it as
    `extra`; study it with `StudyRequest(mode="cram", pack="snippets")`)."""
    root = tmp_path / "snippets-bank"
    pack = root / "snippets"
    (pack / "arrays").mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        "title: Snippets\ndescription: Code in the options.\nversion: 0.1.0\n", encoding="utf-8"
    )
    (pack / "arrays" / "dropout-rate-code.md").write_text(CODE_CHOICE_CARD, encoding="utf-8")
    return root


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock at START."""
    return FakeClock()


@dataclass
class Recorder:
    """Collects the messages the app processes (for `run_test(message_hook=...)`)."""

    messages: list[Message] = field(default_factory=list)

    def __call__(self, message: Message) -> None:
        self.messages.append(message)

    def of(self, kind: type[Message]) -> list[Any]:
        """The messages of one class, in order, each once (a bubbling message is seen per node)."""
        found: list[Any] = []
        for message in self.messages:
            if isinstance(message, kind) and all(message is not seen for seen in found):
                found.append(message)
        return found


def notifications(recorder: Recorder) -> list[Notification]:
    """Every notification the app raised, in order: the `Notify` messages it handled, as
    `run_test(message_hook=recorder)` saw them.

    Not `app._notifications`: besides being private, Textual drops a notification from it
    once its timeout (5 s of wall clock) has passed, so a test that raised one and read
    the list after several keys lost it on a loaded machine (it took 4.8 s alone).
    """
    return [message.notification for message in recorder.of(Notify)]


def notices(recorder: Recorder) -> list[str]:
    """The text of every notification the app raised, in order (`notifications`)."""
    return [str(notification.message) for notification in notifications(recorder)]


@pytest.fixture
def recorder() -> Recorder:
    """A fresh message recorder."""
    return Recorder()


AppFactory = Callable[..., DrillbitApp]


@pytest.fixture
def build(tui_bank: Path, clock: FakeClock) -> AppFactory:
    """`build(study=..., drill=...)`: the app from `make_app`, made repeatable for tests."""

    def factory(
        *,
        study: StudyRequest | None = None,
        drill: str | None = None,
        grader: Grader | GradeFunction | None = inprocess_grade,
        editor: str | None = None,
        extra: list[Path] | None = None,
        settings: Settings | None = None,
        zone: Zone = local_timezone,
    ) -> DrillbitApp:
        return make_app(
            [tui_bank, *(extra or [])],
            study=study,
            drill=drill,
            include_bundled=False,
            clock=clock,
            zone=zone,
            grader=as_grader(grader),
            scheduler=Scheduler(enable_fuzzing=False),
            rng=Random(7),
            editor=editor or f"{sys.executable} {FAKE_EDITOR}",
            cursor_blink=False,
            # choices in content order unless a test shuffles them with the seeded rng
            settings=settings if settings is not None else Settings(shuffle_choices=False),
        )

    return factory


def set_plan(workspace: Workspace, days: int, minutes: float) -> InterviewPlan:
    """Put the workspace in UTC and give it an interview `days` ahead (target 0.9)."""
    workspace.tz = UTC
    now = workspace.now()
    plan = InterviewPlan(now.date() + timedelta(days=days), minutes, 0.9, now)
    workspace.store.set_interview_plan(plan)
    return plan
