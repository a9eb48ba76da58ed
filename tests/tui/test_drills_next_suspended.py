"""`n` in the drill list skips a suspended drill, as study leaves a suspended card out in
Anki (fifty-first round): it opened the first drill not passed, suspended or not, as the
one to do next, though the heading said it was set aside. Enter still opens it, and the
drill says over its task that it is suspended and how to put it back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from quiz.drill_list import DrillRow, DrillState
from quiz.drills_view import ALL_PASSED, PUT_BACK, SUSPENDED_NOTE, DrillsView
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.drills import DrillsScreen
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import START, AppFactory, Recorder, notices, press, settle, showing
from tests.tui.test_help_meanings import _help_fits

SECOND = Path(__file__).parent.parent / "data" / "tui_bank" / "mini" / "drills" / "tiny-sgd.md"


def with_a_second_drill(tui_bank: Path) -> None:
    """A second drill after tiny-sgd in content order: 'zz-sgd', its copy."""
    text = SECOND.read_text(encoding="utf-8")
    text = text.replace("id: tiny-sgd", "id: zz-sgd").replace(
        "title: A gradient-descent step", "title: Another gradient-descent step"
    )
    (tui_bank / "mini" / "drills" / "zz-sgd.md").write_text(text, encoding="utf-8")


def suspend(app: DrillbitApp, card_id: str) -> None:
    app.workspace.store.set_flag(card_id, suspended=True, buried_until=None, now=START)


async def test_n_skips_a_suspended_drill_for_the_next_one_not_passed(
    build: AppFactory, tui_bank: Path
) -> None:
    with_a_second_drill(tui_bank)
    app = build()
    suspend(app, "tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        assert [row.id for row in listing.rows] == ["tiny-sgd", "zz-sgd"]
        assert listing.view.next_unsolved() is not None
        await press(pilot, "n")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        assert drill.sitting.card.id == "zz-sgd", "not the suspended tiny-sgd"


async def test_n_with_only_suspended_drills_left_says_how_to_put_them_back(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build()
    suspend(app, "tiny-sgd")
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "l")
        await settle(pilot)
        await showing(pilot, DrillsScreen)
        await press(pilot, "n")
        await settle(pilot)
        await showing(pilot, DrillsScreen)  # nothing opened
        said = notices(recorder)
        assert f"The drill not passed yet is suspended: {PUT_BACK} it." in said
        assert "Every drill is passed." not in said, "none is"


async def test_n_still_opens_a_drill_not_suspended(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "l")
        await settle(pilot)
        await showing(pilot, DrillsScreen)
        await press(pilot, "n")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        assert drill.sitting.card.id == "tiny-sgd"


def test_what_n_says_when_no_drill_is_left_to_open() -> None:
    def row(card_id: str, state: DrillState) -> DrillRow:
        return DrillRow(card_id, card_id, "mini", "drills", state, 1, None, None)

    passed, failed, new = row("a", "passed"), row("b", "failed"), row("c", "not started")
    assert DrillsView((passed,)).none_left == ALL_PASSED
    assert DrillsView((passed,), frozenset({"a"})).none_left == ALL_PASSED  # passed: not left
    two = DrillsView((passed, failed, new), frozenset({"b", "c"}))
    assert two.next_unsolved() is None
    assert two.next_unsolved(after="b") is None, "a suspended drill is not next after itself"
    assert two.none_left == f"The 2 drills not passed yet are suspended: {PUT_BACK} them."
    one = DrillsView((passed, failed, new), frozenset({"b"}))
    assert one.next_unsolved() == new
    assert one.next_unsolved(after="c") is None, "c is the one left, and it is the one open"
    assert one.next_unsolved(after="a") == new


def review_note(drill: DrillScreen) -> str:
    notes = list(drill.query("#review-note").results(Static))
    return " ".join(str(note.render()) for note in notes)


async def test_enter_opens_a_suspended_drill_and_it_says_so_over_the_task(
    build: AppFactory,
) -> None:
    app = build()
    suspend(app, "tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "l")
        await settle(pilot)
        await showing(pilot, DrillsScreen)
        await press(pilot, "enter")  # asked for by name: opened, as Anki's browser shows it
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        assert drill.sitting.card.id == "tiny-sgd"
        assert review_note(drill) == SUSPENDED_NOTE
        assert PUT_BACK in SUSPENDED_NOTE


async def test_a_drill_not_suspended_has_no_such_note(build: AppFactory) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        assert "Suspended" not in review_note(drill)


async def test_the_help_says_n_opens_and_skips_the_suspended(build: AppFactory) -> None:
    """It said "go to one not passed yet": n opens it, and leaves a suspended one out."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "l")
        await settle(pilot)
        listing = await showing(pilot, DrillsScreen)
        rows = await _help_fits(pilot)  # each row inside the help's box at 80 columns
        assert ("n", "Next not passed: open the first one not suspended") in rows
        assert listing is app.screen
