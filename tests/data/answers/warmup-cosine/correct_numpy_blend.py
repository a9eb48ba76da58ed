# expect: passed | passed all
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # a linear ramp, then a blend between base_lr and min_lr with weight cos^2(pi p / 2)
    if warmup_steps > 0 and step < warmup_steps:
        return float(base_lr * (step + 1) / warmup_steps)
    p = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0.0, 1.0)
    w = np.cos(np.pi * p / 2) ** 2
    return float(w * base_lr + (1 - w) * min_lr)
