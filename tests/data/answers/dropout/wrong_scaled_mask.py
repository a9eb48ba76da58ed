# expect: failed | mask
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # the mask carries the 1/keep_prob scaling (a common course style); the drill's mask is 0/1
    mask = (rng.random(A.shape) < keep_prob) / keep_prob
    return A * mask, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask
