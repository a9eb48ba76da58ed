# expect: failed | the rate stays at base_lr / 2, the middle of the cosine after warmup
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    # the progress was meant to be a fraction of the decay, but the step fell out of it:
    # cos(pi / 2) is 0, so the rate sits halfway between base_lr and min_lr
    if step >= total_steps:
        return min_lr
    p = 0.5
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * p)) / 2
