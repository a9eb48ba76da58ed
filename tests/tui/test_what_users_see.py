"""What a user reads on the screens at 80x24 and 120x40: nothing cut without a sign,
nothing hidden that the screen is for, words that say what the screen does."""

from __future__ import annotations

from fsrs import State
from textual.app import App, ComposeResult
from textual.command import CommandInput
from textual.widgets import DataTable

from quiz.settings import KEYS, describe
from quiz.tui.app import PALETTE_PLACEHOLDER
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.settings import ROWS, SettingsScreen
from quiz.tui.screens.stats import NO_RETENTION
from quiz.tui.widgets.bars import MIN_BAR, RowChart
from quiz.tui.widgets.footer import KeysFooter
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, resize, settle, showing, wait_until


async def test_the_palette_says_it_finds_cards_and_commands(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "ctrl+p")
        assert await wait_until(pilot, lambda: bool(app.screen.query(CommandInput)))
        placeholder = str(app.screen.query_one(CommandInput).placeholder)
        assert placeholder == PALETTE_PLACEHOLDER
        assert "card" in placeholder and "Search for commands" not in placeholder


async def test_sorted_by_difficulty_the_browser_shows_the_difficulty(build: AppFactory) -> None:
    app = build()
    session = app.workspace.start_session(StudyRequest(mode="due", kind="choice"))
    session.answer(False)  # Again: fsrs's difficulty of this card is set, the rest are new
    session.finish()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        await settle(pilot)
        browser = await showing(pilot, BrowserScreen)
        table: DataTable[object] = browser.query_one(DataTable)
        labels = [str(column.label) for column in table.ordered_columns]
        assert "difficulty" not in labels
        await press(pilot, "ctrl+o", "ctrl+o")  # content -> due -> difficulty
        await settle(pilot)
        assert browser.sort == "difficulty"
        labels = [str(column.label) for column in table.ordered_columns]
        # the answered card's due time today takes 5 cells ("09:31"), not 11 with its date:
        # the titles fit beside the whole label (test_columns_share has it shortened)
        assert labels == ["card", "kind", "state", "due", "difficulty", "lapses"]
        widths = {column.key.value: column.width for column in table.ordered_columns}
        assert all(len(row.card.title) <= widths["card"] for row in browser.shown)
        column = labels.index("difficulty")
        shown = [str(table.get_row_at(n)[column]) for n in range(table.row_count)]
        reviewed = browser.shown[0]
        assert reviewed.difficulty is not None and shown[0] == f"{reviewed.difficulty:.1f}"
        assert shown[1:] == ["–"] * (len(shown) - 1)  # new cards have none yet
        await settle(pilot)
        assert table.virtual_size.width <= table.size.width  # every column on screen
        await press(pilot, "ctrl+o")  # lapses: the column goes
        await settle(pilot)
        assert "difficulty" not in [str(column.label) for column in table.ordered_columns]


def table_text(table: DataTable[object]) -> str:
    """Everything the table draws, its lines joined with spaces (wrapped cells rejoined)."""
    lines = [table.render_line(y).text for y in range(table.size.height)]
    return " ".join(" ".join(lines).split())


async def test_settings_descriptions_wrap_and_a_refusal_keeps_the_description(
    build: AppFactory,
) -> None:
    """At 80x24 every setting's whole description is in the table, the first screenful
    or the last (the column cut them: "Steps of a forgotten card before it returns to re");
    a refused value is said in full above the setting's description, which stays."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        screen = await showing(pilot, SettingsScreen)
        table: DataTable[object] = screen.query_one(DataTable)
        await settle(pilot)
        drawn = table_text(table)
        await press(pilot, "end")
        await settle(pilot)
        drawn += " " + table_text(table)
        for key in KEYS:
            assert describe(key) in drawn, key
        assert table.virtual_size.width <= table.size.width
        table.move_cursor(row=ROWS.index("new_per_day"))
        await press(pilot, "enter", "ctrl+u", *"10x", "enter")
        await settle(pilot)
        help_line = screen.query_one("#settings-help")
        said = str(help_line.render())
        first = said.splitlines()[0]
        assert first == "new_per_day: '10x' is not a whole number from 0 to 9999", first
        assert describe("new_per_day") in said and "enter saves" in said
        assert help_line.size.height >= 3  # all of it on screen
        assert help_line.region.bottom <= screen.query_one(KeysFooter).region.y
        await resize(pilot, 120, 40)  # the table refits; the refusal stays
        assert str(help_line.render()) == said
        assert all(describe(key) in table_text(table) for key in KEYS)
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "comma")
        await settle(pilot)
        drawn = table_text(app.screen.query_one(DataTable))
        assert all(describe(key) in drawn for key in KEYS)


class _TopicChart(App[None]):
    NAMES = ("gradient-checking", "normalization (neural-networks)", "x" * 60)

    def compose(self) -> ComposeResult:
        yield RowChart("by topic", [(name, 50.0) for name in self.NAMES], id="rows")


async def test_topic_names_get_the_room_they_need_and_a_cut_one_ends_in_an_ellipsis() -> None:
    """The names' column was a third of the chart (19 cells at 120x40): "gradient-checki"
    and nothing to show it was cut. Now it takes what the bars (10 cells at least) leave."""
    for width, whole in ((40, 1), (58, 2)):
        app = _TopicChart()
        async with app.run_test(size=(width, 10)) as pilot:
            await settle(pilot)
            lines = app.query_one(RowChart).render().plain.splitlines()[1:]
            names = [line.split("│")[0].rstrip() for line in lines]
            assert names[:whole] == list(_TopicChart.NAMES[:whole])
            for name in names[whole:]:
                assert name.endswith("…") and len(name) == width - 7 - MIN_BAR
            assert all(line.endswith("50%") for line in lines)


async def test_stats_says_why_retention_is_a_dash(build: AppFactory, clock: FakeClock) -> None:
    app = build()
    session = app.workspace.start_session(StudyRequest(mode="due", kind="choice"))
    session.answer(True)  # a new card: no answer to a card in review yet
    session.finish()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        numbers = str(app.screen.query_one("#stats-numbers").render())
        assert "true retention –*" in numbers and NO_RETENTION in numbers
        assert len(NO_RETENTION) <= 78  # one line at 80 columns
    app = build()
    app.workspace.store.record_review(  # an answer to the card once it is in review
        card_id="dropout-inference",
        rating=3,
        correct=True,
        reviewed_at=clock(),
        mode="due",
        state_before=State.Review,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        numbers = str(app.screen.query_one("#stats-numbers").render())
        assert "true retention 100%" in numbers and NO_RETENTION not in numbers
