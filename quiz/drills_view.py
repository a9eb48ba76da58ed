"""What the drill list and a drill's screen show of the drills, decided from the workspace:
every drill's row and state from the card index and the store, the list's heading, and
which drill `n` opens next.

Textual-free, so the decisions are tested without a screen: `DrillsScreen` and
`DrillScreen` read the store themselves (`drill_rows`) and chose the next drill there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.drill_list import DrillRow, drill_rows, next_unsolved

if TYPE_CHECKING:
    from quiz.workspace import Workspace

__all__ = ["ALL_PASSED", "DrillsView", "drills_view", "next_drill"]

ALL_PASSED = "Every drill is passed."
"""What `n` says, on the list or after a pass, when no drill is left to open."""


@dataclass(frozen=True)
class DrillsView:
    """Every coding drill in content order, with its state now."""

    rows: tuple[DrillRow, ...]

    @property
    def heading(self) -> str:
        """'Drills: 3/10 solved' (with or without hints)."""
        solved = sum(row.solved for row in self.rows)
        return f"Drills: {solved}/{len(self.rows)} solved"

    def next_unsolved(self, after: str | None = None) -> DrillRow | None:
        """The first drill not passed yet (after `after`, wrapping around), or None."""
        return next_unsolved(self.rows, after=after)


def drills_view(workspace: Workspace) -> DrillsView:
    """The drills from the card index (no bank load) with their states from the store."""
    return DrillsView(tuple(drill_rows(workspace.content.refs, workspace.store)))


def next_drill(workspace: Workspace, after: str) -> DrillRow | None:
    """The drill a pass of `after` leads to, as rustlings does: the next one not passed
    yet, or None when every drill is."""
    return drills_view(workspace).next_unsolved(after=after)
