# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # P(U >= 1 - q) = q for U uniform on [0, 1)
    mask = rng.random(A.size).reshape(A.shape) >= 1.0 - keep_prob
    out = np.where(mask, A / keep_prob, 0.0)
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    return np.where(mask, dout / keep_prob, 0.0)
