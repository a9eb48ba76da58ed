# expect: failed | the logits were read as probabilities
import numpy as np


def bce_with_logits(z, y):
    # the probability form (a loss built for sigmoid outputs, from_logits=False) fed logits
    eps = 1e-7
    p = np.clip(z, eps, 1 - eps)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    return float(loss), (p - y) / z.size
