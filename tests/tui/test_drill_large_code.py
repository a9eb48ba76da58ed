"""Code over the source limit never reaches the drill editor: a paste, an old draft and the
file $EDITOR leaves are refused with a notice, and the person's text is kept.

A 5 MiB paste took 47 s to enter the editor (560 MB of memory), and a drill opened on a
1 MiB draft in 6 s."""

from __future__ import annotations

import shlex
import sys

from textual import events

from quiz.drill_grading import starter_text
from quiz.drill_source import SOURCE_LIMIT
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.widgets.code_editor import CodeEditor
from tests.tui.conftest import AppFactory, FakeClock, Recorder, notices, settle, showing

OVERSIZED = "x = 1\n" * (SOURCE_LIMIT // 6 + 10)
"""Code a little over the limit: what matters is the limit, not how slow megabytes are."""


async def test_a_paste_over_the_limit_is_refused_and_the_code_stays(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor = screen.query_one("#editor", CodeEditor)
        before = editor.text
        app.post_message(events.Paste(OVERSIZED))
        await settle(pilot)
        assert editor.text == before
        assert any(
            "Not pasted" in notice and "over the 64 KiB a drill's code may have" in notice
            for notice in notices(recorder)
        )
        app.post_message(events.Paste("# a paste that fits\n"))  # a paste in bounds goes in
        await settle(pilot)
        assert editor.text.count("# a paste that fits") == 1


async def test_a_paste_counts_the_code_it_replaces(build: AppFactory) -> None:
    """Selected code is replaced by the paste: only what the code becomes counts."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor = screen.query_one("#editor", CodeEditor)
        editor.load_text("y = 2\n" * (SOURCE_LIMIT // 6 - 10))
        editor.select_all()
        fits = "z = 3\n" * (SOURCE_LIMIT // 6 - 10)
        app.post_message(events.Paste(fits))
        await settle(pilot)
        assert editor.text == fits


async def test_a_draft_over_the_limit_opens_the_starter_and_is_kept_in_a_file(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build()
    async with app.run_test():
        app.workspace.store.save_draft("tiny-sgd", OVERSIZED, updated_at=clock())
    app = build(drill="tiny-sgd")
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        assert screen.query_one("#editor", CodeEditor).text == starter_text(screen.sitting.card)
        shown = [notice for notice in notices(recorder) if "Your draft is" in notice]
        assert len(shown) == 1 and "over the 64 KiB" in shown[0]
        kept = shown[0].rsplit(" kept whole in ", 1)[1].removesuffix(".")
        with open(kept, encoding="utf-8") as file:
            assert file.read() == OVERSIZED
        draft = app.workspace.store.draft("tiny-sgd")  # left without typing: still there
        assert draft is not None and draft.text == OVERSIZED


async def test_a_file_over_the_limit_from_the_editor_is_not_loaded(
    build: AppFactory, recorder: Recorder
) -> None:
    writes = f"import sys; open(sys.argv[1], 'w').write({OVERSIZED[:6]!r} * {len(OVERSIZED) // 6})"
    app = build(drill="tiny-sgd", editor=shlex.join([sys.executable, "-c", writes]))
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        before = screen.query_one("#editor", CodeEditor).text
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert screen.query_one("#editor", CodeEditor).text == before
        assert recorder.of(DrillScreen.DrillSubmitted) == []
        assert any("over the limit of 64 KiB" in notice for notice in notices(recorder))


async def test_a_pasted_lone_surrogate_is_a_replacement_character(build: AppFactory) -> None:
    """A browser's paste can bring half a UTF-16 pair: the editor's document raised
    UnicodeEncodeError on it, which ended the app."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        app.post_message(events.Paste("# half \ud83d of a pair, a whole \ud83d\ude00\n"))
        await settle(pilot)
        screen.save_draft()
        draft = app.workspace.store.draft("tiny-sgd")
        assert draft is not None
        assert "# half \ufffd of a pair, a whole \U0001f600\n" in draft.text
