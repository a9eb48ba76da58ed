"""What the settings screen shows of the interview plan, from the workspace: each of the
plan's fields as its row shows it and its box takes it back.

Textual-free, so it is tested without a screen: `SettingsScreen` read
`store.interview_plan()` itself, once for its rows and again for the box it opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.study.plan_edit import PLAN_ROWS, PlanField, plan_value
from quiz.study.plan_phrases import target_percent

if TYPE_CHECKING:
    from quiz.store import InterviewPlan
    from quiz.workspace import Workspace

__all__ = [
    "NO_PLAN_KEPT",
    "PLAN_KEPT",
    "PLAN_REMOVED",
    "plan_saved_note",
    "plan_values",
    "remove_plan_question",
]

PLAN_REMOVED = "Interview plan removed; normal reviews resume."
NO_PLAN_KEPT = "No interview plan was set; nothing changed."
"""What an empty date saved says: the plan it removed, or that there was none (it said
"Interview plan removed" on a home that never had one, as if one had been lost)."""
PLAN_KEPT = "Interview plan kept; nothing changed."
"""What the settings say when the question of `remove_plan_question` is answered no."""


def remove_plan_question(plan: InterviewPlan) -> str:
    """What the settings ask before an empty date removes the plan. It was removed at once,
    its minutes and target with it: a burst of ctrl+u, a new date and enter in the open
    box (tmux's send-keys, a paste) reached the box as ctrl+u last, and the enter that
    followed saved an empty date. A line each, within the question's 44 columns: wrapped
    there, "(30" and "min/day" fell on two lines."""
    return (
        f"Remove the interview plan for {plan.interview.isoformat()}\n"
        f"({plan.minutes_per_day:g} min/day, target recall {target_percent(plan.target)})?\n"
        "Normal reviews resume."
    )


def removal_question(workspace: Workspace, field: PlanField, typed: str) -> str | None:
    """The question to ask before saving `typed` in `field` (`remove_plan_question`), or None
    when the edit removes nothing: only an empty date over a plan that exists removes one."""
    if field != "interview" or typed.strip():
        return None
    plan = workspace.store.interview_plan()
    return None if plan is None else remove_plan_question(plan)


def plan_saved_note(plan: InterviewPlan | None, *, had_plan: bool) -> str:
    """The line under the settings' table once a plan field is saved: the plan as it now
    is, or what clearing it did (`had_plan`: a plan was set before the edit)."""
    if plan is None:
        return PLAN_REMOVED if had_plan else NO_PLAN_KEPT
    return (
        f"Interview {plan.interview.isoformat()}: {plan.minutes_per_day:g} min/day, "
        f"target recall {target_percent(plan.target)} (saved)"
    )


def plan_values(workspace: Workspace) -> dict[PlanField, str]:
    """Each plan field's value as its row shows it and its box opens with ('2026-03-16',
    '30', '0.9'); empty when there is no plan (the rows say "none", the boxes open empty)."""
    plan = workspace.store.interview_plan()
    if plan is None:
        return {}
    return {field: plan_value(plan, field) for field in PLAN_ROWS}
