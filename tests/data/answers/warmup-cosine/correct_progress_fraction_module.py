# expect: passed | passed all
import math
from fractions import Fraction


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    # exact progress as a fraction, clipped, then one float conversion
    p = Fraction(step - warmup_steps, max(1, total_steps - warmup_steps))
    p = min(Fraction(1), p)
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * float(p)))
