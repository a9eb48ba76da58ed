# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.binomial(1, keep_prob, size=A.shape)
    out = A.copy()
    out[mask == 0] = 0.0
    out /= keep_prob
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    grad = np.array(dout, dtype=np.float64)
    grad[mask == 0] = 0.0
    return grad / keep_prob
