"""The key footer shows the keys that apply where the focus is, and keeps the key widgets
that stay the same when the keys change (all of them when a focus change leaves the keys
as they were)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fsrs import Rating
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Footer
from textual.widgets._footer import FooterKey

from quiz.study.scheduling import review_card
from quiz.tui.app import DrillbitApp
from quiz.tui.widgets.footer import KeysFooter
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    press,
    resize,
    screen_lines,
    settle,
    wait_until,
)

STUDIED = "dropout-inference"
"""The browser's first card, rated before it opens: its row offers Reset too (a new card's
does not), eight keys and the palette's, more than 80 columns hold."""


def _studied(app: DrillbitApp, clock: FakeClock) -> None:
    """Rate the browser's first card Good through the app's own store."""
    workspace = app.workspace
    review_card(
        workspace.store, workspace.scheduler, STUDIED, Rating.Good, now=clock(), correct=True
    )


class Plain(Button):
    """A focusable widget that adds no key of its own."""


class WithKey(Widget, can_focus=True):
    """A focusable widget with one shown key of its own."""

    BINDINGS = [Binding("x", "app.bell", "Extra")]


MOVE = Binding.Group("Move")


class FooterApp(App[None]):
    BINDINGS = [
        Binding("a", "toggle", "Alpha"),
        Binding("z", "app.bell", "Hidden", show=False),
    ]

    def __init__(self, footer: Callable[[], Footer] = KeysFooter) -> None:
        super().__init__()
        self.alpha_enabled = True
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield Plain("one", id="one")
        yield Plain("two", id="two")
        yield WithKey(id="with-key")
        yield self.footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "toggle" and not self.alpha_enabled else True


def footer_keys(app: App[None]) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


def described(app: App[None]) -> dict[str, bool]:
    """description -> disabled, of the keys the footer shows."""
    return {key.description: key.has_class("-disabled") for key in footer_keys(app)}


PLAIN = {"Alpha": False, "palette": False}
"""The keys shown while a widget without keys of its own has the focus."""


async def test_a_focus_change_that_keeps_the_keys_keeps_the_key_widgets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rebuilds: list[Footer] = []
    recompose = Footer.recompose

    async def counted(footer: Footer) -> None:
        rebuilds.append(footer)
        await recompose(footer)

    monkeypatch.setattr(Footer, "recompose", counted)
    app = FooterApp()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#one"))
        assert await wait_until(pilot, lambda: described(app) == PLAIN)
        before, rebuilt = footer_keys(app), len(rebuilds)
        app.set_focus(app.query_one("#two"))  # the same keys
        assert await wait_until(pilot, lambda: app.focused is app.query_one("#two"))
        app.set_focus(app.query_one("#with-key"))  # one key more: mounted beside the others
        # bindings updates are handled in order: once this one shows, the one before was handled
        assert await wait_until(pilot, lambda: "Extra" in described(app))
        assert len(rebuilds) == rebuilt
        assert all(key.is_attached for key in before)
        assert [key.description for key in footer_keys(app)] == ["Extra", "Alpha", "palette"]
        app.set_focus(app.query_one("#one"))  # and removed again
        assert await wait_until(pilot, lambda: described(app) == PLAIN)
        assert footer_keys(app) == before and len(rebuilds) == rebuilt


async def test_a_key_that_becomes_disabled_is_shown_dim() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#one"))
        assert await wait_until(pilot, lambda: described(app) == PLAIN)
        app.alpha_enabled = False
        app.refresh_bindings()
        assert await wait_until(pilot, lambda: described(app) == {**PLAIN, "Alpha": True})


class GroupedKeys(Widget, can_focus=True):
    """A focusable widget whose two keys the footer shows as one group."""

    BINDINGS = [
        Binding("left", "go('left')", "Left", group=MOVE),
        Binding("right", "go('right')", "Right", group=MOVE),
    ]

    def action_go(self, where: str) -> None:
        """Nothing to do: the test looks at the footer only."""


class GroupedApp(FooterApp):
    def compose(self) -> ComposeResult:
        yield GroupedKeys(id="grouped")
        yield self.footer()


@pytest.mark.parametrize("compact", [False, True])
async def test_the_footer_looks_as_textuals_does(compact: bool) -> None:
    """Same keys, classes, text, styles and places as the stock Footer, grouped keys too."""

    async def drawn(footer: Callable[[], Footer]) -> list[tuple[object, ...]]:
        app = GroupedApp(footer)
        async with app.run_test() as pilot:
            assert await wait_until(
                pilot,
                lambda: (
                    len(footer_keys(app)) == 4 and all(key.region.width for key in footer_keys(app))
                ),
            )
            return [
                (key.key, sorted(key.classes), key.render(), key.region) for key in footer_keys(app)
            ]

    stock = await drawn(lambda: Footer(compact=compact))
    assert len(stock) == 4  # left, right, alpha, the palette
    assert await drawn(lambda: KeysFooter(compact=compact)) == stock


