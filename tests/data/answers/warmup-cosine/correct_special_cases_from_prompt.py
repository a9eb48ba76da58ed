# expect: passed | passed
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    """The prompt's edge cases written out one by one as ifs, then the plain formulas."""
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    if warmup_steps == total_steps:
        return base_lr if step == total_steps else min_lr
    if step >= total_steps:
        return min_lr
    p = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * p)) / 2
