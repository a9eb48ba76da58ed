# expect: failed | dA was multiplied by keep_prob
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    # the scale inverted on the way back: multiplied by keep_prob instead of divided
    return dout * mask * keep_prob