async def test_keys_changed_in_place_look_as_textuals_footer_draws_them() -> None:
    """Added, removed and disabled in place: the same keys, classes, text and places as the
    stock Footer composing them afresh."""

    async def drawn(footer: Callable[[], Footer]) -> list[list[tuple[object, ...]]]:
        app = FooterApp(footer)
        seen: list[list[tuple[object, ...]]] = []
        async with app.run_test() as pilot:
            for focus, alpha, count in (("one", True, 2), ("with-key", True, 3), ("one", False, 2)):
                app.alpha_enabled = alpha
                app.set_focus(app.query_one(f"#{focus}"))
                app.refresh_bindings()
                assert await wait_until(
                    pilot,
                    lambda count=count, alpha=alpha: (  # type: ignore[misc]
                        len(footer_keys(app)) == count
                        and described(app)["Alpha"] is not alpha
                        and all(key.region.width for key in footer_keys(app))
                    ),
                )
                await settle(pilot)
                seen.append(
                    [(k.key, sorted(k.classes), k.render(), k.region) for k in footer_keys(app)]
                )
        return seen

    assert await drawn(KeysFooter) == await drawn(Footer)


def _drawn(app: App[None]) -> tuple[bool, list[tuple[str, int, int]]]:
    """The footer's compact flag and each key's (description, left, right) cells."""
    footer = app.screen.query_one(Footer)
    return footer.compact, [
        (key.description, key.region.x, key.region.right) for key in footer_keys(app)
    ]


async def _settled(pilot: Pilot[None], app: App[None], width: int, described: str) -> None:
    assert await wait_until(
        pilot,
        lambda: (
            any(key.description == described for key in footer_keys(app))
            and all(key.region.width for key in footer_keys(app))
            and app.screen.query_one(Footer).size.width == width
        ),
    )
    await settle(pilot)


@pytest.mark.parametrize(("width", "compact"), [(80, True), (84, False), (120, False)])
async def test_homes_keys_all_fit_narrowing_only_as_far_as_needed(
    build: AppFactory, width: int, compact: bool
) -> None:
    """At 80 columns the stock spacing cut Help to "? He"; compact spacing fits every key."""
    app = build()
    async with app.run_test(size=(width, 24)) as pilot:
        await _settled(pilot, app, width, "Help")
        is_compact, keys = _drawn(app)
        assert is_compact is compact
        assert [name for name, *_ in keys] == [
            "Due", "Cram", "Mock", "Stats", "Cards", "Drills", "Settings", "Help", "palette",
        ]  # fmt: skip
        assert all(right <= width for _name, _left, right in keys), keys
        lefts = [left for _name, left, _right in keys]
        rights = [right for _name, _left, right in keys]
        assert all(a <= b for a, b in zip(rights, lefts[1:], strict=False)), "no key overlaps"


