# expect: failed | past total_steps the cosine starts over from base_lr
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    cycle = max(1, total_steps - warmup_steps)
    p = (step - warmup_steps) % cycle / cycle
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * p))
