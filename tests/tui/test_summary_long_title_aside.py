"""A suspended card's title too long for the summary's line is broken between its words
under the value (forty-ninth round): at 80 columns "Set aside  suspended: Softmax and
subtracting a constant from the logits" ran past the screen's edge, which wrapped its
last word to the left margin, under the labels."""

from __future__ import annotations

from pathlib import Path

from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import LABEL, SummaryScreen, set_aside_lines
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press_card_keys, screen_lines, settle, showing

LONG = "Softmax and subtracting a constant from the logits"


def retitled(tui_bank: Path) -> None:
    """The bank's what-is-relu card under a title as long as a real card's (LONG)."""
    card = tui_bank / "mini" / "basics" / "what-is-relu.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("title: What ReLU computes", f"title: {LONG}"), encoding="utf-8")


async def test_a_long_suspended_title_stays_under_the_value_at_80_columns(
    build: AppFactory, tui_bank: Path
) -> None:
    retitled(tui_bank)
    app = build(study=StudyRequest(mode="cram", card_ids=("what-is-relu",)))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await press_card_keys(pilot, "x")
        await showing(pilot, SummaryScreen)
        await settle(pilot)
        rows = [line.text.rstrip() for line in screen_lines(app)]
        at = next(i for i, row in enumerate(rows) if row.strip().startswith("Set aside"))
        block = rows[at : at + 4]
        indent = block[0].index("Set aside") + len(LABEL)
        assert all(row[:indent].strip() == "" for row in block[1:]), "\n".join(block)
        words = " ".join(row[indent:].strip() for row in block)
        assert words.startswith(f"suspended: {LONG} to bring one back:"), "\n".join(block)


def test_titles_that_fit_keep_their_lines_and_a_long_one_breaks_between_words() -> None:
    class Aside:
        def __init__(self, title: str, suspended: bool) -> None:
            self.title, self.suspended = title, suspended

    cards = [Aside("Dropout", False), Aside(LONG, True)]
    lines = set_aside_lines(cards, 40)  # type: ignore[arg-type]
    assert lines[0] == "buried until tomorrow: Dropout"
    assert lines[1:3] == ["suspended: Softmax and subtracting a", "constant from the logits"]
    assert all(len(line) <= 40 for line in lines)
