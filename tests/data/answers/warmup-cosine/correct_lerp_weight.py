# expect: passed | passed all
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return float(np.interp(step + 1, [0, warmup_steps], [0.0, base_lr]))
    p = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0.0, 1.0)
    w = 0.5 * (1.0 + np.cos(np.pi * p))
    return float(w * base_lr + (1.0 - w) * min_lr)
