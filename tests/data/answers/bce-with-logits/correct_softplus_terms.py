# expect: passed | passed
import numpy as np


def _softplus(a):
    return np.logaddexp(0.0, a)


def bce_with_logits(z, y):
    # -y log s(z) - (1 - y) log(1 - s(z)) = y softplus(-z) + (1 - y) softplus(z)
    loss = np.mean(y * _softplus(-z) + (1.0 - y) * _softplus(z))
    sig = np.exp(-_softplus(-z))
    return float(loss), (sig - y) / z.size
