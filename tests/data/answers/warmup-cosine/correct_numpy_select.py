# expect: passed | passed
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    span = max(1, total_steps - warmup_steps)
    p = np.clip((step - warmup_steps) / span, 0.0, 1.0)
    warm = base_lr * (step + 1) / max(1, warmup_steps)
    cosine = min_lr + (base_lr - min_lr) * 0.5 * (1.0 + np.cos(np.pi * p))
    return float(np.select([step < warmup_steps], [warm], default=cosine))
