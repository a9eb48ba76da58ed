# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = (rng.random(A.shape) < keep_prob).astype(np.float64)
    out = A * mask
    out /= keep_prob
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    return np.where(mask.astype(bool), dout / keep_prob, 0.0)
