# expect: passed | passed all
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return float(base_lr * (step + 1) / warmup_steps)
    span = max(1, total_steps - warmup_steps)
    p = min(1.0, max(0.0, (step - warmup_steps) / span))
    # (1 + cos(pi p)) / 2 == cos(pi p / 2) ** 2
    return float(min_lr + (base_lr - min_lr) * math.cos(math.pi * p / 2) ** 2)
