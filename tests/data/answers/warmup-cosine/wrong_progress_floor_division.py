# expect: failed | a p computed with //, floor division, is 0 until the last step
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    # integer steps, integer division: progress is 0 until the very end
    p = (step - warmup_steps) // max(1, total_steps - warmup_steps)
    p = min(1, max(0, p))
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * p)) / 2
