# expect: failed | the shape of one row of A, A[0].shape
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # draws for one row, A[0].shape, left to broadcast over the rows of A
    mask = rng.random(A[0].shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
