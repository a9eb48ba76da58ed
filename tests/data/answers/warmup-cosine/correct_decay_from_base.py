# expect: passed | passed all
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    """Subtract the decayed part from base_lr instead of adding to min_lr."""
    if step < warmup_steps:
        return (step + 1) * base_lr / warmup_steps
    span = total_steps - warmup_steps
    done = step - warmup_steps
    if span < 1:
        span = 1
    if done > span:
        done = span
    return base_lr - (base_lr - min_lr) * (1 - math.cos(math.pi * done / span)) / 2
