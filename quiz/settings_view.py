"""What the settings screen shows of the interview plan, from the workspace: each of the
plan's fields as its row shows it and its box takes it back.

Textual-free, so it is tested without a screen: `SettingsScreen` read
`store.interview_plan()` itself, once for its rows and again for the box it opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.study.plan_edit import PLAN_ROWS, PlanField, plan_value

if TYPE_CHECKING:
    from quiz.workspace import Workspace

__all__ = ["plan_values"]


def plan_values(workspace: Workspace) -> dict[PlanField, str]:
    """Each plan field's value as its row shows it and its box opens with ('2026-03-16',
    '30', '0.9'); empty when there is no plan (the rows say "none", the boxes open empty)."""
    plan = workspace.store.interview_plan()
    if plan is None:
        return {}
    return {field: plan_value(plan, field) for field in PLAN_ROWS}
