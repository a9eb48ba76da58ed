# expect: passed | passed all
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # three explicit phases: warmup, decay, and the floor once the decay is over
    if step < warmup_steps:
        return (step + 1) * (base_lr / warmup_steps)
    done = step - warmup_steps
    length = max(1, total_steps - warmup_steps)
    if done >= length:
        return min_lr
    fraction_left = 0.5 + 0.5 * math.cos(math.pi * done / length)
    return min_lr + fraction_left * (base_lr - min_lr)
