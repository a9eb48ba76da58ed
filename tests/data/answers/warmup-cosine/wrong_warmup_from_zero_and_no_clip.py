# expect: failed | the warmup is off by one
# Two slips at once, in two parts of the schedule: no one named mistake explains the whole
# run, and the verdict said only "wrong rate" at step 0. It names the warmup's slip first.
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    p = (step - warmup_steps) / max(1, total_steps - warmup_steps)
    return min_lr + 0.5 * (base_lr - min_lr) * (1 + math.cos(math.pi * p))
