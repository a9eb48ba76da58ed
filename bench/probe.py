"""Run in a fresh process by the startup benchmark: open an app headless, exit on its first idle.

`python -m bench.probe bare OUT` opens a minimal Textual app (Header, Markdown,
Footer); `python -m bench.probe app OUT [CONTENT_DIR...]` opens drillbit's Home
on the bundled bank plus the given folders. Once the first screen is rendered
and the message queue is idle, it writes what it saw to OUT (JSON) and exits.
`due` opens a due session directly (as `drillbit study`); `stats` presses `s` on
Home and `answer` records one answer and redraws Home's counts, both reporting
the time of that step alone as `inner_ms` (`stats` its CPU too, `inner_cpu_ms`);
`browser` presses `b` on Home and reports the time (and CPU) to the card browser's
first frame with rows (`_to_first_rows`: its next idle comes only after the search
index's thread, about a second more);
`search` opens the card browser, waits for its search index and times one search
(`_search`);
`stats_frame` presses `s` on Home and reports the time (and CPU) to the stats screen's
first frame (under a plan Home's forecast worker is then in flight: its CPU counts too);
`walk` walks from Home through a session, the stats, the drills and the settings
(`bench.tui_walk`), reporting each step's wait as `waits`; `quit_imports`,
`quit_worker`, `quit_warm` and `quit_grading` open a drill and quit during its warm-up or
its grading (`bench.quitting`), reporting the moment of the quit and the app's children.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen

FRAME_MODES = ("browser", "stats_frame", "search")
"""The modes timed to a first frame: the process ends once it has reported, where an older
tree's exit under a plan waited for Home's forecast thread (minutes at a high load)."""


def bare_app() -> App[None]:
    """The floor: the least a Textual app with a header, some Markdown and a footer costs.

    Its widgets are imported here, so probing drillbit does not pay for them.
    """
    from textual.widgets import Footer, Header, Markdown

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Markdown("# drillbit\n\nA bare Textual app: the startup floor.")
            yield Footer()

    return BareApp()


def _peak_rss_kib() -> int:
    """This process's peak RSS: VmHWM (ru_maxrss can carry the forking parent's peak over exec)."""
    try:
        with open("/proc/self/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _report(
    app: App[Any],
    out: Path,
    inner_ms: float | None = None,
    waits: dict[str, float] | None = None,
    idles: dict[str, float] | None = None,
    inner_cpu_ms: float | None = None,
) -> None:
    table = app.screen.query("DataTable")
    rows = getattr(table.first(), "row_count", 0) if table else 0
    # The card count from the index: asking for `cards` would load the whole bank now.
    content = getattr(getattr(app, "workspace", None), "content", None)
    cards = len(content.refs) if content is not None else 0
    info = {
        "screen": type(app.screen).__name__,
        "home_rows": rows,
        "cards": cards,
        "bank_loaded": bool(getattr(content, "loaded", False)),
        "maxrss_kb": _peak_rss_kib(),
        "numpy_loaded": "numpy" in sys.modules,
        "pydantic_loaded": "pydantic" in sys.modules,
        "engine_loaded": any(name.startswith("engine") for name in sys.modules),
        "textarea_loaded": "textual.widgets._text_area" in sys.modules,
        "modules": len(sys.modules),
        "datatable_loaded": "textual.widgets._data_table" in sys.modules,
        "pylatexenc_loaded": "pylatexenc" in sys.modules,
        "quiz_modules": sorted(name for name in sys.modules if name.split(".")[0] == "quiz"),
        "inner_ms": inner_ms,
        "inner_cpu_ms": inner_cpu_ms,
        "waits": waits,
        "idles": idles,
        "cpu_ms_at_idle": round(time.process_time() * 1000, 1),
    }
    out.write_text(json.dumps(info), encoding="utf-8")


async def _to_first_rows(pilot: Pilot[Any], key: str, *, rows: bool = True) -> tuple[float, float]:
    """Press `key` on Home and time it, wall and CPU (ms), to the first frame of a screen
    whose DataTable has rows (any other screen's first frame, without `rows`). Textual has
    no public event for a frame drawn: the screen's compositor refresh is wrapped, for
    this probe's process only."""
    from textual.widgets import DataTable  # here: the other probes report whether it loaded

    drawn: list[tuple[float, float]] = []
    refresh = Screen._compositor_refresh

    def noted(screen: Screen[Any]) -> None:
        refresh(screen)
        if drawn or screen is home:
            return
        tables = screen.query(DataTable)
        if not rows or (tables and tables.first().row_count):
            drawn.append((time.perf_counter(), time.process_time()))

    home = pilot.app.screen
    start, cpu = time.perf_counter(), time.process_time()
    Screen._compositor_refresh = noted  # type: ignore[method-assign,assignment]
    try:
        await pilot.press(key)
        while not drawn:
            await pilot.pause(0.01)
    finally:
        Screen._compositor_refresh = refresh  # type: ignore[method-assign]
    return (drawn[0][0] - start) * 1000, (drawn[0][1] - cpu) * 1000


SEARCH = "generated card 12"
"""What the `search` probe types into the card browser's box: words of every generated card
(a long ranked list) narrowed by a number."""


async def _search(pilot: Pilot[Any]) -> tuple[float, float]:
    """Open the card browser (`b`), wait for its search index, then time one search of
    `SEARCH` with the rows shown (wall and CPU, ms): the screen's `refresh_rows` as a key
    typed after a pause runs it, on the app's thread."""
    from textual.widgets import Input

    app: Any = pilot.app
    await pilot.press("b")
    while type(app.screen).__name__ != "BrowserScreen" or app.workspace.search.built() is None:
        await pilot.pause(0.01)
    screen: Any = app.screen
    await pilot.pause()
    box = screen.query_one(Input)
    box.value = SEARCH
    start, cpu = time.perf_counter(), time.process_time()
    screen.refresh_rows(reread=False, to_top=True)
    await pilot.pause()
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


async def _answer_and_refresh(pilot: Pilot[Any]) -> float:
    """Record one answer of a due session, then time Home re-reading and drawing its counts."""
    from fsrs import Rating

    from quiz.overview import StudyRequest

    app: Any = pilot.app
    session = app.workspace.start_session(StudyRequest(mode="due"))
    if session.current is not None:
        session.show()
        session.rate(Rating.Good)
    start = time.perf_counter()
    app.screen.refresh_counts()
    await pilot.pause()
    return (time.perf_counter() - start) * 1000


def main(argv: list[str]) -> None:
    """Probe one app (see the module docstring)."""
    mode, out, extra = argv[0], Path(argv[1]), [Path(a) for a in argv[2:]]
    if mode == "bare":
        app: App[Any] = bare_app()
    elif mode == "due":
        from quiz.overview import StudyRequest
        from quiz.tui.app import make_app

        app = make_app(extra, study=StudyRequest(mode="due"))
    else:
        from quiz.tui.app import make_app

        app = make_app(extra)

    async def at_idle(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        if mode.startswith("quit_"):
            from bench.quitting import quit_during

            await quit_during(pilot, mode.removeprefix("quit_"), out)
            return
        inner: float | None = None
        waits: dict[str, float] | None = None
        idles: dict[str, float] | None = None
        inner_cpu: float | None = None
        if mode == "walk":
            from bench.tui_walk import walk

            waits, idles = await walk(pilot)
        elif mode == "stats":
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("s")
            await pilot.pause()
            inner = (time.perf_counter() - start) * 1000
            inner_cpu = (time.process_time() - cpu) * 1000
        elif mode == "browser":
            inner, inner_cpu = await _to_first_rows(pilot, "b")
        elif mode == "search":
            inner, inner_cpu = await _search(pilot)
        elif mode == "stats_frame":
            inner, inner_cpu = await _to_first_rows(pilot, "s", rows=False)
        elif mode == "answer":
            inner = await _answer_and_refresh(pilot)
        _report(pilot.app, out, inner, waits, idles, inner_cpu)
        if mode in FRAME_MODES:  # measured: an older tree's exit waited for Home's forecast
            os._exit(0)
        pilot.app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=at_idle)


if __name__ == "__main__":
    main(sys.argv[1:])
