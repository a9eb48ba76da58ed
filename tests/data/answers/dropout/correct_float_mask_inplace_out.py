# expect: passed | passed all
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # a 0/1 float mask; out built in place on a copy of A
    mask = (rng.random(size=A.shape) < keep_prob).astype(np.float64)
    out = A.copy()
    out *= mask
    out /= keep_prob
    return out, mask


def dropout_backward(dout, mask, keep_prob):
    grad = dout * mask
    grad /= keep_prob
    return grad
