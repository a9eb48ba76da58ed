# expect: passed | passed all
import math


def _schedule(base_lr, warmup_steps, total_steps, min_lr, upto):
    rates = []
    for s in range(upto + 1):
        if s < warmup_steps:
            rates.append(base_lr * (s + 1) / warmup_steps)
        else:
            p = min((s - warmup_steps) / max(1, total_steps - warmup_steps), 1.0)
            rates.append(min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * p)) / 2)
    return rates


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step > total_steps + 1:
        return float(min_lr)
    return _schedule(base_lr, warmup_steps, total_steps, min_lr, step)[step]
