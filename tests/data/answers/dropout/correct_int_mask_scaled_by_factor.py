# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    D = (rng.random(A.shape) < keep_prob).astype(int)
    out = A * D
    out = out / keep_prob
    return out, D


def dropout_backward(dout, mask, keep_prob):
    dA = dout * mask
    return dA / keep_prob
