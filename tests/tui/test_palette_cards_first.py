"""The palette lists the cards a plain word finds before the tag sessions (fifty-second
round): Textual's fuzzy scores (up to 20) outranked every card's (at most 1), and the
letters of a query spread over "Study tag:" and a tag's name, so "adam" on the bundled bank
listed eight tag sessions, "Study tag: downsampling" among them, and no card about Adam on
an 80x24 screen. "tag X", as the docs say to type, still puts the tag's sessions first."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from quiz.tui.tag_commands import asks_for_tags
from tests.tui.conftest import AppFactory, settle, showing, wait_until


def prompts(pilot: Pilot[None]) -> list[str]:
    """Each listed hit's first line (its help is the second)."""
    listed = pilot.app.screen.query_one(CommandList)
    return [
        str(listed.get_option_at_index(i).prompt).splitlines()[0]
        for i in range(listed.option_count)
    ]


async def listed_for(pilot: Pilot[None], query: str, *wanted: str) -> list[str]:
    """The palette's prompts for `query`, once each of `wanted` is in one of them (the cards
    and the tags come from two providers, the cards once the index is built)."""
    await pilot.press("ctrl+p")
    await showing(pilot, CommandPalette)
    await pilot.press(*query)
    assert await wait_until(
        pilot, lambda: all(any(w in p for p in prompts(pilot)) for w in wanted)
    ), prompts(pilot)
    await settle(pilot)
    shown = prompts(pilot)
    # closed before the app, as test_palette_search.py explains
    await pilot.press("escape")
    assert await wait_until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))
    await pilot.app.workers.wait_for_complete()
    return shown


async def test_a_word_lists_its_cards_before_its_tag_sessions(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await listed_for(pilot, "dropout", "(dropout-inference)", "Cram tag: dropout")
    card = next(i for i, p in enumerate(shown) if "(dropout-inference)" in p)
    tags = [i for i, p in enumerate(shown) if p.startswith(("Study tag:", "Cram tag:"))]
    assert sorted(p for p in shown if p.endswith("tag: dropout")) == [
        "Cram tag: dropout",
        "Study tag: dropout",
    ], "the tag's sessions are still offered"
    assert tags and card < min(tags), shown


async def test_tag_in_the_query_puts_the_tag_sessions_first(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await listed_for(pilot, "tag dropout", "Study tag: dropout", "Cram tag: dropout")
    assert shown[0] in ("Study tag: dropout", "Cram tag: dropout"), shown


async def test_letters_spread_over_study_tag_find_no_tag(build: AppFactory) -> None:
    """ "sgd" finds the drill tiny-sgd and the tag sigmoid (s, g, d in its name); it listed
    "Study tag: dropout" too, its s the S of "Study", its g the g of "tag"."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await listed_for(pilot, "sgd", "(tiny-sgd)", "Study tag: sigmoid")
    assert not [p for p in shown if p.endswith("tag: dropout")], shown
    assert "Study tag: sigmoid" in shown, shown
    assert "(tiny-sgd)" in shown[0], shown


def test_the_words_that_ask_for_tag_sessions() -> None:
    assert asks_for_tags("tag adam") and asks_for_tags("Cram adam") and asks_for_tags("study")
    assert asks_for_tags("tag: adam")
    assert not asks_for_tags("adam") and not asks_for_tags("stage") and not asks_for_tags("")
