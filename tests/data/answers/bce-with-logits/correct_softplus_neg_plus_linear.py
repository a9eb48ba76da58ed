# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    # -y log s(z) - (1 - y) log(1 - s(z)) = softplus(-z) + (1 - y) z
    loss = np.mean(np.logaddexp(0.0, -z) + (1.0 - y) * z)
    sig = np.exp(-np.logaddexp(0.0, -z))
    return float(loss), (sig - y) / z.size
