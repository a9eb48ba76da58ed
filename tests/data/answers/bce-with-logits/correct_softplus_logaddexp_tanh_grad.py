# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    # loss = y * softplus(-z) + (1 - y) * softplus(z), softplus(a) = logaddexp(0, a)
    loss = y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)
    # sigmoid(z) = (1 + tanh(z / 2)) / 2 never overflows
    sig = 0.5 * (1.0 + np.tanh(0.5 * z))
    return float(np.mean(loss)), (sig - y) / z.size
