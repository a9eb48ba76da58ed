# expect: passed | passed
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # numpy throughout: the rate comes back as a 0-d float64 array, which is a number too
    warm = base_lr * (step + 1) / max(1, warmup_steps)
    p = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0.0, 1.0)
    cosine = min_lr + (base_lr - min_lr) * 0.5 * (1.0 + np.cos(np.pi * p))
    return np.asarray(warm if step < warmup_steps else cosine, dtype=np.float64)
