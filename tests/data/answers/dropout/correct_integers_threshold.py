# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.integers(0, 2**53, size=A.shape) < keep_prob * 2**53
    return A * (mask / keep_prob), mask


def dropout_backward(dout, mask, keep_prob):
    return dout * (mask / keep_prob)
