# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape) < keep_prob
    out = np.zeros_like(A, dtype=np.float64)
    np.divide(A, keep_prob, out=out, where=mask)
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    dA = np.zeros_like(dout, dtype=np.float64)
    np.divide(dout, keep_prob, out=dA, where=np.asarray(mask, dtype=bool))
    return dA
