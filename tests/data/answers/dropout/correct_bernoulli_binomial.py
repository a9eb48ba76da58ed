# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.binomial(1, keep_prob, size=A.shape).astype(bool)
    out = np.where(mask, A / keep_prob, 0.0)
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    return np.where(mask, dout / keep_prob, 0.0)
