# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = (rng.random(A.shape) < keep_prob).astype(A.dtype)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    # the mask is not needed after the backward pass: scaled in place into dA
    mask *= dout
    mask /= keep_prob
    return mask
