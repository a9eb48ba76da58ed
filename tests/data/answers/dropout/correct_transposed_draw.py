# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape[::-1]).T < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
