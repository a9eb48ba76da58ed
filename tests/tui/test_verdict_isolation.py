"""The drill verdict leads with what the candidate needs and names every isolation layer in
one line, each layer's whole statement one key away.

At 80x24 the verdict box shows five rows. A machine without a kernel file-system layer put
the whole FILES_READABLE warning (five rows) under the status, and the failure's inputs
(two rows) came before expected and got: the failing case's values were below the box.
Under the cases each layer's whole statement took some 25 rows."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import TextArea

from engine.sandbox.isolation import (
    FILES_READABLE,
    HOOKS,
    PROCESS,
    RESULTS,
    SECCOMP,
    SELF_CHECKS,
)
from engine.verdict import Verdict
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.verdict_view import (
    FULL_ISOLATION_HINT,
    FULL_ISOLATION_KEY,
    FULL_ISOLATION_READING,
    READ_KEY,
    VerdictView,
)
from quiz.verdict_text import isolation_summary
from tests.tui.conftest import (
    WRONG,
    AppFactory,
    press,
    screen_lines,
    settle,
    showing,
    wait_until,
)
from tests.tui.test_drill import grade_now

RLIMITS = "rlimits: CPU 2 s soft / 3 s hard, address space 512 MiB"
WALL_CLOCK = "wall clock: 5 s, then SIGKILL to the whole process group"
BWRAP_OFF = "bubblewrap: not active (turned off (bwrap=False or DRILLBIT_SANDBOX_BWRAP=0))"
LANDLOCK_OFF = "landlock: not active (the kernel has no Landlock)"

LAYERS_WITHOUT_A_FILE_LAYER = [
    PROCESS,
    RLIMITS,
    WALL_CLOCK,
    HOOKS,
    BWRAP_OFF,
    RESULTS,
    SECCOMP,
    LANDLOCK_OFF,
    FILES_READABLE,
    SELF_CHECKS,
]
"""A verdict's isolation where neither bubblewrap nor Landlock held: the warning case."""

NAMES = [
    "process",
    "rlimits",
    "wall clock",
    "audit hooks",
    "bubblewrap",
    "results",
    "seccomp",
    "landlock",
]


async def graded_wrong(app: DrillbitApp, pilot: Pilot[None]) -> Verdict:
    """Grade WRONG (in process) and show its verdict as the sandbox of a machine without a
    kernel file-system layer would have sent it."""
    app.screen.query_one("#editor", TextArea).load_text(WRONG)
    await grade_now(app, pilot)
    view = app.screen.query_one(VerdictView)
    assert view.verdict is not None
    shown = view.verdict.model_copy(update={"isolation": LAYERS_WITHOUT_A_FILE_LAYER})
    view.show_verdict(shown)
    await settle(pilot)
    return shown


def rendered(view: VerdictView) -> str:
    """The text under the cases: output, warnings, isolation."""
    return str(view.query_one("#verdict-output").render())


def box_rows(app: DrillbitApp) -> list[str]:
    """The verdict box's rows as drawn."""
    region = app.screen.query_one(VerdictView).content_region
    rows = screen_lines(app)[region.y : region.bottom]
    return [row.text[region.x : region.right].rstrip(" ▁▂▃▄▅▆▇█") for row in rows]


def test_the_summary_names_every_layer_and_says_which_were_off() -> None:
    verdict = Verdict.model_construct(isolation=LAYERS_WITHOUT_A_FILE_LAYER)
    line = isolation_summary(verdict)
    assert line == (
        "isolation: process, rlimits, wall clock, audit hooks, results, seccomp;"
        " bubblewrap off; landlock off"
    )
    bwrap = [*LAYERS_WITHOUT_A_FILE_LAYER[:4], "bubblewrap: no network, private PID/IPC/UTS"]
    bwrap += [RESULTS, SECCOMP, "landlock: not needed (bubblewrap mounts only what it may)"]
    assert isolation_summary(Verdict.model_construct(isolation=bwrap)).endswith(
        "results, seccomp; landlock not needed"
    )


async def test_at_80x24_the_box_shows_the_failing_case_expected_and_got(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, DrillScreen)
        verdict = await graded_wrong(app, pilot)
        failure = verdict.first_failure
        assert failure is not None and failure.expected is not None
        rows = box_rows(app)
        assert rows[0].lstrip().startswith("FAILED")
        # the warning in one row, its first clause; no layer's statement above the case
        assert rows[1].strip() == (
            "WARNING: the file system is not restricted by the kernel here ▼"
        )
        assert rows[2].strip() == f"First problem: {failure.name}"
        assert rows[3].strip() == f"expected: {failure.expected}"
        assert rows[4].strip() == f"got:      {failure.got}"


async def test_the_layers_are_one_line_and_i_shows_each_in_full(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, DrillScreen)
        await graded_wrong(app, pilot)
        view = app.screen.query_one(VerdictView)
        output = str(view.query_one("#verdict-output").render())
        # the whole warning stays, under the cases; every layer is named once, in one line
        assert " ".join(output.split()).startswith(
            " ".join(f"WARNING: {FILES_READABLE.removeprefix('warning: ')}".split())
        )
        summary = " ".join(output.split()).removeprefix(
            " ".join(f"WARNING: {FILES_READABLE.removeprefix('warning: ')}".split())
        )
        for name in NAMES:
            assert f" {name}" in summary, name
        assert "SIGKILL" not in output and "pidfds" not in output
        # the editor has the focus, where i is typed: the line names the way in first
        assert output.rstrip().endswith(f"· {FULL_ISOLATION_HINT}")
        await press(pilot, READ_KEY)  # into the box: one key now
        assert await wait_until(
            pilot, lambda: rendered(view).rstrip().endswith(f"· {FULL_ISOLATION_READING}")
        )
        await press(pilot, FULL_ISOLATION_KEY)
        assert view.full_isolation
        whole = " ".join(str(view.query_one("#verdict-output").render()).split())
        for layer in LAYERS_WITHOUT_A_FILE_LAYER:
            assert " ".join(layer.split()) in whole, layer[:30]
        await press(pilot, FULL_ISOLATION_KEY)  # and back to the one line
        assert "SIGKILL" not in str(view.query_one("#verdict-output").render())
        await press(pilot, READ_KEY)
        editor = app.screen.query_one("#editor", TextArea)
        assert editor.has_focus
        await press(pilot, FULL_ISOLATION_KEY)  # in the editor, i is a letter of the code
        assert not view.full_isolation
        assert editor.text.count("i") > WRONG.count("i")
