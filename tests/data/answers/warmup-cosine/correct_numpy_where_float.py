# expect: passed | passed all
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    p = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0.0, 1.0)
    cosine = min_lr + (base_lr - min_lr) * 0.5 * (1.0 + np.cos(np.pi * p))
    warm = base_lr * (step + 1) / warmup_steps if warmup_steps > 0 else base_lr
    return float(np.where(step < warmup_steps, warm, cosine))
