# expect: failed | the rate at step 0 is a float32 number; expected float64
import numpy as np


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # the schedule kept as float32, as a framework's optimizer state would hold it
    base, low = np.float32(base_lr), np.float32(min_lr)
    if step < warmup_steps:
        return base * np.float32((step + 1) / warmup_steps)
    p = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    return low + (base - low) * np.float32((1 + np.cos(np.pi * p)) / 2)
