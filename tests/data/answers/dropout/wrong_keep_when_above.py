# expect: failed | kept with probability 1 - keep_prob
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape) > keep_prob  # keeps with probability 1 - keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
