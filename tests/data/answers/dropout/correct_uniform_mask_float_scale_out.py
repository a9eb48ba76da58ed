# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    keep = rng.random(A.shape) < keep_prob
    out = np.zeros_like(A, dtype=np.float64)
    np.multiply(A, 1.0 / keep_prob, out=out, where=keep)
    return out, keep


def dropout_backward(dout, mask, keep_prob):
    return np.where(mask, dout / keep_prob, 0.0)
