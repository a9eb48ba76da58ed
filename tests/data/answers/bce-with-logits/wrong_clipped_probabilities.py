# expect: failed | the probabilities were clipped to [1e-07, 1 - 1e-07] before the log
import numpy as np


def bce_with_logits(z, y):
    # the usual "fix" for log(0): clip the probabilities, then the plain binary cross-entropy
    p = np.clip(1.0 / (1.0 + np.exp(-np.clip(z, -500, 500))), 1e-7, 1 - 1e-7)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    return float(loss), (p - y) / z.size
