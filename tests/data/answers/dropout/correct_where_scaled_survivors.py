# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # the scaled survivors picked with np.where; the mask kept as booleans
    mask = rng.uniform(0.0, 1.0, size=A.shape) < keep_prob
    out = np.where(mask, A / keep_prob, 0.0)
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    return np.where(mask, dout / keep_prob, 0.0)
