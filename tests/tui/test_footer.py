"""The key footer shows the keys that apply where the focus is, and keeps its key widgets
when a focus change leaves those keys as they were."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Footer
from textual.widgets._footer import FooterKey

from quiz.tui.widgets.footer import KeysFooter


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


async def test_a_focus_change_that_keeps_the_keys_keeps_the_key_widgets() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#one"))
        await pilot.pause()
        assert described(app) == {"Alpha": False, "palette": False}
        before = footer_keys(app)
        app.set_focus(app.query_one("#two"))
        await pilot.pause()
        assert footer_keys(app) == before
        assert all(key.is_attached for key in before)


async def test_the_footer_follows_the_keys_of_the_focused_widget() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#with-key"))
        await pilot.pause()
        assert described(app) == {"Extra": False, "Alpha": False, "palette": False}
        app.set_focus(app.query_one("#one"))
        await pilot.pause()
        assert described(app) == {"Alpha": False, "palette": False}


async def test_a_key_that_becomes_disabled_is_shown_dim() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#one"))
        await pilot.pause()
        app.alpha_enabled = False
        app.refresh_bindings()
        await pilot.pause()
        assert described(app) == {"Alpha": True, "palette": False}


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
            await pilot.pause()
            return [
                (key.key, sorted(key.classes), key.render(), key.region) for key in footer_keys(app)
            ]

    stock = await drawn(lambda: Footer(compact=compact))
    assert len(stock) == 4  # left, right, alpha, the palette
    assert await drawn(lambda: KeysFooter(compact=compact)) == stock
