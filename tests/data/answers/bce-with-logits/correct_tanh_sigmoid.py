# expect: passed | passed
import numpy as np


def bce_with_logits(z, y):
    # softplus(z) - z*y, with softplus(z) = max(z, 0) + log1p(exp(-|z|))
    softplus = np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))
    loss = float(np.sum(softplus - z * y) / z.size)
    sig = 0.5 * (1.0 + np.tanh(0.5 * z))
    return loss, (sig - y) / z.size
