"""A screen half taken down (popped, or recomposing) is still asked for its keys: its footer's
update runs when the app is next idle. The card browser's `check_action` looked for its
table there, raised NoMatches, and the app stopped (a CI run read it as a 900 s hang)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import DataTable

from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.widgets.footer import KeysFooter
from tests.tui.conftest import AppFactory, press, showing


def offered(screen: BrowserScreen | StatsScreen) -> dict[str, bool]:
    """Each action the screen's bindings name: whether it is offered now."""
    return {binding.action: enabled for _, binding, enabled, _ in screen.active_bindings.values()}


async def test_the_browser_without_its_table_has_no_highlighted_card(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        assert browser.highlighted() is not None
        await browser.query_one(DataTable).remove()
        assert browser.highlighted() is None
        keys = offered(browser)  # it raised NoMatches
        assert keys["edit_file"] is True


async def test_the_stats_screen_without_its_charts_offers_no_next_chart(
    build: AppFactory,
) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        await stats.query_one("#stats-charts", VerticalScroll).remove()
        assert "next_chart" not in offered(stats) or offered(stats)["next_chart"] is False


async def test_the_footer_of_a_screen_being_popped_does_not_ask_for_its_keys(
    build: AppFactory,
) -> None:
    """Popped, the browser is off the stack at once and its widgets go a few turns later:
    its footer's update, run meanwhile, asked the half-removed screen for its keys."""
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        footer = browser.query_one(KeysFooter)
        asked: list[str] = []
        check = browser.check_action

        def counting(action: str, parameters: tuple[object, ...]) -> bool | None:
            asked.append(action)
            return check(action, parameters)

        browser.check_action = counting  # type: ignore[method-assign]
        await footer._recompose_if_changed()
        assert "suspend" in asked  # shown, it asks
        asked.clear()
        removed = app.pop_screen()  # not awaited: off the stack, its widgets not yet removed
        assert footer.is_attached and not browser.is_current
        await footer._recompose_if_changed()
        assert asked == []
        await removed
        await showing(pilot, HomeScreen)
