# expect: passed | passed
import math


class WarmupCosine:
    def __init__(self, base_lr, warmup_steps, total_steps, min_lr=0.0):
        self.base, self.warm, self.total, self.floor = base_lr, warmup_steps, total_steps, min_lr

    def __call__(self, step):
        if step < self.warm:
            return self.base * (step + 1) / self.warm
        span = max(1, self.total - self.warm)
        p = min(1.0, (step - self.warm) / span)
        return self.floor + 0.5 * (self.base - self.floor) * (1.0 + math.cos(math.pi * p))


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    return WarmupCosine(base_lr, warmup_steps, total_steps, min_lr)(step)
