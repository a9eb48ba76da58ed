# expect: passed | passed all
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    warm = base_lr * (step + 1) / warmup_steps if warmup_steps else base_lr
    p = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0.0, 1.0)
    cosine = min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * p))
    return float(warm if step < warmup_steps else cosine)
