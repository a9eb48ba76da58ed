# expect: failed | min_lr was read as a fraction of base_lr
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # min_lr read as a fraction of base_lr (a min_lr_rate), as some schedulers take it
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    progress = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    factor = 0.5 * (1.0 + math.cos(math.pi * progress))
    return base_lr * (min_lr + (1.0 - min_lr) * factor)
