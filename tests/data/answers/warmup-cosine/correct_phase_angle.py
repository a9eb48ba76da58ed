# expect: passed | passed all
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # the angle of the cosine runs from 0 to pi over the decay and then stays at pi
    if warmup_steps > step:
        return (step + 1) * (base_lr / warmup_steps)
    decay = max(total_steps - warmup_steps, 1)
    angle = math.pi * min(step - warmup_steps, decay) / decay
    return min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(angle))
