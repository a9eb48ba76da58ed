# expect: passed | passed all
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return float(np.interp(step + 1, [0, warmup_steps], [0.0, base_lr]))
    span = max(1, total_steps - warmup_steps)
    p = float(np.clip((step - warmup_steps) / span, 0.0, 1.0))
    return float(min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * p)))
