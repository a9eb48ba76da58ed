# expect: failed | the cosine's half turn was written in degrees, cos(180 * p)
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    p = min(1.0, max(0.0, (step - warmup_steps) / max(1, total_steps - warmup_steps)))
    # half a turn written in degrees, but math.cos takes radians
    return min_lr + (base_lr - min_lr) * (1 + math.cos(180 * p)) / 2
