# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = (rng.random(A.size) < keep_prob).reshape(A.shape)
    return np.where(mask, A / keep_prob, 0.0), mask


def dropout_backward(dout, mask, keep_prob):
    return dout * (mask * (1.0 / keep_prob))
