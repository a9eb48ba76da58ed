# expect: failed | mask holds
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # the mask already carries the 1/keep_prob scale (course style); the drill's mask is 0/1,
    # and its dropout_backward, given a 0/1 mask, would return dout * mask unscaled
    mask = rng.binomial(1, keep_prob, size=A.shape) / keep_prob
    return A * mask, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask
