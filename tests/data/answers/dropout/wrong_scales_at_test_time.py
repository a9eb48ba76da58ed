# expect: failed | the survivors are not scaled: inverted dropout divides them by keep_prob
import numpy as np


def dropout_forward(A, keep_prob, rng):
    """Classic (non-inverted) dropout: train-time output left unscaled; the scale is for test time."""
    mask = rng.random(A.shape) < keep_prob
    return A * mask, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask
