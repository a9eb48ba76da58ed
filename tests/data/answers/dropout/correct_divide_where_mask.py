# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape) < keep_prob
    out = np.divide(A, keep_prob, out=np.zeros_like(A, dtype=np.float64), where=mask)
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    return np.divide(dout, keep_prob, out=np.zeros_like(dout, dtype=np.float64), where=mask)
