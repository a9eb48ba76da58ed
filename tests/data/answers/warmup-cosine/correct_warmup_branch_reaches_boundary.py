# expect: passed | passed all
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step <= warmup_steps and warmup_steps > 0:
        return base_lr * min(1.0, (step + 1) / warmup_steps)
    p = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    return min_lr + (base_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * p))
