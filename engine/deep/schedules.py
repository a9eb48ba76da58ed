"""Reference learning-rate schedule: linear warmup, then cosine decay to a floor."""

from __future__ import annotations

import math

__all__ = ["warmup_cosine_lr"]


def warmup_cosine_lr(
    step: int, base_lr: float, warmup_steps: int, total_steps: int, min_lr: float = 0.0
) -> float:
    """The rate for `step` (counted from 0).

    Warmup reaches base_lr on its last step, (step + 1)/warmup_steps, so step 0
    already trains; the cosine part then runs from base_lr at p = 0 to min_lr at
    p = 1 and stays there past total_steps.
    """
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    p = (step - warmup_steps) / max(1, total_steps - warmup_steps)
    p = min(1.0, max(0.0, p))
    return min_lr + (base_lr - min_lr) * (1.0 + math.cos(math.pi * p)) / 2.0
