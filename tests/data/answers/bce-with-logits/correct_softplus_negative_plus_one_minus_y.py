# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    # log(1 + exp(-z)) + (1 - y) z, the first term written stably as
    # max(-z, 0) + log1p(exp(-|z|)); sigma(z) = exp(-softplus(-z))
    softplus_neg = np.maximum(-z, 0.0) + np.log1p(np.exp(-np.abs(z)))
    loss = np.mean(softplus_neg + (1.0 - y) * z)
    dz = (np.exp(-softplus_neg) - y) / z.size
    return float(loss), dz
