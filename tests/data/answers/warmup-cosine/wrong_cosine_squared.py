# expect: failed | the decay is cos(pi p)**2
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # remembered as "cosine squared": cos(pi p)**2, where cos(pi p / 2)**2 =
    # (1 + cos(pi p)) / 2 was meant; it falls to 0 at the middle and climbs back
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    p = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    return min_lr + (base_lr - min_lr) * math.cos(math.pi * p) ** 2
