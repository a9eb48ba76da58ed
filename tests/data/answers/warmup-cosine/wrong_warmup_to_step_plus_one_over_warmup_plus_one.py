# expect: failed | the warmup is off by one
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # the warmup divided by warmup_steps + 1, so it never quite reaches base_lr
    if step < warmup_steps:
        return base_lr * (step + 1) / (warmup_steps + 1)
    p = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * p)) / 2
