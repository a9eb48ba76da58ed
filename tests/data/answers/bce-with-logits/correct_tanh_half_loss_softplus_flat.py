# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    zf, yf = z.reshape(-1), y.reshape(-1)
    # softplus(-s z) with s = 2y - 1 is the loss for labels in {0, 1}
    s = 2.0 * yf - 1.0
    a = -s * zf
    terms = np.maximum(a, 0.0) + np.log1p(np.exp(-np.abs(a)))
    sig = 0.5 * (1.0 + np.tanh(0.5 * z))
    return float(terms.mean()), (sig - y) / z.size
