"""What two import plans must agree on, for the tests that plan the same notes two ways."""

from __future__ import annotations

from quiz.ecosystem.importplan import ImportPlan


def plan_summary(plan: ImportPlan) -> tuple[object, ...]:
    """Every card's id, path, text, key points and replacement, the plan's report and the
    cards found unchanged."""
    return (
        [(c.card_id, c.path, c.text, c.key_points, c.replaces) for c in plan.cards],
        plan.skipped,
        plan.notices,
        plan.sections,
        plan.questions_seen,
        plan.pack_yaml,
        [(c.card_id, c.path, c.text) for c in plan.unchanged],
    )