async def test_the_card_browser_leaves_out_the_palettes_key_only_when_narrow(
    build: AppFactory, clock: FakeClock
) -> None:
    """On a studied card's row its eight keys (Help and Reset among them) and the palette's
    need 84 cells even compact: the
    palette's key (ctrl+p still works) goes at 80 columns and comes back when the terminal
    is widened. Help stays: at 80 columns it is the one way to learn the other keys."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        _studied(app, clock)
        await press(pilot, "b")
        await _settled(pilot, app, 80, "Help")
        compact, keys = _drawn(app)
        assert compact and "palette" not in [name for name, *_ in keys]
        assert keys[-1][0] == "Help" and keys[-1][2] <= 80, keys
        await resize(pilot, 120, 24)
        await _settled(pilot, app, 120, "palette")
        compact, keys = _drawn(app)
        assert not compact and [name for name, *_ in keys][-3:] == ["Back", "Help", "palette"]
        await press(pilot, "ctrl+p")
        assert await wait_until(pilot, lambda: type(app.screen).__name__ == "CommandPalette")


@pytest.mark.parametrize(("keys", "help_key"), [((), "?"), (("b",), "f1")], ids=["home", "browser"])
async def test_too_narrow_for_every_key_the_help_s_key_comes_first(
    build: AppFactory, keys: tuple[str, ...], help_key: str
) -> None:
    """At 60 columns Home's keys need 67 cells even compact, and Textual cut the last one,
    Help, to "? He": the one key that lists the others. Help now comes first and the cut
    falls on a key the help lists; widened again, Help goes back to its place."""
    app = build()
    async with app.run_test(size=(60, 15)) as pilot:
        for key in keys:
            await press(pilot, key)
        await _settled(pilot, app, 60, "Help")
        assert await wait_until(pilot, lambda: footer_keys(app)[0].description == "Help")
        await settle(pilot)
        _compact, drawn = _drawn(app)
        assert drawn[0][0] == "Help" and drawn[0][2] <= 60, drawn
        assert screen_lines(app)[-1].text.startswith(f"{help_key} Help "), screen_lines(app)[-1]
        await resize(pilot, 120, 24)
        assert await wait_until(pilot, lambda: footer_keys(app)[0].description != "Help")
        await settle(pilot)
        names = [name for name, *_ in _drawn(app)[1]]
        assert names[-2:] == ["Help", "palette"], names


def first_footer_row(app: App[None], kind: str) -> list[str]:
    """The bottom row of the first frame drawn of the screen class named `kind` (filled
    in when drawn). Call before that screen is shown."""
    row: list[str] = []
    draw = app._display

    def display(screen: Any, renderable: Any) -> None:
        if type(screen).__name__ == kind and renderable is not None and not row:
            row.append(screen_lines(app)[-1].text)
        draw(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return row


@pytest.mark.parametrize(
    ("keys", "kind", "shown", "left_out"),
    [
        ((), "HomeScreen", ["d Due", "l Drills", ", Settings", "? Help"], []),
        # new cards only: no Reset, so the palette's key fits beside Help
        (("b",), "BrowserScreen", ["esc Back", "f1 Help", "^p palette"], ["Reset"]),
    ],
    ids=["home", "browser"],
)
async def test_a_screens_first_frame_has_its_keys_fitted_to_80_columns(
    build: AppFactory,
    keys: tuple[str, ...],
    kind: str,
    shown: list[str],
    left_out: list[str],
) -> None:
    """Textual's Footer mounts its keys a refresh after the screen's first bindings update:
    a screen's first frames had an empty footer. The first frame has them, fitted to the
    terminal's width (the footer's own comes with its first resize, after that frame)."""
    app = build()
    row = first_footer_row(app, kind)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *keys)
        assert await wait_until(pilot, lambda: type(app.screen).__name__ == kind)
        await settle(pilot)
        settled = screen_lines(app)[-1].text
    assert row, "drawn"
    for key in shown:
        assert key in row[0]
    for key in left_out:
        assert key not in row[0]
    assert row[0] == settled, "the keys it keeps, where it keeps them"


async def test_keys_keep_their_screens_order_wherever_the_focus_is(build: AppFactory) -> None:
    """A key a focused Input or TextArea also binds (ctrl+e, which the screen takes over)
    came first: the card browser's footer began "^e $EDITOR ⏎ Open", and a drill's ^e
    was first while its editor had the focus and third once the focus left it."""
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(120, 30)) as pilot:
        await _settled(pilot, app, 120, "Grade")
        editor = app.screen.query_one("#editor")
        assert editor.has_focus
        in_editor = [key.description for key in footer_keys(app)]
        await press(pilot, "shift+tab")  # to the task
        assert not editor.has_focus
        await settle(pilot)
        out_of_it = [key.description for key in footer_keys(app)]
        assert in_editor[:3] == ["Grade", "Hint", "$EDITOR"], in_editor
        both = set(in_editor) & set(out_of_it)
        assert [d for d in in_editor if d in both] == [d for d in out_of_it if d in both]
        assert out_of_it[:3] == ["Grade", "Hint", "$EDITOR"], out_of_it
        await press(pilot, "escape")
    app = build()
    async with app.run_test(size=(120, 30)) as pilot:
        await press(pilot, "b")
        await _settled(pilot, app, 120, "Help")
        shown = [key.description for key in footer_keys(app)]
        assert shown[:2] == ["Open", "Suspend"] and shown[-2:] == ["Help", "palette"], shown


async def test_a_focused_widgets_own_keys_come_first(build: AppFactory) -> None:
    """The keys a person is about to use, the options' digits and ⏎ Submit, stay first."""
    from quiz.workspace import StudyRequest

    app = build(study=StudyRequest(kind="choice"))
    async with app.run_test(size=(120, 30)) as pilot:
        await _settled(pilot, app, 120, "Submit")
        assert [key.description for key in footer_keys(app)][:2] == ["Pick one", "Submit"]


async def test_homes_study_key_reads_d_with_the_focus_or_without_it(build: AppFactory) -> None:
    """`drillbit serve`'s page blurs the app until it is clicked, and a blurred app has no
    focused widget: Home's table no longer took enter, so the footer showed the screen's
    first key for Due, enter ("⏎ Due"), where the terminal, its table focused, showed
    "d Due". d is now Due's first key, shown either way (enter still studies)."""

    def due_keys() -> list[str]:
        return [key.key_display or key.key for key in footer_keys(app) if key.description == "Due"]

    app = build()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.screen.focused is not None
        assert due_keys() == ["d"]
        app.screen.set_focus(None)  # what a blurred web page leaves
        await settle(pilot)
        assert due_keys() == ["d"]
        app.post_message(events.AppBlur())
        await settle(pilot)
        await resize(pilot, 100, 30)  # the page's terminal is fitted while blurred
        await settle(pilot)
        assert app.screen.focused is None
        assert due_keys() == ["d"]
