# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    # per element: softplus(z) - y z = softplus(-z) + (1 - y) z
    loss = np.logaddexp(0.0, z) - y * z
    sig = np.exp(-np.logaddexp(0.0, -z))
    return float(loss.mean()), (sig - y) / z.size
