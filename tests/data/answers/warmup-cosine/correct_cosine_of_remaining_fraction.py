# expect: passed | passed all
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # written from the end: with r = 1 - p the fraction still to go, (1 + cos(pi p)) / 2
    # = (1 - cos(pi r)) / 2
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    span = max(1, total_steps - warmup_steps)
    r = 1.0 - min(1.0, max(0.0, (step - warmup_steps) / span))
    return min_lr + (base_lr - min_lr) * (1.0 - math.cos(math.pi * r)) / 2.0
