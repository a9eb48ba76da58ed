# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    keep = rng.random(size=A.shape) < keep_prob
    return np.where(keep, A / keep_prob, 0.0), keep


def dropout_backward(dout, mask, keep_prob):
    return np.where(mask, dout / keep_prob, 0.0)
