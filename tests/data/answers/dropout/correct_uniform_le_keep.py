# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    u = rng.uniform(0.0, 1.0, size=A.shape)
    mask = (u < keep_prob).astype(A.dtype)
    out = np.multiply(A, mask)
    out /= keep_prob
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    return np.where(mask.astype(bool), dout / keep_prob, 0.0)
