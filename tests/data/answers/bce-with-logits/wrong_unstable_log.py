# expect: failed | numpy reported overflow
import numpy as np


def bce_with_logits(z, y):
    p = 1.0 / (1.0 + np.exp(-z))
    loss = np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p))
    return float(loss), (p - y) / z.size
