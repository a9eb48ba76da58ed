# expect: failed | with warmup_steps == total_steps the step at total_steps still trains at base_lr
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # "at step = total_steps the rate is min_lr", tested directly instead of through p:
    # right whenever total_steps > warmup_steps, wrong at total_steps when the two are equal
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    if step >= total_steps:
        return min_lr
    p = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * p)) / 2
