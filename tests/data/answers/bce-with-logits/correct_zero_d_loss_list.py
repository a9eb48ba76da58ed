# expect: passed | passed
import numpy as np


def bce_with_logits(z, y):
    # loss as a 0-d array (np.mean(..., keepdims=False) of an array stays numpy), pair as a list
    softplus = np.where(z > 0, z + np.log1p(np.exp(-np.abs(z))), np.log1p(np.exp(-np.abs(z))))
    loss = np.asarray(np.mean(softplus - z * y))
    ez = np.exp(-np.abs(z))
    p = np.where(z > 0, 1.0 / (1.0 + ez), ez / (1.0 + ez))
    return [loss, (p - y) / z.size]
