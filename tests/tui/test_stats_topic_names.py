"""The stats screen's accuracy chart prints whole topic names where the width allows, and
a cut name still tells two packs' topics apart."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from quiz.tui.screens.stats import StatsScreen
from quiz.tui.widgets.bars import RowChart, fit_names
from tests.tui.conftest import AppFactory, FakeClock, press, set_plan, settle, showing

CARD = """---
id: {id}
kind: concept
title: Batch norm {id}
topic: normalization
difficulty: 1
source: tests
key_points:
  - a point
---

## Question

What?

## Answer

That.
"""

SHARED = ("normalization (neural-networks)", "normalization (deep-training)")


def _two_packs(root: Path) -> Path:
    """Packs neural-networks and deep-training, each a card in topic "normalization"."""
    for pack in ("neural-networks", "deep-training"):
        folder = root / pack / "normalization"
        folder.mkdir(parents=True)
        (root / pack / "pack.yaml").write_text(
            f"title: {pack}\ndescription: A pack for the tests.\nversion: 0.1.0\n",
            encoding="utf-8",
        )
        (folder / f"{pack}-norm.md").write_text(CARD.format(id=f"{pack}-norm"), encoding="utf-8")
    return root


def _names(chart: RowChart) -> list[str]:
    return [line.split("│")[0].rstrip() for line in chart.render().plain.splitlines()[1:]]


async def test_whole_topic_names_beside_a_plans_plot_at_120_columns(
    build: AppFactory, clock: FakeClock, tmp_path: Path
) -> None:
    """Three charts side by side at 120x40 gave the topics a third of the width, and
    "normalization (neural-networks)" read "normalization (neura…"."""
    more = _two_packs(tmp_path / "more")
    for size in ((120, 40), (80, 24)):
        app = build(extra=[more])
        if size == (120, 40):
            set_plan(app.workspace, 10, 20.0)
            for pack in ("neural-networks", "deep-training"):
                app.workspace.store.record_review(
                    card_id=f"{pack}-norm", rating=3, correct=True, reviewed_at=clock(), mode="due"
                )
        async with app.run_test(size=size) as pilot:
            await press(pilot, "s")
            stats = await showing(pilot, StatsScreen)
            await settle(pilot)
            names = _names(stats.query_one("#by-topic", RowChart))
            assert set(SHARED) <= set(names), (size, names)


class _Narrow(App[None]):
    def compose(self) -> ComposeResult:
        yield RowChart("by topic", [(name, 50.0) for name in (*SHARED, "optimizers")])


async def test_a_cut_topic_name_still_tells_the_packs_apart() -> None:
    """Cut at its end, each read "normalizatio…": two bars, one name."""
    app = _Narrow()
    async with app.run_test(size=(30, 8)) as pilot:  # names get 30 - 7 - 10 = 13 cells
        await settle(pilot)
        names = _names(app.query_one(RowChart))
    assert len(set(names)) == 3, names
    assert names[2] == "optimizers"
    assert all(len(name) <= 13 and "…" in name for name in names[:2]), names


def test_a_cut_keeps_the_pack_when_the_topic_has_room_and_both_ends_otherwise() -> None:
    # distinct when cut at their ends: cut at their ends, as every other name
    assert fit_names(SHARED, 24) == ["normalization (neural-n…", "normalization (deep-tra…"]
    assert fit_names(["layer-normalization (a)", "layer-normalization (b)"], 12) == [
        "layer-n… (a)",
        "layer-n… (b)",
    ]
    assert fit_names(SHARED, 13) == ["normal…works)", "normal…ining)"]
    assert fit_names(["gradient-checking", "gradient-clipping", "losses"], 10) == [
        "gradi…king",
        "gradi…ping",
        "losses    ",
    ]
