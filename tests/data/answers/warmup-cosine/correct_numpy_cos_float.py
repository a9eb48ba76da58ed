# expect: passed | passed all
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    """Warmup then cosine, through NumPy scalars."""
    if step < warmup_steps:
        return float(np.float64(base_lr) * (step + 1) / warmup_steps)
    p = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0, 1)
    return float(min_lr + (base_lr - min_lr) * (np.cos(np.pi * p) + 1) * 0.5)
