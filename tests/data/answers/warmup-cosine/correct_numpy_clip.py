# expect: passed | passed
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    warm = base_lr * (step + 1) / max(warmup_steps, 1)
    p = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0.0, 1.0)
    cos = min_lr + (base_lr - min_lr) * (1 + np.cos(np.pi * p)) / 2
    return float(warm if step < warmup_steps else cos)
