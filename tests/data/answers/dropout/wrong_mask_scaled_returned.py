# expect: failed | not only 0 and 1
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = (rng.random(A.shape) < keep_prob) / keep_prob
    return A * mask, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
