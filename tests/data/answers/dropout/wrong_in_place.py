# expect: failed | changed its input A in place
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape) < keep_prob
    A *= mask
    A /= keep_prob
    return A, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
