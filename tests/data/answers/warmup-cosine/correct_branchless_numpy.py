# expect: passed | passed
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if warmup_steps > 0 and step < warmup_steps:
        return float(base_lr * (step + 1) / warmup_steps)
    span = max(1, total_steps - warmup_steps)
    p = np.clip((step - warmup_steps) / span, 0.0, 1.0)
    return float(min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * p)))
