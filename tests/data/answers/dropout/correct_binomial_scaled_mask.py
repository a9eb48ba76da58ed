# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # the mask already carries the 1/keep_prob scale
    mask = rng.binomial(1, keep_prob, size=A.shape) / keep_prob
    return A * mask, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask
